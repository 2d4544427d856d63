// One WhatsApp number: its status, and the connection that backs it. Every
// (re)connect opens a NEW engine connection on the same auth state; callbacks of
// a connection we have left behind are ignored (an "attempt" object is the
// token), so a late close from an old socket can never overwrite the present.
// The engine's callbacks are handled in engine_events.js, the keep-alive watch in
// liveness.js, and an auth wipe that fails is retried by auth_wipe.js.
import { MISSING_DB } from '../storage/db_health.js';
import { ApiError } from '../server/api_error.js';
import * as edges from './edges.js';
import * as events from './engine_events.js';
import { Liveness } from './liveness.js';
import { AuthWiper, WIPE_PENDING_REASON, markUnlinked, wipeCaughtUp, wipeKeys } from './auth_wipe.js';
import { UndecryptableWatch } from './undecryptable_watch.js';
import { connectionContext } from './context.js';
import { errorText, isAuthCorrupt, withTimeout } from './util.js';

export { errorText, isAuthCorrupt, phoneDigits } from './util.js';

/** Statuses in which a session is not running (PUT may start it again). */
export const IDLE_STATUSES = new Set(['stopped', 'logged_out', 'conflict', 'failed']);
export const ALL_STATUSES = ['stopped', 'starting', 'qr', 'pairing_code', 'connected', 'reconnecting',
  'logged_out', 'conflict', 'failed'];

/** How long our side waits for an engine to close/unlink/answer. */
const CLOSE_TIMEOUT_MS = 5000;
const LOGOUT_TIMEOUT_MS = 10_000;
const PAIRING_TIMEOUT_MS = 30_000;

/** @typedef {import('./types.js').Engine} Engine */
/** @typedef {import('./types.js').EngineConnection} EngineConnection */
/** @typedef {import('./types.js').Attempt} Attempt */
/** @typedef {import('./types.js').SessionDeps} SessionDeps */

export class Session {
  /**
   * @param {string} id
   * @param {SessionDeps} deps
   */
  constructor(id, { store, hub, log, now = () => Date.now(), mono, rng = Math.random, media = null, acks = null, onOpened }) {
    this.id = id;
    /** @type {import('../send/server_acks.js').AckWaiters|null} sends waiting for WhatsApp's ack */ this.acks = acks;
    /** @type {((s: Session) => void)|undefined} */ this.onOpened = onOpened;
    this.store = store;
    this.hub = hub;
    /** @type {import('../media/inbox.js').MediaInbox|null} inbound downloads */ this.media = media;
    this.log = log.child({ session: id });
    this.now = now;
    this.rng = rng;
    /** @type {Engine|null} */
    this.engine = null;
    /** @type {Record<string, any>} */
    this.options = {};
    this.status = 'stopped';
    /** @type {string|null} */ this.reason = null;
    /** @type {string|null} */ this.message = null;
    /** @type {{phone: string, name: string|null}|null} */ this.me = null;
    /** @type {string|null} */ this.qr = null;
    /** @type {number|null} */ this.expiresAt = null;
    /** @type {number|null} */ this.qrAttempt = null;
    /** @type {number|null} */ this.qrMax = null;
    this.since = now();
    /** @type {number|null} */ this.lastActivityAt = null;
    this.seq = 0;

    /** @type {Attempt|null} */ this.att = null;
    this.gen = 0;
    this.qrCount = 0;
    this.attempt = 0;
    this.restarts = 0;
    this.conflictRetried = false;
    /** The one retry after a 405/409 (with a fresh WhatsApp Web version) is used up. */
    this.versionRetried = false;
    /** The next connect fetches the WhatsApp Web version again. */
    this.versionStale = false;
    this.liveness = new Liveness(mono);
    this.wiper = new AuthWiper({
      wipe: () => wipeKeys(this),
      log: this.log,
      onWiped: () => wipeCaughtUp(this),
    });
    /** @type {{reason: string|null, message: string|null}|null} the status a pending wipe hides */
    this.unlinkedAs = null;
    /** A connection of this run reached "connected": a reconnect must find creds. */
    this.expectCreds = false;
    /** @type {UndecryptableWatch|undefined} */ this.undecryptable = undefined;
    /** @type {Promise<void>} the last close of our side; a new connect waits for it */
    this.closing = Promise.resolve();
    /** Bumped by every schedule/stop: a pending connect with an old ticket gives up. */
    this.ticket = 0;
    /** @type {NodeJS.Timeout|undefined} */ this.retryTimer = undefined;
    /** @type {NodeJS.Timeout|undefined} */ this.qrTimer = undefined;
    /** Serialises start/stop/logout/pairing so they never interleave. */
    this.queue = Promise.resolve();
    this.disposed = false;
  }
  get running() {
    return !IDLE_STATUSES.has(this.status);
  }

  /** The snapshot object (also the data of session.status). */
  view() {
    const iso = (/** @type {number|null} */ t) => (t == null ? null : new Date(t).toISOString());
    return {
      id: this.id,
      engine: this.engine?.name ?? null,
      status: this.status,
      reason: this.reason,
      message: this.message,
      me: this.me,
      qr: this.qr,
      expires_at: iso(this.expiresAt),
      attempt: this.qrAttempt,
      max: this.qrMax,
      since: iso(this.since),
      last_activity_at: iso(this.lastActivityAt),
      seq: this.seq,
      limits: edges.limitView(this),
    };
  }

  /**
   * @template T
   * @param {() => Promise<T>|T} fn
   * @returns {Promise<T>}
   */
  exclusive(fn) {
    const run = this.queue.then(fn, fn);
    this.queue = run.then(() => undefined, () => undefined);
    return run;
  }

  /**
   * Starts a new run: a fresh link attempt and fresh retry budgets.
   * @param {Engine} engine
   * @param {Record<string, any>} options  already merged with defaults
   */
  start(engine, options) {
    this.engine = engine;
    this.options = options;
    this.qrCount = 0;
    this.attempt = 0;
    this.restarts = 0;
    this.conflictRetried = false;
    this.versionRetried = false;
    this.expectCreds = false;
    this.clearQr();
    this.setStatus('starting', null, 'Connecting to WhatsApp.');
    this.scheduleConnect(0);
  }

  /** DELETE: close the connection, keep the auth state. */
  async stop() {
    this.clearTimers();
    await this.release();
    this.clearQr();
    this.setStatus('stopped', 'stopped_by_request', 'Stopped on request; the link to WhatsApp is kept.');
  }

  /** Logout: unlink the device if we can reach WhatsApp, and wipe the auth state either way. */
  async logout() {
    this.clearTimers();
    const att = this.att;
    let unlinked = false;
    if (att?.conn && att.state === 'open' && this.status === 'connected') {
      this.att = null;
      att.state = 'closed_by_us'; // the close that follows an unlink is ours, not news
      try {
        const result = await withTimeout(att.conn.logout(), LOGOUT_TIMEOUT_MS, 'logout');
        unlinked = /** @type {any} */ (result)?.unlinked !== false;
      } catch (err) {
        this.log.warn({ err }, 'logout at WhatsApp failed; wiping local auth anyway');
      }
      this.closing = this.closeConn(att.conn);
    } else {
      this.release();
    }
    await this.closing;
    this.clearQr();
    this.unlinked('logged_out', 'logout_requested', unlinked
      ? 'Logged out on request: this device was unlinked and its keys deleted.'
      : 'Logged out on request: the keys were deleted here. If the phone still lists this device under Linked devices, remove it there.');
  }

  /** The device is unlinked: see auth_wipe.js. @param {string} status @param {string|null} reason @param {string|null} message */
  unlinked(status, reason, message) {
    markUnlinked(this, status, reason, message);
  }

  /** @param {string} phone digits */
  async requestPairingCode(phone) {
    const att = this.att;
    if ((this.status !== 'qr' && this.status !== 'pairing_code') || !att?.conn || att.state !== 'open') {
      throw edges.pairingRefusal(this) ?? new ApiError(409, 'session_not_linking',
        `Session ${this.id} is ${this.status}; a pairing code can be requested while it waits for a QR scan.`);
    }
    let code;
    try {
      code = await withTimeout(att.conn.requestPairingCode(phone), PAIRING_TIMEOUT_MS, 'pairing code');
    } catch (err) {
      const code = /** @type {any} */ (err)?.code;
      // WhatsApp's own answer to the request (engines/baileys/pairing.js): said as it is.
      if (code === 'pairing_refused' || code === 'pairing_no_answer') throw new ApiError(502, code, errorText(err));
      throw new ApiError(502, 'engine_error', `WhatsApp did not give a pairing code: ${errorText(err)}`);
    }
    if (this.att !== att || att.state !== 'open') {
      throw new ApiError(409, 'session_not_linking', `Session ${this.id} closed while the code was requested.`);
    }
    this.qr = null;
    this.expiresAt = null;
    this.setStatus('pairing_code', null,
      'On the phone open WhatsApp → Linked devices → Link with phone number, and enter the code.');
    return code;
  }

  notConnected() {
    return new ApiError(409, 'session_not_connected', `Session ${this.id} is ${this.status}, not connected.`);
  }

  /** The number's watch for messages nobody could read (one for all its connections). */
  unreadable() {
    this.undecryptable ??= new UndecryptableWatch({
      waitMs: this.options.undecryptable_wait_ms ?? 120_000,
      report: (m) => this.guard(() => events.onUndecryptable(this, m)),
    });
    return this.undecryptable;
  }

  /** Shutdown: drop the connection quietly (no status event), keep auth. */
  async dispose() {
    this.disposed = true;
    this.undecryptable?.stop();
    this.clearTimers();
    this.wiper.cancel();
    await this.release();
  }

  // ---- connection lifecycle -------------------------------------------------

  /** @param {number} ms */
  scheduleConnect(ms) {
    clearTimeout(this.retryTimer);
    const ticket = ++this.ticket;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect(ticket).catch((err) => {
        if (ticket === this.ticket) this.engineFailed(err);
        else this.log.warn({ err }, 'superseded connect failed');
      });
    }, ms);
  }

  /** @param {number} ticket  a later schedule or a stop makes this connect obsolete */
  async connect(ticket) {
    // Never two sockets on one auth state (WhatsApp would answer 440): wait
    // until every close our side started has finished.
    let closing;
    do {
      closing = this.closing;
      await closing;
    } while (closing !== this.closing);
    if (ticket !== this.ticket || this.att || this.disposed || !this.running || !this.engine) return;
    if (this.wiper.pending && !this.wiper.run()) {
      // Old keys still there: a new link must not start on them.
      this.setStatus('failed', WIPE_PENDING_REASON, 'The old keys of this number could not be deleted '
        + `yet (${this.wiper.lastError}); Jaga keeps trying. Link again once it has.`);
      return;
    }
    const auth = this.store.auth.forSession(this.id);
    let hasCreds;
    try {
      hasCreds = auth.readCreds() != null;
    } catch (err) {
      if (isAuthCorrupt(err)) return this.authCorrupt(auth, err);
      throw err;
    }
    if (!hasCreds && this.store.takeLostLink?.(this.id)) {
      const where = this.store.recovery?.quarantine;
      const recovery = this.store.recovery;
      const what = recovery?.problem === MISSING_DB
        ? 'The bridge database was missing when the bridge started'
        : `The bridge database was damaged and set aside${where ? ` (${where})` : ''}`;
      this.setStatus('failed', 'auth_lost', `${what}; ${recovery?.links_unknown ? 'if this number was linked, its'
        : 'the'} saved WhatsApp link could not be read back. Link the number again with a new QR code.`);
      return;
    }
    if (this.expectCreds && !hasCreds) {
      // Never turn a reconnect of a linked number into a silent new link.
      this.setStatus('failed', 'auth_missing',
        'The saved WhatsApp link for this number disappeared. Link the number again with a new QR code.');
      return;
    }

    /** @type {Attempt} */
    const att = { gen: ++this.gen, conn: null, state: 'open', qrIndex: 0 };
    this.att = att;
    const ctx = connectionContext(this, att, auth);
    const engine = this.engine;
    att.opening = Promise.resolve().then(() => engine.prepare?.(ctx)).then(() => engine.createConnection(ctx));
    let conn;
    try {
      conn = await att.opening;
    } catch (err) {
      if (this.att !== att) return; // left already; nothing was opened
      this.att = null;
      att.state = 'closed_by_us';
      if (isAuthCorrupt(err)) return this.authCorrupt(auth, err);
      throw err;
    }
    att.conn = conn; // if we left while it was opening, release() is closing it
  }

  /** @param {Attempt} att */
  live(att) {
    return this.att === att && att.state === 'open' && !this.disposed;
  }

  /** Engine callbacks must never throw into the engine. @param {() => void} fn */
  guard(fn) {
    try {
      fn();
    } catch (err) {
      this.log.error({ err }, 'handling an engine event failed');
    }
  }

  /** @param {any} auth @param {Error} err */
  authCorrupt(auth, err) {
    events.authCorrupt(this, auth, err);
  }

  /** @param {unknown} err */
  engineFailed(err) {
    events.engineFailed(this, err);
  }

  /** Leaves the current connection (our side closes; no close event expected). */
  release() {
    const att = this.att;
    this.att = null;
    if (!att || att.state !== 'open') return this.closing;
    att.state = 'closed_by_us';
    if (att.conn) {
      this.closing = this.closeConn(att.conn);
    } else if (att.opening) {
      // Still opening: close it once it exists, and make the next connect wait for that.
      this.closing = att.opening.then((conn) => this.closeConn(conn), () => undefined);
    }
    return this.closing;
  }

  /** @param {EngineConnection} conn */
  async closeConn(conn) {
    try {
      await withTimeout(conn.close(), CLOSE_TIMEOUT_MS, 'close');
    } catch (err) {
      this.log.warn({ err }, 'closing the connection failed');
    }
  }

  clearTimers() {
    this.ticket += 1;
    this.stopNetworkWait?.();
    clearTimeout(this.retryTimer);
    clearTimeout(this.qrTimer);
    this.liveness.stop();
    this.retryTimer = this.qrTimer = undefined;
  }

  clearQr() {
    this.qr = null;
    this.expiresAt = null;
    this.qrAttempt = null;
    this.qrMax = null;
  }

  /**
   * Changes status and tells the world. `force` emits even if only QR fields changed.
   * @param {string} status
   * @param {string|null} reason
   * @param {string|null} message
   * @param {boolean} [force]
   */
  setStatus(status, reason, message, force = false) {
    const changed = status !== this.status || reason !== this.reason || message !== this.message;
    if (!changed && !force) return;
    if (status !== this.status) this.since = this.now();
    // No ack comes over a connection that is gone: its sends stop waiting (send/path.js).
    if (this.status === 'connected' && status !== 'connected') this.acks?.closeSession(this.id);
    this.status = status;
    this.reason = reason;
    this.message = message;
    if (this.disposed) return;
    this.hub.emit('session.status', (seq) => {
      this.seq = seq;
      return this.view();
    });
  }
}
