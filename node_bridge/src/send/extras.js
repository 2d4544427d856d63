// What a send or a chat action may carry besides text: the message it answers (a quoted
// reply) and the messages to mark as seen (read receipts). Checked here, at the door;
// the engines get clean values.
import { ApiError, badRequest } from '../server/api_error.js';

const MESSAGE_ID_RE = /^[A-Za-z0-9_.:-]{1,128}$/;
const JID_RE = /^[0-9A-Za-z._:-]{1,64}@(s\.whatsapp\.net|g\.us|lid)$/;
const MAX_SEEN = 100;
const MAX_QUOTED_TEXT = 4096;

/**
 * @typedef {object} Quoted  the message a reply answers, as the app stored it
 * @property {string} id           its WhatsApp message id
 * @property {boolean} from_me     this number wrote it
 * @property {string} text         its text (WhatsApp shows it above the reply)
 * @property {string|null} participant  its writer, in a group
 */

/** @param {unknown} raw @returns {Quoted|null} */
export function parseQuoted(raw) {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('quoted must be an object {id, from_me, text}.');
  const q = /** @type {Record<string, unknown>} */ (raw);
  if (typeof q.id !== 'string' || !MESSAGE_ID_RE.test(q.id)) throw badRequest('quoted.id must be a WhatsApp message id.');
  if (typeof q.from_me !== 'boolean') throw badRequest('quoted.from_me must be true or false.');
  if (typeof q.text !== 'string') throw badRequest('quoted.text must be a string.');
  const participant = q.participant ?? null;
  if (participant !== null && (typeof participant !== 'string' || !participantJid(participant))) {
    throw badRequest('quoted.participant must be a phone number or a WhatsApp jid.');
  }
  return {
    id: q.id,
    from_me: q.from_me,
    text: q.text.slice(0, MAX_QUOTED_TEXT),
    participant: participant === null ? null : participantJid(participant),
  };
}

/** @param {string} value digits or a jid → a jid, or null */
function participantJid(value) {
  if (JID_RE.test(value)) return value;
  return /^[1-9]\d{5,14}$/.test(value) ? `${value}@s.whatsapp.net` : null;
}

/**
 * POST /sessions/{id}/seen {chat, ids, participant?}: mark a chat's messages as seen.
 * @param {unknown} raw @param {(to: unknown) => string|null} normalize the send path's recipient rule
 */
export function parseSeen(raw, normalize) {
  const body = /** @type {Record<string, unknown>} */ (raw ?? {});
  const chat = normalize(body.chat);
  if (chat === null) throw badRequest('chat must be a phone number (digits) or a WhatsApp JID.');
  const ids = body.ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_SEEN
    || !ids.every((id) => typeof id === 'string' && MESSAGE_ID_RE.test(id))) {
    throw badRequest(`ids must be 1 to ${MAX_SEEN} WhatsApp message ids.`);
  }
  const participant = body.participant ?? null;
  if (participant !== null && (typeof participant !== 'string' || !participantJid(participant))) {
    throw badRequest('participant must be a phone number or a WhatsApp jid.');
  }
  return { chat, ids: [...new Set(ids)], participant: participant === null ? null : participantJid(participant) };
}

/**
 * Marks messages seen through the session's live connection.
 * @param {any} session @param {{chat: string, ids: string[], participant: string|null}} seen
 */
export async function markSeen(session, seen) {
  const att = session.att;
  if (session.status !== 'connected' || !att?.conn || att.state !== 'open') throw session.notConnected();
  if (typeof att.conn.markSeen !== 'function') {
    throw new ApiError(501, 'not_supported', 'This engine cannot mark messages as seen.');
  }
  await att.conn.markSeen(seen);
  return { chat: seen.chat, ids: seen.ids, status: 'seen' };
}
