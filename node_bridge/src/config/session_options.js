// Per-session options: what PUT /sessions/{id} and POST /sim/config accept.
// Validated strictly so a typo in a test or the app fails loudly instead of
// silently running with a default.
import { ApiError } from '../server/api_error.js';

/**
 * @typedef {{type: 'int', min: number, max: number} | {type: 'bool'}} OptionSpec
 */

/** Options every engine understands (the session manager applies them). @type {Record<string, OptionSpec>} */
export const SESSION_OPTIONS = {
  keepalive_ms: { type: 'int', min: 200, max: 600_000 },
  qr_first_ms: { type: 'int', min: 50, max: 600_000 },
  qr_rotate_ms: { type: 'int', min: 50, max: 600_000 },
  qr_max: { type: 'int', min: 1, max: 50 },
  backoff_base_ms: { type: 'int', min: 10, max: 600_000 },
  backoff_max_ms: { type: 'int', min: 10, max: 3_600_000 },
  conflict_pause_ms: { type: 'int', min: 0, max: 600_000 },
  // How often to check whether the network is back while a number waits for it; 0: never
  // (the number then waits out its backoff, as a plain reconnect loop would).
  network_probe_ms: { type: 'int', min: 0, max: 60_000 },
  // How long an undecryptable message waits for its decrypted copy before the app is told.
  undecryptable_wait_ms: { type: 'int', min: 10, max: 3_600_000 },
};

/** Defaults when neither the engine nor the caller says otherwise (WhatsApp's own QR timings). */
export const SESSION_DEFAULTS = {
  keepalive_ms: 30_000,
  qr_first_ms: 60_000,
  qr_rotate_ms: 20_000,
  qr_max: 5,
  backoff_base_ms: 1000,
  backoff_max_ms: 60_000,
  conflict_pause_ms: 10_000,
  network_probe_ms: 2000,
  undecryptable_wait_ms: 120_000,
};

/** Knobs of the simulated network. @type {Record<string, OptionSpec>} */
export const SIM_OPTIONS = {
  qr_first_ms: SESSION_OPTIONS.qr_first_ms,
  qr_rotate_ms: SESSION_OPTIONS.qr_rotate_ms,
  qr_max: SESSION_OPTIONS.qr_max,
  keepalive_ms: SESSION_OPTIONS.keepalive_ms,
  connect_ms: { type: 'int', min: 0, max: 60_000 },
  send_ms: { type: 'int', min: 0, max: 60_000 },
  ack_ms: { type: 'int', min: 0, max: 60_000 },
  auto_ack: { type: 'bool' },
  media_bps: { type: 'int', min: 0, max: 1_000_000_000 },
};

/**
 * @param {unknown} raw
 * @param {Record<string, OptionSpec>} spec
 * @param {{allowUnknown?: boolean, what?: string}} [opts]
 * @returns {Record<string, unknown>} a fresh object holding only own, validated keys
 */
export function validateOptions(raw, spec, { allowUnknown = false, what = 'options' } = {}) {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ApiError(400, 'bad_options', `${what} must be a JSON object`);
  }
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(raw)) {
    const rule = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (!rule) {
      if (!allowUnknown) {
        throw new ApiError(400, 'bad_options',
          `${what}: unknown key "${key}" (known: ${Object.keys(spec).join(', ')})`);
      }
      out[key] = value;
      continue;
    }
    if (rule.type === 'bool') {
      if (typeof value !== 'boolean') throw new ApiError(400, 'bad_options', `${what}.${key} must be true or false`);
    } else if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
      throw new ApiError(400, 'bad_options', `${what}.${key} must be a whole number in ${rule.min}..${rule.max}`);
    }
    out[key] = value;
  }
  return out;
}
