// Tests only (/sim/clock, JAGA_SIM_CONTROL=1): steps this process's wall clock the way an
// NTP correction or the owner's hand does, so a test can prove that nothing measuring
// elapsed time reads it (time/clock.js). Only Date.now moves; the monotonic clock does not.
import { ApiError } from '../../server/api_error.js';

const realNow = Date.now;
let offsetMs = 0;

/** @param {unknown} raw milliseconds to add to the real wall clock (0 puts it back) */
export function setWallClockOffset(raw) {
  const offset = Number(raw);
  if (!Number.isFinite(offset) || Math.abs(offset) > 366 * 86_400_000) {
    throw new ApiError(400, 'bad_request', 'offset_ms must be a number of milliseconds within a year');
  }
  offsetMs = offset;
  Date.now = offsetMs === 0 ? realNow : () => realNow() + offsetMs;
  return { offset_ms: offsetMs, now: new Date(Date.now()).toISOString() };
}
