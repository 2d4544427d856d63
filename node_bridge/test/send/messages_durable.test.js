// Sends (client_id idempotency, exactly-once across crashes) and durable
// inbound events (journaled, replayed after kill -9 until acknowledged).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { FAST_OPTIONS, eventually, harness } from '../helpers.js';
import { waMessageId } from '../../src/send/message_ids.js';

const SIM = (options = {}) => ({ engine: 'sim', options: { ...FAST_OPTIONS, ...options } });

/**
 * The bridge's own record of a send (its outbound table), read beside the running bridge.
 * @param {string} dataDir @param {string} clientId @returns {string|undefined}
 */
function outboundStatus(dataDir, clientId) {
  const db = new DatabaseSync(path.join(dataDir, 'bridge.sqlite3'), { readOnly: true });
  try {
    return /** @type {any} */ (db.prepare('SELECT status FROM outbound WHERE client_id = ?').get(clientId))?.status;
  } finally {
    db.close();
  }
}

/** @param {import('../helpers.js').Bridge} b @param {string} clientId */
async function networkCopies(b, clientId) {
  const { body } = await b.api('GET', '/sim/network');
  return body.sent.filter((/** @type {any} */ m) => m.client_id === clientId);
}

test('a send is idempotent by client_id: same answer, one network delivery, acks carry the client_id', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  const msg = { to: '628555000111', text: 'Pesanan siap', client_id: 'out-1' };
  const id = waMessageId('shop', 'out-1');
  const first = await b.api('POST', '/sessions/shop/messages', msg);
  assert.equal(first.status, 200);
  assert.deepEqual(first.body, { client_id: 'out-1', message_id: id, status: 'sent' });
  assert.match(id, /^3EB0[0-9A-F]{18}$/, "WhatsApp Web's form (rc14 generics.js:134-150)");
  const again = await Promise.all(Array.from({ length: 4 }, () => b.api('POST', '/sessions/shop/messages', msg)));
  for (const res of again) assert.deepEqual([res.status, res.body], [200, first.body]);

  // "sent" is WhatsApp's server ack: the ack event, then message.sent, then the receipts.
  const ackOf = (status) => ({ session_id: 'shop', message_id: id, client_id: 'out-1', chat: '628555000111', status });
  assert.deepEqual((await events.next((e) => e.type === 'message.ack' && e.data.status === 'sent')).data, ackOf('sent'));
  const sent = await events.next((e) => e.type === 'message.sent');
  assert.deepEqual(sent.data, { session_id: 'shop', client_id: 'out-1', message_id: id, to: '628555000111' });
  for (const status of ['delivered', 'read']) {
    const ack = await events.next((e) => e.type === 'message.ack' && e.data.status === status);
    assert.deepEqual(ack.data, ackOf(status));
  }
  assert.equal(events.events.filter((e) => e.type === 'message.sent').length, 1);
  const copies = await networkCopies(b, 'out-1');
  assert.equal(copies.length, 1);
  assert.deepEqual([copies[0].to, copies[0].text, copies[0].session_id], ['628555000111', 'Pesanan siap', 'shop']);

  const reused = await b.api('POST', '/sessions/shop/messages', { ...msg, text: 'something else' });
  assert.deepEqual([reused.status, reused.body.error.code], [409, 'client_id_reused']);

  const receipt = await b.api('POST', '/sim/sessions/shop/ack', { message_id: id, status: 'read' });
  assert.equal(receipt.status, 200);
});

test('sends are refused (409) unless connected, 404 for unknown sessions, 400 for bad input', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.api('PUT', '/sessions/waiting', SIM());
  await b.waitSession('waiting', (s) => s.status === 'qr');
  const notConnected = await b.api('POST', '/sessions/waiting/messages', { to: '628111222333', text: 'hi', client_id: 'c1' });
  assert.equal(notConnected.status, 409);
  assert.equal(notConnected.body.error.code, 'session_not_connected');
  const unknown = await b.api('POST', '/sessions/ghost/messages', { to: '628111222333', text: 'hi', client_id: 'c1' });
  assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'session_not_found']);
  for (const body of [{ text: 'hi', client_id: 'c' }, { to: 'abc', text: 'hi', client_id: 'c' }, { to: '628111222333', text: '', client_id: 'c' },
    { to: '628111222333', text: 'hi' }, { to: '628111222333', text: 'hi', client_id: 'has space' }, { to: '628111222333', text: 5, client_id: 'c' }]) {
    const res = await b.api('POST', '/sessions/waiting/messages', body);
    assert.deepEqual([res.status, res.body.error.code], [400, 'bad_request'], JSON.stringify(body));
  }
  assert.deepEqual((await b.api('GET', '/sim/network')).body.sent, []);
});

test('a retry after a crash never sends twice (network journal proves exactly-once)', async (t) => {
  const h = harness(t);
  const first = await h.start();
  await first.linkedSession('shop', { options: { send_ms: 1500 } });
  const msg = { to: '628555000222', text: 'Invoice #7', client_id: 'crash-1' };

  // Crash while the message is on its way: the network has not taken it.
  const inFlight = first.api('POST', '/sessions/shop/messages', msg).catch((err) => err);
  await eventually(() => outboundStatus(first.dataDir, 'crash-1') === 'pending', { what: 'the send under way' });
  await first.kill('SIGKILL');
  assert.ok((await inFlight) instanceof Error, 'the caller saw the connection die');

  const second = await h.start({ dataDir: first.dataDir });
  assert.deepEqual(await networkCopies(second, 'crash-1'), [], 'not delivered before the crash');
  await second.api('PUT', '/sessions/shop', SIM({ send_ms: 10 }));
  await second.waitSession('shop', (s) => s.status === 'connected');
  const retry = await second.api('POST', '/sessions/shop/messages', msg);
  assert.deepEqual([retry.status, retry.body], [200, { client_id: 'crash-1', message_id: waMessageId('shop', 'crash-1'), status: 'sent' }]);
  assert.equal((await networkCopies(second, 'crash-1')).length, 1);

  // Crash after delivery: the retry finds it sent and sends nothing.
  await second.kill('SIGKILL');
  const third = await h.start({ dataDir: first.dataDir });
  const answer = await third.api('POST', '/sessions/shop/messages', msg);
  assert.deepEqual([answer.status, answer.body], [200, retry.body], 'answered from the record, even before the session runs');
  assert.equal((await networkCopies(third, 'crash-1')).length, 1);
});

test('durable inbound messages survive kill -9 and are replayed until acknowledged', async (t) => {
  const h = harness(t);
  const first = await h.start();
  const live = await first.events();
  await first.linkedSession('inbox');
  const inbound = await first.api('POST', '/sim/sessions/inbox/inbound', {
    messages: [{ from: '628777000001', text: 'one', message_id: 'IN1' }, { from: '628777000002', text: 'two', message_id: 'IN2' },
      { from: '628777000003', text: 'three', message_id: 'IN3' }],
  });
  assert.deepEqual(inbound.body, { message_ids: ['IN1', 'IN2', 'IN3'], queued: false });
  for (const id of ['IN1', 'IN2', 'IN3']) {
    const ev = await live.next((e) => e.type === 'message.in' && e.data.message_id === id);
    assert.equal(ev.data.kind, 'notify');
    assert.equal(ev.data.session_id, 'inbox');
    assert.match(ev.data.timestamp, /^\d{4}-\d\d-\d\dT.*Z$/);
  }
  await first.kill('SIGKILL');

  const second = await h.start({ dataDir: first.dataDir });
  const replay = await second.events();
  const reset = await replay.next();
  assert.equal(reset.type, 'bridge.reset');
  const replayed = await Promise.all(['IN1', 'IN2', 'IN3'].map((id) => replay.next((e) => e.type === 'message.in' && e.data.message_id === id)));
  assert.deepEqual(replayed.map((e) => [e.data.from, e.data.text]), [['628777000001', 'one'], ['628777000002', 'two'], ['628777000003', 'three']]);
  assert.deepEqual(replayed.map((e) => e.seq), [1, 2, 3], 'new seqs in this boot, same order');
  assert.ok(replayed.every((e) => e.bootId === second.bootId));
  const ack = await second.api('POST', '/events/ack', { upto: replayed[1].seq, boot_id: second.bootId });
  assert.deepEqual(ack.body, { acked: 2 });
  assert.equal((await second.api('GET', '/health')).body.durable_pending, replayed.length - 2);
  await second.closeStdin();

  const third = await h.start({ dataDir: first.dataDir });
  const rest = await third.events();
  await rest.next((e) => e.type === 'bridge.reset');
  const left = await rest.next((e) => e.type === 'message.in');
  assert.equal(left.data.message_id, 'IN3');
  await third.streamMarker(rest); // the replay is written before anything live
  assert.equal(rest.events.filter((e) => e.type === 'message.in').length, 1, 'acknowledged ones are gone');
  assert.deepEqual((await third.api('POST', '/events/ack', { upto: left.seq })).body, { acked: 1 });
  await third.closeStdin();

  const fourth = await h.start({ dataDir: first.dataDir });
  const none = await fourth.events();
  await none.next((e) => e.type === 'bridge.reset');
  const marker = await fourth.streamMarker(none);
  assert.deepEqual(none.events.filter((e) => e.data.id !== marker).map((e) => e.type), ['bridge.reset']);
});

test('unacknowledged durable events are re-sent to every client that resets, in order', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('inbox');
  await b.api('POST', '/sim/sessions/inbox/inbound', { messages: [{ from: '628777000009', text: 'hello', message_id: 'INX' }] });
  const first = await b.events();
  await first.next((e) => e.type === 'message.in');
  const other = await b.events();
  const reset = await other.next();
  const again = await other.next((e) => e.type === 'message.in');
  assert.equal(again.data.message_id, 'INX');
  assert.equal(Number(reset.id.split(':')[1]), again.seq - 1, 'reset id resumes just before the oldest unacked event');
  await b.api('POST', '/events/ack', { upto: again.seq });
  const third = await b.events();
  await third.next();
  const marker = await b.streamMarker(third);
  assert.deepEqual(third.events.filter((e) => e.data.id !== marker).map((e) => e.type), ['bridge.reset']);
  await eventually(async () => (await b.api('GET', '/health')).body.event_clients === 3);
});

test('sim: a message written just before the socket dies is sent again at the next login, once on the wire', async (t) => {
  // Seen failing against main: the sim marked it sent in the write's own transaction and the
  // bridge never sent anything again; a write lost with the socket was simply gone.
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  const msg = { to: '628555000444', text: 'Resi', client_id: 'lost-1' };
  const id = waMessageId('shop', 'lost-1');
  // The socket closes right after the next write: the servers never get that message.
  await b.api('POST', '/sim/sessions/shop/close', { code: 428, after: 'write' });
  const first = await b.api('POST', '/sessions/shop/messages', msg);
  assert.deepEqual([first.status, first.body.error.code], [409, 'session_not_connected']);
  await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'lost-1' && e.data.status === 'sent', 5000);
  const copies = await networkCopies(b, 'lost-1');
  assert.deepEqual(copies.map((c) => c.message_id), [id], 'exactly once on the wire, same id');
  const retry = await b.api('POST', '/sessions/shop/messages', msg);
  assert.deepEqual([retry.status, retry.body], [200, { client_id: 'lost-1', message_id: id, status: 'sent' }]);
  assert.equal((await networkCopies(b, 'lost-1')).length, 1);
});

test("sim: taken by the servers but the ack lost with the socket: the ack comes at the next login, nothing goes twice", async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  const msg = { to: '628555000555', text: 'Resi', client_id: 'acked-late' };
  await b.api('POST', '/sim/sessions/shop/close', { code: 428, after: 'take' });
  const first = await b.api('POST', '/sessions/shop/messages', msg);
  assert.deepEqual([first.status, first.body.error.code], [409, 'session_not_connected']);
  await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'acked-late' && e.data.status === 'sent', 5000);
  await b.waitSession('shop', (s) => s.status === 'connected');
  const retry = await b.api('POST', '/sessions/shop/messages', msg);
  assert.equal(retry.status, 200);
  assert.equal((await networkCopies(b, 'acked-late')).length, 1, 'exactly once on the wire');
});
