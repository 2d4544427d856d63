// The real world's edges through the real bridge process with the sim engine: network
// switch, refused sends, time lock, LIDs, groups, and the server-side backlog across kill -9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAST_OPTIONS, eventually, harness } from '../../helpers.js';

test('network switch: every number says no internet, reconnects within seconds of its return', async (t) => {
  const h = harness(t);
  const b = await h.start({ env: { JAGA_HEARTBEAT_MS: '100' } });
  const events = await b.events();
  // A long backoff: only the network watch can bring them back quickly.
  const slow = { backoff_base_ms: 30_000, backoff_max_ms: 60_000, network_probe_ms: 200 };
  await b.linkedSession('a', { phone: '628100000001', options: slow });
  await b.linkedSession('b', { phone: '628100000002', options: slow });
  assert.deepEqual((await b.api('POST', '/sim/network', { up: false })).body, { up: false });
  for (const id of ['a', 'b']) {
    const s = await b.waitSession(id, (x) => x.status === 'reconnecting');
    assert.equal(s.reason, 'network_unreachable');
    assert.equal(s.message, 'No internet connection — Jaga reconnects by itself when it is back');
  }
  // A number never linked: it waits for the network too, and a pairing code says why not.
  await b.api('PUT', '/sessions/new', { engine: 'sim', options: slow });
  const fresh = await b.waitSession('new', (x) => x.reason === 'network_unreachable');
  assert.equal(fresh.status, 'reconnecting');
  const code = await b.api('POST', '/sessions/new/pairing-code', { phone: '628100000009' });
  assert.deepEqual([code.status, code.body.error.code, code.body.error.message],
    [409, 'network_unreachable', 'No internet connection — Jaga reconnects by itself when it is back']);
  // Several probes (every 200 ms) while down: nobody comes back. The bridge's heartbeat
  // (every 100 ms here) is the clock: six more of them and the probes due before have run.
  const beats = events.comments;
  await eventually(() => events.comments >= beats + 6, { what: 'six heartbeats' });
  assert.equal((await b.session('a')).status, 'reconnecting');
  const back = Date.now();
  await b.api('POST', '/sim/network', { up: true });
  await b.waitSession('a', (x) => x.status === 'connected', 3000);
  await b.waitSession('b', (x) => x.status === 'connected', 3000);
  await b.waitSession('new', (x) => x.status === 'qr', 3000);
  assert.ok(Date.now() - back < 3000, 'back within seconds, not after the 30 s backoff');
});

test('a recipient that refuses (463, 479): sent once, refused in the answer, one failed ack with code and sentence', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  await b.api('POST', '/sim/recipients', { phone: '628200000463', reject: 463 });
  await b.api('POST', '/sim/recipients', { phone: '628200000479', reject: 479 });
  for (const [to, id] of [['628200000463', 'r463'], ['628200000479', 'r479']]) {
    const res = await b.api('POST', '/sessions/shop/messages', { to, text: 'halo', client_id: id });
    // WhatsApp's error ack instead of its ack: never "sent"; the same answer to a retry.
    assert.deepEqual([res.status, res.body.error.code, res.body.error.error_code], [422, 'rejected', to.slice(-3)]);
    const again = await b.api('POST', '/sessions/shop/messages', { to, text: 'halo', client_id: id });
    assert.deepEqual([again.status, again.body], [422, res.body]);
  }
  const f463 = await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'r463');
  const f479 = await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'r479');
  assert.deepEqual([f463.data.status, f463.data.error_code, f463.data.reason], ['failed', '463', 'reachout_restricted']);
  assert.deepEqual([f479.data.status, f479.data.error_code, f479.data.reason], ['failed', '479', 'rejected_by_server']);
  assert.match(f463.data.error, /error 463/);
  await b.timersPast(300); // receipts (30 ms apart) would have come by now
  const acks = events.events.filter((e) => e.type === 'message.ack' && e.data.client_id === 'r463');
  assert.equal(acks.length, 1, 'no sent/delivered/read after a refusal');
  const sent = (await b.api('GET', '/sim/network')).body.sent.filter((m) => m.client_id === 'r463');
  assert.equal(sent.length, 1, 'the network saw it once');
});

test('time lock: the snapshot carries the limit; new contacts are refused, known ones are not', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: '628300000001', text: 'hai' }] });
  const until = new Date(Date.now() + 3_600_000).toISOString();
  const set = await b.api('POST', '/sim/sessions/shop/timelock', { until });
  assert.equal(set.body.limits.reason, 'reachout_timelock');
  const s = await b.waitSession('shop', (x) => x.limits !== null);
  assert.deepEqual([s.status, s.limits.reason, s.limits.until], ['connected', 'reachout_timelock', until]);
  const known = await b.api('POST', '/sessions/shop/messages', { to: '628300000001', text: 'known', client_id: 'k1' });
  const fresh = await b.api('POST', '/sessions/shop/messages', { to: '628300000002', text: 'new', client_id: 'n1' });
  assert.deepEqual([known.status, fresh.status, fresh.body.error.reason], [200, 422, 'reachout_timelocked']);
  const ackOf = (/** @type {string} */ id, /** @type {string} */ status) => events.events.find((e) => e.type === 'message.ack' && e.data.client_id === id && e.data.status === status);
  const refused = await eventually(() => ackOf('n1', 'failed'), { what: 'the refusal' });
  assert.deepEqual([refused.data.status, refused.data.reason], ['failed', 'reachout_timelocked']);
  await eventually(() => ackOf('k1', 'read'), { what: 'the known contact read it' });
  await b.timersPast(200);
  const n1 = events.events.filter((e) => e.type === 'message.ack' && e.data.client_id === 'n1');
  assert.deepEqual(n1.map((e) => e.data.status), ['failed'], JSON.stringify(events.events.map((e) => [e.type, e.data])));
  const k1 = events.events.filter((e) => e.type === 'message.ack' && e.data.client_id === 'k1');
  assert.deepEqual(k1.map((e) => e.data.status), ['sent', 'delivered', 'read'], 'each receipt once');
  await b.api('POST', '/sim/sessions/shop/timelock', { on: false });
  await b.waitSession('shop', (x) => x.limits === null);
});

test('LIDs: a LID chat is the phone once the mapping is known; the mapping is a durable event', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from_lid: '900000001', text: 'by lid', message_id: 'L1' }] });
  const first = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'L1');
  assert.equal(first.data.chat, '900000001@lid', 'no mapping yet: the LID, never mistaken for a phone');
  await b.api('POST', '/sim/sessions/shop/lid-mapping', { lid: '900000001', phone: '628400000001' });
  const mapped = await events.next((e) => e.type === 'chat.mapping');
  assert.deepEqual(mapped.data, { session_id: 'shop', lid: '900000001@lid', phone: '628400000001' });
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from_lid: '900000001', text: 'again', message_id: 'L2' }] });
  const second = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'L2');
  assert.equal(second.data.chat, '628400000001');
  // A message carrying both forms teaches the pair before it is read.
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from_lid: '900000002', from: '628400000002', text: 'both', message_id: 'L3' }] });
  const both = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'L3');
  assert.equal(both.data.chat, '628400000002');
  // A receipt addressed by LID names the phone chat.
  const o1 = await b.api('POST', '/sessions/shop/messages', { to: '628400000001', text: 'hi', client_id: 'o1' });
  await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'o1' && e.data.status === 'read');
  await b.api('POST', '/sim/sessions/shop/ack', { message_id: o1.body.message_id, status: 'read', as_lid: '900000001' });
  const lidReceipt = (await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'o1' && e.seq > both.seq + 3));
  assert.equal(lidReceipt.data.chat, '628400000001');
});

test('groups: created in the sim, messages carry the group chat and their author', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  const group = await b.api('POST', '/sim/sessions/shop/groups', { subject: 'Pelanggan', participants: ['628500000001', '628500000002'] });
  assert.match(group.body.jid, /^\d+@g\.us$/);
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ group: group.body.jid, from: '628500000002', text: 'stok?', message_id: 'G1' }] });
  const m = await events.next((e) => e.type === 'message.in' && e.data.message_id === 'G1');
  assert.deepEqual([m.data.chat, m.data.from], [group.body.jid, '628500000002']);
  const reply = await b.api('POST', '/sessions/shop/messages', { to: group.body.jid, text: 'ada', client_id: 'g-out' });
  assert.equal(reply.status, 200);
  const ack = await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'g-out');
  assert.equal(ack.data.chat, group.body.jid);
});

test("the server's backlog for an offline number survives kill -9 of the bridge; delivered exactly once", async (t) => {
  const h = harness(t);
  const first = await h.start();
  await first.linkedSession('shop');
  await first.api('POST', '/sim/network', { up: false });
  await first.waitSession('shop', (x) => x.status === 'reconnecting');
  const ids = ['B1', 'B2', 'B3'];
  const queued = await first.api('POST', '/sim/sessions/shop/inbound', {
    messages: ids.map((id, i) => ({ from: `62860000000${i}`, text: `offline ${i}`, message_id: id })),
  });
  assert.equal(queued.body.queued, true);
  assert.deepEqual((await first.api('GET', '/sim/network')).body.backlog, { shop: 3 });
  await first.kill('SIGKILL');

  const second = await h.start({ dataDir: first.dataDir });
  const events = await second.events();
  await second.api('PUT', '/sessions/shop', { engine: 'sim', options: { backoff_base_ms: 50, backoff_max_ms: 200 } });
  await second.waitSession('shop', (x) => x.status === 'connected');
  const got = await Promise.all(ids.map((id) => events.next((e) => e.type === 'message.in' && e.data.message_id === id)));
  assert.deepEqual(got.map((e) => e.data.kind), ['append', 'append', 'append']);
  await second.timersPast(300); // a second replay would have come by now
  assert.equal(events.events.filter((e) => e.type === 'message.in').length, 3, 'each once');
  assert.deepEqual((await second.api('GET', '/sim/network')).body.backlog, {});
});

test('sim: WhatsApp refuses a request to link by code: 502 pairing_refused in words, no code, still offering the QR', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.api('POST', '/sim/pairing', { refuse: 400 });
  await b.api('PUT', '/sessions/shop', { engine: 'sim', options: FAST_OPTIONS });
  await b.waitSession('shop', (s) => s.status === 'qr');
  const res = await b.api('POST', '/sessions/shop/pairing-code', { phone: '628123456789' });
  assert.deepEqual([res.status, res.body.error.code], [502, 'pairing_refused']);
  assert.equal(res.body.error.message, 'WhatsApp refused to link by code (error 400: bad-request). Link by scanning the QR code instead.');
  assert.equal((await b.session('shop')).status, 'qr');
  await b.api('POST', '/sim/pairing', { refuse: null });
  const ok = await b.api('POST', '/sessions/shop/pairing-code', { phone: '628123456789' });
  assert.equal(ok.status, 200);
  assert.match(ok.body.code, /^[0-9A-Z]{8}$/);
});

test('sim: a temporary ban (402) and a ban (406) end the number in words; an outdated client (405) is retried once', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('temp');
  await b.api('POST', '/sim/sessions/temp/close', { code: 402, ban: { code: 101, expire_s: 3600 } });
  const temp = await b.waitSession('temp', (s) => s.status === 'failed');
  assert.equal(temp.reason, 'temporarily_banned');
  assert.match(temp.message, /\(reason 101: you sent too many messages to people who don't have you in their address books\); the ban ends at /);
  await b.linkedSession('gone', { phone: '628123450002' });
  await b.api('POST', '/sim/sessions/gone/close', { code: 406 });
  assert.equal((await b.waitSession('gone', (s) => s.status === 'failed')).reason, 'banned');

  const events = await b.events();
  await b.linkedSession('old', { phone: '628123450003' });
  await b.api('POST', '/sim/version', { outdated: true });
  await b.api('POST', '/sim/sessions/old/close', { code: 428 });
  const failed = await b.waitSession('old', (s) => s.status === 'failed');
  assert.equal(failed.reason, 'outdated_version');
  const trail = events.statusTrail('old');
  assert.equal(trail.at(-1), 'failed/outdated_version', trail.join(' → '));
  assert.equal(trail.filter((x) => x === 'reconnecting/outdated_version').length, 1, `one retry: ${trail.join(' → ')}`);
});
