// The inbox's durable events and label actions through the real bridge with the sim engine:
// reads on the phone, push names, WhatsApp Business labels both ways (src/sessions/inbox.js,
// src/server/routes/labels.js, src/engines/sim/inbox.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from '../helpers.js';

const CUSTOMER = '628555000111';

test('bridge + sim: a read on the phone and a push name are durable events', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  const sse = await b.events();
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: CUSTOMER, text: 'halo', message_id: 'IN-1', push_name: 'Budi' }] });
  const name = await sse.next((e) => e.type === 'chat.name');
  assert.deepEqual(name.data, { session_id: 'shop', chat: CUSTOMER, name: 'Budi' });
  await sse.next((e) => e.type === 'message.in');
  // The same name again is not news.
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: CUSTOMER, text: '?', message_id: 'IN-2', push_name: 'Budi' }] });
  await sse.next((e) => e.type === 'message.in' && e.data.message_id === 'IN-2');
  assert.equal(sse.events.filter((e) => e.type === 'chat.name').length, 1);

  assert.equal((await b.api('POST', '/sim/sessions/shop/read', { chat: CUSTOMER, message_ids: ['IN-1'] })).status, 200);
  assert.equal((await b.api('POST', '/sim/sessions/shop/read', { chat: CUSTOMER })).status, 200);
  const reads = [await sse.next((e) => e.type === 'chat.read'), await sse.next((e) => e.type === 'chat.read')];
  assert.deepEqual(reads.map((e) => e.data), [
    { session_id: 'shop', chat: CUSTOMER, message_ids: ['IN-1'] },
    { session_id: 'shop', chat: CUSTOMER, message_ids: null },
  ]);
  // Durable: journaled until acknowledged (a restart replays them).
  const health = (await b.api('GET', '/health')).body;
  assert.equal(health.durable_pending, 5); // a name, two messages, two reads

  // Read while the number is away: it waits in the network's backlog.
  await b.api('DELETE', '/sessions/shop');
  assert.equal((await b.api('POST', '/sim/sessions/shop/read', { chat: CUSTOMER })).status, 200);
  assert.equal(sse.events.filter((e) => e.type === 'chat.read').length, 2);
  await b.api('PUT', '/sessions/shop', { engine: 'sim' });
  await sse.next((e) => e.type === 'chat.read');
  assert.equal((await b.api('POST', '/sim/sessions/shop/read', { chat: 'nobody' })).status, 400);
});

test('bridge + sim: WhatsApp Business labels both ways; a personal number has none on WhatsApp', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  const sse = await b.events();
  // Personal: WhatsApp takes no label.
  const refused = await b.api('PUT', '/sessions/shop/labels/6', { name: 'Dikirim', color: 3 });
  assert.deepEqual([refused.status, refused.body.error.code], [409, 'sim_not_business']);

  await b.api('POST', '/sim/sessions/shop/business', {});
  const predefined = [];
  for (let i = 0; i < 5; i += 1) predefined.push((await sse.next((e) => e.type === 'label.edit')).data.label);
  assert.deepEqual(predefined[0], { id: '1', name: 'New customer', color: 1, deleted: false, predefined_id: '1' });

  // The phone labels a chat.
  await b.api('POST', '/sim/sessions/shop/label-chat', { label_id: '1', chat: CUSTOMER, labeled: true });
  assert.deepEqual((await sse.next((e) => e.type === 'label.chat')).data,
    { session_id: 'shop', label_id: '1', chat: CUSTOMER, labeled: true });

  // Jaga makes a label and labels a chat: WhatsApp takes it and echoes it back.
  const made = await b.api('PUT', '/sessions/shop/labels/6', { name: 'Dikirim', color: 3 });
  assert.deepEqual([made.status, made.body], [200, { id: '6', name: 'Dikirim', color: 3, deleted: false }]);
  assert.equal((await sse.next((e) => e.type === 'label.edit')).data.label.name, 'Dikirim');
  const put = await b.api('PUT', '/sessions/shop/labels/6/chats', { chat: CUSTOMER, labeled: true });
  assert.equal(put.status, 200);
  await sse.next((e) => e.type === 'label.chat' && e.data.label_id === '6');
  const phone = (await b.api('GET', '/sim/sessions/shop/labels')).body;
  assert.deepEqual(phone.chats.map((c) => c.label_id).sort(), ['1', '6']);
  assert.deepEqual(phone.actions.map((a) => a.action), ['editLabel', 'labelChat']);

  for (const [path, body] of [
    ['/sessions/shop/labels/x', { name: 'a', color: 1 }],
    ['/sessions/shop/labels/7', { name: '', color: 1 }],
    ['/sessions/shop/labels/7', { name: 'a'.repeat(101), color: 1 }],
    ['/sessions/shop/labels/7', { name: 'a', color: 'red' }],
    ['/sessions/shop/labels/6/chats', { chat: 'nobody', labeled: true }],
    ['/sessions/shop/labels/6/chats', { chat: CUSTOMER, labeled: 'yes' }],
  ]) {
    const res = await b.api('PUT', path, body);
    assert.deepEqual([res.status, res.body.error.code], [400, 'bad_request'], path);
  }
  await b.api('DELETE', '/sessions/shop');
  const away = await b.api('PUT', '/sessions/shop/labels/6', { name: 'Dikirim', color: 3 });
  assert.deepEqual([away.status, away.body.error.code], [409, 'session_not_connected']);
});
