// "Connected" must mean alive. Every frame from WhatsApp is activity; no activity for
// the keep-alive window means the connection is dead even if no close ever comes.
// Measured on the monotonic clock: a wall-clock step of minutes neither drops a
// healthy connection nor keeps a dead one "connected".
import { monotonicMs } from '../time/clock.js';

export class Liveness {
  /** @param {() => number} [mono] */
  constructor(mono = monotonicMs) {
    this.mono = mono;
    /** @type {number|null} when the current connection opened (monotonic) */
    this.openedAt = null;
    /** @type {number|null} last sign of life (monotonic) */
    this.lastActivity = null;
    /** @type {NodeJS.Timeout|undefined} */
    this.timer = undefined;
  }

  opened() {
    this.openedAt = this.mono();
    this.lastActivity = this.openedAt;
  }

  activity() {
    this.lastActivity = this.mono();
  }

  /**
   * Checks every quarter window; calls onSilent(quietMs) once when the window passes quiet.
   * @param {number} windowMs
   * @param {() => boolean} stillWatching  false once the connection is not ours any more
   * @param {(quietMs: number) => void} onSilent
   */
  arm(windowMs, stillWatching, onSilent) {
    this.stop();
    this.timer = setInterval(() => {
      if (!stillWatching()) return;
      const quiet = this.mono() - (this.lastActivity ?? this.mono());
      if (quiet <= windowMs) return;
      this.stop();
      onSilent(quiet);
    }, Math.max(50, Math.floor(windowMs / 4)));
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * The connection ended: how long it was up (ms), or null if none was open.
   * @returns {number|null}
   */
  closed() {
    if (this.openedAt == null) return null;
    const up = this.mono() - this.openedAt;
    this.openedAt = null;
    return up;
  }
}
