/**
 * Timeouts an owner can cancel all at once when it shuts down, so nothing of a closed
 * socket, network or inbox fires afterwards.
 */
export class TimerSet {
  constructor() {
    /** @type {Set<NodeJS.Timeout>} */
    this.pending = new Set();
  }

  /** Runs fn after ms unless cleared first. @param {number} ms @param {() => void} fn */
  later(ms, fn) {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.add(timer);
  }

  clear() {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }
}

/**
 * One timeout that does not keep the process alive, with its cancel: the shape the watches
 * (limits_watch.js, undecryptable_watch.js) take, so tests can hand in a clock of their own.
 * @param {() => void} fn @param {number} ms @returns {{cancel: () => void}}
 */
export function unrefLater(fn, ms) {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}
