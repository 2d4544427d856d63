// One WhatsApp number: its status, and the connection that backs it. Every
// (re)connect opens a NEW engine connection on the same auth state; callbacks of
// a connection we have left behind are ignored (an "attempt" object is the
// token), so a late close from an old socket can never overwrite the present.
import { decideClose, backoffDelay } from './close_codes.js';
import { ApiError } from './errors.js';
import * as edges from './session_edges.js';

/** Statuses in which a session is not running (PUT may start it again). */
export const IDLE_STATUSES = new Set(['stopped', 'logged_out', 'conflict', 'failed']);
export const ALL_STATUSES = ['stopped', 'starting', 'qr', 'pairing_code', 'connected', 'reconnecting',
  'logged_out', 'conflict', 'failed'];
const ACK_STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

/** Connected this long, a drop starts the backoff from the beginning again. */
const STABLE_MS = 30_000;
/** Connected this long, a new 440 gets its one automatic retry again. */
const CONFLICT_RESET_MS = 10 * 60_000;
/** How long our side waits for an engine to close/unlink/answer. */
const CLOSE_TIMEOUT_MS = 5000;
const LOGOUT_TIMEOUT_MS = 10_000;
const PAIRING_TIMEOUT_MS = 30_000;
const SEND_TIMEOUT_MS = 30_000;

/**
 * @typedef {object} EngineConnection
 * @property {() => Promise<void>} close
 * @property {() => Promise<void|{unlinked: boolean}>} logout
 * @property {(msg: {to: string, text: string, messageId: string}) => Promise<{message_id: string}>} send
 * @property {(phone: string) => Promise<string>} requestPairingCode
 */

/**
 * @typedef {object} Engine
 * @property {string} name
 * @property {(ctx: object) => EngineConnection | Promise<EngineConnection>} createConnection
 */

/**
 * @typedef {object} Attempt   one engine connection, from open to close
 * @property {number} gen
 * @property {EngineConnection|null} conn
 * @property {'open'|'network_closed'|'closed_by_us'} state
 * @property {number} qrIndex  QRs this connection showed
 * @property {Promise<EngineConnection>} [opening]  createConnection in progress
 */

/**
 * @typedef {object} SessionDeps
 * @property {import('./store.js').Store} store
 * @property {import('./events.js').EventHub} hub
 * @property {import('pino').Logger} log
 * @property {() => number} [now]
 * @property {() => number} [rng]
 */

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
function withTimeout(promise, ms, what) {
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
function isoTime(ts) {
  if (typeof ts === 'number' && Number.isFinite(ts)) return new Date(ts < 1e12 ? ts * 1000 : ts).toISOString();
  if (typeof ts === 'bigint') return new Date(Number(ts) * 1000).toISOString();
  if (typeof ts === 'string' && !Number.isNaN(Date.parse(ts))) return new Date(ts).toISOString();
  return new Date().toISOString();
}

export class Session {
  /**
   * @param {string} id
   * @param {SessionDeps} deps
   */
  constructor(id, { store, hub, log, now = Date.now, rng = Math.random }) {
    this.id = id;
    this.store = store;
    this.hub = hub;
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
    /** @type {number|null} */ this.openedAt = null;
    /** A connection of this run reached "connected": a reconnect must find creds. */
    this.expectCreds = false;
    /** @type {Promise<void>} the last close of our side; a new connect waits for it */
    this.closing = Promise.resolve();
    /** Bumped by every schedule/stop: a pending connect with an old ticket gives up. */
    this.ticket = 0;
    /** @type {NodeJS.Timeout|undefined} */ this.retryTimer = undefined;
    /** @type {NodeJS.Timeout|undefined} */ this.qrTimer = undefined;
    /** @type {NodeJS.Timeout|undefined} */ this.liveTimer = undefined;
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
    this.store.auth.forSession(this.id).wipe();
    this.me = null;
    this.expectCreds = false;
    this.clearQr();
    this.setStatus('logged_out', 'logout_requested', unlinked
      ? 'Logged out on request: this device was unlinked and its keys deleted.'
      : 'Logged out on request: the keys were deleted here. If the phone still lists this device under Linked devices, remove it there.');
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

  /**
   * @param {{to: string, text: string, messageId: string}} msg
   * @returns {Promise<{message_id: string}>}
   */
  async sendNow(msg) {
    const att = this.att;
    if (this.status !== 'connected' || !att?.conn || att.state !== 'open') throw this.notConnected();
    return withTimeout(att.conn.send(msg), SEND_TIMEOUT_MS, 'send');
  }

  notConnected() {
    return new ApiError(409, 'session_not_connected', `Session ${this.id} is ${this.status}, not connected.`);
  }

  /** Shutdown: drop the connection quietly (no status event), keep auth. */
  async dispose() {
    this.disposed = true;
    this.clearTimers();
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
    const auth = this.store.auth.forSession(this.id);
    let hasCreds;
    try {
      hasCreds = auth.readCreds() != null;
    } catch (err) {
      if (isAuthCorrupt(err)) return this.authCorrupt(auth, err);
      throw err;
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
    const ctx = {
      sessionId: this.id,
      options: { ...this.options },
      lids: edges.lidsOf(this.store),
      log: this.log.child({ conn: att.gen }),
      auth,
      on: {
        qr: (/** @type {string} */ qr) => this.guard(() => this.onQr(att, qr)),
        open: (/** @type {any} */ me) => this.guard(() => this.onOpen(att, me)),
        close: (/** @type {any} */ info) => this.guard(() => this.onClose(att, info ?? {})),
        activity: () => this.guard(() => this.onActivity(att)),
        // Not guarded: if the journal write fails the engine must know, so it does
        // not treat the message as taken (a redelivery can still get through).
        messageIn: (/** @type {any} */ m) => this.onMessageIn(m),
        ack: (/** @type {any} */ a) => this.onAck(a),
        mapping: (/** @type {any} */ pair) => edges.onMapping(this, pair),
        limits: (/** @type {any} */ limit) => this.guard(() => this.live(att) && edges.setLimit(this, limit)),
      },
    };
    const engine = this.engine;
    att.opening = Promise.resolve().then(() => engine.createConnection(ctx));
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

  /** @param {Attempt} att @param {string} qr */
  onQr(att, qr) {
    if (!this.live(att)) return;
    att.qrIndex += 1;
    this.qrCount += 1;
    const max = this.options.qr_max;
    if (this.qrCount > max) return this.qrTimeout(att);
    const lifetime = att.qrIndex === 1 ? this.options.qr_first_ms : this.options.qr_rotate_ms;
    if (this.qrCount === max) {
      clearTimeout(this.qrTimer);
      this.qrTimer = setTimeout(() => this.qrTimeout(att), lifetime);
    }
    if (this.status === 'pairing_code') return; // the code is on screen; QRs only measure time
    this.qr = String(qr);
    this.expiresAt = this.now() + lifetime;
    this.qrAttempt = this.qrCount;
    this.qrMax = max;
    this.hub.emit('session.qr', (seq) => {
      this.seq = seq;
      return {
        session_id: this.id, qr: this.qr, expires_at: new Date(this.expiresAt ?? 0).toISOString(),
        attempt: this.qrAttempt, max: this.qrMax,
      };
    });
    this.setStatus('qr', null, 'Scan the QR code with WhatsApp on the phone: Linked devices → Link a device.', true);
  }

  /** @param {Attempt} att */
  qrTimeout(att) {
    if (!this.live(att)) return;
    const pairing = this.status === 'pairing_code';
    this.clearTimers();
    this.release();
    this.clearQr();
    this.setStatus('failed', 'qr_timeout', pairing
      ? 'The pairing code was not entered in time. Start linking again.'
      : 'The QR code was not scanned in time. Start linking again to get a new one.');
  }

  /** @param {Attempt} att @param {{phone?: string, name?: string}} me */
  onOpen(att, me) {
    if (!this.live(att)) return;
    clearTimeout(this.qrTimer);
    this.clearQr();
    const phone = phoneDigits(me?.phone);
    // An engine that cannot tell the number keeps what we knew ("me" stays null until known).
    this.me = phone ? { phone, name: typeof me?.name === 'string' && me.name ? me.name : null } : this.me;
    this.openedAt = this.now();
    this.lastActivityAt = this.openedAt;
    this.restarts = 0;
    this.qrCount = 0;
    this.expectCreds = true;
    this.setStatus('connected', null, null);
    this.armLiveness(att);
  }

  /** @param {Attempt} att @param {{code?: number, message?: string}} info */
  onClose(att, { code, message, reason }) {
    if (!this.live(att)) return;
    att.state = 'network_closed';
    this.att = null;
    this.clearTimers();
    this.noteDisconnect();
    const decision = decideClose(code, {
      status: this.status,
      qrCount: this.qrCount,
      qrMax: this.options.qr_max,
      attempt: this.attempt,
      restarts: this.restarts,
      conflictRetried: this.conflictRetried,
      engineReason: reason,
      engineMessage: message,
    }, {
      rng: this.rng,
      baseMs: this.options.backoff_base_ms,
      maxMs: this.options.backoff_max_ms,
      conflictPauseMs: this.options.conflict_pause_ms,
    });
    Object.assign(this, decision.next);
    this.log.info({ code, engine_message: message, status: decision.status, reason: decision.reason,
      retry_in_ms: decision.retryInMs }, 'connection closed');
    if (decision.wipeAuth) {
      this.store.auth.forSession(this.id).wipe();
      this.me = null;
      this.expectCreds = false;
    }
    this.clearQr();
    this.setStatus(decision.status, decision.reason, decision.message);
    if (decision.retryInMs !== null) this.scheduleConnect(decision.retryInMs);
    if (decision.reason === 'network_unreachable') edges.waitForNetwork(this);
  }

  /** @param {Attempt} att */
  onActivity(att) {
    if (this.live(att)) this.lastActivityAt = this.now();
  }

  /**
   * Inbound messages are kept even from a connection we are leaving: losing
   * one is worse than a late one. Throws if it could not be journaled.
   * @param {any} m
   */
  onMessageIn(m) {
    if (this.disposed) throw new Error('the bridge is shutting down; message not taken');
    if (!m || typeof m.message_id !== 'string' || !m.message_id) {
      this.log.warn('engine delivered a message without message_id; dropped');
      return;
    }
    const data = {
      session_id: this.id,
      message_id: m.message_id,
      chat: edges.resolveChat(this, m.chat ?? null),
      from: edges.resolveChat(this, m.from ?? null),
      text: typeof m.text === 'string' ? m.text : null,
      timestamp: isoTime(m.timestamp),
      kind: m.kind === 'append' ? 'append' : 'notify',
    };
    this.seq = this.hub.emitDurable('message.in', this.id, data).seq;
  }

  /** @param {any} a  throws if it could not be journaled */
  onAck(a) {
    if (this.disposed) throw new Error('the bridge is shutting down; receipt not taken');
    if (!a || typeof a.message_id !== 'string' || !ACK_STATUSES.has(a.status)) {
      this.log.debug({ ack: a }, 'ignoring ack with unknown message or status');
      return;
    }
    const data = {
      session_id: this.id,
      message_id: a.message_id,
      client_id: this.store.outbound.clientIdFor(this.id, a.message_id),
      chat: edges.resolveChat(this, a.chat ?? null),
      status: a.status,
      ...edges.failureFields(a),
    };
    this.seq = this.hub.emitDurable('message.ack', this.id, data).seq;
  }

  /** "Connected" must mean alive: no frame for keepalive_ms forces a reconnect. @param {Attempt} att */
  armLiveness(att) {
    clearInterval(this.liveTimer);
    const window = this.options.keepalive_ms;
    this.liveTimer = setInterval(() => {
      if (!this.live(att) || this.status !== 'connected') return;
      const quiet = this.now() - (this.lastActivityAt ?? 0);
      if (quiet <= window) return;
      this.log.warn({ quiet_ms: quiet }, 'no activity within the keep-alive window; reconnecting');
      this.clearTimers();
      this.release();
      this.noteDisconnect();
      const delay = backoffDelay(this.attempt, this.rng,
        { baseMs: this.options.backoff_base_ms, maxMs: this.options.backoff_max_ms });
      this.attempt += 1;
      this.setStatus('reconnecting', 'keepalive_timeout',
        `No sign of life from WhatsApp for ${Math.round(quiet / 1000)} s; reconnecting.`);
      this.scheduleConnect(delay);
    }, Math.max(50, Math.floor(window / 4)));
  }

  /** Resets retry budgets after a connection that lasted. */
  noteDisconnect() {
    if (this.openedAt == null) return;
    const up = this.now() - this.openedAt;
    if (up >= STABLE_MS) this.attempt = 0;
    if (up >= CONFLICT_RESET_MS) this.conflictRetried = false;
    this.openedAt = null;
  }

  /** @param {any} auth @param {Error} err */
  authCorrupt(auth, err) {
    this.clearTimers();
    let where = null;
    try {
      where = auth.quarantine(err.message || 'unreadable auth state');
    } catch (qErr) {
      this.log.error({ err: qErr }, 'could not quarantine unreadable auth state');
    }
    this.log.error({ err, quarantine: where }, 'auth state unreadable; session failed');
    this.att = null;
    this.me = null;
    this.setStatus('failed', 'auth_corrupt', where
      ? 'The saved WhatsApp link for this number could not be read; a copy was set aside in the quarantine folder. Link the number again with a new QR code.'
      : 'The saved WhatsApp link for this number could not be read. Link the number again with a new QR code.');
  }

  /** @param {unknown} err */
  engineFailed(err) {
    this.log.error({ err }, 'engine failed');
    this.clearTimers();
    this.release();
    this.setStatus('failed', 'engine_error',
      `The connection engine failed: ${errorText(err)}`);
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
    clearInterval(this.liveTimer);
    this.retryTimer = this.qrTimer = this.liveTimer = undefined;
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
