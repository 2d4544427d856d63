// Small shared pieces of the sim engine.
import { ApiError } from '../../server/api_error.js';

/** @param {string} to @returns {string} how the engines name a chat: digits for a person, a group's jid as is */
export function chatOf(to) {
  if (to.endsWith('@g.us') || to.endsWith('@lid')) return to.split(':')[0].replace(/:\d+@/, '@');
  return to.split('@')[0].split(':')[0];
}

/** @param {string} jid */
export function digitsOf(jid) {
  return jid.split('@')[0].split(':')[0];
}

/** @param {unknown} phone @param {string} what */
export function phoneArg(phone, what) {
  const digits = typeof phone === 'string' ? phone.replace(/[\s()+.-]/g, '') : '';
  if (!/^[1-9]\d{6,14}$/.test(digits)) {
    throw new ApiError(400, 'bad_request', `${what} must be an international number, digits only (e.g. 628123456789)`);
  }
  return digits;
}

/**
 * A temporary ban's details as WhatsApp sends them with a 402 ({code, expire_s}), as the
 * baileys engine reports them ({code, until}).
 * @param {unknown} ban
 */
export function banArg(ban) {
  if (ban === undefined || ban === null) return undefined;
  const b = /** @type {any} */ (ban);
  if (typeof b !== 'object' || (b.code !== undefined && !Number.isInteger(b.code)) || (b.expire_s !== undefined && !Number.isInteger(b.expire_s))) {
    throw new ApiError(400, 'bad_request', 'ban must be {code?: whole number, expire_s?: whole number}');
  }
  return { code: b.code === undefined ? null : String(b.code), until: b.expire_s ? new Date(Date.now() + b.expire_s * 1000).toISOString() : null };
}

/** What a computer without internet sees (Baileys: socket.js mapWebSocketError). */
export const NO_NETWORK_ERROR = 'WebSocket Error (getaddrinfo ENOTFOUND web.whatsapp.com)';
