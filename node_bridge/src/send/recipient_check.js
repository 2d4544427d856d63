// Is a new recipient on WhatsApp? Asked once (Baileys' onWhatsApp: a usync contact query,
// rc14 socket.js:222-246, which lists a phone only when it is on WhatsApp) and remembered
// (chat_facts.js); a message to a phone that is not fails at once, in words, instead of
// staying "sent" forever. A question WhatsApp does not answer lets the message go: the
// check must never hold a real customer back.
import { ApiError } from '../server/api_error.js';
import { withTimeout } from '../sessions/util.js';
import { lidsOf } from '../sessions/edges.js';

const CHECK_TIMEOUT_MS = 10_000;

/** @param {string} phone */
export function notOnWhatsApp(phone) {
  return new ApiError(422, 'not_on_whatsapp', `The number ${phone} is not on WhatsApp; the message was not sent.`);
}

/**
 * Throws 422 not_on_whatsapp when `to` (phone digits) is known not to be on WhatsApp.
 * Groups, LIDs, chats the number already talks to and phones with a known LID are not asked.
 * @param {any} session @param {string} to @param {{newContact: boolean}} job
 */
export async function checkRecipient(session, to, { newContact }) {
  if (!newContact || !/^\d+$/.test(to) || lidsOf(session.store).lidFor(session.id, to)) return;
  const facts = session.store.chatFacts;
  const known = facts.onWhatsApp(session.id, to);
  if (known === false) throw notOnWhatsApp(to);
  if (known === true) return;
  const conn = session.att?.conn;
  if (typeof conn?.onWhatsApp !== 'function') return;
  let exists;
  try {
    exists = await withTimeout(conn.onWhatsApp(to), CHECK_TIMEOUT_MS, 'onWhatsApp');
  } catch (err) {
    session.log.warn({ err }, 'could not ask WhatsApp whether a recipient uses it; sending anyway');
    return;
  }
  if (typeof exists !== 'boolean') return;
  const remembered = session.store.write(() => facts.setOnWhatsApp(session.id, to, exists));
  if (!exists) {
    await remembered; // the refusal is final: the next send to the phone finds it
    throw notOnWhatsApp(to);
  }
  // A "yes" joins the commit of the message's own record (send/path.js insertPending, queued
  // in this turn): one sync to disk instead of two before the message may go, and never on
  // the wire without it. Lost with that commit, the phone is only asked again.
  remembered.catch((err) => session.log.warn({ err }, 'could not remember that a recipient uses WhatsApp'));
}
