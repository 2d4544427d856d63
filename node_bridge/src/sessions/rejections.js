// What WhatsApp's refusals mean for the owner. Pure: no I/O.
//
// A sent message WhatsApp refuses comes back as an ack stanza with an error attribute;
// Baileys 7.0.0-rc14 turns it into messages.update [{key: {remoteJid, fromMe: true, id},
// update: {status: ERROR, messageStubParameters: [code] or [code, ACCOUNT_RESTRICTED_TEXT]}}]
// (lib/Socket/messages-recv.js handleBadAck, lines ~1494-1565; codes in
// lib/Utils/decode-wa-message.js SERVER_ERROR_CODES / NACK_REASONS). A time lock or a
// new-chat cap arrives as connection.update {reachoutTimeLock: {isActive,
// timeEnforcementEnds: Date, enforcementType}} (messages-recv.js ~151-181, socket.js
// fetchAccountReachoutTimelock ~905-916) and message-capping.update {capping_status,
// cycle_end_timestamp, ...} (messages-recv.js ~183-191, Types/State.d.ts NewChatMessageCapInfo).

/** Baileys' ACCOUNT_RESTRICTED_TEXT, the second stub parameter of a time-locked refusal. */
const ACCOUNT_RESTRICTED_TEXT = 'Your account has been restricted';

const NOT_AGAIN = 'Jaga does not send it again by itself: a retry counts as another new chat and deepens the restriction.';

/**
 * A refusal as the bridge reports it in message.ack (status "failed").
 * @param {unknown} stubParameters messageStubParameters of the ERROR update
 * @returns {{error_code: string, reason: string, error: string}}
 */
export function rejectionFromStub(stubParameters) {
  const params = Array.isArray(stubParameters) ? stubParameters.map(String) : [];
  const code = params[0] && /^\d{1,5}$/.test(params[0]) ? params[0] : 'unknown';
  const timelocked = params.includes(ACCOUNT_RESTRICTED_TEXT);
  return rejection(code, timelocked);
}

/**
 * @param {string} code WhatsApp's error code ("463", "479", …)
 * @param {boolean} [timelocked] WhatsApp said the account is time-locked
 */
export function rejection(code, timelocked = false) {
  if (code === '463') {
    return {
      error_code: code,
      reason: timelocked ? 'reachout_timelocked' : 'reachout_restricted',
      error: `WhatsApp refused this message: the number may not start new chats right now (error 463). ${NOT_AGAIN}`,
    };
  }
  if (code === '479') {
    return {
      error_code: code,
      reason: 'rejected_by_server',
      error: 'WhatsApp rejected this message (error 479). Jaga does not send it again by itself; use "Send again" if it should go.',
    };
  }
  return {
    error_code: code,
    reason: 'rejected_by_server',
    error: `WhatsApp rejected this message (error ${code}). Jaga does not send it again by itself.`,
  };
}

/**
 * @typedef {object} SendLimit  number health: sending to new contacts is limited
 * @property {'reachout_timelock'|'new_chat_cap'|'daily_new_contacts'} reason  (the last: Jaga's own cap, pacing/gate.js)
 * @property {string|null} until ISO-8601 end, null when WhatsApp did not say
 * @property {string} message
 */

/** @param {unknown} value seconds (string or number), a Date, or nothing @returns {string|null} */
function isoOf(value) {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000).toISOString();
}

/**
 * connection.update's reachoutTimeLock → a limit, or null when lifted.
 * @param {any} lock
 * @returns {SendLimit|null}
 */
export function limitFromTimelock(lock) {
  if (!lock?.isActive) return null;
  const until = isoOf(lock.timeEnforcementEnds);
  return {
    reason: 'reachout_timelock',
    until,
    message: until
      ? `WhatsApp limits sending to new contacts until ${until}.`
      : 'WhatsApp limits sending to new contacts for now.',
  };
}

/**
 * message-capping.update's payload → a limit, or null when not capped.
 * @param {any} info NewChatMessageCapInfo
 * @returns {SendLimit|null}
 */
export function limitFromCapping(info) {
  if (info?.capping_status !== 'CAPPED') return null;
  const until = isoOf(info.cycle_end_timestamp);
  return {
    reason: 'new_chat_cap',
    until,
    message: until
      ? `This number reached WhatsApp's limit of new chats; sending to new contacts is limited until ${until}.`
      : "This number reached WhatsApp's limit of new chats for now.",
  };
}

/**
 * Is a limit still on at `now`? (One without an end stays until WhatsApp lifts it.)
 * @param {SendLimit|null} limit @param {number} now
 */
export function limitActive(limit, now) {
  if (!limit) return false;
  return limit.until == null || Date.parse(limit.until) > now;
}

/**
 * WhatsApp refused a request to link by pairing code (its iq answered with an <error>): the
 * owner is told to scan the QR code instead (engines/baileys/pairing.js, the sim the same).
 * @param {number} status the error's code (400…) @param {string} text its text ("bad-request")
 */
export function pairingRefusedSentence(status, text) {
  return `WhatsApp refused to link by code (error ${status}: ${text}). Link by scanning the QR code instead.`;
}
