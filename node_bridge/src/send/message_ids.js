// The WhatsApp id of a message Jaga sends, in WhatsApp Web's form: "3EB0" and 18 upper-case
// hex digits, as Baileys makes them (rc14 lib/Utils/generics.js:134-150,
// generateMessageIDV2: "3EB0" + the first 18 hex digits of a SHA-256). Derived from the
// session and the app's client_id instead of the clock and randomness, so every retry of
// one message (after a crash, a restart, a lost ack) carries the same id and WhatsApp
// de-duplicates it.
import { createHash } from 'node:crypto';

export const WA_ID_RE = /^3EB0[0-9A-F]{18}$/;

/** @param {string} sessionId @param {string} clientId @returns {string} */
export function waMessageId(sessionId, clientId) {
  const hash = createHash('sha256').update(`jaga-message\u0000${sessionId}\u0000${clientId}`, 'utf8').digest('hex');
  return `3EB0${hash.toUpperCase().slice(0, 18)}`;
}
