// When to ask WhatsApp about a number's limits on new contacts (the reach-out time lock and
// the new-chat cap): at each open, and after a message is refused with 463. rc14 does not:
// its handleBadAck takes a 463 for the account-restriction case before the time-lock one
// (messages-recv.js:1512-1552), so fetchAccountReachoutTimelock never runs and no limit
// reaches the number. Refusals come in bursts (a queue of messages to new contacts): one
// question answers them all, and questions are at least a minute apart.
import { unrefLater } from '../time/timer_set.js';

export const DEBOUNCE_MS = 2000;
export const MIN_INTERVAL_MS = 60_000;

export class LimitsWatch {
  /**
   * @param {{fetch: () => Promise<void> | void, log: import('pino').Logger, now?: () => number,
   *   later?: (fn: () => void, ms: number) => {cancel: () => void}, debounceMs?: number, minIntervalMs?: number}} deps
   */
  constructor({ fetch, log, now = Date.now, later = unrefLater, debounceMs = DEBOUNCE_MS, minIntervalMs = MIN_INTERVAL_MS }) {
    this.fetch = fetch;
    this.log = log;
    this.now = now;
    this.later = later;
    this.debounceMs = debounceMs;
    this.minIntervalMs = minIntervalMs;
    this.lastAt = -Infinity;
    /** @type {{cancel: () => void}|null} */
    this.pending = null;
  }

  /** The connection opened: ask now. */
  atOpen() {
    this.run();
  }

  /** A message was refused with 463: ask soon, once for a burst. */
  after463() {
    if (this.pending) return;
    const wait = Math.max(this.debounceMs, this.lastAt + this.minIntervalMs - this.now());
    this.pending = this.later(() => {
      this.pending = null;
      this.run();
    }, wait);
  }

  run() {
    this.lastAt = this.now();
    Promise.resolve()
      .then(() => this.fetch())
      .catch((err) => this.log.warn({ err }, 'could not ask WhatsApp about the limits on new contacts'));
  }

  stop() {
    this.pending?.cancel();
    this.pending = null;
  }
}
