// Small helpers of the session code: timeouts, error text, phone digits, timestamps.

/** @param {unknown} err */
export function isAuthCorrupt(err) {
  return err instanceof Error && err.name === 'AuthCorruptError';
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout|undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

/** @param {unknown} err */
export function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}

/** @param {unknown} phone @returns {string|null} digits only ("628123…" from "628123:4@s.whatsapp.net" too) */
export function phoneDigits(phone) {
  if (typeof phone !== 'string' && typeof phone !== 'number') return null;
  const user = String(phone).split('@')[0].split(':')[0];
  const digits = user.replace(/\D/g, '');
  return digits || null;
}

/** @param {unknown} ts @returns {string} ISO-8601 UTC */
export function isoTime(ts) {
  if (typeof ts === 'number' && Number.isFinite(ts)) return new Date(ts < 1e12 ? ts * 1000 : ts).toISOString();
  if (typeof ts === 'bigint') return new Date(Number(ts) * 1000).toISOString();
  if (typeof ts === 'string' && !Number.isNaN(Date.parse(ts))) return new Date(ts).toISOString();
  return new Date().toISOString();
}

/** The slowest upload a media send is given time for: 32 KiB/s (a weak mobile hotspot). */
const SLOWEST_UPLOAD_BYTES_PER_S = 32 * 1024;

/**
 * How long a send may take before it is called failed: `baseMs`, plus, with a file, the
 * time to upload it on a slow line. A shorter wait would answer "failed" for a big file
 * that is still going out, and then goes out after all.
 * @param {{media?: {size?: number}}} msg @param {number} baseMs
 */
export function sendTimeoutMs(msg, baseMs) {
  const size = msg?.media?.size;
  if (!Number.isSafeInteger(size) || /** @type {number} */ (size) <= 0) return baseMs;
  return baseMs + Math.ceil(/** @type {number} */ (size) / SLOWEST_UPLOAD_BYTES_PER_S) * 1000;
}
