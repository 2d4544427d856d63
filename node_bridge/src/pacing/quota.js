// WhatsApp's quota of new chats (message-capping.update or fetchNewChatMessageCap:
// NewChatMessageCapInfo {total_quota, used_quota, capping_status, cycle_end_timestamp},
// rc14 Types/State.d.ts:69-95) as safe sending uses it: the warnings before the cap slow
// messages to new contacts, and the day's cap on new contacts never goes past what is left
// of WhatsApp's quota. Pure.

/** How much longer the gap after a message to a new contact is, per warning. */
export const SLOW_FACTORS = Object.freeze({ FIRST_WARNING: 2, SECOND_WARNING: 4 });

/**
 * @typedef {object} Quota
 * @property {string} status     NONE, FIRST_WARNING, SECOND_WARNING or CAPPED
 * @property {number|null} total  new chats allowed in the cycle
 * @property {number|null} used   used when WhatsApp said so
 * @property {number|null} cycleEnd  ms, when the cycle ends
 */

/** @param {unknown} v @returns {number|null} */
function count(v) {
  const n = Number(v);
  return v !== null && v !== undefined && v !== '' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** @param {any} info NewChatMessageCapInfo @returns {Quota|null} */
export function quotaFromCapping(info) {
  if (!info || typeof info !== 'object') return null;
  const seconds = Number(info.cycle_end_timestamp);
  return {
    status: typeof info.capping_status === 'string' ? info.capping_status : 'NONE',
    total: count(info.total_quota),
    used: count(info.used_quota),
    cycleEnd: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null,
  };
}

/** How much slower new contacts go under this quota (1: not slower). @param {Quota|null|undefined} quota */
export function slowFactor(quota) {
  return (quota && SLOW_FACTORS[/** @type {keyof typeof SLOW_FACTORS} */ (quota.status)]) || 1;
}

/**
 * New chats left in WhatsApp's quota, counting those this bridge started since WhatsApp said
 * how many were used; null when WhatsApp gave no numbers (or its cycle ended).
 * @param {Quota|null|undefined} quota @param {number} spent @param {number} now
 */
export function quotaLeft(quota, spent, now) {
  if (!quota || quota.total === null || quota.used === null) return null;
  if (quota.cycleEnd !== null && quota.cycleEnd <= now) return null;
  return Math.max(0, quota.total - quota.used - spent);
}
