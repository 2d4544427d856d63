// Media through the real bridge process with the sim engine: every type in and out with
// the same bytes at both ends, expired downloads re-requested, limits, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { harness } from '../helpers.js';
import { waMessageId } from '../../src/send/message_ids.js';
import { bridgeTemp, putInStore, seededSha, sha256, storePath, storedSha } from './helpers.js';

/** A bridge with its media store in a folder of its own (as the app passes it). @param {ReturnType<typeof harness>} h */
async function mediaBridge(h, env = {}) {
  const root = path.join(h.tempDir(), 'media');
  const b = await h.start({ env: { JAGA_BRIDGE_MEDIA: root, ...env } });
  return { b, root };
}

const IN_CASES = [
  { type: 'image', mimetype: 'image/jpeg', caption: 'bukti transfer', bytes: randomBytes(9_000), thumb: randomBytes(900) },
  { type: 'video', mimetype: 'video/mp4', caption: 'unboxing', seed: 'video-1', size: 3 * 1024 * 1024 + 17 },
  { type: 'audio', mimetype: 'audio/mpeg', bytes: randomBytes(8_000) },
  { type: 'voice', mimetype: 'audio/ogg; codecs=opus', bytes: randomBytes(6_345) },
  { type: 'document', mimetype: 'application/pdf', file_name: 'Invoice 7.pdf', caption: 'invoice', seed: 'doc-1', size: 1_500_000 },
  { type: 'sticker', mimetype: 'image/webp', bytes: randomBytes(4000) },
];

test('each inbound media type is stored with its bytes intact and announced once, text = caption or ""', async (t) => {
  const h = harness(t);
  const { b, root } = await mediaBridge(h);
  const events = await b.events();
  await b.linkedSession('shop');
  const messages = IN_CASES.map((c, i) => ({
    from: '628111000222',
    message_id: `IN${i}`,
    media: {
      type: c.type, mimetype: c.mimetype,
      ...(c.bytes ? { data_b64: c.bytes.toString('base64') } : { seed: c.seed, size: c.size }),
      ...(c.file_name ? { file_name: c.file_name } : {}),
      ...(c.caption ? { caption: c.caption } : {}),
      ...(c.thumb ? { thumb_b64: c.thumb.toString('base64') } : {}),
    },
  }));
  const res = await b.api('POST', '/sim/sessions/shop/inbound', { messages });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  for (const [i, c] of IN_CASES.entries()) {
    const ev = await events.next((e) => e.type === 'message.in' && e.data.message_id === `IN${i}`, 15_000);
    const expected = c.bytes ? sha256(c.bytes) : seededSha(/** @type {string} */ (c.seed), /** @type {number} */ (c.size));
    const size = c.bytes ? c.bytes.length : c.size;
    assert.equal(ev.data.text, c.caption ?? '');
    assert.deepEqual(ev.data.media, {
      type: c.type, mimetype: c.mimetype, size, sha256: expected, file_name: c.file_name ?? null,
      caption: c.caption ?? null, state: 'stored', error: null, thumb_sha256: c.thumb ? sha256(c.thumb) : null,
    });
    assert.equal(storedSha(root, expected), expected, `${c.type}: the stored file holds the sent bytes`);
    assert.equal(fs.statSync(storePath(root, expected)).mode & 0o777, 0o600);
    if (c.thumb) assert.equal(storedSha(root, sha256(c.thumb)), sha256(c.thumb));
  }
  const text = await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: '628111000222', text: 'halo', message_id: 'T1' }] });
  assert.equal(text.status, 200);
  const plain = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'T1');
  assert.equal(plain.data.media, null);
  assert.equal(events.events.filter((e) => e.type === 'message.in').length, IN_CASES.length + 1);
  assert.deepEqual(bridgeTemp(root), []);
  assert.equal((await b.api('GET', '/health')).body.media_pending, 0);
});

const OUT_CASES = [
  { type: 'image', mimetype: 'image/jpeg', text: 'Produk baru', size: 50_000 },
  { type: 'video', mimetype: 'video/mp4', text: '', size: 2_000_000 },
  { type: 'audio', mimetype: 'audio/mpeg', size: 30_000 },
  { type: 'voice', mimetype: 'audio/ogg', size: 9_000 },
  { type: 'document', mimetype: 'application/pdf', file_name: 'Faktur 12.pdf', text: 'faktur', size: 700_000 },
];

test('each outbound media type is uploaded from the store, bytes identical, idempotent per client_id', async (t) => {
  const h = harness(t);
  const { b, root } = await mediaBridge(h);
  await b.linkedSession('shop');
  for (const [i, c] of OUT_CASES.entries()) {
    const bytes = randomBytes(c.size);
    const sha = putInStore(root, bytes);
    const body = {
      to: '628555000111', client_id: `out-${i}`, ...(c.text !== undefined ? { text: c.text } : {}),
      media: { type: c.type, sha256: sha, mimetype: c.mimetype, ...(c.file_name ? { file_name: c.file_name } : {}) },
    };
    const first = await b.api('POST', '/sessions/shop/messages', body);
    assert.deepEqual([first.status, first.body], [200, { client_id: `out-${i}`, message_id: waMessageId('shop', `out-${i}`), status: 'sent' }]);
    const again = await b.api('POST', '/sessions/shop/messages', body);
    assert.deepEqual([again.status, again.body], [200, first.body]);
    const other = await b.api('POST', '/sessions/shop/messages', { ...body, media: { ...body.media, sha256: putInStore(root, randomBytes(10)) } });
    assert.deepEqual([other.status, other.body.error.code], [409, 'client_id_reused']);
    const { body: net } = await b.api('GET', '/sim/network');
    const rows = net.sent.filter((/** @type {any} */ r) => r.client_id === `out-${i}`);
    assert.equal(rows.length, 1, 'sent once');
    assert.deepEqual(rows[0].media, {
      type: c.type, mimetype: c.type === 'voice' ? 'audio/ogg; codecs=opus' : c.mimetype,
      file_name: c.file_name ?? null, sha256: sha256(bytes), size: c.size, caption: c.text ?? '',
    });
  }
});

test('an expired inbound file is re-requested from the phone and then stored', async (t) => {
  const h = harness(t);
  const { b, root } = await mediaBridge(h);
  const events = await b.events();
  await b.linkedSession('shop');
  const bytes = randomBytes(30_000);
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: '628111000222', message_id: 'OLD1',
    media: { type: 'image', mimetype: 'image/png', data_b64: bytes.toString('base64'), expired: true } }] });
  const ev = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'OLD1', 10_000);
  assert.equal(ev.data.media.state, 'stored');
  assert.equal(ev.data.media.sha256, sha256(bytes));
  assert.equal(storedSha(root, sha256(bytes)), sha256(bytes));
  assert.deepEqual((await b.api('GET', '/sim/network')).body.media_reuploads, ['OLD1']);
  assert.ok(b.logLines().some((l) => /asking the phone to upload it again/.test(l.msg)));
});

test('limits: published in READY and /health, changed at runtime; over them inbound keeps metadata, outbound is refused', async (t) => {
  const h = harness(t);
  const { b, root } = await mediaBridge(h, { JAGA_MEDIA_MAX_FILE_BYTES: '100000', JAGA_MEDIA_MAX_TOTAL_BYTES: '5000000' });
  assert.equal(b.readyInfo.limits.media_max_file_bytes, 100_000);
  assert.equal(b.readyInfo.limits.media_max_total_bytes, 5_000_000);
  const events = await b.events();
  await b.linkedSession('shop');
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [
    { from: '628111000222', message_id: 'BIG', media: { type: 'document', mimetype: 'application/zip', file_name: 'a.zip', seed: 's', size: 100_001 } },
    // a sender whose message under-declares the size: stopped while streaming, nothing kept
    { from: '628111000222', message_id: 'LIAR', media: { type: 'video', mimetype: 'video/mp4', seed: 'l', size: 300_000, declared_size: 10 } },
  ] });
  for (const id of ['BIG', 'LIAR']) {
    const ev = await events.next((e) => e.type === 'message.in' && e.data.message_id === id, 10_000);
    assert.equal(ev.data.media.state, 'too_large');
    assert.equal(ev.data.media.sha256, null);
    assert.match(ev.data.media.error, /larger than the limit of 100000 bytes/);
  }
  assert.equal(ev0FileCount(root), 0, 'nothing stored');
  assert.deepEqual(bridgeTemp(root), []);

  const put = await b.api('PUT', '/config/media', { max_file_bytes: 200_000, max_total_bytes: 150_000 });
  assert.deepEqual([put.status, put.body], [200, { media_max_file_bytes: 200_000, media_max_total_bytes: 150_000 }]);
  assert.equal((await b.api('GET', '/health')).body.limits.media_max_file_bytes, 200_000);
  for (const bad of [{ max_file_bytes: 0 }, { max_file_bytes: 1.5 }, { max_total_bytes: '9' }, { other: 1 }]) {
    assert.equal((await b.api('PUT', '/config/media', bad)).status, 400, JSON.stringify(bad));
  }
  assert.equal((await b.api('GET', '/config/media')).body.media_max_file_bytes, 200_000, 'a refused change changes nothing');
  // the total: 120 kB stored fits; the next 120 kB would pass 150 kB
  for (const id of ['FIT', 'FULL']) {
    const r = await b.api('POST', '/sim/sessions/shop/inbound', { messages: [
      { from: '628111000222', message_id: id, media: { type: 'image', mimetype: 'image/jpeg', seed: id, size: 120_000 } }] });
    assert.equal(r.status, 200);
    const ev = await events.next((e) => e.type === 'message.in' && e.data.message_id === id, 10_000);
    assert.equal(ev.data.media.state, id === 'FIT' ? 'stored' : 'too_large');
    if (id === 'FULL') assert.match(ev.data.media.error, /media folder would grow past its limit of 150000 bytes/);
  }
  // size not announced: stopped while streaming when the room left (30 kB) is used up
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [
    { from: '628111000222', message_id: 'UNSIZED', media: { type: 'video', mimetype: 'video/mp4', seed: 'u', size: 50_000, declared_size: null } }] });
  const unsized = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'UNSIZED', 10_000);
  assert.deepEqual([unsized.data.media.state, unsized.data.media.size], ['too_large', null]);
  assert.match(unsized.data.media.error, /media folder would grow past its limit of 150000 bytes/);
  assert.deepEqual(bridgeTemp(root), []);

  const big = putInStore(root, randomBytes(200_001));
  const refused = await b.api('POST', '/sessions/shop/messages',
    { to: '628555000111', client_id: 'big-1', media: { type: 'document', sha256: big, mimetype: 'application/pdf' } });
  assert.deepEqual([refused.status, refused.body.error.code], [422, 'media_too_large']);
  assert.deepEqual((await b.api('GET', '/sim/network')).body.sent, []);
});

/** @param {string} root */
function ev0FileCount(root) {
  return fs.readdirSync(root).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => fs.readdirSync(path.join(root, d))).length;
}

test('bad outbound media gets a clear error and nothing is sent', async (t) => {
  const h = harness(t);
  const { b, root } = await mediaBridge(h);
  await b.linkedSession('shop');
  const good = putInStore(root, randomBytes(1000));
  const empty = putInStore(root, Buffer.alloc(0));
  const send = (/** @type {any} */ media, extra = {}) =>
    b.api('POST', '/sessions/shop/messages', { to: '628555000111', client_id: `c-${randomBytes(3).toString('hex')}`, media, ...extra });
  const cases = [
    [{ type: 'sticker', sha256: good, mimetype: 'image/webp' }, 400, 'bad_request', /media.type must be one of/],
    [{ type: 'gif', sha256: good, mimetype: 'image/gif' }, 400, 'bad_request', /unsupported/],
    [{ type: 'image', sha256: 'ABC', mimetype: 'image/jpeg' }, 400, 'bad_request', /sha256/],
    [{ type: 'image', sha256: good, mimetype: 'application/pdf' }, 400, 'bad_request', /does not fit/],
    [{ type: 'voice', sha256: good, mimetype: 'audio/mpeg' }, 400, 'bad_request', /Ogg\/Opus/],
    [{ type: 'image', sha256: good }, 400, 'bad_request', /mimetype/],
    ['photo.jpg', 400, 'bad_request', /media must be an object/],
    [{ type: 'image', sha256: sha256(Buffer.from('never stored')), mimetype: 'image/jpeg' }, 422, 'media_missing', /not in the media folder/],
    [{ type: 'document', sha256: empty, mimetype: 'application/pdf' }, 422, 'media_empty', /empty/],
  ];
  for (const [media, status, code, message] of cases) {
    const res = await send(media);
    assert.deepEqual([res.status, res.body.error.code], [status, code], JSON.stringify(media));
    assert.match(res.body.error.message, /** @type {RegExp} */ (message));
  }
  const voiceCaption = await send({ type: 'voice', sha256: good, mimetype: 'audio/ogg' }, { text: 'dengar ini' });
  assert.deepEqual([voiceCaption.status, voiceCaption.body.error.code], [400, 'bad_request']);
  assert.match(voiceCaption.body.error.message, /voice note has no caption/);
  const longCaption = await send({ type: 'image', sha256: good, mimetype: 'image/jpeg' }, { text: 'x'.repeat(60_001) });
  assert.equal(longCaption.status, 400);
  assert.deepEqual((await b.api('GET', '/sim/network')).body.sent, []);
});

test('a file that disappears before it is sent: 422 media_missing, nothing on the network, a retry after the app copies it again sends once', async (t) => {
  const h = harness(t);
  const { b, root } = await mediaBridge(h);
  await b.linkedSession('shop');
  const bytes = randomBytes(5000);
  const sha = putInStore(root, bytes);
  const msg = { to: '628555000111', client_id: 'gone-1', media: { type: 'image', sha256: sha, mimetype: 'image/png' } };
  // A silent line holds the send after the bridge checked the file, before the upload.
  assert.equal((await b.api('POST', '/sim/sessions/shop/silence', { on: true })).status, 200);
  const pending = b.api('POST', '/sessions/shop/messages', msg);
  await new Promise((r) => setTimeout(r, 200)); // time for the request to reach the waiting send
  fs.rmSync(storePath(root, sha));
  assert.equal((await b.api('POST', '/sim/sessions/shop/silence', { on: false })).status, 200);
  const res = await pending;
  assert.deepEqual([res.status, res.body.error.code], [422, 'media_missing']);
  assert.match(res.body.error.message, /disappeared from the media folder/);
  assert.deepEqual((await b.api('GET', '/sim/network')).body.sent, []);
  putInStore(root, bytes);
  const retry = await b.api('POST', '/sessions/shop/messages', msg);
  assert.deepEqual([retry.status, retry.body.status], [200, 'sent']);
  assert.equal((await b.api('GET', '/sim/network')).body.sent.length, 1);
});

test('a bad media limit or a media folder that cannot be made is a configuration error (exit 78, one clear line)', async (t) => {
  const h = harness(t);
  const badLimit = h.spawn({ env: { JAGA_MEDIA_MAX_FILE_BYTES: '64MB' } });
  assert.equal((await badLimit.exited).code, 78);
  assert.match(badLimit.stderr, /JAGA_MEDIA_MAX_FILE_BYTES=64MB must be a whole number of bytes/);
  const file = path.join(h.tempDir(), 'not-a-folder');
  fs.writeFileSync(file, 'x');
  const badFolder = h.spawn({ env: { JAGA_BRIDGE_MEDIA: path.join(file, 'media') } });
  assert.equal((await badFolder.exited).code, 78);
  assert.match(badFolder.stderr, /cannot open the media folder .*not-a-folder\/media/);
});
