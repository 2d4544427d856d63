// A stand-in for Baileys' makeWASocket with rc14's event names and payload shapes, and the
// real AuthDb underneath: shared by the engine tests.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pino from 'pino';
import { assertNodeErrorFree, initAuthCreds } from '@whiskeysockets/baileys';
import { AuthDb } from '../../../src/storage/auth_db.js';
import { OUTBOUND_SCHEMA, SentMessages } from '../../../src/storage/outbound_store.js';
import { createConnection } from '../../../src/engines/baileys/index.js';

let sessionSeq = 0;

export const boom = (statusCode, message, data) => Object.assign(new Error(message), { output: { statusCode }, data });

/** A stand-in for makeWASocket: records config and calls, lets the test emit events. */
export function fakeBaileys() {
  const made = [];
  const makeSocket = config => {
    const ev = new EventEmitter();
    ev.flush = () => false;
    const ws = new EventEmitter();
    ws.close = async () => {};
    const endHandlers = [];
    let ended = false;
    const sock = {
      config,
      ev,
      ws,
      sent: [],
      read: [],
      endCalls: 0,
      loggedOut: false,
      registerSocketEndHandler: h => endHandlers.push(h),
      async end(error) {
        sock.endCalls++;
        if (ended) return;
        ended = true;
        await ws.close();
        for (const h of endHandlers) await h(error);
        ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
        ev.removeAllListeners();
      },
      async logout(msg) {
        sock.loggedOut = true;
        void sock.end(boom(401, msg ?? 'Intentional Logout'));
      },
      /** false: WhatsApp's server never acks (a lost ack); true (default): it acks each message. */
      autoAck: true,
      async sendMessage(jid, content, options) {
        sock.sent.push({ jid, content, options });
        const id = options?.messageId ?? `3EB0GEN${sock.sent.length}`;
        if (sock.autoAck) setImmediate(() => sock.serverAck(id, jid));
        return { key: { remoteJid: jid, fromMe: true, id }, message: { extendedTextMessage: { text: content.text } } };
      },
      relayed: [],
      async relayMessage(jid, message, opts) {
        sock.relayed.push({ jid, message, opts });
        if (sock.autoAck) setImmediate(() => sock.serverAck(opts?.messageId, jid));
        return opts?.messageId;
      },
      /** WhatsApp's server ack of a sent message: the stanza rc14 passes on as 'CB:ack,class:message'. */
      serverAck(id, from, error) {
        ws.emit('CB:ack,class:message', { tag: 'ack', attrs: { class: 'message', id, from, t: '1700000000', ...(error ? { error } : {}) } });
      },
      async readMessages(keys) {
        sock.read.push(keys);
      },
      /** chatstates sent (sendPresenceUpdate, rc14 chats.js:603-640) */
      presences: [],
      async sendPresenceUpdate(type, toJid) {
        sock.presences.push({ type, toJid });
      },
      /** groups whose metadata was queried (an iq WhatsApp rate-limits), in order */
      metadataQueries: [],
      // rc14 groups.js:19-22 (extractGroupMetadata's shape, trimmed).
      async groupMetadata(jid) {
        sock.metadataQueries.push(jid);
        return { id: jid, subject: 'Grup', addressingMode: 'pn', participants: [{ id: '628111@s.whatsapp.net', admin: null }] };
      },
      // rc14 socket.js:222-246: every phone is on WhatsApp unless a test says otherwise.
      onWhatsApp: async (...jids) => jids.map(jid => ({ jid, exists: true })),
      /** iq queries sent, in order */
      queries: [],
      /** WhatsApp's answer to an iq (default: type=result); undefined is rc14's timeout answer. */
      server: node => ({ tag: 'iq', attrs: { type: 'result', id: node.attrs.id, from: 's.whatsapp.net' } }),
      tag: 0,
      generateMessageTag: () => `fake.tag-${++sock.tag}`,
      // rc14 socket.js:125-140: an <error> child in the answer throws (generic-utils.js:54-59).
      async query(node) {
        sock.queries.push(node);
        const result = await sock.server(node);
        if (result && 'tag' in result) assertNodeErrorFree(result);
        return result;
      },
    };
    // Baileys registers its own creds.update merge first, before the engine's listener.
    ev.on('creds.update', update => Object.assign(config.auth.creds, update));
    made.push(sock);
    return sock;
  };
  return { makeSocket, made, get last() { return made.at(-1); } };
}

export function setup(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jaga-baileys-eng-'));
  const db = new DatabaseSync(path.join(dir, 'bridge.sqlite3'));
  t.after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const authDb = new AuthDb(db, { quarantineDir: path.join(dir, 'quarantine') });
  db.exec(OUTBOUND_SCHEMA);
  const sentMessages = new SentMessages(db);
  const sessionId = `acc-${++sessionSeq}`; // module-level caches are per session id
  return { db, authDb, sessionId, auth: authDb.forSession(sessionId), sentMessages, sent: sentMessages.forSession(sessionId),
    fake: fakeBaileys(), log: pino({ level: 'silent' }) };
}

export function recorder() {
  const calls = { qr: [], open: [], close: [], activity: 0, messageIn: [], ack: [], mapping: [], limits: [], order: [] };
  const on = {
    qr: q => calls.qr.push(q),
    open: me => calls.open.push(me),
    close: info => calls.close.push(info),
    activity: () => calls.activity++,
    messageIn: m => calls.messageIn.push(m),
    ack: a => calls.ack.push(a),
    mapping: p => (calls.mapping.push(p), calls.order.push('mapping')),
    limits: l => calls.limits.push(l),
  };
  const messageIn = on.messageIn;
  on.messageIn = m => (messageIn(m), calls.order.push('messageIn'));
  return { calls, on };
}

export function linkedCreds() {
  return {
    ...initAuthCreds(),
    me: { id: '628123456789:7@s.whatsapp.net', name: 'Toko Maju', lid: '99001122:7@lid' },
    account: { details: Buffer.alloc(8, 1), accountSignatureKey: Buffer.alloc(32, 2) },
  };
}

export function connect(env, { linked = true, options = {}, on, lids } = {}) {
  if (linked && !env.auth.hasCreds()) env.auth.writeCreds(linkedCreds());
  const rec = on ? { on, calls: null } : recorder();
  if (lids) rec.on.lidFor = phone => lids.lidFor(env.sessionId, phone);
  const conn = createConnection({ sessionId: env.sessionId, options, log: env.log, auth: env.auth, on: rec.on, sent: env.sent }, { makeSocket: env.fake.makeSocket });
  return { conn, calls: rec.calls, sock: env.fake.last };
}

