// The real WhatsApp engine: one Baileys socket per connection.
//
// Contract with the session manager (src/sessions/manager.js):
// - createConnection() opens exactly ONE socket and never reconnects by itself; every
//   reconnect is a new createConnection() on the same auth, decided by the manager from the
//   close code.
// - on.close is reported exactly once per connection, whatever happens (remote close, local
//   close(), logout(), a socket that could not even be built).
// - Nothing thrown by Baileys or by the manager's callbacks escapes an event handler: a bad
//   frame is logged, never a crash of the bridge process.

import { randomBytes } from 'node:crypto';
import makeWASocket, { DisconnectReason, getBinaryNodeChild } from '@whiskeysockets/baileys';
import { makeBaileysAuthState } from './baileys/auth_state.js';
import { monotonicMs } from '../clock.js';
import { cachesFor, forgetSession } from './baileys/caches.js';
import { parseOptions } from './baileys/options.js';
import { edgeHandlers } from './baileys/edges.js';
import { trafficHandlers } from './baileys/traffic.js';
import { mediaHandlers } from './baileys/media.js';
import { outboundHandlers } from './baileys/outbound.js';
import { inboxParts } from './baileys/inbox.js';
import { networkErrorCode } from '../close_codes.js';
import { abandonUnfinishedPairing, boundCloseHandshake, socketConfig } from './baileys/socket_helpers.js';
import { requestPairingCode } from './baileys/pairing.js';
import { LimitsWatch } from '../limits_watch.js';
import { fetchLimits } from './baileys/edges.js';
import { announcedVersion } from './baileys/prepare.js';

export { parseOptions } from './baileys/options.js';
export { prepareConnection } from './baileys/prepare.js';
export { forgetSession } from './baileys/caches.js';
export { networkProbe } from './baileys/probe.js';
import { closeInfoFromError, codedError, digitsFromJid, phoneDigits, qrWithAdvSecret } from './baileys/mapping.js';

/** @typedef {import('./baileys/types.js').EngineContext} EngineContext */
/** @typedef {import('./baileys/types.js').Connection} Connection */

export { BROWSER } from './baileys/socket_helpers.js';

/** on.activity is called at most this often: frames can arrive by the hundred per second. */
export const ACTIVITY_MIN_INTERVAL_MS = 1000;
/** If Baileys never reports the end of a socket we close, report it ourselves after this. */
const CLOSE_FALLBACK_MS = 5000;

/**
 * A Boom-shaped error: what Baileys' end() and our closeInfoFromError understand.
 * @param {number} statusCode
 * @param {string} message
 */
function closeError(statusCode, message) {
  return Object.assign(new Error(message), { output: { statusCode } });
}

/**
 * Opens one WhatsApp connection for a session.
 *
 * @param {EngineContext} ctx
 * @param {{makeSocket?: typeof makeWASocket, downloadMedia?: typeof import('@whiskeysockets/baileys').downloadMediaMessage,
 *   later?: ConstructorParameters<typeof LimitsWatch>[0]['later']}} [deps]
 *   seams for tests: a fake socket factory; the media download (the network boundary); the
 *   timer of the limits watch
 * @returns {Connection}
 * @throws {import('../auth_db.js').AuthCorruptError} stored creds are unreadable: nothing was
 *   opened; the caller quarantines the auth rows and reports failed/auth_corrupt
 * @throws {TypeError & {code: 'bad_options'}} invalid ctx.options: nothing was opened
 */
export function createConnection(ctx, { makeSocket = makeWASocket, downloadMedia, later } = {}) {
  const { sessionId, auth, on } = ctx;
  const log = ctx.log.child({ engine: 'baileys' });
  const opts = parseOptions(ctx.options);
  if (opts.unknown.length) log.debug({ ignored: opts.unknown }, 'options not used by the baileys engine');
  const caches = cachesFor(sessionId);

  const { state } = makeBaileysAuthState(auth); // throws AuthCorruptError: nothing opened yet
  abandonUnfinishedPairing(state.creds, auth, log);
  const creds = state.creds;

  let sock = /** @type {ReturnType<typeof makeWASocket> | null} */ (null);
  let reported = false;
  let opened = false;
  /** set when we know why the socket ends better than its close code does */
  let localReason = /** @type {string | undefined} */ (undefined);
  /** after a logout / device removal no late write may resurrect auth rows the caller wipes */
  let revoked = false;
  let lastQrRaw = /** @type {string | null} */ (null);
  let lastActivityAt = -Infinity;
  let fallbackTimer = /** @type {NodeJS.Timeout | undefined} */ (undefined);
  /** @type {Array<{resolve: () => void, reject: (e: Error) => void}>} */
  let qrWaiters = [];
  let resolveClosed = () => {};
  const closed = new Promise(resolve => (resolveClosed = resolve));

  /**
   * Runs a manager callback; its exceptions are logged, never thrown into Baileys.
   * @param {string} name
   * @param {() => void} fn
   */
  const safeCall = (name, fn) => {
    try {
      fn();
    } catch (err) {
      log.error({ err, callback: name }, 'session callback failed');
    }
  };

  /**
   * Wraps a Baileys listener: whatever goes wrong in it is logged and contained.
   * @template {any[]} A
   * @param {string} name
   * @param {(...args: A) => void} fn
   * @returns {(...args: A) => void}
   */
  const guard =
    (name, fn) =>
    (...args) => {
      try {
        fn(...args);
      } catch (err) {
        log.error({ err, handler: name }, 'error while handling a WhatsApp event');
      }
    };

  const edges = edgeHandlers({ on, safeCall, log });

  /** @param {{code: number, message: string, reason?: string}} info */
  const reportClose = info => {
    if (reported) return;
    reported = true;
    opened = false;
    limits.stop();
    clearTimeout(fallbackTimer);
    for (const w of qrWaiters) w.reject(codedError(Error, 'not_connected', 'the connection closed'));
    qrWaiters = [];
    log.info({ code: info.code, reason: info.reason, message: info.message }, 'connection closed');
    safeCall('close', () => on.close(info));
    resolveClosed();
  };

  /**
   * Ends the socket (idempotent) and guarantees that close is reported even if Baileys
   * never emits it.
   * @param {number} code
   * @param {string} message
   */
  const endSocket = (code, message) => {
    if (reported) return;
    if (fallbackTimer === undefined) {
      fallbackTimer = setTimeout(() => {
        log.warn('socket did not report its end in time; reporting close anyway');
        reportClose({ code, message, ...(localReason ? { reason: localReason } : {}) });
      }, CLOSE_FALLBACK_MS);
      fallbackTimer.unref();
    }
    try {
      Promise.resolve(sock?.end(closeError(code, message))).catch(err => log.warn({ err }, 'error while ending the socket'));
    } catch (err) {
      log.warn({ err }, 'error while ending the socket');
    }
  };

  const persistCreds = () => {
    if (revoked) return;
    try {
      auth.writeCreds(creds);
    } catch (err) {
      // Running on with credentials that are not on disk would break the session at the
      // next start in a way nobody can see; stop loudly instead.
      log.error({ err }, 'could not save WhatsApp credentials');
      localReason ??= 'engine_error';
      endSocket(DisconnectReason.badSession, `could not save WhatsApp credentials: ${err?.message ?? err}`);
    }
  };

  // Writes after a logout would recreate rows the caller is about to wipe.
  const keys = {
    get: state.keys.get,
    set: async data => {
      if (revoked) {
        log.debug('dropping a signal key write after logout');
        return;
      }
      const written = await state.keys.set(data);
      edges.keyWrite(data); // after the write: a pair is reported once it is stored
      return written;
    },
    clear: state.keys.clear,
  };

  /** @param {string} qr */
  const emitQr = qr => {
    lastQrRaw = qr;
    for (const w of qrWaiters) w.resolve();
    qrWaiters = [];
    // QRs keep coming while a pairing code is pending: the session manager uses them as the
    // clock of the link attempt (it does not show them then).
    // Baileys captures the ADV secret once per pairing flow; after a companion_reg_refresh
    // the current secret is the one the server accepts (see onRegRefresh).
    safeCall('qr', () => on.qr(qrWithAdvSecret(qr, creds.advSecretKey)));
  };

  const onConnectionUpdate = guard('connection.update', update => {
    if (update.qr) emitQr(update.qr);
    edges.connectionUpdate(update);
    if (update.connection === 'open' && !opened && !reported) {
      opened = true;
      const me = creds.me;
      safeCall('open', () => on.open({ phone: digitsFromJid(me?.id), name: me?.name || me?.verifiedName || null }));
      limits.atOpen();
    }
    if (update.connection === 'close') {
      const info = closeInfoFromError(update.lastDisconnect?.error);
      if (info.code === DisconnectReason.loggedOut) revoked = true;
      let reason = localReason;
      if (!reason && info.code === DisconnectReason.timedOut && /QR refs attempts ended/i.test(info.message)) {
        reason = 'qr_timeout';
      }
      // No internet (DNS, refused, unreachable, TLS): Baileys says 408 or 500, the cause is ours.
      const network = reason ? null : networkErrorCode(update.lastDisconnect?.error);
      if (network) {
        reason = 'network_unreachable';
        log.warn({ cause: network }, 'no network to WhatsApp');
      }
      reportClose({ ...info, ...(reason ? { reason } : {}) });
    }
  });

  // Limits on new contacts, asked for at each open and after a 463 (limits_watch.js).
  const limits = new LimitsWatch({ log, later, fetch: () => fetchLimits(opened && !reported ? sock : null, edges) });
  const { onUpsert, onMessagesUpdate, onReceipts, onServerAck } = trafficHandlers({ on, caches, creds, edges, safeCall, guard, log, limits });

  // WhatsApp (since mid 2026) retires an unpaired companion's ADV secret with
  // <notification type="companion_reg_refresh">; rc14 acks and ignores it, so every QR
  // shown afterwards carries a dead secret and the scan fails ("couldn't link device").
  // Rotate the secret like WhatsApp Web does and re-show the current QR with it.
  // Upstream: WhiskeySockets/Baileys#2737 (fix proposed in #2765).
  const onRegRefresh = guard('companion_reg_refresh', node => {
    if (creds.me || !lastQrRaw) return; // only meaningful while a QR is being shown
    if (!getBinaryNodeChild(node, 'companion_reg_refresh') && !getBinaryNodeChild(node, 'pair-device-rotate-qr')) return;
    const adv = randomBytes(32).toString('base64');
    creds.advSecretKey = adv;
    sock?.ev.emit('creds.update', { advSecretKey: adv });
    log.info('pairing registration refreshed by WhatsApp; QR updated');
    emitQr(lastQrRaw);
  });

  const onFrame = () => {
    const now = monotonicMs(); // elapsed time only: a wall-clock step must not skip or flood
    if (now - lastActivityAt < ACTIVITY_MIN_INTERVAL_MS) return;
    lastActivityAt = now;
    safeCall('activity', () => on.activity());
  };

  const config = socketConfig({ creds, keys, caches, opts, log: ctx.log, sent: ctx.sent, version: announcedVersion(ctx, opts) });

  try {
    sock = makeSocket(/** @type {any} */ (config));
    boundCloseHandshake(sock.ws, log);
    sock.ws.on('frame', guard('frame', onFrame));
    sock.ws.on('CB:notification,type:companion_reg_refresh', onRegRefresh);
    sock.ws.on('CB:ack,class:message', onServerAck);
    sock.ev.on('connection.update', onConnectionUpdate);
    sock.ev.on('creds.update', guard('creds.update', persistCreds));
    sock.ev.on('messages.upsert', onUpsert);
    sock.ev.on('messages.update', onMessagesUpdate);
    sock.ev.on('message-receipt.update', onReceipts);
    sock.ev.on('message-capping.update', guard('message-capping.update', edges.capping));
    sock.ev.on('lid-mapping.update', guard('lid-mapping.update', edges.lidMappingUpdate));
    // A group that changed is fetched again (its participants decide who gets a send).
    const refetchGroup = (/** @type {any} */ jid) => typeof jid === 'string' && caches.groups.refresh(jid, g => sock.groupMetadata(g))
      .catch(err => log.warn({ err }, 'could not fetch group metadata again'));
    sock.ev.on('groups.update', guard('groups.update', updates => { for (const u of updates ?? []) refetchGroup(u?.id); }));
    sock.ev.on('group-participants.update', guard('group-participants.update', u => refetchGroup(u?.id)));
    sock.ev.on('groups.upsert', guard('groups.upsert', groups => { for (const g of groups ?? []) caches.groups.put(g); }));
    // Events buffered while the offline backlog is processed would be discarded by the
    // socket's teardown; flush them first: those messages were already acked to WhatsApp.
    sock.registerSocketEndHandler?.(() => {
      try {
        sock?.ev.flush();
      } catch (err) {
        log.warn({ err }, 'could not flush buffered events at close');
      }
    });
  } catch (err) {
    log.error({ err }, 'could not start the WhatsApp socket');
    localReason = 'engine_error';
    const message = `could not start the WhatsApp socket: ${err?.message ?? err}`;
    if (sock) {
      endSocket(DisconnectReason.badSession, message);
    } else {
      // Reported asynchronously: the caller gets its handle before any callback runs.
      setImmediate(() => reportClose({ code: DisconnectReason.badSession, message, reason: 'engine_error' }));
    }
  }

  /** Resolves when a QR was shown on this socket, i.e. the server is ready for pairing. */
  const qrReady = () => {
    if (lastQrRaw) return Promise.resolve();
    if (reported) return Promise.reject(codedError(Error, 'not_connected', 'the connection is closed'));
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      const timer = setTimeout(() => {
        qrWaiters = qrWaiters.filter(w => w !== waiter);
        reject(codedError(Error, 'not_ready', 'WhatsApp did not offer pairing in time; try again'));
      }, opts.connectTimeoutMs);
      timer.unref();
      waiter.resolve = () => (clearTimeout(timer), resolve());
      waiter.reject = e => (clearTimeout(timer), reject(e));
      qrWaiters.push(waiter);
    });
  };

  const liveSock = () => (opened && !reported ? sock : null);
  const media = mediaHandlers({ sock: liveSock, download: downloadMedia, log });
  const outbound = outboundHandlers({ sock: liveSock, sent: ctx.sent, caches, lidFor: on.lidFor });

  return {
    ...media,
    ...outbound,
    ...inboxParts({ sock, live: () => opened && !reported, on, creds, lidFor: on.lidFor, guard }), // baileys/inbox.js

    close() {
      if (reported) return closed;
      localReason ??= 'stopped_by_request';
      endSocket(DisconnectReason.connectionClosed, 'connection closed by request');
      return closed;
    },

    async logout() {
      revoked = true;
      forgetSession(sessionId);
      if (reported || !sock) return { unlinked: false };
      localReason = 'logged_out';
      let unlinked = false;
      if (opened) {
        try {
          // Tells WhatsApp to remove this linked device, then ends the socket with 401.
          await sock.logout('logged out by request');
          unlinked = true;
        } catch (err) {
          log.warn({ err }, 'could not tell WhatsApp about the logout; the phone may still list this device');
        }
      }
      endSocket(DisconnectReason.loggedOut, 'logged out by request');
      await closed;
      return { unlinked };
    },

    async requestPairingCode(phone) {
      const digits = phoneDigits(phone);
      if (creds.account || opened) {
        throw codedError(Error, 'already_linked', 'this session is already linked to a phone; log out first to link another');
      }
      if (reported || !sock) throw codedError(Error, 'not_connected', 'the connection is closed');
      await qrReady();
      if (reported) throw codedError(Error, 'not_connected', 'the connection is closed');
      return requestPairingCode(sock, creds, digits, config.browser, opts.connectTimeoutMs);
    },
  };
}
