// GET /events against the real process: numbering, resume, reset, heartbeat, disconnects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, harness } from '../helpers.js';

test('a fresh client gets bridge.reset first; ids are <boot_id>:<seq> with seq +1 per event', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  assert.equal(events.httpStatus, 200);
  assert.match(String(events.headers?.['content-type']), /^text\/event-stream/);
  const reset = await events.next();
  assert.equal(reset.type, 'bridge.reset');
  assert.deepEqual(reset.data, { boot_id: b.bootId, seq: 0, reason: 'no_last_event_id' });

  await b.api('PUT', '/sessions/s1', { engine: 'sim' });
  await b.api('PUT', '/sessions/s2', { engine: 'sim' });
  await events.status('s2', 'qr');
  const numbered = events.events.slice(1);
  assert.ok(numbered.length >= 4);
  numbered.forEach((e, i) => {
    assert.equal(e.bootId, b.bootId);
    assert.equal(e.seq, i + 1);
  });
  const snapshot = (await b.api('GET', '/sessions')).body;
  assert.ok(snapshot.seq >= numbered.at(-1).seq);
  for (const s of snapshot.sessions) {
    const last = numbered.filter((e) => e.data.id === s.id || e.data.session_id === s.id).at(-1);
    assert.ok(s.seq >= last.seq, 'a session carries the seq of its last event');
  }
});

test('Last-Event-ID of this boot replays exactly the missed events, then live ones', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const witness = await b.events(); // stays connected throughout: the reference
  const first = await b.events();
  await b.api('PUT', '/sessions/s1', { engine: 'sim' });
  await first.status('s1', 'qr');
  const lastSeen = first.events.at(-1);
  first.close();

  await b.api('PUT', '/sessions/s2', { engine: 'sim' });
  await b.api('DELETE', '/sessions/s1');
  await witness.status('s1', 'stopped');
  await witness.status('s2', 'qr');
  const missed = witness.events.filter((e) => e.seq > lastSeen.seq);
  assert.ok(missed.length >= 3);

  const resumed = await b.events({ lastEventId: lastSeen.id });
  await eventually(() => resumed.events.length >= missed.length, { what: 'replay' });
  assert.deepEqual(resumed.events.slice(0, missed.length).map((e) => [e.id, e.type, e.data]),
    missed.map((e) => [e.id, e.type, e.data]), 'the same events, same ids, nothing else before them');
  assert.ok(!resumed.events.some((e) => e.type === 'bridge.reset'));

  await b.api('DELETE', '/sessions/s2');
  const live = await resumed.status('s2', 'stopped');
  assert.equal(live.seq, missed.at(-1).seq + 1, 'then live, without a gap');

  const current = await b.events({ lastEventId: live.id });
  const marker = await b.streamMarker(current); // what is replayed comes before it
  assert.deepEqual(current.events.filter((e) => e.data.id !== marker), [], 'an up-to-date id replays nothing');
});

test('an id from another boot or a malformed one gets bridge.reset', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.api('PUT', '/sessions/s1', { engine: 'sim' });
  const other = await b.events({ lastEventId: '00000000-0000-0000-0000-000000000000:3' });
  const reset = await other.next();
  assert.equal(reset.type, 'bridge.reset');
  assert.equal(reset.data.reason, 'other_boot');
  assert.equal(reset.data.boot_id, b.bootId);
  const junk = await b.events({ lastEventId: 'junk' });
  assert.equal((await junk.next()).data.reason, 'invalid');
  const future = await b.events({ lastEventId: `${b.bootId}:999999` });
  assert.equal((await future.next()).data.reason, 'invalid');
});

test('after a restart the old boot id gets a reset', async (t) => {
  const h = harness(t);
  const first = await h.start();
  const events = await first.events();
  await first.api('PUT', '/sessions/s1', { engine: 'sim' });
  const seen = await events.status('s1', 'qr');
  await first.closeStdin();
  const second = await h.start({ dataDir: first.dataDir });
  const resumed = await second.events({ lastEventId: seen.id });
  const reset = await resumed.next();
  assert.deepEqual([reset.type, reset.data.reason, reset.data.boot_id], ['bridge.reset', 'other_boot', second.bootId]);
});

test('a heartbeat comment arrives every JAGA_HEARTBEAT_MS', async (t) => {
  const h = harness(t);
  const b = await h.start({ env: { JAGA_HEARTBEAT_MS: '100' } });
  const events = await b.events();
  const opened = Date.now();
  // 1 at connect, then one per 100 ms: five more come long before the 5 s default would
  // bring one, and not sooner than five periods (a loaded machine fires timers late,
  // never early).
  await eventually(() => events.comments >= 6, { timeoutMs: 4500, what: 'five heartbeats after the first' });
  assert.ok(Date.now() - opened >= 400, `five heartbeats in ${Date.now() - opened} ms`);
});

test('clients that go away are dropped (no leak), others keep streaming', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const readers = await Promise.all(Array.from({ length: 5 }, () => b.events()));
  await eventually(async () => (await b.api('GET', '/health')).body.event_clients === 5, { what: '5 clients' });
  for (const r of readers.slice(1)) r.close();
  await eventually(async () => (await b.api('GET', '/health')).body.event_clients === 1, { what: 'dropped clients' });
  await b.api('PUT', '/sessions/s1', { engine: 'sim' });
  await readers[0].status('s1', 'starting');
});

test('POST /events/ack validates its input and refuses seqs of another boot', async (t) => {
  const h = harness(t);
  const b = await h.start();
  for (const body of [{}, { upto: -1 }, { upto: 1.5 }, { upto: '3' }]) {
    const res = await b.api('POST', '/events/ack', body);
    assert.equal(res.status, 400, JSON.stringify(body));
  }
  const other = await b.api('POST', '/events/ack', { upto: 1, boot_id: 'another' });
  assert.equal(other.status, 409);
  assert.equal(other.body.error.code, 'other_boot');
  const ok = await b.api('POST', '/events/ack', { upto: 10, boot_id: b.bootId });
  assert.deepEqual([ok.status, ok.body], [200, { acked: 0 }]);
});
