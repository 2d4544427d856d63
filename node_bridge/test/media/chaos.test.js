// kill -9 of the bridge in the middle of a media download and of an upload: the message
// arrives once, its bytes intact; nothing half-stored is left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FAST_OPTIONS, eventually, harness } from '../helpers.js';
import { waMessageId } from '../../src/send/message_ids.js';
import { bridgeTemp, putInStore, seededSha, sha256, storedSha } from './helpers.js';

const SIZE = 3 * 1024 * 1024;
const SLOW = { media_bps: 1_000_000 }; // about 3 s for SIZE: time to kill in the middle

test('kill -9 mid-download: the download starts again at the next connect, message.in once, bytes intact', async (t) => {
  const h = harness(t);
  const root = path.join(h.tempDir(), 'media');
  const env = { JAGA_BRIDGE_MEDIA: root };
  const first = await h.start({ env });
  const firstEvents = await first.events();
  await first.linkedSession('shop', { options: SLOW });
  const res = await first.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: '628111000222', message_id: 'DOC1',
    media: { type: 'document', mimetype: 'application/pdf', file_name: 'katalog.pdf', caption: 'katalog', seed: 'kill-dl', size: SIZE } }] });
  assert.equal(res.status, 200);
  // Mid-download: part of the bytes are in the bridge's temp file.
  await eventually(() => bridgeTemp(root).some((n) => fs.statSync(path.join(root, '.tmp', n)).size > 100_000),
    { what: 'a partly written temp file', timeoutMs: 5000 });
  await first.kill('SIGKILL');
  assert.equal(firstEvents.events.filter((e) => e.type === 'message.in').length, 0, 'not announced before its bytes were stored');

  const second = await h.start({ dataDir: first.dataDir, env });
  assert.deepEqual(bridgeTemp(root), [], 'the partial file was swept at start');
  assert.equal((await second.api('GET', '/health')).body.media_pending, 1);
  const events = await second.events();
  await second.api('PUT', '/sessions/shop', { engine: 'sim', options: FAST_OPTIONS });
  const ev = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'DOC1', 15_000);
  const expected = seededSha('kill-dl', SIZE);
  assert.equal(ev.data.media.state, 'stored');
  assert.equal(ev.data.media.sha256, expected);
  assert.equal(ev.data.media.size, SIZE);
  assert.equal(ev.data.text, 'katalog');
  assert.equal(storedSha(root, expected), expected);
  assert.equal((await second.api('GET', '/health')).body.media_pending, 0);
  // Once: a third start replays the (unacknowledged) journal with exactly one copy.
  await second.kill('SIGKILL');
  const third = await h.start({ dataDir: first.dataDir, env });
  const replay = await third.events();
  await replay.next((e) => e.type === 'message.in' && e.data.message_id === 'DOC1');
  await third.api('PUT', '/sessions/shop', { engine: 'sim', options: FAST_OPTIONS });
  await third.waitSession('shop', (s) => s.status === 'connected');
  const probe = await third.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: '628111000222', text: 'after', message_id: 'AFTER' }] });
  assert.equal(probe.status, 200);
  await replay.next((e) => e.type === 'message.in' && e.data.message_id === 'AFTER');
  assert.equal(replay.events.filter((e) => e.type === 'message.in' && e.data.message_id === 'DOC1').length, 1);
});

test('kill -9 mid-upload: a retry with the same client_id sends once, with the right bytes', async (t) => {
  const h = harness(t);
  const root = path.join(h.tempDir(), 'media');
  const env = { JAGA_BRIDGE_MEDIA: root };
  const first = await h.start({ env });
  await first.linkedSession('shop', { options: SLOW });
  const bytes = randomBytes(SIZE);
  const sha = putInStore(root, bytes);
  const msg = { to: '628555000111', client_id: 'up-1', text: 'katalog baru',
    media: { type: 'document', sha256: sha, mimetype: 'application/pdf', file_name: 'katalog.pdf' } };
  const inFlight = first.api('POST', '/sessions/shop/messages', msg).catch((err) => err);
  await eventually(() => first.stderr.includes('sim upload started'), { what: 'the upload to start' });
  // The upload is paced (~3 s): the network has nothing yet when the bridge dies.
  assert.deepEqual((await first.api('GET', '/sim/network')).body.sent, []);
  await first.kill('SIGKILL');
  assert.ok((await inFlight) instanceof Error, 'the caller saw the bridge die');

  const second = await h.start({ dataDir: first.dataDir, env });
  assert.deepEqual((await second.api('GET', '/sim/network')).body.sent, [], 'nothing reached the network');
  await second.api('PUT', '/sessions/shop', { engine: 'sim', options: FAST_OPTIONS });
  await second.waitSession('shop', (s) => s.status === 'connected');
  for (let i = 0; i < 2; i += 1) {
    const retry = await second.api('POST', '/sessions/shop/messages', msg);
    assert.deepEqual([retry.status, retry.body], [200, { client_id: 'up-1', message_id: waMessageId('shop', 'up-1'), status: 'sent' }]);
  }
  const sent = (await second.api('GET', '/sim/network')).body.sent;
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].media, { type: 'document', mimetype: 'application/pdf', file_name: 'katalog.pdf',
    sha256: sha256(bytes), size: SIZE, caption: 'katalog baru' });
});
