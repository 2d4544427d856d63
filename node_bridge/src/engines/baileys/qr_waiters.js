// Who waits for the first QR of a socket: a pairing code can only be asked once WhatsApp
// has offered pairing (a QR was shown). Each waiter has its own deadline.
import { codedError } from './mapping.js';

export class QrWaiters {
  constructor() {
    /** @type {Array<{resolve: () => void, reject: (e: Error) => void}>} */
    this.waiters = [];
  }

  /**
   * Resolves at the next QR; rejects with not_ready after timeoutMs, or as rejectAll says.
   * @param {number} timeoutMs @returns {Promise<void>}
   */
  wait(timeoutMs) {
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(codedError(Error, 'not_ready', 'WhatsApp did not offer pairing in time; try again'));
      }, timeoutMs);
      timer.unref();
      waiter.resolve = () => (clearTimeout(timer), resolve());
      waiter.reject = (e) => (clearTimeout(timer), reject(e));
      this.waiters.push(waiter);
    });
  }

  /** A QR was shown: every waiter goes on. */
  resolveAll() {
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }

  /** The connection closed: no QR will come. @param {Error} err */
  rejectAll(err) {
    for (const w of this.waiters) w.reject(err);
    this.waiters = [];
  }
}
