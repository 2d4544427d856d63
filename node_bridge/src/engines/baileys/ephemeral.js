// A chat's disappearing-messages timer, as its messages carry it: a message written in such
// a chat has contextInfo.expiration (seconds; rc14 Utils/messages.js:587-600 sets it on the
// way out the same way), and turning it on or off is a protocolMessage EPHEMERAL_SETTING with
// ephemeralExpiration (0: off; Utils/messages.js:219-230). Messages we send into the chat
// copy it (outbound.js), or the customer sees them stay while theirs disappear.
import { normalizeMessageContent, proto } from '@whiskeysockets/baileys';

/**
 * The chat's timer this message tells, in seconds (0: turned off), or null when it tells nothing.
 * @param {proto.IMessage | null | undefined} message
 * @returns {number | null}
 */
export function expirationOf(message) {
  const m = normalizeMessageContent(message);
  if (!m) return null;
  const protocol = m.protocolMessage;
  if (protocol?.type === proto.Message.ProtocolMessage.Type.EPHEMERAL_SETTING) return seconds(protocol.ephemeralExpiration) ?? 0;
  for (const part of Object.values(m)) {
    const expiration = seconds(/** @type {any} */ (part)?.contextInfo?.expiration);
    if (expiration) return expiration;
  }
  return null;
}

/** @param {unknown} v @returns {number|null} */
function seconds(v) {
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
