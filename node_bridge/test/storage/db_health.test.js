// A damaged bridge.sqlite3 at start: set aside whole, readable links kept, the bridge up,
// and each number whose link was lost says so in its status reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { FAST_OPTIONS, harness } from '../helpers.js';

const SIM = { engine: 'sim', options: FAST_OPTIONS };

/** Two linked numbers and one unacked inbound message, then a clean stop. */
async function linkedFolder(h) {
  const b = await h.start();
  await b.linkedSession('one');
  await b.linkedSession('two', { phone: '628777000111' });
  await b.closeStdin();
  return b.dataDir;
}

/** Overwrites the first page of a table with garbage, as a torn write after a power cut does. */
function damageTable(dataDir, table) {
  const file = path.join(dataDir, 'bridge.sqlite3');
  const db = new DatabaseSync(file, { readOnly: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table);
  const pageSize = Number(db.prepare('PRAGMA page_size').get().page_size);
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (Number(rootpage) - 1) * pageSize);
  fs.closeSync(fd);
}

function quarantined(dataDir) {
  const q = path.join(dataDir, 'quarantine');
  return fs.readdirSync(q).filter((n) => n.startsWith('bridge-db-'))
    .map((n) => fs.readdirSync(path.join(q, n)).filter((f) => f === 'bridge.sqlite3'));
}

test('a damaged journal page: bridge up, file set aside, every link kept, the loss reported', async (t) => {
  const h = harness(t);
  const dir = await linkedFolder(h);
  damageTable(dir, 'event_journal');
  const b = await h.start({ dataDir: dir });
  const health = (await b.api('GET', '/health')).body;
  assert.deepEqual(health.recovery.tables_damaged, ['event_journal']);
  assert.deepEqual(health.recovery.kept_sessions, ['one', 'two']);
  assert.deepEqual(health.recovery.lost_sessions, []);
  assert.deepEqual(quarantined(dir), [['bridge.sqlite3']]);
  const events = await b.events();
  for (const id of ['one', 'two']) await b.api('PUT', `/sessions/${id}`, SIM);
  for (const id of ['one', 'two']) await events.status(id, 'connected', 5000); // no new QR
  assert.ok(b.logLines().some((l) => l.msg === 'bridge.sqlite3 is damaged; set aside, salvaging what can be read'));
});

test('damaged link rows: those numbers fail with auth_lost once, then may link again', async (t) => {
  const h = harness(t);
  const dir = await linkedFolder(h);
  damageTable(dir, 'wa_auth_creds');
  const b = await h.start({ dataDir: dir });
  const events = await b.events();
  await b.api('PUT', '/sessions/one', SIM);
  const failed = await events.status('one', 'failed', 5000);
  assert.equal(failed.data.reason, 'auth_lost');
  assert.match(failed.data.message, /damaged and set aside/);
  assert.equal((await b.api('GET', '/health')).body.recovery.links_unknown, true);
  await b.api('PUT', '/sessions/one', SIM);
  await events.status('one', 'qr', 5000);
});

test('a garbage bridge.sqlite3: bridge up, file kept aside, numbers told their link is lost', async (t) => {
  const h = harness(t);
  const dir = await linkedFolder(h);
  const file = path.join(dir, 'bridge.sqlite3');
  fs.writeFileSync(file, Buffer.alloc(8192, 0x42));
  const b = await h.start({ dataDir: dir });
  const health = (await b.api('GET', '/health')).body;
  assert.equal(health.recovery.unreadable, true);
  assert.match(health.recovery.problem, /not a database/);
  const aside = path.join(health.recovery.quarantine, 'bridge.sqlite3');
  assert.deepEqual(fs.readFileSync(aside), Buffer.alloc(8192, 0x42), 'the damaged file is kept byte for byte');
  const events = await b.events();
  await b.api('PUT', '/sessions/two', SIM);
  const failed = await events.status('two', 'failed', 5000);
  assert.equal(failed.data.reason, 'auth_lost');
});

test('the bridge folder and its files are private to the user (0700 / 0600), even if made wider before', { skip: process.platform === 'win32' }, async (t) => {
  const h = harness(t);
  const dir = await linkedFolder(h);
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'bridge.sqlite3'), 0o644);
  const b = await h.start({ dataDir: dir });
  await b.linkedSession('three', { phone: '628555000111' });
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  for (const name of fs.readdirSync(dir)) {
    const st = fs.statSync(path.join(dir, name));
    assert.equal(st.mode & 0o077, 0, `${name} is ${(st.mode & 0o777).toString(8)}`);
  }
});

test('bridge.sqlite3 deleted while running, then a crash: linked numbers say their link is lost, no silent QR', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('one');
  await b.linkedSession('two', { phone: '628777000111' });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(b.dataDir, `bridge.sqlite3${suffix}`), { force: true });
  await b.kill('SIGKILL');
  const again = await h.start({ dataDir: b.dataDir });
  const health = (await again.api('GET', '/health')).body;
  assert.equal(health.recovery.problem, 'bridge.sqlite3 was missing');
  assert.deepEqual(health.recovery.lost_sessions, ['one', 'two']);
  const events = await again.events();
  await again.api('PUT', '/sessions/one', SIM);
  const failed = await events.status('one', 'failed', 5000);
  assert.equal(failed.data.reason, 'auth_lost');
  assert.match(failed.data.message, /missing/);
  await again.api('PUT', '/sessions/one', SIM);
  await events.status('one', 'qr', 5000); // told once; then it may link afresh
});

test('a bridge.sqlite3 that another program holds locked is busy, not damaged: never set aside', async (t) => {
  const h = harness(t);
  const dir = await linkedFolder(h);
  const holder = new DatabaseSync(path.join(dir, 'bridge.sqlite3'));
  holder.exec('PRAGMA journal_mode = DELETE; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE');
  const { damage } = await import('../../src/storage/db_health.js');
  const started = performance.now();
  assert.equal(damage(path.join(dir, 'bridge.sqlite3')), null);
  assert.ok(performance.now() - started >= 4000, 'it waited for the lock first');
  holder.exec('ROLLBACK');
  holder.close();
  assert.equal(fs.existsSync(path.join(dir, 'quarantine')) && fs.readdirSync(path.join(dir, 'quarantine')).some((n) => n.startsWith('bridge-db-')), false);
});
