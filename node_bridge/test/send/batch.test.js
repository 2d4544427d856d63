// POST /sessions/{id}/messages/batch: many sends in one request, each as the single
// route would take it (client_id record, exactly once), outcomes in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAST_OPTIONS, eventually, harness } from '../helpers.js';
import { waMessageId } from '../../src/send/message_ids.js';

/** @param {import('../helpers.js').Bridge} b @param {string} session */
async function networkIds(b, session) {
  const { body } = await b.api('GET', '/sim/network');
  return body.sent.filter((/** @type {any} */ m) => m.session_id === session).map((/** @type {any} */ m) => m.client_id);
}

/** @param {number} n @param {string} prefix */
const sends = (n, prefix) => Array.from({ length: n }, (_, i) => ({
  to: `6285550${String(i).padStart(5, '0')}`, text: `Pesanan ${i}`, client_id: `${prefix}-${i}`,
}));

test('a batch sends each message once, answers in order, and a retry of it sends nothing again', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  const batch = sends(40, 'b');
  const first = await b.api('POST', '/sessions/shop/messages/batch', { messages: batch });
  assert.equal(first.status, 200);
  assert.deepEqual(first.body.results, batch.map((m) => ({ client_id: m.client_id, message_id: waMessageId('shop', m.client_id), status: 'sent' })));
  const again = await b.api('POST', '/sessions/shop/messages/batch', { messages: batch });
  assert.deepEqual(again.body, first.body, 'answered from the records');
  assert.deepEqual((await networkIds(b, 'shop')).sort(), batch.map((m) => m.client_id).sort(), 'each on the wire once');

  // Every message's receipts reach the event stream, each journaled (durable) once.
  await eventually(() => events.events.filter((e) => e.type === 'message.ack' && e.data.status === 'read').length === 40,
    { what: '40 read receipts' });
  const acks = events.events.filter((e) => e.type === 'message.ack');
  assert.equal(acks.length, 120);
  assert.equal(new Set(acks.map((e) => `${e.data.client_id}:${e.data.status}`)).size, 120);
  assert.equal(events.events.filter((e) => e.type === 'message.sent').length, 40);
  const seqs = events.events.map((e) => e.seq);
  assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), 'seqs rise in stream order, no gap');
  assert.equal(seqs.at(-1) - seqs[0] + 1, seqs.length);
});

test('one refused send of a batch does not hold back the others', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  const ok = await b.api('POST', '/sessions/shop/messages', { to: '628555000999', text: 'first', client_id: 'used' });
  assert.equal(ok.status, 200);
  const messages = [
    { to: '628555000001', text: 'one', client_id: 'c1' },
    { to: 'not a number', text: 'two', client_id: 'c2' },
    { to: '628555000999', text: 'different text', client_id: 'used' },
    { to: '628555000004', text: 'four', client_id: 'c4' },
  ];
  const res = await b.api('POST', '/sessions/shop/messages/batch', { messages });
  assert.equal(res.status, 200);
  const codes = res.body.results.map((/** @type {any} */ r) => r.error?.code ?? r.status);
  assert.deepEqual(codes, ['sent', 'bad_request', 'client_id_reused', 'sent']);
  assert.deepEqual(res.body.results.map((/** @type {any} */ r) => r.client_id), ['c1', 'c2', 'used', 'c4']);
  assert.equal(res.body.results[2].error.status, 409);
  assert.deepEqual((await networkIds(b, 'shop')).sort(), ['c1', 'c4', 'used']);
});

test('a batch to a number that is not connected is refused message by message (409), nothing sent', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.api('PUT', '/sessions/waiting', { engine: 'sim', options: FAST_OPTIONS });
  await b.waitSession('waiting', (s) => s.status === 'qr');
  const res = await b.api('POST', '/sessions/waiting/messages/batch', { messages: sends(3, 'w') });
  assert.equal(res.status, 200);
  for (const r of res.body.results) assert.deepEqual([r.error.code, r.error.status], ['session_not_connected', 409]);
  assert.deepEqual(await networkIds(b, 'waiting'), []);
});

test('a batch that is not a list of 1-100 text sends is refused whole (400), and an unknown number is 404', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  const media = { type: 'document', sha256: 'a'.repeat(64), mimetype: 'application/pdf', file_name: 'x.pdf' };
  for (const body of [{}, { messages: [] }, { messages: 'x' }, { messages: sends(101, 'big') }, { messages: [5] },
    { messages: [{ to: '628555000001', client_id: 'm1', media }] }]) {
    const res = await b.api('POST', '/sessions/shop/messages/batch', body);
    assert.deepEqual([res.status, res.body.error.code], [400, 'bad_request'], JSON.stringify(body).slice(0, 80));
  }
  const unknown = await b.api('POST', '/sessions/ghost/messages/batch', { messages: sends(1, 'g') });
  assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'session_not_found']);
  assert.deepEqual(await networkIds(b, 'shop'), []);
});

test('PUT /sessions starts many at once, each as PUT /sessions/{id} would, outcomes in order', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  const res = await b.api('PUT', '/sessions', { sessions: [
    { id: 'new-1', engine: 'sim', options: FAST_OPTIONS },
    { id: 'shop', engine: 'sim' },
    { id: 'odd', engine: 'carrier-pigeon' },
    { id: 'new-2', engine: 'sim', options: { qr_max: 'lots' } },
  ] });
  assert.equal(res.status, 200);
  const [fresh, running, unknown, badOptions] = res.body.sessions;
  assert.deepEqual([fresh.id, fresh.engine], ['new-1', 'sim']);
  assert.deepEqual([running.id, running.status], ['shop', 'connected'], 'a running one is left alone');
  assert.deepEqual([unknown.id, unknown.error.code, unknown.error.status], ['odd', 'unknown_engine', 400]);
  assert.deepEqual([badOptions.id, badOptions.error.status], ['new-2', 400]);
  await b.waitSession('new-1', (s) => s.status === 'qr');
  assert.equal((await b.api('GET', '/sessions/new-2')).status, 404, 'a refused start leaves nothing behind');
  for (const body of [{}, { sessions: [] }, { sessions: [{ id: 'has space' }] }, { sessions: 'x' }]) {
    const bad = await b.api('PUT', '/sessions', body);
    assert.equal(bad.status, 400, JSON.stringify(body));
  }
});
