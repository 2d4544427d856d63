// Why a socket ended, as the session manager is told it (on.close): Baileys' close code
// and message, with a reason when we know better than the code does.
import { DisconnectReason } from '@whiskeysockets/baileys';
import { networkErrorCode } from '../../sessions/close_codes.js';
import { closeInfoFromError } from './mapping.js';

/**
 * A Boom-shaped error: what Baileys' end() and closeInfoFromError understand.
 * @param {number} statusCode
 * @param {string} message
 */
export function closeError(statusCode, message) {
  return Object.assign(new Error(message), { output: { statusCode } });
}

/**
 * The close to report for a `connection.update {connection: 'close'}`.
 * @param {{error?: unknown} | undefined} lastDisconnect  the update's lastDisconnect
 * @param {string | undefined} localReason  set when we ended the socket ourselves
 * @param {import('pino').Logger} log
 * @returns {{code: number, message: string, reason?: string}}
 */
export function closeReport(lastDisconnect, localReason, log) {
  const info = closeInfoFromError(lastDisconnect?.error);
  let reason = localReason;
  if (!reason && info.code === DisconnectReason.timedOut && /QR refs attempts ended/i.test(info.message)) {
    reason = 'qr_timeout';
  }
  // No internet (DNS, refused, unreachable, TLS): Baileys says 408 or 500, the cause is ours.
  const network = reason ? null : networkErrorCode(lastDisconnect?.error);
  if (network) {
    reason = 'network_unreachable';
    log.warn({ cause: network }, 'no network to WhatsApp');
  }
  return { ...info, ...(reason ? { reason } : {}) };
}
