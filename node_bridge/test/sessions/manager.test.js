// Session lifecycle through the real bridge and the sim engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { FAST_OPTIONS, harness } from '../helpers.js';

const SIM = (options = {}) => ({ engine: 'sim', options: { ...FAST_OPTIONS, ...options } });

test('PUT is idempotent: a running session is returned unchanged, never duplicated', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  const first = await b.api('PUT', '/sessions/acc-1', SIM());
  assert.equal(first.status, 200);
  assert.equal(first.body.status, 'starting');
  await events.status('acc-1', 'qr');
  const before = await b.session('acc-1');
  const again = await Promise.all(Array.from({ length: 5 }, () => b.api('PUT', '/sessions/acc-1', SIM({ qr_max: 9 }))));
  for (const res of again) {
    assert.equal(res.status, 200);
    assert.equal(res.body.since, before.since);
    assert.equal(res.body.max, before.max, 'options of a running session are not changed either');
  }
  const snapshot = (await b.api('GET', '/sessions')).body;
  assert.equal(snapshot.sessions.length, 1);
  assert.deepEqual(events.statusTrail('acc-1').filter((s) => s === 'starting'), ['starting'], 'started once');

  // Concurrent first starts of another id also make exactly one session.
  await Promise.all(Array.from({ length: 5 }, () => b.api('PUT', '/sessions/acc-2', SIM())));
  await events.status('acc-2', 'qr');
  assert.equal(events.statusTrail('acc-2').filter((s) => s === 'starting').length, 1);
  assert.equal((await b.api('GET', '/sessions')).body.sessions.length, 2);
});

test('QR refs rotate (first lives qr_first_ms, then qr_rotate_ms); scan → 515 → connected with me', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.api('PUT', '/sessions/shop', SIM({ qr_first_ms: 400, qr_rotate_ms: 300, qr_max: 4 }));
  const qr1 = await events.next((e) => e.type === 'session.qr');
  const status1 = await events.status('shop', 'qr');
  assert.equal(qr1.data.session_id, 'shop');
  assert.deepEqual([qr1.data.attempt, qr1.data.max], [1, 4]);
  assert.match(qr1.data.qr, /^2@[^,]+,[^,]+,[^,]+,[^,]+$/);
  assert.equal(status1.data.qr, qr1.data.qr);
  const life1 = Date.parse(qr1.data.expires_at) - Date.parse(status1.data.since);
  assert.ok(life1 >= 350 && life1 <= 450, `first QR lives ~400 ms, got ${life1}`);

  const qr2 = await events.next((e) => e.type === 'session.qr', 2000);
  assert.equal(qr2.data.attempt, 2);
  assert.notEqual(qr2.data.qr, qr1.data.qr);
  assert.ok(Date.parse(qr2.data.expires_at) - Date.parse(qr1.data.expires_at) >= 250, 'later QRs live qr_rotate_ms');

  const scan = await b.api('POST', '/sim/sessions/shop/scan', { phone: '+62 812-3456-789', name: 'Toko Jaya' });
  assert.equal(scan.status, 200);
  const connected = await events.status('shop', 'connected');
  assert.deepEqual(connected.data.me, { phone: '628123456789', name: 'Toko Jaya' });
  assert.deepEqual([connected.data.qr, connected.data.attempt, connected.data.reason], [null, null, null]);
  assert.ok(connected.data.last_activity_at);
  assert.deepEqual(events.statusTrail('shop'), ['starting', 'qr', 'qr', 'starting/restart_required', 'connected']);
  const health = (await b.api('GET', '/health')).body;
  assert.equal(health.sessions.connected, 1);
});

test('a QR never scanned ends in failed/qr_timeout after the cap and the connection is closed', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.api('PUT', '/sessions/idle', SIM({ qr_first_ms: 200, qr_rotate_ms: 150, qr_max: 3 }));
  const failed = await events.status('idle', 'failed', 3000);
  assert.equal(failed.data.reason, 'qr_timeout');
  assert.match(failed.data.message, /not scanned in time/);
  const qrs = events.events.filter((e) => e.type === 'session.qr').map((e) => e.data.attempt);
  assert.deepEqual(qrs, [1, 2, 3]);
  const scan = await b.api('POST', '/sim/sessions/idle/scan', { phone: '628123456789' });
  assert.equal(scan.status, 409, 'no connection is left waiting');
  await b.timersPast(300); // QR rotations (150 ms) and retries would have come by now
  assert.equal((await b.session('idle')).status, 'failed', 'and nothing restarts it');
  assert.equal(events.events.filter((e) => e.type === 'session.qr' && e.data.session_id === 'idle').length, 3);
});

test('a restarted bridge reconnects a paired sim session without a new scan', async (t) => {
  const h = harness(t);
  const first = await h.start();
  const linked = await first.linkedSession('acc-7', { phone: '6281111111', name: 'Warung' });
  assert.equal(linked.status, 'connected');
  assert.equal((await first.closeStdin()).code, 0);

  const second = await h.start({ dataDir: first.dataDir });
  const events = await second.events();
  await second.api('PUT', '/sessions/acc-7', SIM());
  const connected = await events.status('acc-7', 'connected');
  assert.deepEqual(connected.data.me, { phone: '6281111111', name: 'Warung' });
  assert.equal(events.events.filter((e) => e.type === 'session.qr').length, 0, 'no QR shown');
  assert.deepEqual(events.statusTrail('acc-7'), ['starting', 'connected']);
});

test('close codes: 428 and unknown errors reconnect; 515 reconnects at once; 401 logs out and wipes auth', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('drop');
  for (const [code, reason] of [[428, 'connection_lost'], [599, 'connection_lost'], [408, 'timed_out'], [503, 'service_unavailable'], [515, 'restart_required']]) {
    const res = await b.api('POST', '/sim/sessions/drop/close', { code });
    assert.equal(res.status, 200);
    const rec = await events.status('drop', 'reconnecting');
    assert.equal(rec.data.reason, reason, `code ${code}`);
    assert.ok(rec.data.message.length > 10);
    assert.ok(rec.data.me, 'still the same number while reconnecting');
    await events.status('drop', 'connected');
  }

  await b.linkedSession('unlinked');
  await b.api('POST', '/sim/sessions/unlinked/close', { code: 401 });
  const loggedOut = await events.status('unlinked', 'logged_out');
  assert.equal(loggedOut.data.reason, 'logged_out');
  assert.equal(loggedOut.data.me, null);
  await b.timersPast(300); // a retry (backoff up to 200 ms) would have come by now
  assert.equal((await b.session('unlinked')).status, 'logged_out', 'not retried');
  await b.api('PUT', '/sessions/unlinked', SIM());
  await events.status('unlinked', 'qr'); // auth was wiped: a new link is needed
});

test('close codes: 440 is retried once after a pause, a second 440 is a conflict; 403, 402 and 406 fail', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('twin', { options: { conflict_pause_ms: 300 } });
  await b.api('POST', '/sim/sessions/twin/close', { code: 440 });
  const retrying = await events.status('twin', 'reconnecting');
  assert.equal(retrying.data.reason, 'replaced');
  const reconnected = await events.status('twin', 'connected');
  assert.ok(reconnected.seq > retrying.seq);
  assert.ok(Date.parse(reconnected.data.since) - Date.parse(retrying.data.since) >= 250, 'after the pause');
  await b.api('POST', '/sim/sessions/twin/close', { code: 440 });
  const conflict = await events.status('twin', 'conflict');
  assert.equal(conflict.data.reason, 'replaced');
  await b.timersPast(600); // a retry after the 300 ms pause would have come by now
  assert.equal((await b.session('twin')).status, 'conflict', 'never retried in a loop');
  assert.deepEqual(events.statusTrail('twin').slice(-1), ['conflict/replaced']);

  // (405 and 409 get one retry with a fresh version first: engines/sim/edges.test.js.)
  for (const [id, code, reason] of [['banned', 403, 'forbidden'], ['temp', 402, 'temporarily_banned'], ['gone', 406, 'banned']]) {
    await b.linkedSession(id);
    await b.api('POST', `/sim/sessions/${id}/close`, { code });
    const failed = await events.status(id, 'failed');
    assert.equal(failed.data.reason, reason);
    assert.ok(failed.data.message.length > 20);
  }
  await b.timersPast(300);
  for (const id of ['banned', 'temp', 'gone']) {
    assert.equal((await b.session(id)).status, 'failed', `${id}: never retried`);
  }
});

test('a silent connection is not left "connected": keep-alive timeout forces a reconnect', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('quiet', { options: { keepalive_ms: 600 } });
  const before = (await b.session('quiet')).last_activity_at;
  // Frames keep arriving while healthy.
  await b.waitSession('quiet', (s) => s.last_activity_at > before);
  // Alive while frames came: not judged dead before the silence. (The window's rule, on an
  // injected clock: sessions/liveness.test.js; how long detection takes is the bench's.)
  // Seen failing against a keep-alive armed with an eighth of its window.
  await b.streamMarker(events); // every event the bridge wrote so far has been read
  const trail = events.statusTrail('quiet');
  assert.equal(trail.at(-1), 'connected');
  assert.ok(!trail.some((s) => s.startsWith('reconnecting')), trail.join(', '));
  const seqBefore = Math.max(...events.events.map((e) => e.seq));
  const silenced = await b.api('POST', '/sim/sessions/quiet/silence', { on: true });
  assert.equal(silenced.status, 200);
  const rec = await events.status('quiet', 'reconnecting', 3000);
  assert.equal(rec.data.reason, 'keepalive_timeout');
  assert.ok(rec.seq > seqBefore, 'judged dead after the silence, not before');
  const back = await events.status('quiet', 'connected', 3000); // the new connection is healthy
  assert.ok(back.seq > rec.seq);
});

test('DELETE stops and keeps auth; logout wipes it; pairing code links without a QR scan', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('keep');
  const stopped = await b.api('DELETE', '/sessions/keep');
  assert.deepEqual([stopped.status, stopped.body.status, stopped.body.reason], [200, 'stopped', 'stopped_by_request']);
  assert.equal((await b.api('DELETE', '/sessions/keep')).body.status, 'stopped', 'DELETE is idempotent');
  const sendWhileStopped = await b.api('POST', '/sim/sessions/keep/inbound', { messages: [{ from: '62899999999', text: 'queued' }] });
  assert.equal(sendWhileStopped.body.queued, true);
  await b.api('PUT', '/sessions/keep', SIM());
  await events.status('keep', 'connected');
  assert.ok(!events.events.some((e) => e.type === 'session.qr' && e.data.session_id === 'keep' && e.seq > stopped.body.seq));
  const backlog = await events.next((e) => e.type === 'message.in' && e.data.session_id === 'keep');
  assert.equal(backlog.data.kind, 'append', 'what arrived while offline comes as the offline backlog');

  const out = await b.api('POST', '/sessions/keep/logout');
  assert.deepEqual([out.status, out.body.status, out.body.reason, out.body.me], [200, 'logged_out', 'logout_requested', null]);
  await b.api('PUT', '/sessions/keep', SIM());
  await events.status('keep', 'qr');

  const code = await b.api('POST', '/sessions/keep/pairing-code', { phone: '6281234567' });
  assert.equal(code.status, 200);
  assert.match(code.body.code, /^[A-Z0-9]{8}$/);
  const pairing = await events.status('keep', 'pairing_code');
  assert.equal(pairing.data.qr, null);
  const wrongPhone = await b.api('POST', '/sim/sessions/keep/scan', { phone: '6289999999' });
  assert.equal(wrongPhone.status, 409);
  await b.api('POST', '/sim/sessions/keep/scan', { phone: '6281234567' });
  const linked = await events.status('keep', 'connected');
  assert.equal(linked.data.me.phone, '6281234567');
  const late = await b.api('POST', '/sessions/keep/pairing-code', { phone: '6281234567' });
  assert.equal(late.status, 409);
  assert.equal(late.body.error.code, 'session_not_linking');
  const bad = await b.api('POST', '/sessions/keep/pairing-code', { phone: 'abc' });
  assert.equal(bad.status, 400);

  const ghost = await b.api('POST', '/sessions/never-started/logout');
  assert.equal(ghost.status, 200, 'logout of an id this bridge never ran still wipes its auth');
  assert.equal(ghost.body.status, 'logged_out');
});

test('unreadable auth is quarantined: failed/auth_corrupt, other sessions unaffected', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('broken', { phone: '6281000001' });
  await b.linkedSession('fine', { phone: '6281000002' });
  assert.equal((await b.api('POST', '/sim/sessions/broken/corrupt-auth')).status, 200);
  await b.api('DELETE', '/sessions/broken');
  await b.api('PUT', '/sessions/broken', SIM());
  const failed = await events.status('broken', 'failed');
  assert.equal(failed.data.reason, 'auth_corrupt');
  assert.match(failed.data.message, /could not be read/);
  const files = fs.readdirSync(path.join(b.dataDir, 'quarantine'));
  assert.equal(files.length, 1);
  const doc = JSON.parse(fs.readFileSync(path.join(b.dataDir, 'quarantine', files[0]), 'utf8'));
  assert.equal(doc.session_id, 'broken');
  assert.ok(doc.creds, 'the unreadable creds were kept, not thrown away');
  assert.equal(events.events.filter((e) => e.type === 'session.qr' && e.data.session_id === 'broken' && e.seq > failed.seq).length, 0,
    'no fresh creds, no QR: the owner decides');
  assert.equal((await b.session('fine')).status, 'connected');
  await b.api('POST', '/sim/sessions/fine/close', { code: 428 });
  await events.status('fine', 'connected'); // still reconnects normally
});

test('a reconnect of a linked session that finds its auth gone fails instead of silently re-linking', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('vanish');
  const db = new DatabaseSync(path.join(b.dataDir, 'bridge.sqlite3'));
  db.exec('PRAGMA busy_timeout = 2000');
  db.prepare('DELETE FROM wa_auth_creds WHERE session_id = ?').run('vanish');
  db.close();
  await b.api('POST', '/sim/sessions/vanish/close', { code: 428 });
  const failed = await events.status('vanish', 'failed');
  assert.equal(failed.data.reason, 'auth_missing');
  assert.equal(events.events.filter((e) => e.type === 'session.qr').length, 1, 'only the QR of the original link');
});
