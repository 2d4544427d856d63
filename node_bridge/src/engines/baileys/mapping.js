// Pure translations between Baileys' world (jids, protobuf messages, Boom errors, receipt
// statuses) and the bridge contract (digits, plain text, close codes, sent/delivered/read).
// No I/O, no state: unit-tested on their own.

import { DisconnectReason, jidDecode, normalizeMessageContent, proto } from '@whiskeysockets/baileys';

const PN_SERVERS = new Set(['s.whatsapp.net', 'c.us']);
const LID_SERVERS = new Set(['lid', 'hosted.lid']);

/** Rank of ack statuses; an ack is only worth reporting when it moves a message forward. */
export const ACK_RANK = Object.freeze({ sent: 1, delivered: 2, read: 3 });

/**
 * The close code and sentence for a connection that ended with `error`
 * (connection.update's lastDisconnect.error: usually a Boom). A temporary ban (402) carries
 * what WhatsApp said with it: rc14 ends the socket with Boom('Connection Failure',
 * {statusCode: reason, data: node.attrs}) for <failure reason="402" code=… expire=…>
 * (socket.js:798-801); `code` is the ban's reason, `expire` its seconds left.
 * @param {any} error
 * @param {() => number} [now]
 * @returns {{code: number, message: string, ban?: {code: string|null, until: string|null}}}
 */
export function closeInfoFromError(error, now = Date.now) {
  if (error == null) return { code: DisconnectReason.connectionClosed, message: 'connection closed' };
  let code = Number(error?.output?.statusCode ?? error?.statusCode);
  if (!Number.isInteger(code) || code <= 0) {
    // Not a Boom: an unexpected local failure. 500 is Baileys' own "bad session" code and
    // the session manager treats it as transient.
    code = DisconnectReason.badSession;
  }
  // A stream:error <conflict type="device_removed"/> without a code attribute maps to 440 in
  // Baileys, but it means the phone unlinked us: that is a logout, not a replacement.
  const data = error?.data;
  if (code === DisconnectReason.connectionReplaced && data?.tag === 'conflict' && data?.attrs?.type === 'device_removed') {
    code = DisconnectReason.loggedOut;
  }
  const message = typeof error?.message === 'string' && error.message ? error.message : String(error);
  if (code !== 402) return { code, message };
  const banCode = /^\d{1,5}$/.test(String(data?.code ?? '')) ? String(data.code) : null;
  const expire = Number(data?.expire);
  const until = Number.isFinite(expire) && expire > 0 ? new Date(now() + expire * 1000).toISOString() : null;
  return { code, message, ban: { code: banCode, until } };
}

/**
 * Phone digits of a phone-number jid ("628123:4@s.whatsapp.net" → "628123"), else null.
 * @param {string | null | undefined} jid
 * @returns {string | null}
 */
export function digitsFromJid(jid) {
  if (typeof jid !== 'string') return null;
  const d = jidDecode(jid);
  if (!d || !PN_SERVERS.has(d.server) || !/^\d+$/.test(d.user)) return null;
  return d.user;
}

/**
 * How the bridge names a person: phone digits when known (directly or through the
 * alternative jid WhatsApp sends next to a LID), otherwise the jid without device part
 * ("123456@lid"), so nobody mistakes a LID for a phone number.
 * @param {string | null | undefined} jid
 * @param {string | null | undefined} [altJid]
 * @returns {string | null}
 */
export function personId(jid, altJid) {
  const digits = digitsFromJid(jid) ?? digitsFromJid(altJid);
  if (digits) return digits;
  const d = typeof jid === 'string' ? jidDecode(jid) : undefined;
  if (!d) return typeof jid === 'string' && jid ? jid : null;
  return `${d.user}@${d.server}`;
}

/**
 * @param {string | null | undefined} jid
 * @returns {boolean}
 */
export function isGroupJid(jid) {
  return typeof jid === 'string' && jid.endsWith('@g.us');
}

/**
 * The chat of a message key: a group's jid as is, a person as digits (see personId).
 * @param {{remoteJid?: string | null, remoteJidAlt?: string | null}} key
 */
export function chatIdFromKey(key) {
  if (isGroupJid(key?.remoteJid)) return /** @type {string} */ (key.remoteJid);
  return personId(key?.remoteJid, key?.remoteJidAlt);
}

/**
 * The author of an inbound message: the participant in a group, else the chat itself.
 * @param {{remoteJid?: string | null, remoteJidAlt?: string | null, participant?: string | null, participantAlt?: string | null}} key
 */
export function senderIdFromKey(key) {
  if (isGroupJid(key?.remoteJid)) return personId(key.participant, key.participantAlt);
  return chatIdFromKey(key);
}

/**
 * Accepts "+62 812-3456-789", "628123456789" or a full jid; returns the jid to send to.
 * @param {string} to
 * @returns {string}
 * @throws {TypeError & {code: string}} on anything that is neither
 */
export function recipientJid(to) {
  if (typeof to === 'string' && to.includes('@')) {
    const d = jidDecode(to);
    if (d?.user && d.server) return `${d.user}@${d.server}`;
  } else if (typeof to === 'string') {
    const digits = to.replace(/[\s\-+().]/g, '');
    if (/^\d{6,15}$/.test(digits)) return `${digits}@s.whatsapp.net`;
  }
  throw codedError(TypeError, 'bad_recipient', `not a phone number or WhatsApp jid: ${JSON.stringify(to)}`);
}

/**
 * Digits of a phone number typed by a person (for pairing codes), in international form.
 * @param {string} phone
 * @returns {string}
 */
export function phoneDigits(phone) {
  const digits = typeof phone === 'string' ? phone.replace(/[\s\-+().]/g, '') : '';
  if (!/^[1-9]\d{6,14}$/.test(digits)) {
    throw codedError(TypeError, 'bad_phone', 'phone must be an international number, digits only, e.g. 628123456789');
  }
  return digits;
}

/**
 * Readable text of a message, or null when it carries nothing a person would read
 * (protocol messages, reactions, key distribution, edits/deletes, empty stubs).
 * Media (image, video, audio, voice note, document, sticker) travels as its own object
 * (media.js mediaOf): its text is the caption or "". Other kinds without text (location,
 * contact, poll) get a short bracketed placeholder so they are not lost.
 * @param {proto.IMessage | null | undefined} message
 * @returns {string | null}
 */
export function extractText(message) {
  const m = normalizeMessageContent(message);
  if (!m) return null;
  const text =
    m.conversation ||
    m.extendedTextMessage?.text ||
    m.imageMessage?.caption ||
    m.videoMessage?.caption ||
    m.documentMessage?.caption ||
    m.buttonsResponseMessage?.selectedDisplayText ||
    m.templateButtonReplyMessage?.selectedDisplayText ||
    m.listResponseMessage?.title;
  if (text) return text;
  if (m.imageMessage || m.videoMessage || m.ptvMessage || m.audioMessage || m.documentMessage || m.stickerMessage) return '';
  const loc = m.locationMessage || m.liveLocationMessage;
  if (loc) return `[location: ${loc.degreesLatitude ?? '?'},${loc.degreesLongitude ?? '?'}]`;
  if (m.contactMessage) return `[contact: ${m.contactMessage.displayName ?? ''}]`;
  if (m.contactsArrayMessage) return '[contacts]';
  const poll = m.pollCreationMessage || m.pollCreationMessageV2 || m.pollCreationMessageV3;
  if (poll) return `[poll: ${poll.name ?? ''}]`;
  return null;
}

/**
 * proto.WebMessageInfo.Status (as in messages.update) → contract ack status, or null for
 * states that are not an ack (ERROR, PENDING, unknown).
 * @param {number | null | undefined} status
 * @returns {'sent' | 'delivered' | 'read' | null}
 */
export function ackStatusFromWaStatus(status) {
  const S = proto.WebMessageInfo.Status;
  switch (status) {
    case S.SERVER_ACK:
      return 'sent';
    case S.DELIVERY_ACK:
      return 'delivered';
    case S.READ:
    case S.PLAYED:
      return 'read';
    default:
      return null;
  }
}

/**
 * A group receipt (message-receipt.update's `receipt`) → ack status, or null.
 * @param {{receiptTimestamp?: unknown, readTimestamp?: unknown, playedTimestamp?: unknown} | null | undefined} receipt
 * @returns {'delivered' | 'read' | null}
 */
export function ackStatusFromReceipt(receipt) {
  if (!receipt) return null;
  if (receipt.readTimestamp || receipt.playedTimestamp) return 'read';
  if (receipt.receiptTimestamp) return 'delivered';
  return null;
}

/**
 * Message timestamp (seconds; number, numeric string or protobuf Long) → ISO-8601 UTC.
 * Falls back to `now` when missing or nonsense.
 * @param {unknown} ts
 * @param {() => number} [now]
 * @returns {string}
 */
export function isoFromWaTimestamp(ts, now = Date.now) {
  let seconds = NaN;
  if (typeof ts === 'number') seconds = ts;
  else if (typeof ts === 'string') seconds = Number(ts);
  else if (ts && typeof (/** @type {any} */ (ts).toNumber) === 'function') seconds = /** @type {any} */ (ts).toNumber();
  const ms = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : now();
  return new Date(ms).toISOString();
}

/**
 * Rewrites the ADV secret field of a pairing QR string
 * ("https://wa.me/settings/linked_devices#ref,noiseKey,identityKey,advSecret,platform").
 * @param {string} qr
 * @param {string} advSecretB64
 * @returns {string}
 */
export function qrWithAdvSecret(qr, advSecretB64) {
  const hash = qr.indexOf('#');
  const fields = qr.slice(hash + 1).split(',');
  if (hash < 0 || fields.length < 5) return qr;
  fields[3] = advSecretB64;
  return `${qr.slice(0, hash + 1)}${fields.join(',')}`;
}

/**
 * @param {new (message: string) => Error} Kind
 * @param {string} code
 * @param {string} message
 */
export function codedError(Kind, code, message) {
  const err = /** @type {Error & {code: string}} */ (new Kind(message));
  err.code = code;
  return err;
}
