// Sent messages kept (encoded) in bridge.sqlite3 for 14 days: WhatsApp's retry requests are
// answered from there (Baileys asks getMessage and answers only if it gets the message:
// rc14 messages-recv.js sendMessagesAgain ~1040-1160), also after a restart of the bridge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { proto } from '@whiskeysockets/baileys';
import { Store } from '../../src/storage/store.js';
import { SENT_KEEP_MS, SentMessages } from '../../src/storage/outbound_store.js';
import { managedBaileys } from '../engines/baileys/baileys_manager.js';
import { harness } from '../helpers.js';

test('kept 14 days, then gone; a logout forgets the number\'s messages', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-sent-'));
  const store = new Store(dir, pino({ level: 'silent' }));
  t.after(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  let now = 1_800_000_000_000;
  const sent = new SentMessages(store.db, { now: () => now });
  const bytes = proto.Message.encode({ conversation: 'halo' }).finish();
  sent.put('acc', '3EB0AAAAAAAAAAAAAAAAAA', '628111@s.whatsapp.net', bytes);
  sent.put('other', '3EB0BBBBBBBBBBBBBBBBBB', '628222@s.whatsapp.net', bytes);
  assert.equal(SENT_KEEP_MS, 14 * 24 * 3_600_000);
  now += SENT_KEEP_MS - 1;
  const kept = sent.get('acc', '3EB0AAAAAAAAAAAAAAAAAA');
  assert.equal(kept.jid, '628111@s.whatsapp.net');
  assert.equal(proto.Message.decode(kept.content).conversation, 'halo');
  now += 2;
  assert.equal(sent.get('acc', '3EB0AAAAAAAAAAAAAAAAAA'), null, 'older than 14 days: not served');
  assert.equal(sent.prune(), 2, 'and removed');
  sent.put('acc', '3EB0CCCCCCCCCCCCCCCCCC', 'x@s.whatsapp.net', bytes);
  sent.forget('acc');
  assert.equal(sent.get('acc', '3EB0CCCCCCCCCCCCCCCCCC'), null);
});

test('getMessage after a restart serves the sent message from bridge.sqlite3; a miss is undefined', async (t) => {
  // Seen failing against main: getMessage read a 500-entry in-memory cache (caches.js:20),
  // empty after a restart, so a retry request that came later found nothing and the
  // customer saw "Waiting for this message".
  const env = await managedBaileys(t);
  await env.connect();
  const answer = await env.manager.send('acc', { to: '628555000111', text: 'Pesanan siap diambil', client_id: 'o-1' });
  await env.restart();
  const sock = await env.connect();
  const message = await sock.config.getMessage({ remoteJid: '628555000111@s.whatsapp.net', id: answer.message_id, fromMe: true });
  assert.ok(message instanceof proto.Message);
  assert.equal(message.extendedTextMessage.text, 'Pesanan siap diambil');
  assert.equal(await sock.config.getMessage({ remoteJid: '628555000111@s.whatsapp.net', id: '3EB0000000000000000000', fromMe: true }), undefined);
  assert.equal(await sock.config.getMessage({}), undefined);
});

test("sim: a recipient's retry request is answered from the stored copy, after a restart too; an unknown id is not", async (t) => {
  const h = harness(t);
  const first = await h.start();
  await first.linkedSession('shop');
  const sent = await first.api('POST', '/sessions/shop/messages', { to: '628555000777', text: 'Resi', client_id: 'rr-1' });
  await first.kill('SIGKILL');
  const b = await h.start({ dataDir: first.dataDir });
  await b.api('PUT', '/sessions/shop', { engine: 'sim', options: { backoff_base_ms: 50, backoff_max_ms: 200 } });
  await b.waitSession('shop', (s) => s.status === 'connected');
  const answered = await b.api('POST', '/sim/sessions/shop/retry-request', { message_id: sent.body.message_id });
  assert.deepEqual(answered.body, { answered: true });
  const missing = await b.api('POST', '/sim/sessions/shop/retry-request', { message_id: '3EB0000000000000000000' });
  assert.deepEqual(missing.body, { answered: false });
  const { body } = await b.api('GET', '/sim/network');
  assert.deepEqual(body.retry_requests, [{ session_id: 'shop', message_id: sent.body.message_id, answered: true },
    { session_id: 'shop', message_id: '3EB0000000000000000000', answered: false }]);
});
