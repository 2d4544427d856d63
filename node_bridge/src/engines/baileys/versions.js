// Which WhatsApp Web version the real engine announces. rc14 has one built in
// (lib/Defaults/index.js:5, DEFAULT_CONNECTION_CONFIG.version); when WhatsApp stops accepting
// it, every new link fails with 405 until Jaga ships an update (Baileys #2370, #1939, #807).
// So, as Baileys' own example does (fetchLatestBaileysVersion) and Evolution API on each
// connect (fetchLatestWaWebVersion): the latest version is fetched when the engine first
// connects in a bridge's run, with a short timeout, kept in bridge.sqlite3 (bridge_meta), and
// used only when newer than the built-in one (as WAHA never goes below it). A 405 asks for
// a fresh fetch before the one retry (close_codes.js); without internet the cached one serves.
import { DEFAULT_CONNECTION_CONFIG, fetchLatestWaWebVersion } from '@whiskeysockets/baileys';

/** @typedef {[number, number, number]} WaVersion */

export const BUILT_IN_VERSION = /** @type {WaVersion} */ (Object.freeze([...DEFAULT_CONNECTION_CONFIG.version]));
export const VERSION_KEY = 'wa_web_version';
/** A start must not wait long on web.whatsapp.com. */
export const FETCH_TIMEOUT_MS = 3000;

/**
 * rc14's fetcher (Utils/generics.js:218-258: web.whatsapp.com/sw.js, client_revision), given
 * an abort signal as its fetch option; it answers {version, isLatest: false, error} on failure.
 * @param {number} timeoutMs
 * @returns {Promise<{version: number[], isLatest: boolean, error?: unknown}>}
 */
export const fetchLatest = (timeoutMs) => fetchLatestWaWebVersion({ signal: AbortSignal.timeout(timeoutMs) });

/** @param {unknown} v @returns {v is WaVersion} */
export function isVersion(v) {
  return Array.isArray(v) && v.length === 3 && v.every((n) => Number.isSafeInteger(n) && n >= 0);
}

/** @param {WaVersion} a @param {WaVersion} b a is later than b */
export function newer(a, b) {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** One per bridge.sqlite3: every number of the bridge shares the fetch. */
export class WaVersions {
  /**
   * @param {{meta: {get: (k: string) => any, set: (k: string, v: unknown) => void}, log: import('pino').Logger,
   *   fetch?: typeof fetchLatest, timeoutMs?: number, now?: () => number}} deps
   */
  constructor({ meta, log, fetch = fetchLatest, timeoutMs = FETCH_TIMEOUT_MS, now = Date.now }) {
    this.meta = meta;
    this.log = log;
    this.fetch = fetch;
    this.timeoutMs = timeoutMs;
    this.now = now;
    this.fetched = false;
    /** @type {Promise<WaVersion>|null} */
    this.inflight = null;
  }

  /** The version to announce now: the cached latest if newer than rc14's, else rc14's. @returns {WaVersion} */
  current() {
    const cached = this.meta.get(VERSION_KEY)?.version;
    return isVersion(cached) && newer(cached, BUILT_IN_VERSION) ? cached : [...BUILT_IN_VERSION];
  }

  /**
   * Fetches the latest version once per run (again with `force`, after a 405); a failure
   * (no internet, a timeout, an unreadable answer) keeps what is cached.
   * @param {{force?: boolean}} [opts]
   * @returns {Promise<WaVersion>}
   */
  refresh({ force = false } = {}) {
    if (this.inflight) return this.inflight;
    if (this.fetched && !force) return Promise.resolve(this.current());
    this.inflight = this.fetchOnce().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** @returns {Promise<WaVersion>} */
  async fetchOnce() {
    let result;
    try {
      result = await this.fetch(this.timeoutMs);
    } catch (err) {
      result = { version: null, isLatest: false, error: err };
    }
    this.fetched = true;
    const version = result?.version;
    if (result?.isLatest && isVersion(version)) {
      this.meta.set(VERSION_KEY, { version, fetched_at: new Date(this.now()).toISOString() });
      this.log.info({ version: version.join('.'), built_in: BUILT_IN_VERSION.join('.') }, 'latest WhatsApp Web version fetched');
    } else {
      const why = /** @type {any} */ (result?.error)?.message ?? 'no version in the answer';
      this.log.warn({ error: String(why).slice(0, 200), using: this.current().join('.') }, 'could not fetch the latest WhatsApp Web version');
    }
    return this.current();
  }
}

/** @type {WeakMap<object, WaVersions>} */
const perMeta = new WeakMap();

/**
 * The bridge's WaVersions for this bridge_meta (created with these deps the first time).
 * @param {ConstructorParameters<typeof WaVersions>[0]} deps
 */
export function versionsFor(deps) {
  let versions = perMeta.get(deps.meta);
  if (!versions) {
    versions = new WaVersions(deps);
    perMeta.set(deps.meta, versions);
  } else if (deps.fetch) {
    versions.fetch = deps.fetch;
  }
  return versions;
}
