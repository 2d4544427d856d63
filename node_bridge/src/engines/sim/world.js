// The sim's edges of the real world, set through /sim routes: the computer's network
// switch, recipients WhatsApp refuses (463, 479), a reach-out time lock with an end, a cap
// on new chats, groups, and people WhatsApp addresses by LID.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../server/api_error.js';
import { rejection } from '../../sessions/rejections.js';

const REJECT_CODES = new Set([463, 479]);
const QUOTA_STATUSES = new Set(['NONE', 'FIRST_WARNING', 'SECOND_WARNING', 'CAPPED']);

/** @param {unknown} value @param {string} what @returns {string|null} ISO or null */
function isoArg(value, what) {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new ApiError(400, 'bad_request', `${what} must be an ISO-8601 time or null`);
  }
  return new Date(value).toISOString();
}

export class SimWorld {
  constructor() {
    /** recipient digits → WhatsApp error code @type {Map<string, number>} */
    this.rejecting = new Map();
    /** session → limit (time lock or cap) @type {Map<string, import('../../sessions/rejections.js').SendLimit>} */
    this.limits = new Map();
    /** group jid → {subject, participants} @type {Map<string, {subject: string, participants: string[]}>} */
    this.groups = new Map();
    /** session → the code WhatsApp refuses its next message with (once) @type {Map<string, number>} */
    this.refuseNext = new Map();
    /** WhatsApp refuses requests to link by code with this error code (null: it accepts them). @type {number|null} */
    this.pairingRefusal = null;
    /** session → WhatsApp's quota of new chats (NewChatMessageCapInfo) @type {Map<string, any>} */
    this.quotas = new Map();
    /** Phones that are not on WhatsApp (onWhatsApp says no). @type {Set<string>} */
    this.notOnWhatsApp = new Set();
    /** WhatsApp no longer takes the client's version: every login is closed with 405. */
    this.outdated = false;
  }

  /** The demo's "WhatsApp refuses the next send": once, whoever it goes to. @param {string} sessionId @param {unknown} code */
  setRefuseNext(sessionId, code) {
    const chosen = code ?? 463;
    if (!REJECT_CODES.has(/** @type {number} */ (chosen))) throw new ApiError(400, 'bad_request', 'code must be 463 or 479');
    this.refuseNext.set(sessionId, /** @type {number} */ (chosen));
    return { refuse_next: chosen };
  }

  /** @param {unknown} outdated */
  setOutdated(outdated) {
    if (typeof outdated !== 'boolean') throw new ApiError(400, 'bad_request', 'outdated must be true or false');
    this.outdated = outdated;
    return { outdated };
  }

  /** @param {unknown} refuse an iq error code (400…) or null */
  setPairingRefusal(refuse) {
    if (refuse !== null && refuse !== undefined && (!Number.isInteger(refuse) || /** @type {number} */ (refuse) < 400 || /** @type {number} */ (refuse) > 599)) {
      throw new ApiError(400, 'bad_request', 'refuse must be an error code from 400 to 599, or null');
    }
    this.pairingRefusal = /** @type {number|null} */ (refuse ?? null);
    return { refuse: this.pairingRefusal };
  }

  /** @param {string} digits @param {unknown} on */
  setOnWhatsApp(digits, on) {
    if (typeof on !== 'boolean') throw new ApiError(400, 'bad_request', 'on_whatsapp must be true or false');
    if (on) this.notOnWhatsApp.delete(digits);
    else this.notOnWhatsApp.add(digits);
    return { phone: digits, on_whatsapp: on };
  }

  /** @param {string} digits @param {unknown} code */
  setRejecting(digits, code) {
    if (code === null || code === undefined || code === false) {
      this.rejecting.delete(digits);
      return { phone: digits, reject: null };
    }
    if (!REJECT_CODES.has(/** @type {number} */ (code))) throw new ApiError(400, 'bad_request', 'reject must be 463, 479 or null');
    this.rejecting.set(digits, /** @type {number} */ (code));
    return { phone: digits, reject: code };
  }

  /**
   * WhatsApp's quota of new chats for a number, in rc14's NewChatMessageCapInfo shape
   * (Types/State.d.ts:69-95): {status: NONE|FIRST_WARNING|SECOND_WARNING|CAPPED,
   * used_quota?, total_quota?, until?}.
   * @param {string} sessionId @param {any} body
   */
  setQuota(sessionId, body) {
    if (!QUOTA_STATUSES.has(body?.status)) throw new ApiError(400, 'bad_request', `status must be one of ${[...QUOTA_STATUSES].join(', ')}`);
    const count = (/** @type {unknown} */ v, /** @type {string} */ what) => {
      if (v === undefined) return undefined;
      if (!Number.isSafeInteger(v) || /** @type {number} */ (v) < 0) throw new ApiError(400, 'bad_request', `${what} must be a whole number`);
      return v;
    };
    const until = isoArg(body.until, 'until');
    const info = { capping_status: body.status, used_quota: count(body.used_quota, 'used_quota'), total_quota: count(body.total_quota, 'total_quota'),
      ...(until ? { cycle_end_timestamp: String(Math.floor(Date.parse(until) / 1000)) } : {}) };
    this.quotas.set(sessionId, info);
    return info;
  }

  /**
   * @param {string} sessionId @param {'reachout_timelock'|'new_chat_cap'} reason
   * @param {{on?: unknown, until?: unknown}} body
   * @returns {import('../../sessions/rejections.js').SendLimit|null}
   */
  setLimit(sessionId, reason, body) {
    const on = body?.on ?? true;
    if (typeof on !== 'boolean') throw new ApiError(400, 'bad_request', 'on must be true or false');
    if (!on) {
      this.limits.delete(sessionId);
      return null;
    }
    const until = isoArg(body?.until, 'until');
    const limit = {
      reason,
      until,
      message: reason === 'reachout_timelock'
        ? `WhatsApp limits sending to new contacts until ${until ?? 'further notice'}.`
        : `This number reached WhatsApp's limit of new chats; sending to new contacts is limited until ${until ?? 'further notice'}.`,
    };
    this.limits.set(sessionId, limit);
    return limit;
  }

  /** @param {string} sessionId @param {number} now */
  limitOf(sessionId, now) {
    const limit = this.limits.get(sessionId);
    if (!limit) return null;
    if (limit.until && Date.parse(limit.until) <= now) {
      this.limits.delete(sessionId);
      return null;
    }
    return limit;
  }

  /**
   * What WhatsApp says to a message: null (taken) or a refusal.
   * @param {string} sessionId @param {string} to digits or a group jid
   * @param {boolean} knownContact the number already talks to them
   * @param {number} now
   */
  verdict(sessionId, to, knownContact, now) {
    const once = this.refuseNext.get(sessionId);
    if (once) {
      this.refuseNext.delete(sessionId);
      return rejection(String(once));
    }
    const code = this.rejecting.get(to);
    if (code) return rejection(String(code));
    const limit = this.limitOf(sessionId, now);
    if (limit && !knownContact) return rejection('463', limit.reason === 'reachout_timelock');
    return null;
  }

  /** @param {unknown} subject @param {string[]} participants digits */
  createGroup(subject, participants) {
    if (typeof subject !== 'string' || !subject.trim() || subject.length > 100) {
      throw new ApiError(400, 'bad_request', 'subject must be 1-100 characters');
    }
    const jid = `120363${BigInt(`0x${randomBytes(6).toString('hex')}`).toString().padStart(12, '0')}@g.us`;
    this.groups.set(jid, { subject: subject.trim(), participants });
    return { jid, subject: subject.trim(), participants };
  }

  /** @param {unknown} jid @returns {string} */
  groupArg(jid) {
    if (typeof jid !== 'string' || !/^\d{5,40}(-\d+)?@g\.us$/.test(jid)) {
      throw new ApiError(400, 'bad_request', 'group must be a group jid (…@g.us)');
    }
    return jid;
  }
}

/** @param {unknown} lid @param {string} what @returns {string} the LID's user part */
export function lidArg(lid, what) {
  const user = typeof lid === 'string' ? lid.replace(/@lid$/, '') : '';
  if (!/^\d{6,20}$/.test(user)) throw new ApiError(400, 'bad_request', `${what} must be a LID (digits, optionally …@lid)`);
  return user;
}
