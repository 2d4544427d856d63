// One WhatsApp connection of a session: one Baileys socket, its state in fields.
//
// Contract with the session manager (src/sessions/manager.js):
// - a BaileysConnection opens exactly ONE socket and never reconnects by itself; every
//   reconnect is a new connection on the same auth, decided by the manager from the
//   close code.
// - on.close is reported exactly once per connection, whatever happens (remote close, local
//   close(), logout(), a socket that could not even be built).
// - Nothing thrown by Baileys or by the manager's callbacks escapes an event handler: a bad
//   frame is logged, never a crash of the bridge process.
import { randomBytes } from 'node:crypto';
import makeWASocket, { DisconnectReason, getBinaryNodeChild } from '@whiskeysockets/baileys';
import { makeBaileysAuthState } from './auth_state.js';
import { monotonicMs } from '../../time/clock.js';
import { cachesFor, forgetSession } from './caches.js';
import { parseOptions } from './options.js';
import { edgeHandlers, fetchLimits } from './edges.js';
import { trafficHandlers } from './traffic.js';
import { mediaHandlers } from './media.js';
import { outboundHandlers } from './outbound.js';
import { inboxParts } from './inbox.js';
import { abandonUnfinishedPairing, boundCloseHandshake, socketConfig } from './socket_helpers.js';
import { requestPairingCode } from './pairing.js';
import { LimitsWatch } from '../limits_watch.js';
import { announcedVersion } from './prepare.js';
import { codedError, digitsFromJid, phoneDigits, qrWithAdvSecret } from './mapping.js';
import { QrWaiters } from './qr_waiters.js';
import { closeError, closeReport } from './close_report.js';

/** @typedef {import('./types.js').EngineContext} EngineContext */
/** @typedef {import('./types.js').Connection} Connection */
/**
 * @typedef {{makeSocket?: typeof makeWASocket, downloadMedia?: typeof import('@whiskeysockets/baileys').downloadMediaMessage,
 *   later?: ConstructorParameters<typeof LimitsWatch>[0]['later']}} Seams
 *   for tests: a fake socket factory; the media download (the network boundary); the timer
 *   of the limits watch
 */

/** on.activity is called at most this often: frames can arrive by the hundred per second. */
export const ACTIVITY_MIN_INTERVAL_MS = 1000;
/** If Baileys never reports the end of a socket we close, report it ourselves after this. */
const CLOSE_FALLBACK_MS = 5000;

export class BaileysConnection {
  /**
   * Opens the socket at once.
   * @param {EngineContext} ctx @param {Seams} [seams]
   * @throws {import('../../storage/auth_db.js').AuthCorruptError} stored creds are unreadable: nothing
   *   was opened; the caller quarantines the auth rows and reports failed/auth_corrupt
   * @throws {TypeError & {code: 'bad_options'}} invalid ctx.options: nothing was opened
   */
  constructor(ctx, { makeSocket = makeWASocket, downloadMedia, later } = {}) {
    this.ctx = ctx;
    this.on = ctx.on;
    this.log = ctx.log.child({ engine: 'baileys' });
    this.opts = parseOptions(ctx.options);
    if (this.opts.unknown.length) this.log.debug({ ignored: this.opts.unknown }, 'options not used by the baileys engine');
    this.caches = cachesFor(ctx.sessionId);
    const { state } = makeBaileysAuthState(ctx.auth); // throws AuthCorruptError: nothing opened yet
    abandonUnfinishedPairing(state.creds, ctx.auth, this.log);
    this.state = state;
    this.creds = state.creds;
    this.downloadMedia = downloadMedia;

    /** @type {ReturnType<typeof makeWASocket> | null} */
    this.sock = null;
    this.reported = false;
    this.opened = false;
    /** set when we know why the socket ends better than its close code does @type {string | undefined} */
    this.localReason = undefined;
    /** after a logout / device removal no late write may resurrect auth rows the caller wipes */
    this.revoked = false;
    /** @type {string | null} */
    this.lastQrRaw = null;
    this.lastActivityAt = -Infinity;
    /** @type {NodeJS.Timeout | undefined} */
    this.fallbackTimer = undefined;
    this.qrWaiters = new QrWaiters();
    this.resolveClosed = () => {};
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));

    this.safeCall = this.safeCall.bind(this);
    this.guard = this.guard.bind(this);
    this.edges = edgeHandlers({ on: this.on, safeCall: this.safeCall, log: this.log });
    // Limits on new contacts, asked for at each open and after a 463 (limits_watch.js).
    this.limits = new LimitsWatch({ log: this.log, later, fetch: () => fetchLimits(this.liveSock(), this.edges) });
    this.traffic = trafficHandlers({ on: this.on, caches: this.caches, creds: this.creds, edges: this.edges,
      safeCall: this.safeCall, guard: this.guard, log: this.log, limits: this.limits });
    this.config = socketConfig({ creds: this.creds, keys: this.guardedKeys(), caches: this.caches, opts: this.opts,
      log: ctx.log, sent: ctx.sent, version: announcedVersion(ctx, this.opts) });
    this.start(makeSocket);
  }

  /** The socket while it is open and not reported closed, else null. */
  liveSock() {
    return this.opened && !this.reported ? this.sock : null;
  }

  /**
   * Runs a manager callback; its exceptions are logged, never thrown into Baileys.
   * @param {string} name @param {() => void} fn
   */
  safeCall(name, fn) {
    try {
      fn();
    } catch (err) {
      this.log.error({ err, callback: name }, 'session callback failed');
    }
  }

  /**
   * Wraps a Baileys listener: whatever goes wrong in it is logged and contained.
   * @template {any[]} A
   * @param {string} name @param {(...args: A) => void} fn @returns {(...args: A) => void}
   */
  guard(name, fn) {
    return (...args) => {
      try {
        fn(...args);
      } catch (err) {
        this.log.error({ err, handler: name }, 'error while handling a WhatsApp event');
      }
    };
  }

  /** The signal keys, with writes dropped after a logout (they would recreate wiped rows). */
  guardedKeys() {
    const { keys } = this.state;
    return {
      get: keys.get,
      set: async (/** @type {any} */ data) => {
        if (this.revoked) {
          this.log.debug('dropping a signal key write after logout');
          return;
        }
        const written = await keys.set(data);
        this.edges.keyWrite(data); // after the write: a pair is reported once it is stored
        return written;
      },
      clear: keys.clear,
    };
  }

  /** Builds the socket and listens to it; a socket that cannot be built is reported closed. */
  start(/** @type {typeof makeWASocket} */ makeSocket) {
    try {
      this.sock = makeSocket(/** @type {any} */ (this.config));
      this.listen(this.sock);
    } catch (err) {
      this.log.error({ err }, 'could not start the WhatsApp socket');
      this.localReason = 'engine_error';
      const message = `could not start the WhatsApp socket: ${err?.message ?? err}`;
      if (this.sock) {
        this.endSocket(DisconnectReason.badSession, message);
      } else {
        // Reported asynchronously: the caller gets its handle before any callback runs.
        setImmediate(() => this.reportClose({ code: DisconnectReason.badSession, message, reason: 'engine_error' }));
      }
    }
  }

  /** @param {ReturnType<typeof makeWASocket>} sock */
  listen(sock) {
    const { guard, edges, traffic } = this;
    boundCloseHandshake(sock.ws, this.log);
    sock.ws.on('frame', guard('frame', () => this.onFrame()));
    sock.ws.on('CB:notification,type:companion_reg_refresh', guard('companion_reg_refresh', (node) => this.onRegRefresh(node)));
    sock.ws.on('CB:ack,class:message', traffic.onServerAck);
    sock.ev.on('connection.update', guard('connection.update', (update) => this.onConnectionUpdate(update)));
    sock.ev.on('creds.update', guard('creds.update', () => this.persistCreds()));
    sock.ev.on('messages.upsert', traffic.onUpsert);
    sock.ev.on('messages.update', traffic.onMessagesUpdate);
    sock.ev.on('message-receipt.update', traffic.onReceipts);
    sock.ev.on('message-capping.update', guard('message-capping.update', edges.capping));
    sock.ev.on('lid-mapping.update', guard('lid-mapping.update', edges.lidMappingUpdate));
    this.listenToGroups(sock);
    // Events buffered while the offline backlog is processed would be discarded by the
    // socket's teardown; flush them first: those messages were already acked to WhatsApp.
    sock.registerSocketEndHandler?.(() => {
      try {
        sock.ev.flush();
      } catch (err) {
        this.log.warn({ err }, 'could not flush buffered events at close');
      }
    });
  }

  /** A group that changed is fetched again (its participants decide who gets a send). @param {any} sock */
  listenToGroups(sock) {
    const { guard, caches } = this;
    const refetch = (/** @type {any} */ jid) => typeof jid === 'string' && caches.groups.refresh(jid, (g) => sock.groupMetadata(g))
      .catch((err) => this.log.warn({ err }, 'could not fetch group metadata again'));
    sock.ev.on('groups.update', guard('groups.update', (updates) => { for (const u of updates ?? []) refetch(u?.id); }));
    sock.ev.on('group-participants.update', guard('group-participants.update', (u) => refetch(u?.id)));
    sock.ev.on('groups.upsert', guard('groups.upsert', (groups) => { for (const g of groups ?? []) caches.groups.put(g); }));
  }

  /** @param {{code: number, message: string, reason?: string}} info */
  reportClose(info) {
    if (this.reported) return;
    this.reported = true;
    this.opened = false;
    this.limits.stop();
    clearTimeout(this.fallbackTimer);
    this.qrWaiters.rejectAll(codedError(Error, 'not_connected', 'the connection closed'));
    this.log.info({ code: info.code, reason: info.reason, message: info.message }, 'connection closed');
    this.safeCall('close', () => this.on.close(info));
    this.resolveClosed();
  }

  /**
   * Ends the socket (idempotent) and guarantees that close is reported even if Baileys
   * never emits it.
   * @param {number} code @param {string} message
   */
  endSocket(code, message) {
    if (this.reported) return;
    if (this.fallbackTimer === undefined) {
      this.fallbackTimer = setTimeout(() => {
        this.log.warn('socket did not report its end in time; reporting close anyway');
        this.reportClose({ code, message, ...(this.localReason ? { reason: this.localReason } : {}) });
      }, CLOSE_FALLBACK_MS);
      this.fallbackTimer.unref();
    }
    try {
      Promise.resolve(this.sock?.end(closeError(code, message)))
        .catch((err) => this.log.warn({ err }, 'error while ending the socket'));
    } catch (err) {
      this.log.warn({ err }, 'error while ending the socket');
    }
  }

  persistCreds() {
    if (this.revoked) return;
    try {
      this.ctx.auth.writeCreds(this.creds);
    } catch (err) {
      // Running on with credentials that are not on disk would break the session at the
      // next start in a way nobody can see; stop loudly instead.
      this.log.error({ err }, 'could not save WhatsApp credentials');
      this.localReason ??= 'engine_error';
      this.endSocket(DisconnectReason.badSession, `could not save WhatsApp credentials: ${err?.message ?? err}`);
    }
  }

  /** @param {string} qr */
  emitQr(qr) {
    this.lastQrRaw = qr;
    this.qrWaiters.resolveAll();
    // QRs keep coming while a pairing code is pending: the session manager uses them as the
    // clock of the link attempt (it does not show them then).
    // Baileys captures the ADV secret once per pairing flow; after a companion_reg_refresh
    // the current secret is the one the server accepts (see onRegRefresh).
    this.safeCall('qr', () => this.on.qr(qrWithAdvSecret(qr, this.creds.advSecretKey)));
  }

  /** @param {any} update Baileys' connection.update */
  onConnectionUpdate(update) {
    if (update.qr) this.emitQr(update.qr);
    this.edges.connectionUpdate(update);
    if (update.connection === 'open' && !this.opened && !this.reported) {
      this.opened = true;
      const me = this.creds.me;
      this.safeCall('open', () => this.on.open({ phone: digitsFromJid(me?.id), name: me?.name || me?.verifiedName || null }));
      this.limits.atOpen();
    }
    if (update.connection === 'close') {
      const report = closeReport(update.lastDisconnect, this.localReason, this.log);
      if (report.code === DisconnectReason.loggedOut) this.revoked = true;
      this.reportClose(report);
    }
  }

  // WhatsApp (since mid 2026) retires an unpaired companion's ADV secret with
  // <notification type="companion_reg_refresh">; rc14 acks and ignores it, so every QR
  // shown afterwards carries a dead secret and the scan fails ("couldn't link device").
  // Rotate the secret like WhatsApp Web does and re-show the current QR with it.
  // Upstream: WhiskeySockets/Baileys#2737 (fix proposed in #2765).
  /** @param {any} node */
  onRegRefresh(node) {
    if (this.creds.me || !this.lastQrRaw) return; // only meaningful while a QR is being shown
    if (!getBinaryNodeChild(node, 'companion_reg_refresh') && !getBinaryNodeChild(node, 'pair-device-rotate-qr')) return;
    const adv = randomBytes(32).toString('base64');
    this.creds.advSecretKey = adv;
    this.sock?.ev.emit('creds.update', { advSecretKey: adv });
    this.log.info('pairing registration refreshed by WhatsApp; QR updated');
    this.emitQr(this.lastQrRaw);
  }

  onFrame() {
    const now = monotonicMs(); // elapsed time only: a wall-clock step must not skip or flood
    if (now - this.lastActivityAt < ACTIVITY_MIN_INTERVAL_MS) return;
    this.lastActivityAt = now;
    this.safeCall('activity', () => this.on.activity());
  }

  /** Resolves when a QR was shown on this socket, i.e. the server is ready for pairing. */
  qrReady() {
    if (this.lastQrRaw) return Promise.resolve();
    if (this.reported) return Promise.reject(codedError(Error, 'not_connected', 'the connection is closed'));
    return this.qrWaiters.wait(this.opts.connectTimeoutMs);
  }

  /** @returns {Promise<void>} */
  close() {
    if (this.reported) return this.closed;
    this.localReason ??= 'stopped_by_request';
    this.endSocket(DisconnectReason.connectionClosed, 'connection closed by request');
    return this.closed;
  }

  async logout() {
    this.revoked = true;
    forgetSession(this.ctx.sessionId);
    if (this.reported || !this.sock) return { unlinked: false };
    this.localReason = 'logged_out';
    let unlinked = false;
    if (this.opened) {
      try {
        // Tells WhatsApp to remove this linked device, then ends the socket with 401.
        await this.sock.logout('logged out by request');
        unlinked = true;
      } catch (err) {
        this.log.warn({ err }, 'could not tell WhatsApp about the logout; the phone may still list this device');
      }
    }
    this.endSocket(DisconnectReason.loggedOut, 'logged out by request');
    await this.closed;
    return { unlinked };
  }

  /** @param {string} phone */
  async requestPairingCode(phone) {
    const digits = phoneDigits(phone);
    if (this.creds.account || this.opened) {
      throw codedError(Error, 'already_linked', 'this session is already linked to a phone; log out first to link another');
    }
    if (this.reported || !this.sock) throw codedError(Error, 'not_connected', 'the connection is closed');
    await this.qrReady();
    if (this.reported) throw codedError(Error, 'not_connected', 'the connection is closed');
    return requestPairingCode(this.sock, this.creds, digits, this.config.browser, this.opts.connectTimeoutMs);
  }

  /** What the session manager holds: the engine's Connection interface (types.js). @returns {Connection} */
  handle() {
    const live = () => this.opened && !this.reported;
    const liveSock = () => this.liveSock();
    return {
      ...mediaHandlers({ sock: liveSock, download: this.downloadMedia, log: this.log }),
      ...outboundHandlers({ sock: liveSock, sent: this.ctx.sent, caches: this.caches, lidFor: this.on.lidFor }),
      ...inboxParts({ sock: this.sock, live, on: this.on, creds: this.creds, lidFor: this.on.lidFor, guard: this.guard }),
      close: () => this.close(),
      logout: () => this.logout(),
      requestPairingCode: (phone) => this.requestPairingCode(phone),
    };
  }
}
