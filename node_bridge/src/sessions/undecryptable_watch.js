// Messages nobody could read. When a customer's message cannot be decrypted, Baileys upserts
// a placeholder (messageStubType CIPHERTEXT, rc14 decode-wa-message.js:290-305,
// messages-recv.js:1298-1390), asks the sender's phone to send it again (a retry receipt), and
// the decrypted copy usually follows with the same id. main dropped the placeholder
// (traffic.js:33): when no copy came, the owner never knew a customer wrote. Here a
// placeholder waits about two minutes for its copy; then the app is told
// (message.undecryptable), so the chat shows that a message could not be read.
import { unrefLater } from '../time/timer_set.js';

/** @typedef {{message_id: string, chat: string|null, from: string|null, timestamp: string}} Unreadable */

export class UndecryptableWatch {
  /**
   * @param {{report: (m: Unreadable) => void, waitMs: number,
   *   later?: (fn: () => void, ms: number) => {cancel: () => void}}} deps
   */
  constructor({ report, waitMs, later = unrefLater }) {
    this.report = report;
    this.waitMs = waitMs;
    this.later = later;
    /** @type {Map<string, {cancel: () => void}>} */
    this.waiting = new Map();
  }

  /** A placeholder arrived: wait for its decrypted copy. @param {Unreadable} m */
  placeholder(m) {
    if (this.waiting.has(m.message_id)) return;
    this.waiting.set(m.message_id, this.later(() => {
      this.waiting.delete(m.message_id);
      this.report(m);
    }, this.waitMs));
  }

  /** The message arrived readable: nothing to tell. @param {string} messageId */
  decrypted(messageId) {
    this.waiting.get(messageId)?.cancel();
    this.waiting.delete(messageId);
  }

  /** Shutdown: what waits is not told (the bridge's next run learns nothing of it). */
  stop() {
    for (const timer of this.waiting.values()) timer.cancel();
    this.waiting.clear();
  }
}
