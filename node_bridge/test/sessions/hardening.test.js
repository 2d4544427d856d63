// Damage and odd clocks through the real bridge: a failed auth wipe never leaves a
// logged-out number "connected", and wall-clock steps neither drop nor hide a connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { FAST_OPTIONS, eventually, harness } from '../helpers.js';

const SIM = (options = {}) => ({ engine: 'sim', options: { ...FAST_OPTIONS, ...options } });

/** Holds bridge.sqlite3's write lock the way another program would, until released. */
function holdWriteLock(dataDir) {
  const db = new DatabaseSync(path.join(dataDir, 'bridge.sqlite3'));
  db.exec('BEGIN IMMEDIATE');
  return {
    db,
    release() {
      db.exec('ROLLBACK');
    },
    close() {
      db.close();
    },
  };
}

/** @param {string} dataDir @param {string} id */
function credsRows(dataDir, id) {
  const db = new DatabaseSync(path.join(dataDir, 'bridge.sqlite3'), { readOnly: true });
  try {
    return Number(db.prepare('SELECT count(*) AS n FROM wa_auth_creds WHERE session_id = ?').get(id).n);
  } finally {
    db.close();
  }
}

test('logged out on the phone while the auth wipe fails: logged_out at once, wipe retried, then said', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop', { options: FAST_OPTIONS });
  assert.equal(credsRows(b.dataDir, 'shop'), 1);

  const lock = holdWriteLock(b.dataDir);
  t.after(() => lock.close());
  await b.api('POST', '/sim/sessions/shop/close', { code: 401 });
  const out = await events.status('shop', 'logged_out', 15_000);
  assert.equal(out.data.reason, 'auth_wipe_pending');
  assert.match(out.data.message, /could not be deleted yet/);
  // One sentence that does not contradict itself (it once read "…and its keys deleted.
  // The saved keys could not be deleted yet").
  assert.doesNotMatch(out.data.message, /keys deleted/);
  assert.equal(out.data.me, null);
  assert.equal(credsRows(b.dataDir, 'shop'), 1, 'the wipe really failed');

  lock.release();
  const done = await events.next((e) => e.type === 'session.status' && e.data.id === 'shop'
    && e.data.status === 'logged_out' && e.data.reason === 'logged_out', 15_000);
  assert.ok(done.seq > out.seq);
  assert.equal(credsRows(b.dataDir, 'shop'), 0, 'the retry deleted the keys');
  assert.ok(b.logLines().some((l) => l.msg === 'could not delete the auth state; retrying'));
  assert.ok(b.logLines().some((l) => l.msg === 'auth state deleted after earlier failures'));
  assert.ok(!events.statusTrail('shop').slice(events.statusTrail('shop').lastIndexOf('logged_out')).includes('connected'));
});

test('logout on request while the auth wipe fails: the answer is logged_out, and the wipe follows', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('till', { options: FAST_OPTIONS });
  const lock = holdWriteLock(b.dataDir);
  t.after(() => lock.close());
  const out = await b.api('POST', '/sessions/till/logout');
  assert.deepEqual([out.status, out.body.status, out.body.reason], [200, 'logged_out', 'auth_wipe_pending']);
  // A new link must not start on the old keys while they are still there.
  const relink = await b.api('PUT', '/sessions/till', SIM());
  assert.equal(relink.status, 200);
  await events.next((e) => e.type === 'session.status' && e.data.id === 'till' && e.data.status === 'failed'
    && e.data.reason === 'auth_wipe_pending', 15_000);
  assert.equal(credsRows(b.dataDir, 'till'), 1);
  lock.release();
  await b.waitSession('till', () => credsRows(b.dataDir, 'till') === 0, 15_000);
  await b.api('PUT', '/sessions/till', SIM());
  await events.status('till', 'qr', 5000); // a fresh link, never the old keys
});

test('wall-clock steps of ±15 min drop no connection; a dead one is still caught in the window', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  const windowMs = 600;
  await b.linkedSession('a', { options: { keepalive_ms: windowMs } });
  await b.linkedSession('b', { phone: '628999000111', options: { keepalive_ms: windowMs } });
  t.after(() => b.api('POST', '/sim/clock', { offset_ms: 0 }).catch(() => undefined));
  for (const offset of [15 * 60_000, -15 * 60_000, 0]) {
    const res = await b.api('POST', '/sim/clock', { offset_ms: offset });
    assert.equal(res.status, 200);
    // Frames every window/3: nine fresh ones span three keep-alive windows, connected at every look.
    const seen = { a: new Set(), b: new Set() };
    await eventually(async () => {
      for (const id of ['a', 'b']) {
        const s = await b.session(id);
        assert.equal(s.status, 'connected', `${id} after a ${offset} ms step`);
        seen[id].add(s.last_activity_at);
      }
      return seen.a.size > 9 && seen.b.size > 9;
    }, { timeoutMs: windowMs * 10, what: 'nine frames per number' });
  }
  for (const id of ['a', 'b']) {
    assert.deepEqual(events.statusTrail(id), ['starting', 'qr', 'starting/restart_required', 'connected'],
      `${id} never left connected`);
  }

  // Dies, and the clock goes back 15 min right after its last frame.
  await b.api('POST', '/sim/sessions/a/silence', { on: true });
  const silencedAt = performance.now();
  await b.api('POST', '/sim/clock', { offset_ms: -15 * 60_000 });
  const rec = await events.status('a', 'reconnecting', 5000);
  const took = performance.now() - silencedAt;
  assert.equal(rec.data.reason, 'keepalive_timeout');
  assert.ok(took < windowMs * 3, `a dead connection caught after ${Math.round(took)} ms (window ${windowMs} ms)`);
  assert.equal((await b.session('b')).status, 'connected');
});

test('a wipe still owed when the bridge stops is finished at the next start', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('late', { options: FAST_OPTIONS });
  const lock = holdWriteLock(b.dataDir);
  await b.api('POST', '/sim/sessions/late/close', { code: 401 });
  const out = await events.status('late', 'logged_out', 15_000);
  assert.equal(out.data.reason, 'auth_wipe_pending');
  await b.closeStdin(); // stops while the wipe is still owed
  lock.release();
  lock.close();
  assert.equal(credsRows(b.dataDir, 'late'), 1);
  const again = await h.start({ dataDir: b.dataDir });
  assert.equal(credsRows(again.dataDir, 'late'), 0, 'the owed wipe ran before anything started');
  assert.ok(again.logLines().some((l) => l.msg === 'finished a key wipe owed from before the restart'));
});
