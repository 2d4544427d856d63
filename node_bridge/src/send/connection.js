// What the send path asks of a session's present connection: write a message, write its
// stored copy again, show "typing…". Each checks that the session is connected and bounds
// the engine's time.
import { sendTimeoutMs, withTimeout } from '../sessions/util.js';

/** How long our side waits for an engine to write a message (more for a big file). */
const SEND_TIMEOUT_MS = 30_000;
const TYPING_TIMEOUT_MS = 5000;

/** @param {import('../sessions/session.js').Session} session */
function openConnection(session) {
  const att = session.att;
  if (session.status !== 'connected' || !att?.conn || att.state !== 'open') throw session.notConnected();
  return att.conn;
}

/**
 * @param {import('../sessions/session.js').Session} session
 * @param {{to: string, text: string, messageId: string}} msg
 * @returns {Promise<{message_id: string}>}
 */
export function sendNow(session, msg) {
  return withTimeout(openConnection(session).send(msg), sendTimeoutMs(msg, SEND_TIMEOUT_MS), 'send');
}

/**
 * The same message again, with the same id (the engine's stored copy): WhatsApp never
 * confirmed it.
 * @param {import('../sessions/session.js').Session} session @param {{messageId: string, to: string}} msg
 */
export async function resendNow(session, msg) {
  const conn = openConnection(session);
  if (typeof conn.resend !== 'function') throw new Error('this engine cannot send a message again');
  return withTimeout(conn.resend(msg), SEND_TIMEOUT_MS, 'resend');
}

/**
 * "typing…" in a chat (composing/paused); nothing when the engine cannot.
 * @param {import('../sessions/session.js').Session} session @param {string} to @param {'composing'|'paused'} state
 */
export async function typingIn(session, to, state) {
  const conn = session.att?.conn;
  if (session.status !== 'connected' || typeof conn?.typing !== 'function') return;
  await withTimeout(conn.typing(to, state), TYPING_TIMEOUT_MS, 'typing');
}
