// Where the send path meets pacing (pacing/rules.js): one Pacer per number, the configuration
// the app set (env at spawn, PUT /config/pacing at run time), and the wait for a slot.
import { ApiError } from '../server/api_error.js';
import { PACING_DEFAULTS, Pacer, TYPING_MS, parsePacing } from './rules.js';
import { setPaceLimit } from '../sessions/edges.js';
import { quotaLeft, slowFactor } from './quota.js';
import { typingIn } from '../send/connection.js';

export const DAILY_CAP_REASON = 'daily_new_contacts';

/** @param {number} ms */
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();

export class PacingGate {
  /**
   * @param {{config?: typeof PACING_DEFAULTS, now?: () => number, sleep?: (ms: number) => Promise<void>,
   *   rng?: () => number}} [deps]
   */
  constructor({ config = PACING_DEFAULTS, now = () => Date.now(), sleep = realSleep, rng = Math.random } = {}) {
    this.config = config;
    this.now = now;
    this.sleep = sleep;
    this.rng = rng;
    /** @type {Map<string, Pacer>} */
    this.pacers = new Map();
  }

  /** PUT /config/pacing: the owner's new settings, from the next send on. @param {unknown} raw */
  configure(raw) {
    this.config = parsePacing(raw, this.config);
    return this.config;
  }

  /** The real engine is paced; the sim only when a test asks (pace_sim). @param {any} session */
  applies(session) {
    return session.engineName !== 'sim' || this.config.pace_sim;
  }

  /**
   * "typing…" in the chat for 1-5 s, inside the message's slot: the engine shows it, this
   * waits, the engine clears it. The real engine with `typing` on; the sim only when a test
   * sets `typing_sim` too. A failure to show it never holds the message.
   * @param {any} session @param {string} to
   */
  async typing(session, to) {
    const wanted = this.config.typing && (session.engineName !== 'sim' || (this.config.typing_sim && this.config.pace_sim));
    if (!wanted) return;
    const ms = TYPING_MS.min + Math.floor(this.rng() * (TYPING_MS.max - TYPING_MS.min + 1));
    try {
      await typingIn(session, to, 'composing');
      await this.sleep(ms);
      await typingIn(session, to, 'paused');
    } catch (err) {
      session.log.debug({ err }, 'could not show typing');
    }
  }

  /**
   * Waits for this send's slot. Throws 429 `paced` (with `retry_at`) when the slot is too far
   * to hold the request, and 429 `new_contacts_cap` (setting the number's limit, so the app
   * holds its messages to new contacts until midnight) when today's new contacts are used up.
   * Returns a function that gives the slot's new-contact count back if the send does not go.
   * @param {any} session @param {boolean} newContact @param {number} [reachedToday] the app's count
   */
  async turn(session, newContact, reachedToday = 0) {
    if (!this.applies(session)) return () => {};
    let pacer = this.pacers.get(session.id);
    if (!pacer) {
      pacer = new Pacer(this.rng);
      this.pacers.set(session.id, pacer);
    }
    const now = this.now();
    const quota = session.quota ?? null;
    const plan = pacer.plan(now, { newContact, reachedToday, slow: slowFactor(quota),
      quotaLeft: quotaLeft(quota, session.quotaSpent ?? 0, now), quotaUntil: quota?.cycleEnd ?? null }, this.config);
    if (plan.kind === 'quota') throw quotaUsedUp(session, quota, iso(plan.until));
    if (plan.kind === 'cap') {
      const until = iso(plan.until);
      setPaceLimit(session, {
        reason: DAILY_CAP_REASON,
        until,
        message: `This number sent to ${plan.sent} new contacts today (the limit set in Jaga); messages to new contacts wait until ${until}.`,
      });
      const error = new ApiError(429, 'new_contacts_cap', `Today's messages to new contacts are used up; they wait until ${until}.`);
      error.extra = { retry_at: until };
      throw error;
    }
    if (plan.kind === 'later') {
      const error = new ApiError(429, 'paced', `This number sends at a safe pace; the message's turn is at ${iso(plan.at)}.`);
      error.extra = { retry_at: iso(plan.at) };
      throw error;
    }
    if (plan.at > now) await this.sleep(plan.at - now);
    const taken = /** @type {Pacer} */ (pacer);
    if (newContact) session.quotaSpent = (session.quotaSpent ?? 0) + 1;
    return () => {
      taken.unplan({ newContact });
      if (newContact && session.quotaSpent > 0) session.quotaSpent -= 1;
    };
  }
}

/**
 * WhatsApp's quota of new chats is used up: shown as its cap (the app holds messages to new
 * contacts until the cycle ends), and this send comes back then.
 * @param {any} session @param {import('./quota.js').Quota|null} quota @param {string} until
 */
function quotaUsedUp(session, quota, until) {
  setPaceLimit(session, {
    reason: 'new_chat_cap',
    until,
    message: `This number used WhatsApp's quota of new chats (${quota?.used ?? '?'} + ${session.quotaSpent ?? 0} of ${quota?.total ?? '?'}); messages to new contacts wait until ${until}.`,
  });
  const error = new ApiError(429, 'new_contacts_cap', `WhatsApp's quota of new chats is used up; messages to new contacts wait until ${until}.`);
  error.extra = { retry_at: until };
  return error;
}
