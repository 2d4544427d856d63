// The baileys engine's session options: validated before anything is opened.
import { codedError } from './mapping.js';

export const DEFAULTS = Object.freeze({
  connectTimeoutMs: 20_000,
  // WhatsApp Web pings about every 20-30 s; Baileys declares the link dead after
  // keepAlive + 5 s without a frame, so a silent socket is caught within ~25 s.
  keepAliveIntervalMs: 20_000,
  defaultQueryTimeoutMs: 60_000,
  logLevel: 'warn',
});

export /** debug/trace are not offered: at those levels Baileys logs decoded frames (message content). */
const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'silent']);
const KNOWN_OPTIONS = new Set(['ws_url', 'connect_timeout_ms', 'keep_alive_ms', 'qr_timeout_ms', 'wa_version', 'log_level']);

/**
 * Session options for this engine (all optional):
 * - ws_url: WebSocket endpoint instead of WhatsApp's (tests point it at a local server)
 * - connect_timeout_ms (100..600000), keep_alive_ms (1000..300000), qr_timeout_ms (1000..300000)
 * - wa_version: [major, minor, build] WhatsApp Web version to announce
 * - log_level: Baileys' own log level, warn (default) or quieter, or info
 * @param {Record<string, unknown> | undefined} options
 * @throws {TypeError & {code: 'bad_options'}}
 */
export function parseOptions(options) {
  const o = options ?? {};
  if (typeof o !== 'object' || Array.isArray(o)) throw codedError(TypeError, 'bad_options', 'options must be an object');
  const bad = msg => codedError(TypeError, 'bad_options', msg);
  const int = (name, min, max) => {
    const v = o[name];
    if (v === undefined || v === null) return undefined;
    if (!Number.isInteger(v) || v < min || v > max) throw bad(`${name} must be an integer in ${min}..${max}`);
    return /** @type {number} */ (v);
  };
  /** @type {{wsUrl?: URL, connectTimeoutMs: number, keepAliveIntervalMs: number, qrTimeoutMs?: number, version?: [number, number, number], logLevel: string, unknown: string[]}} */
  const out = {
    connectTimeoutMs: int('connect_timeout_ms', 100, 600_000) ?? DEFAULTS.connectTimeoutMs,
    keepAliveIntervalMs: int('keep_alive_ms', 1000, 300_000) ?? DEFAULTS.keepAliveIntervalMs,
    qrTimeoutMs: int('qr_timeout_ms', 1000, 300_000),
    logLevel: DEFAULTS.logLevel,
    unknown: Object.keys(o).filter(k => !KNOWN_OPTIONS.has(k)),
  };
  if (o.ws_url !== undefined && o.ws_url !== null) {
    let url;
    try {
      url = new URL(String(o.ws_url));
    } catch {
      throw bad('ws_url is not a URL');
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw bad('ws_url must be a ws:// or wss:// URL');
    out.wsUrl = url;
  }
  if (o.wa_version !== undefined && o.wa_version !== null) {
    const v = o.wa_version;
    if (!Array.isArray(v) || v.length !== 3 || !v.every(n => Number.isInteger(n) && n >= 0)) {
      throw bad('wa_version must be [major, minor, build]');
    }
    out.version = /** @type {[number, number, number]} */ ([...v]);
  }
  if (o.log_level !== undefined && o.log_level !== null) {
    if (!LOG_LEVELS.has(String(o.log_level))) throw bad(`log_level must be one of ${[...LOG_LEVELS].join(', ')}`);
    out.logLevel = String(o.log_level);
  }
  return out;
}
