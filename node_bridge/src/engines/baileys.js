// The real WhatsApp engine: one Baileys socket per connection.
//
// Contract with the session manager (src/sessions.js):
// - createConnection() opens exactly ONE socket and never reconnects by itself; every
//   reconnect is a new createConnection() on the same auth, decided by the manager from the
//   close code.
// - on.close is reported exactly once per connection, whatever happens (remote close, local
//   close(), logout(), a socket that could not even be built).
// - Nothing thrown by Baileys or by the manager's callbacks escapes an event handler: a bad
//   frame is logged, never a crash of the bridge process.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import makeWASocket, { DisconnectReason, getBinaryNodeChild, isJidBroadcast, isJidNewsletter, proto } from '@whiskeysockets/baileys';
import { makeBaileysAuthState } from '../auth_db.js';
import { monotonicMs } from '../clock.js';
import { LruCache } from './baileys/lru.js';
import {
  ACK_RANK,
  ackStatusFromReceipt,
  ackStatusFromWaStatus,
  chatIdFromKey,
  closeInfoFromError,
  codedError,
  digitsFromJid,
  extractText,
  isoFromWaTimestamp,
  phoneDigits,
  qrWithAdvSecret,
  recipientJid,
  senderIdFromKey,
} from './baileys/mapping.js';

/** @typedef {import('../auth_db.js').SessionAuth} SessionAuth */

/**
 * @typedef {object} EngineCallbacks
 * @property {(qr: string) => void} qr a pairing QR string to show
 * @property {(me: {phone: string | null, name: string | null}) => void} open
 * @property {(info: {code: number, message: string, reason?: string}) => void} close
 *   exactly once; `code` is Baileys' DisconnectReason status code; `reason` is set when the
 *   engine knows more than the code says: 'stopped_by_request', 'logged_out', 'qr_timeout',
 *   'engine_error'
 * @property {() => void} activity the connection received bytes (throttled, see ACTIVITY_MIN_INTERVAL_MS)
 * @property {(m: {message_id: string, chat: string, from: string, text: string, timestamp: string, kind: 'notify' | 'append'}) => void} messageIn
 * @property {(a: {message_id: string, chat: string | null, status: 'sent' | 'delivered' | 'read'}) => void} ack
 */

/**
 * @typedef {object} EngineContext
 * @property {string} sessionId
 * @property {Record<string, unknown>} [options] see parseOptions
 * @property {import('pino').Logger} log
 * @property {SessionAuth} auth
 * @property {EngineCallbacks} on
 */

/**
 * @typedef {object} Connection
 * @property {() => Promise<void>} close stop this socket (auth kept); resolves once close was reported
 * @property {() => Promise<{unlinked: boolean}>} logout unlink the device; the caller wipes auth afterwards
 * @property {(m: {to: string, text: string, messageId?: string}) => Promise<{message_id: string}>} send
 * @property {(phone: string) => Promise<string>} requestPairingCode link by code instead of QR
 */

const BRIDGE_VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
/** How the linked device appears on the phone ("Jaga"); "Desktop" is WhatsApp's desktop platform type. */
export const BROWSER = Object.freeze(['Jaga', 'Desktop', BRIDGE_VERSION]);

/** on.activity is called at most this often: frames can arrive by the hundred per second. */
export const ACTIVITY_MIN_INTERVAL_MS = 1000;
/** Grace for the WebSocket close handshake before the TCP socket is destroyed (ws waits 30 s). */
const WS_CLOSE_GRACE_MS = 1000;
/** If Baileys never reports the end of a socket we close, report it ourselves after this. */
const CLOSE_FALLBACK_MS = 5000;

const DEFAULTS = Object.freeze({
  connectTimeoutMs: 20_000,
  // WhatsApp Web pings about every 20-30 s; Baileys declares the link dead after
  // keepAlive + 5 s without a frame, so a silent socket is caught within ~25 s.
  keepAliveIntervalMs: 20_000,
  defaultQueryTimeoutMs: 60_000,
  logLevel: 'warn',
});

/**
 * Per-session state that must outlive one socket, because every reconnect is a new socket:
 * retry counters (so a message is not retried forever across reconnects), recently sent
 * messages (answers WhatsApp's retry requests via getMessage), inbound ids already reported,
 * and the furthest ack reported per sent message.
 * @type {Map<string, {retryCounts: LruCache<number>, sent: LruCache<proto.IMessage>, seenInbound: LruCache<true>, ackRank: LruCache<number>}>}
 */
const sessionCaches = new Map();

/** @param {string} sessionId */
function cachesFor(sessionId) {
  let caches = sessionCaches.get(sessionId);
  if (!caches) {
    const hour = 3_600_000;
    caches = {
      retryCounts: new LruCache({ max: 2000, ttlMs: hour }),
      sent: new LruCache({ max: 500, ttlMs: 24 * hour }),
      seenInbound: new LruCache({ max: 5000, ttlMs: 24 * hour }),
      ackRank: new LruCache({ max: 5000, ttlMs: 7 * 24 * hour }),
    };
    sessionCaches.set(sessionId, caches);
  }
  return caches;
}

/**
 * Drops the per-session caches (after a logout the next link is a different device).
 * @param {string} sessionId
 */
export function forgetSession(sessionId) {
  sessionCaches.delete(sessionId);
}

/** debug/trace are not offered: at those levels Baileys logs decoded frames (message content). */
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
 * @param {{makeSocket?: typeof makeWASocket}} [deps] seam for tests: a fake socket factory
 * @returns {Connection}
 * @throws {import('../auth_db.js').AuthCorruptError} stored creds are unreadable: nothing was
 *   opened; the caller quarantines the auth rows and reports failed/auth_corrupt
 * @throws {TypeError & {code: 'bad_options'}} invalid ctx.options: nothing was opened
 */
export function createConnection(ctx, { makeSocket = makeWASocket } = {}) {
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

  /** @param {{code: number, message: string, reason?: string}} info */
  const reportClose = info => {
    if (reported) return;
    reported = true;
    opened = false;
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
      return state.keys.set(data);
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
    if (update.connection === 'open' && !opened && !reported) {
      opened = true;
      const me = creds.me;
      safeCall('open', () => on.open({ phone: digitsFromJid(me?.id), name: me?.name || me?.verifiedName || null }));
    }
    if (update.connection === 'close') {
      const info = closeInfoFromError(update.lastDisconnect?.error);
      if (info.code === DisconnectReason.loggedOut) revoked = true;
      let reason = localReason;
      if (!reason && info.code === DisconnectReason.timedOut && /QR refs attempts ended/i.test(info.message)) {
        reason = 'qr_timeout';
      }
      reportClose({ ...info, ...(reason ? { reason } : {}) });
    }
  });

  /**
   * @param {import('@whiskeysockets/baileys').WAMessage} msg
   * @param {'notify' | 'append'} kind
   */
  const handleInbound = (msg, kind) => {
    const key = msg?.key;
    if (!key?.id || !key.remoteJid || key.fromMe) return;
    if (isJidBroadcast(key.remoteJid) || isJidNewsletter(key.remoteJid)) return;
    const text = extractText(msg.message);
    if (text === null) return; // protocol / reaction / stub: nothing a person reads
    if (caches.seenInbound.has(key.id)) return;
    const chat = chatIdFromKey(key);
    const from = senderIdFromKey(key);
    if (!chat || !from) {
      log.warn({ message_id: key.id }, 'inbound message without a usable sender; skipped');
      return;
    }
    const event = { message_id: key.id, chat, from, text, timestamp: isoFromWaTimestamp(msg.messageTimestamp), kind };
    try {
      on.messageIn(event);
      // Marked only once the manager took it, so a redelivery can still get through.
      caches.seenInbound.set(key.id, true);
    } catch (err) {
      log.error({ err, message_id: key.id }, 'session callback failed for an inbound message');
    }
  };

  const onUpsert = guard('messages.upsert', ({ messages, type }) => {
    if (type !== 'notify' && type !== 'append') return;
    for (const msg of messages ?? []) {
      try {
        handleInbound(msg, type);
      } catch (err) {
        log.warn({ err, message_id: msg?.key?.id }, 'skipped an inbound message that could not be read');
      }
    }
  });

  /**
   * @param {{id?: string | null, remoteJid?: string | null, remoteJidAlt?: string | null}} key
   * @param {'sent' | 'delivered' | 'read'} status
   */
  const emitAck = (key, status) => {
    if (!key.id) return;
    const rank = ACK_RANK[status];
    if ((caches.ackRank.get(key.id) ?? 0) >= rank) return; // never report backwards or twice
    caches.ackRank.set(key.id, rank);
    safeCall('ack', () => on.ack({ message_id: /** @type {string} */ (key.id), chat: chatIdFromKey(key), status }));
  };

  const onMessagesUpdate = guard('messages.update', updates => {
    for (const { key, update } of updates ?? []) {
      if (!key?.fromMe || update?.status == null) continue;
      if (update.status === proto.WebMessageInfo.Status.ERROR) {
        log.warn({ message_id: key.id, error: update.messageStubParameters }, 'WhatsApp rejected a sent message');
        continue;
      }
      const status = ackStatusFromWaStatus(update.status);
      if (status) emitAck(key, status);
    }
  });

  const onReceipts = guard('message-receipt.update', updates => {
    const myUsers = new Set([digitsFromJid(creds.me?.id), creds.me?.lid?.split(/[:@]/)[0]].filter(Boolean));
    for (const { key, receipt } of updates ?? []) {
      if (!key?.fromMe) continue;
      // Our own other devices reading a group message is not a recipient's receipt.
      const reader = receipt?.userJid?.split(/[:@]/)[0];
      if (reader && myUsers.has(reader)) continue;
      const status = ackStatusFromReceipt(receipt);
      if (status) emitAck(key, status);
    }
  });

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

  /** @type {Record<string, unknown>} only defined keys: undefined would override Baileys' defaults */
  const config = {
    auth: { creds, keys },
    logger: makeBaileysLogger(ctx.log, opts.logLevel),
    browser: [...BROWSER],
    connectTimeoutMs: opts.connectTimeoutMs,
    keepAliveIntervalMs: opts.keepAliveIntervalMs,
    defaultQueryTimeoutMs: DEFAULTS.defaultQueryTimeoutMs,
    syncFullHistory: false,
    markOnlineOnConnect: false, // otherwise the phone stops getting notifications
    generateHighQualityLinkPreview: false,
    // Status stories and channels are not business chats; ignoring them skips decryption.
    shouldIgnoreJid: jid => isJidBroadcast(jid) || isJidNewsletter(jid),
    msgRetryCounterCache: caches.retryCounts,
    getMessage: async key => (key?.id ? caches.sent.get(key.id) : undefined),
  };
  if (opts.wsUrl) config.waWebSocketUrl = opts.wsUrl;
  if (opts.version) config.version = opts.version;
  if (opts.qrTimeoutMs) config.qrTimeout = opts.qrTimeoutMs;

  try {
    sock = makeSocket(/** @type {any} */ (config));
    boundCloseHandshake(sock.ws, log);
    sock.ws.on('frame', guard('frame', onFrame));
    sock.ws.on('CB:notification,type:companion_reg_refresh', onRegRefresh);
    sock.ev.on('connection.update', onConnectionUpdate);
    sock.ev.on('creds.update', guard('creds.update', persistCreds));
    sock.ev.on('messages.upsert', onUpsert);
    sock.ev.on('messages.update', onMessagesUpdate);
    sock.ev.on('message-receipt.update', onReceipts);
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

  return {
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

    async send({ to, text, messageId } = /** @type {any} */ ({})) {
      if (!opened || reported || !sock) throw codedError(Error, 'not_connected', 'the WhatsApp connection is not open');
      if (typeof text !== 'string' || text.length === 0) throw codedError(TypeError, 'bad_request', 'text must be a non-empty string');
      const jid = recipientJid(to);
      const sent = await sock.sendMessage(jid, { text }, messageId ? { messageId } : {});
      const id = sent?.key?.id ?? messageId;
      if (!id) throw codedError(Error, 'engine_error', 'WhatsApp accepted the message but returned no id');
      if (sent?.message) caches.sent.set(id, sent.message);
      return { message_id: id };
    },

    async requestPairingCode(phone) {
      const digits = phoneDigits(phone);
      if (creds.account || opened) {
        throw codedError(Error, 'already_linked', 'this session is already linked to a phone; log out first to link another');
      }
      if (reported || !sock) throw codedError(Error, 'not_connected', 'the connection is closed');
      await qrReady();
      if (reported) throw codedError(Error, 'not_connected', 'the connection is closed');
      return sock.requestPairingCode(digits);
    },
  };
}

/**
 * A pairing-code request stores `me` before the phone confirms; if that connection died
 * before the link completed, the next socket would try to LOG IN with an unlinked identity
 * and be refused (401). Forget the unfinished attempt so the new socket offers pairing again.
 * @param {any} creds
 * @param {SessionAuth} auth
 * @param {import('pino').Logger} log
 */
function abandonUnfinishedPairing(creds, auth, log) {
  if (!creds.me || creds.account) return;
  delete creds.me;
  creds.pairingCode = undefined;
  auth.writeCreds(creds);
  log.info('previous pairing attempt never completed; starting a new one');
}

/**
 * Baileys' logger: a child of the session logger at its own (quiet) level.
 * @param {import('pino').Logger} log
 * @param {string} level
 */
function makeBaileysLogger(log, level) {
  return log.child({ engine: 'baileys', component: 'baileys-lib' }, { level });
}

/**
 * ws waits up to 30 s for the peer's close frame, and Baileys awaits that before it reports
 * the end of a socket: with a dead peer every reconnect would start 30 s late. Give the
 * handshake a short grace, then destroy the TCP socket.
 * @param {any} client Baileys' WebSocketClient (sock.ws)
 * @param {import('pino').Logger} log
 */
function boundCloseHandshake(client, log) {
  if (!client || typeof client.close !== 'function') return;
  const original = client.close.bind(client);
  client.close = async () => {
    const raw = client.socket;
    const timer = setTimeout(() => {
      try {
        raw?.terminate?.();
      } catch (err) {
        log.debug({ err }, 'terminate after close grace failed');
      }
    }, WS_CLOSE_GRACE_MS);
    timer.unref();
    try {
      await original();
    } finally {
      clearTimeout(timer);
    }
  };
}
