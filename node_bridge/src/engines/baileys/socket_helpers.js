// Small pieces around one Baileys socket: its logger, its close handshake, and an
// unfinished pairing left behind by an earlier socket.

/** @typedef {import('../../storage/auth_db.js').SessionAuth} SessionAuth */

import { Browsers, isJidBroadcast, isJidNewsletter, proto } from '@whiskeysockets/baileys';
import { DEFAULTS } from './options.js';
import { RepeatGate, libraryLogger } from '../../startup/safe_log.js';

/**
 * How the linked device presents itself: Chrome on Windows, rc14's Browsers.windows('Chrome')
 * (Utils/browser-utils.js:20). Pairing by code sends `${browser[1]} (${browser[0]})` as
 * companion_platform_display and getCompanionPlatformId(browser) as its platform
 * (socket.js:634-643, companion-reg-client-utils.js:22-30): WhatsApp refuses a brand name
 * there ("Chrome (Acme)" → 400, "Chrome (Windows)" accepted, Baileys PR #2769) and a
 * "Desktop" tuple maps to platform ELECTRON/UWP (7/8), which it rejects too (PR #2409,
 * issue #1167). A browser platform also keeps webSubPlatform WEB_BROWSER
 * (validate-connection.js:33-41; the Desktop sub-platforms are cut off before the QR,
 * issue #2677). The phone lists it as Chrome on Windows.
 */
export const BROWSER = Object.freeze(/** @type {[string, string, string]} */ (Browsers.windows('Chrome')));

/** Grace for the WebSocket close handshake before the TCP socket is destroyed (ws waits 30 s). */
const WS_CLOSE_GRACE_MS = 1000;

/**
 * A pairing-code request stores `me` before the phone confirms; if that connection died
 * before the link completed, the next socket would try to LOG IN with an unlinked identity
 * and be refused (401). Forget the unfinished attempt so the new socket offers pairing again.
 * @param {any} creds
 * @param {SessionAuth} auth
 * @param {import('pino').Logger} log
 */
export function abandonUnfinishedPairing(creds, auth, log) {
  if (!creds.me || creds.account) return;
  delete creds.me;
  creds.pairingCode = undefined;
  auth.writeCreds(creds);
  log.info('previous pairing attempt never completed; starting a new one');
}

/** One count of repeated library lines for the whole bridge: a flood spans reconnects. */
const libraryRepeats = new RepeatGate();

/**
 * Baileys' logger: a child of the session logger at its own (quiet) level, words and safe
 * fields only (safe_log.js): Baileys logs stanzas and errors with their data.
 * @param {import('pino').Logger} log
 * @param {string} level
 */
export function makeBaileysLogger(log, level) {
  return libraryLogger(log.child({ engine: 'baileys', component: 'baileys-lib' }, { level }), libraryRepeats);
}

/**
 * ws waits up to 30 s for the peer's close frame, and Baileys awaits that before it reports
 * the end of a socket: with a dead peer every reconnect would start 30 s late. Give the
 * handshake a short grace, then destroy the TCP socket.
 * @param {any} client Baileys' WebSocketClient (sock.ws)
 * @param {import('pino').Logger} log
 */
export function boundCloseHandshake(client, log) {
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

/**
 * A sent message as Baileys needs it, or undefined (a miss: Baileys then cannot answer).
 * @param {import('./types.js').SentStore|undefined} sent @param {string|null|undefined} id
 */
export function storedMessage(sent, id) {
  const stored = id ? sent?.get(id) : null;
  return stored ? proto.Message.decode(stored.content) : undefined;
}

/**
 * makeWASocket's config for one socket.
 * @param {{creds: any, keys: any, caches: ReturnType<typeof import('./caches.js').cachesFor>, opts: ReturnType<typeof import('./options.js').parseOptions>, log: import('pino').Logger, sent?: import('./types.js').SentStore, version?: [number, number, number]}} parts
 *   version: the WhatsApp Web version to announce (versions.js); Baileys' built-in one if absent
 */
export function socketConfig({ creds, keys, caches, opts, log, sent, version }) {
  /** @type {Record<string, unknown>} only defined keys: undefined would override Baileys' defaults */
  const config = {
    auth: { creds, keys },
    logger: makeBaileysLogger(log, opts.logLevel),
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
    // Kept group metadata instead of a query per group send (messages-send.js:498-507).
    cachedGroupMetadata: async jid => caches.groups.get(jid),
    // A recipient's retry request is answered only with the message (messages-recv.js
    // sendMessagesAgain ~1040-1160): served from bridge.sqlite3, so also after a restart.
    getMessage: async key => storedMessage(sent, key?.id),
  };
  if (opts.wsUrl) config.waWebSocketUrl = opts.wsUrl;
  if (version) config.version = version;
  if (opts.qrTimeoutMs) config.qrTimeout = opts.qrTimeoutMs;
  return config;
}
