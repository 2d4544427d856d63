// Safe sending: each number sends at a human pace. Bulk sends from a web shop are how
// numbers get restricted, so every send waits for its slot: at least `min_gap_ms` after
// the number's previous send, plus a random part up to `jitter_ms` (no fixed rhythm), and
// at most `new_contacts_per_day` messages a day go to people the number never talked to.
// Pure: the clock and the randomness are handed in, so the rules are tested without sleeps.
import { ApiError } from '../server/api_error.js';

/** The real engine's defaults; the sim is not paced unless `pace_sim` is on (tests). */
export const PACING_DEFAULTS = Object.freeze({
  min_gap_ms: 4000,
  jitter_ms: 3000,
  new_contacts_per_day: 50,
  pace_sim: false,
  // "typing…" for 1-5 s in the chat before each message, inside its slot (WAHA's advice
  // against blocks: seen → typing → send): the real engine; the sim only when a test sets
  // typing_sim (and pace_sim).
  typing: true,
  typing_sim: false,
});

/** How long "typing…" shows before a message. */
export const TYPING_MS = Object.freeze({ min: 1000, max: 5000 });

/** A send whose slot is further away than this is answered "come back at" instead of held. */
export const HOLD_MAX_MS = 5000;

const BOUNDS = {
  min_gap_ms: [0, 600_000],
  jitter_ms: [0, 600_000],
  new_contacts_per_day: [0, 100_000], // 0: no cap
};

/**
 * A pacing configuration from JSON (PUT /config/pacing) over `base`; bad input is a 400.
 * @param {unknown} raw @param {typeof PACING_DEFAULTS} base
 */
export function parsePacing(raw, base = PACING_DEFAULTS) {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ApiError(400, 'bad_request', 'The pacing must be a JSON object.');
  }
  const out = { ...base };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'pace_sim' || key === 'typing' || key === 'typing_sim') {
      if (typeof value !== 'boolean') throw new ApiError(400, 'bad_request', `${key} must be true or false.`);
      out[key] = value;
      continue;
    }
    const bounds = BOUNDS[/** @type {keyof typeof BOUNDS} */ (key)];
    if (!bounds) throw new ApiError(400, 'bad_request', `Unknown pacing setting ${JSON.stringify(key).slice(0, 40)}.`);
    if (!Number.isSafeInteger(value) || value < bounds[0] || value > bounds[1]) {
      throw new ApiError(400, 'bad_request', `${key} must be a whole number from ${bounds[0]} to ${bounds[1]}.`);
    }
    /** @type {any} */ (out)[key] = value;
  }
  return Object.freeze(out);
}

/** The same from the environment at spawn (JAGA_PACING_MIN_GAP_MS, …); throws a message. @param {NodeJS.ProcessEnv} env */
export function pacingFromEnv(env) {
  const raw = /** @type {Record<string, any>} */ ({});
  for (const key of Object.keys(BOUNDS)) {
    const value = env[`JAGA_PACING_${key.toUpperCase()}`];
    if (value !== undefined && value !== '') raw[key] = /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  }
  if (env.JAGA_PACING_PACE_SIM !== undefined && env.JAGA_PACING_PACE_SIM !== '') raw.pace_sim = env.JAGA_PACING_PACE_SIM === '1';
  if (env.JAGA_PACING_TYPING !== undefined && env.JAGA_PACING_TYPING !== '') raw.typing = env.JAGA_PACING_TYPING === '1';
  if (env.JAGA_PACING_TYPING_SIM !== undefined && env.JAGA_PACING_TYPING_SIM !== '') raw.typing_sim = env.JAGA_PACING_TYPING_SIM === '1';
  return parsePacing(raw);
}

/** Local midnight after `now`: the daily count of new contacts starts again there. @param {number} now */
export function nextMidnight(now) {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

/**
 * @typedef {{kind: 'go', at: number} | {kind: 'later', at: number} | {kind: 'cap', until: number, sent: number} | {kind: 'quota', until: number}} Plan
 *  go: the send takes the slot `at` (now or a little later); later: the next free slot is
 *  too far to hold the request, come back at `at`; cap: today's new contacts are used up;
 *  quota: WhatsApp's quota of new chats is used up.
 */

/** One number's pace. */
export class Pacer {
  /** @param {() => number} rng in [0, 1) */
  constructor(rng = Math.random) {
    this.rng = rng;
    this.nextFreeAt = 0; // the earliest moment of the next send
    this.day = 0; // the midnight that ends the counted day
    this.newContacts = 0;
  }

  /**
   * Plans one send at `now` and, when it may go, takes its slot.
   * `reachedToday`: new contacts the app's records say this number already reached today
   * (they outlive a restart of the bridge, whose own count starts at 0).
   * `slow`: the gap after a new contact is this many times longer (WhatsApp's cap warnings);
   * `quotaLeft`: new chats left in WhatsApp's quota (null: not known), until `quotaUntil`.
   * @param {number} now @param {{newContact: boolean, reachedToday?: number, slow?: number, quotaLeft?: number|null, quotaUntil?: number|null}} send
   * @param {typeof PACING_DEFAULTS} config
   * @returns {Plan}
   */
  plan(now, { newContact, reachedToday = 0, slow = 1, quotaLeft = null, quotaUntil = null }, config) {
    if (now >= this.day) {
      this.day = nextMidnight(now);
      this.newContacts = 0;
    }
    this.newContacts = Math.max(this.newContacts, reachedToday);
    const cap = config.new_contacts_per_day;
    if (newContact && cap > 0 && this.newContacts >= cap) return { kind: 'cap', until: this.day, sent: this.newContacts };
    // WhatsApp's own quota of new chats (quota.js) is a cap too, until its cycle ends.
    if (newContact && quotaLeft !== null && quotaLeft <= 0) return { kind: 'quota', until: quotaUntil ?? this.day };
    const at = Math.max(now, this.nextFreeAt);
    if (at - now > HOLD_MAX_MS) return { kind: 'later', at };
    // Under WhatsApp's cap warnings a new contact is followed by a longer pause.
    const gap = config.min_gap_ms + Math.floor(this.rng() * (config.jitter_ms + 1));
    this.nextFreeAt = at + gap * (newContact ? slow : 1);
    if (newContact) this.newContacts += 1;
    return { kind: 'go', at };
  }

  /** A send that took a slot and then did not go gives its new-contact count back. */
  unplan({ newContact }) {
    if (newContact && this.newContacts > 0) this.newContacts -= 1;
  }
}
