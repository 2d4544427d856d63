// Deleting a session's auth rows is a side effect that can fail (bridge.sqlite3 locked by
// another program, a full disk). The status the owner sees never waits for it: the session
// records logged_out at once and says the keys are not deleted yet, and the wipe is retried
// until it succeeds. A new link of the number waits for the wipe (connect() runs it first).
import { errorText } from './util.js';

/** Retry delays; the last one repeats. */
export const WIPE_RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/** reason while the wipe is still owed */
export const WIPE_PENDING_REASON = 'auth_wipe_pending';

export class AuthWiper {
  /**
   * @param {{wipe: () => void, log: import('pino').Logger, onWiped: () => void, delays?: number[]}} deps
   *   onWiped runs when a wipe that had failed finally succeeded
   */
  constructor({ wipe, log, onWiped, delays = WIPE_RETRY_MS }) {
    this.wipe = wipe;
    this.log = log;
    this.onWiped = onWiped;
    this.delays = delays;
    this.pending = false;
    this.failures = 0;
    /** @type {string|null} */ this.lastError = null;
    /** @type {NodeJS.Timeout|undefined} */ this.timer = undefined;
  }

  /** Tries now. @returns {boolean} true when the rows are gone; false: retry scheduled. */
  run() {
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      this.wipe();
    } catch (err) {
      this.pending = true;
      this.failures += 1;
      this.lastError = errorText(err);
      const delay = this.delays[Math.min(this.failures - 1, this.delays.length - 1)];
      this.log.error({ err, retry_in_ms: delay, failures: this.failures },
        'could not delete the auth state; retrying');
      this.timer = setTimeout(() => this.retry(), delay);
      return false;
    }
    const wasPending = this.pending;
    this.pending = false;
    this.failures = 0;
    this.lastError = null;
    if (wasPending) this.log.info('auth state deleted after earlier failures');
    return true;
  }

  retry() {
    if (this.run()) this.onWiped();
  }

  /** Shutdown: stop retrying (the rows stay; the next logout or link wipes them). */
  cancel() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * The device is unlinked: record it now, and delete the keys, now or by retries. The
 * status never waits for the wipe; while it is owed the reason says so.
 * @param {import('./session.js').Session} s
 * @param {string} status @param {string|null} reason @param {string|null} message
 */
export function markUnlinked(s, status, reason, message) {
  s.me = null;
  s.expectCreds = false;
  if (s.wiper.run()) {
    s.unlinkedAs = null;
    s.setStatus(status, reason, message);
    return;
  }
  s.unlinkedAs = { reason, message };
  // Not the unlinked message with a tail: "…and its keys deleted. The keys could not be
  // deleted" would contradict itself.
  s.setStatus(status, WIPE_PENDING_REASON, 'Logged out: this device is unlinked. The saved keys '
    + 'could not be deleted yet (the database is busy or the disk is full); Jaga keeps trying.');
}

/** A wipe that had failed went through: show the plain unlinked status again. @param {import('./session.js').Session} s */
export function wipeCaughtUp(s) {
  const was = s.unlinkedAs;
  s.unlinkedAs = null;
  if (was && s.reason === WIPE_PENDING_REASON) s.setStatus(s.status, was.reason, was.message);
}

/**
 * Deletes the session's keys; owed in links.json until done, so that a bridge that stops
 * (or crashes) while the wipe keeps failing finishes it at its next start (store.js).
 * @param {import('./session.js').Session} s
 */
export function wipeKeys(s) {
  s.store.links?.owe(s.id, true);
  s.store.auth.forSession(s.id).wipe();
  s.store.sent?.forget(s.id); // the next link is another device: these are nobody's now
  s.store.chatFacts?.forget(s.id);
  s.store.links?.owe(s.id, false);
  s.store.links?.remove(s.id);
}
