// The baileys engine's media through the bridge's own layers (SessionManager, Session,
// MediaInbox, the store, the journal), with a fake socket emitting rc14's message shapes.
// The bytes are really encrypted (Baileys' encryptedStream) and served by a local HTTP
// server; Baileys' real downloadMediaMessage fetches and decrypts them: the only stand-in
// is the media host (http://127.0.0.1 instead of https://mmg.whatsapp.net).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { downloadMediaMessage, encryptedStream, normalizeMessageContent, proto } from '@whiskeysockets/baileys';
import { Store } from '../../../src/storage/store.js';
import { EventHub } from '../../../src/events/hub.js';
import { Media } from '../../../src/media/index.js';
import { SessionManager } from '../../../src/sessions/manager.js';
import { PacingGate } from '../../../src/pacing/gate.js';
import { PACING_DEFAULTS } from '../../../src/pacing/rules.js';
import { createConnection } from '../../../src/engines/baileys/index.js';
import { waMessageId } from '../../../src/send/message_ids.js';
import { mediaOf } from '../../../src/engines/baileys/media.js';
import { boom, fakeBaileys, linkedCreds } from './fake_baileys.js';
import { eventually } from '../../helpers.js';
import { putInStore, sha256, storedSha } from '../../media/helpers.js';

/** A stand-in for mmg.whatsapp.net: directPath → encrypted bytes, or an HTTP status. */
async function mediaHost(t) {
  /** @type {Map<string, Buffer|number>} */
  const files = new Map();
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    const file = files.get(String(req.url));
    if (Buffer.isBuffer(file)) res.writeHead(200, { 'content-length': file.length }).end(file);
    else res.writeHead(typeof file === 'number' ? file : 404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const base = `http://127.0.0.1:${/** @type {any} */ (server.address()).port}`;
  /** Baileys' real download, pointed at this host instead of WhatsApp's (plain http: url without directPath). */
  const download = (/** @type {any} */ msg, /** @type {any} */ type, /** @type {any} */ opts) => {
    const m = proto.Message.fromObject(proto.Message.toObject(msg.message));
    const c = /** @type {any} */ (normalizeMessageContent(m));
    const node = c.imageMessage ?? c.videoMessage ?? c.audioMessage ?? c.documentMessage ?? c.stickerMessage;
    node.url = `${base}${node.directPath}`;
    node.directPath = '';
    return downloadMediaMessage({ key: msg.key, message: m }, type, opts);
  };
  return { files, hits, download };
}

/** Encrypts bytes the way a sender's phone does. @param {Buffer} bytes @param {string} mediaType */
async function encrypt(bytes, mediaType) {
  const enc = await encryptedStream(bytes, mediaType);
  const body = fs.readFileSync(enc.encFilePath);
  fs.rmSync(enc.encFilePath, { force: true });
  return { body, mediaKey: enc.mediaKey, fileSha256: enc.fileSha256, fileEncSha256: enc.fileEncSha256, fileLength: enc.fileLength };
}

/** A disk that can be filled: every write fails with ENOSPC while `full` is true. */
function fillableDisk() {
  const disk = { full: false, /** @type {typeof fs.promises.open} */ open: async (...args) => {
    const fh = await fs.promises.open(...args);
    return Object.assign(Object.create(fh), {
      write: (/** @type {any[]} */ ...w) => (disk.full
        ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
        : fh.write(...w)),
      sync: () => fh.sync(), close: () => fh.close(),
    });
  } };
  return disk;
}

/** @param {any} t @param {{ log?: import('pino').Logger }} [opts] */
async function bridge(t, { log = pino({ level: 'silent' }) } = {}) {
  const disk = fillableDisk();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-baileys-media-'));
  const store = new Store(dir, log);
  const hub = new EventHub({ bootId: 'boot', journal: store.journal, log });
  const root = path.join(dir, 'media');
  const media = new Media({ config: { root, maxFileBytes: 64 << 20, maxTotalBytes: 1 << 30 }, store, log, fsImpl: /** @type {any} */ (disk) });
  media.inbox.retryBaseMs = 20;
  media.inbox.diskFullRetryMs = 50;
  const host = await mediaHost(t);
  const fake = fakeBaileys();
  const engine = { name: 'baileys', checkOptions() {},
    createConnection: (/** @type {any} */ ctx) => createConnection(ctx, { makeSocket: fake.makeSocket, downloadMedia: host.download }) };
  const engines = { knows: () => true, names: () => ['baileys'], defaults: () => ({}), load: async () => engine };
  // Safe sending's pace is not what these tests are about: no gap between sends.
  const pacing = new PacingGate({ config: { ...PACING_DEFAULTS, min_gap_ms: 0, jitter_ms: 0 } });
  const manager = new SessionManager({ store, hub, engines: /** @type {any} */ (engines), log, media, pacing });
  const events = [];
  hub.subscribe((ev) => events.push(ev));
  t.after(async () => {
    await manager.closeAll();
    media.close();
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  store.auth.forSession('acc').writeCreds(linkedCreds());
  await manager.start('acc', { engine: 'baileys' });
  const sock = await eventually(() => fake.last, { what: 'the socket' });
  sock.ev.emit('connection.update', { connection: 'open' });
  await eventually(() => manager.get('acc').status === 'connected', { what: 'connected' });
  return { sock, host, root, manager, media, events, disk, inbound: (/** @type {string} */ id) => events.filter((e) => e.type === 'message.in' && e.data.message_id === id) };
}

/** rc14's messages.upsert payload for one inbound message. @param {string} id @param {any} message */
const upsert = (id, message) => ({
  type: 'notify',
  messages: [{ key: { remoteJid: '628111222333@s.whatsapp.net', fromMe: false, id }, messageTimestamp: 1_700_000_000, message }],
});

/** @param {Awaited<ReturnType<typeof encrypt>>} enc @param {string} directPath */
const mediaFields = (enc, directPath) => ({
  url: `https://mmg.whatsapp.net${directPath}?ccb=11-4`, directPath, mediaKey: enc.mediaKey, fileSha256: enc.fileSha256,
  fileEncSha256: enc.fileEncSha256, fileLength: enc.fileLength, mediaKeyTimestamp: 1_700_000_000,
});

test('rc14 image, document, voice note, audio, video, sticker: really decrypted, stored, announced with metadata', async (t) => {
  const b = await bridge(t);
  const thumb = randomBytes(700);
  const cases = [
    ['IMG', 'image', { imageMessage: { mimetype: 'image/jpeg', caption: 'bukti transfer', jpegThumbnail: thumb, height: 10, width: 10 } }, 'image'],
    ['DOC', 'document', { documentWithCaptionMessage: { message: { documentMessage: { mimetype: 'application/pdf', fileName: 'Invoice.pdf', caption: 'invoice' } } } }, 'document'],
    ['PTT', 'audio', { audioMessage: { mimetype: 'audio/ogg; codecs=opus', ptt: true, seconds: 3 } }, 'voice'],
    ['AUD', 'audio', { audioMessage: { mimetype: 'audio/mpeg', seconds: 30 } }, 'audio'],
    ['VID', 'video', { videoMessage: { mimetype: 'video/mp4', seconds: 2, jpegThumbnail: thumb } }, 'video'],
    ['STK', 'sticker', { stickerMessage: { mimetype: 'image/webp', isAnimated: false } }, 'sticker'],
  ];
  for (const [id, mediaType, message, type] of cases) {
    const bytes = randomBytes(200_000 + id.length);
    const enc = await encrypt(bytes, /** @type {string} */ (mediaType));
    const directPath = `/v/t62.7118-24/${id}.enc`;
    b.host.files.set(directPath, enc.body);
    const inner = /** @type {any} */ (message).documentWithCaptionMessage?.message ?? message;
    const key = Object.keys(inner)[0];
    Object.assign(inner[key], mediaFields(enc, directPath));
    b.sock.ev.emit('messages.upsert', upsert(String(id), message));
    const [ev] = await eventually(() => b.inbound(String(id)).length && b.inbound(String(id)), { what: `${id} announced` });
    const node = inner[key];
    assert.deepEqual(ev.data.media, {
      type, mimetype: node.mimetype, size: bytes.length, sha256: sha256(bytes), file_name: node.fileName ?? null,
      caption: node.caption ?? null, state: 'stored', error: null, thumb_sha256: node.jpegThumbnail ? sha256(thumb) : null,
    }, String(id));
    assert.equal(ev.data.text, node.caption ?? '');
    assert.equal(storedSha(b.root, sha256(bytes)), sha256(bytes));
  }
  assert.equal(b.media.pendingCount(), 0);
});

test('an expired file (410 from the media host): the bridge asks the phone to re-upload (Boom output.statusCode, Baileys #2767) and completes', async (t) => {
  const b = await bridge(t);
  const bytes = randomBytes(50_000);
  const enc = await encrypt(bytes, 'image');
  b.host.files.set('/v/old.enc', 410);
  b.host.files.set('/v/new.enc', enc.body);
  const asked = [];
  b.sock.updateMediaMessage = async (/** @type {any} */ msg) => {
    asked.push(msg.key.id);
    // What rc14 does when the phone answers: new directPath and url on the same message.
    assert.ok(Buffer.from(msg.message.imageMessage.mediaKey).equals(enc.mediaKey), 'the real media key reaches the re-upload request');
    msg.message.imageMessage.directPath = '/v/new.enc';
    msg.message.imageMessage.url = 'https://mmg.whatsapp.net/v/new.enc';
    return msg;
  };
  b.sock.ev.emit('messages.upsert', upsert('OLD', { imageMessage: { mimetype: 'image/jpeg', ...mediaFields(enc, '/v/old.enc') } }));
  const [ev] = await eventually(() => b.inbound('OLD').length && b.inbound('OLD'), { what: 'announced' });
  assert.deepEqual(asked, ['OLD']);
  assert.equal(ev.data.media.state, 'stored');
  assert.equal(ev.data.media.sha256, sha256(bytes));
  assert.deepEqual(b.host.hits, ['/v/old.enc', '/v/new.enc']);
});

test('the phone cannot re-upload: the message arrives once, unavailable, with the reason; wrong bytes are never kept', async (t) => {
  const b = await bridge(t);
  const enc = await encrypt(randomBytes(10_000), 'document');
  b.host.files.set('/v/gone.enc', 404);
  b.sock.updateMediaMessage = async () => { throw boom(404, 'Media re-upload failed by device (NOT_FOUND)'); };
  b.sock.ev.emit('messages.upsert', upsert('GONE', { documentMessage: { mimetype: 'application/pdf', fileName: 'a.pdf', ...mediaFields(enc, '/v/gone.enc') } }));
  const [ev] = await eventually(() => b.inbound('GONE').length && b.inbound('GONE'), { what: 'announced' });
  assert.equal(ev.data.media.state, 'unavailable');
  assert.match(ev.data.media.error, /phone did not send it again \(Media re-upload failed by device/);
  assert.equal(ev.data.media.file_name, 'a.pdf');

  // Bytes that do not match the announced fileSha256 (a damaged transfer) are refused.
  const other = await encrypt(randomBytes(10_000), 'image');
  b.host.files.set('/v/bad.enc', other.body);
  const real = await encrypt(randomBytes(10_000), 'image');
  b.sock.ev.emit('messages.upsert', upsert('BAD', { imageMessage: { mimetype: 'image/jpeg', ...mediaFields({ ...other, fileSha256: real.fileSha256 }, '/v/bad.enc') } }));
  const [bad] = await eventually(() => b.inbound('BAD').length && b.inbound('BAD'), { what: 'announced', timeoutMs: 5000 });
  assert.equal(bad.data.media.state, 'unavailable');
  assert.match(bad.data.media.error, /do not match the file's checksum/);
  assert.equal(b.inbound('GONE').length + b.inbound('BAD').length, 2);
});

test('a full disk: the message waits (pending, not announced, not lost) and is stored once there is room', async (t) => {
  // What the temp folder holds the moment each attempt has failed (its "disk is full" line is
  // written synchronously, after the attempt cleaned up and before the next one starts).
  // Read after the fact instead, a next attempt could be mid-write: a flake seen in CI.
  /** @type {string[][]} */
  const tmpAtEachFailure = [];
  let root = '';
  const log = pino({ level: 'error' }, { write(line) {
    if (line.includes('the disk is full')) tmpAtEachFailure.push(fs.readdirSync(path.join(root, '.tmp')));
  } });
  const b = await bridge(t, { log });
  root = b.root;
  const bytes = randomBytes(30_000);
  const enc = await encrypt(bytes, 'image');
  b.host.files.set('/v/full.enc', enc.body);
  b.disk.full = true;
  b.sock.ev.emit('messages.upsert', upsert('FULL', { imageMessage: { mimetype: 'image/jpeg', ...mediaFields(enc, '/v/full.enc') } }));
  await eventually(() => tmpAtEachFailure.length >= 3, { what: 'tried again while the disk is full' });
  assert.equal(b.inbound('FULL').length, 0, 'nothing announced half-stored');
  assert.equal(b.media.pendingCount(), 1, 'kept pending');
  assert.deepEqual(tmpAtEachFailure.slice(0, 3), [[], [], []], 'no partial file left by a failed attempt');
  b.disk.full = false;
  const [ev] = await eventually(() => b.inbound('FULL').length && b.inbound('FULL'), { what: 'announced once there is room' });
  assert.equal(ev.data.media.state, 'stored');
  assert.equal(storedSha(b.root, sha256(bytes)), sha256(bytes));
  assert.equal(b.inbound('FULL').length, 1);
});

test('outbound media goes to sendMessage as {url: path} with rc14 fields (ptt voice, document fileName, caption)', async (t) => {
  const b = await bridge(t);
  const sha = putInStore(b.root, randomBytes(5000));
  const cases = [
    [{ type: 'image', mimetype: 'image/jpeg' }, 'Produk', { image: { url: 'P' }, mimetype: 'image/jpeg', caption: 'Produk' }],
    [{ type: 'voice', mimetype: 'audio/ogg' }, undefined, { audio: { url: 'P' }, mimetype: 'audio/ogg; codecs=opus', ptt: true }],
    [{ type: 'document', mimetype: 'application/pdf', file_name: 'Faktur.pdf' }, 'faktur', { document: { url: 'P' }, mimetype: 'application/pdf', fileName: 'Faktur.pdf', caption: 'faktur' }],
  ];
  for (const [i, [media, text, expected]] of cases.entries()) {
    const res = await b.manager.send('acc', { to: '628555000111', client_id: `m${i}`, ...(text ? { text } : {}), media: { ...media, sha256: sha } });
    assert.equal(res.status, 'sent');
    const sent = b.sock.sent.at(-1);
    const filePath = path.join(b.root, sha.slice(0, 2), sha);
    assert.deepEqual(sent.content, JSON.parse(JSON.stringify(expected).replace('"P"', JSON.stringify(filePath))));
    assert.equal(sent.options.messageId, waMessageId('acc', `m${i}`));
    assert.equal(res.message_id, sent.options.messageId);
  }
});

test('mediaOf reads rc14 shapes; text-only and location messages carry no media', () => {
  assert.equal(mediaOf({ key: {}, message: { conversation: 'hi' } }), null);
  assert.equal(mediaOf({ key: {}, message: { locationMessage: { degreesLatitude: 1 } } }), null);
  const m = mediaOf({ key: { id: 'X' }, message: { viewOnceMessageV2: { message: { imageMessage: {
    mimetype: 'image/png', fileLength: { low: 5, high: 0, unsigned: true, toNumber: () => 5 }, mediaKey: Buffer.alloc(32, 1), directPath: '/v/x' } } } } });
  assert.equal(m?.type, 'image');
  assert.equal(m?.size, 5);
  assert.equal(m?.sha256, null);
});
