// Waiting for the network: while any number waits for it, one cheap reachability probe
// per target runs on a short interval; the moment it answers, every number waiting on
// that target reconnects, instead of each sitting out its own long backoff.
// Timers and probes are injected, so the rules are tested without a network.

/**
 * @typedef {() => Promise<boolean>} Probe  resolves true when the target is reachable
 */

export class NetworkWatch {
  /**
   * @param {{intervalMs?: number, log?: import('pino').Logger,
   *   setTimer?: typeof setTimeout, clearTimer?: typeof clearTimeout}} [opts]
   */
  constructor({ intervalMs = 2000, log, setTimer = setTimeout, clearTimer = clearTimeout } = {}) {
    this.intervalMs = intervalMs;
    this.log = log;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    /** key → {probe, waiters, timer, running, intervalMs} @type {Map<string, {probe: Probe, waiters: Set<() => void>, timer: any, running: boolean, intervalMs: number}>} */
    this.targets = new Map();
  }

  /**
   * Calls `onBack` once, when `probe` first succeeds. Returns a cancel function.
   * @param {string} key what is probed (waiters with the same key share one probe)
   * @param {Probe} probe
   * @param {() => void} onBack
   * @param {number} [intervalMs] how often to probe (the first waiter of a target decides)
   */
  wait(key, probe, onBack, intervalMs = this.intervalMs) {
    let target = this.targets.get(key);
    if (!target) {
      target = { probe, waiters: new Set(), timer: undefined, running: false, intervalMs };
      this.targets.set(key, target);
      this.arm(key, target);
    }
    target.waiters.add(onBack);
    const t = target;
    return () => {
      t.waiters.delete(onBack);
      if (t.waiters.size === 0) this.drop(key, t);
    };
  }

  /** @returns {number} numbers waiting */
  get waiting() {
    let n = 0;
    for (const t of this.targets.values()) n += t.waiters.size;
    return n;
  }

  /** @param {string} key @param {any} target */
  arm(key, target) {
    target.timer = this.setTimer(() => void this.check(key, target), target.intervalMs);
    target.timer?.unref?.();
  }

  /** @param {string} key @param {any} target */
  async check(key, target) {
    if (this.targets.get(key) !== target || target.running) return;
    target.running = true;
    let up = false;
    try {
      up = await target.probe();
    } catch (err) {
      this.log?.debug({ err, target: key }, 'network probe failed');
    }
    target.running = false;
    if (this.targets.get(key) !== target) return;
    if (!up) return this.arm(key, target);
    this.drop(key, target);
    this.log?.info({ target: key, waiting: target.waiters.size }, 'network is back; reconnecting the numbers that waited');
    for (const onBack of target.waiters) {
      try {
        onBack();
      } catch (err) {
        this.log?.error({ err }, 'reconnect after the network came back failed');
      }
    }
  }

  /** @param {string} key @param {any} target */
  drop(key, target) {
    this.clearTimer(target.timer);
    if (this.targets.get(key) === target) this.targets.delete(key);
  }

  stop() {
    for (const [key, t] of this.targets) this.drop(key, t);
  }
}
