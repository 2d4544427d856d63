// Two clocks, two jobs. Wall time (Date.now) is for what people read and for stored
// timestamps; it jumps when the clock is corrected (NTP, a wrong battery clock, the
// owner's hand). Every timeout, liveness window and backoff measures elapsed time on
// the monotonic clock instead, so a clock step can neither fake a silence (drop a
// healthy connection) nor hide one (keep a dead one "connected").
import { performance } from 'node:perf_hooks';

/** Milliseconds on a clock that only moves forward; for durations, never for display. */
export function monotonicMs() {
  return performance.now();
}
