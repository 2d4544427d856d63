import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { initAuthCreds, proto } from '@whiskeysockets/baileys';
import { AuthCorruptError, AuthDb, credsProblems } from '../../src/storage/auth_db.js';
import { makeBaileysAuthState } from '../../src/engines/baileys/auth_state.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function tempDir(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jaga-authdb-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function openDb(file) {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000');
  return db;
}

function setup(t) {
  const dir = tempDir(t);
  const dbPath = path.join(dir, 'bridge.sqlite3');
  const quarantineDir = path.join(dir, 'quarantine');
  const db = openDb(dbPath);
  t.after(() => db.isOpen && db.close());
  const authDb = new AuthDb(db, { quarantineDir });
  return { dir, dbPath, quarantineDir, db, authDb };
}

/**
 * What a value looks like after a trip through JSON: every Uint8Array becomes a Buffer (so
 * values compare by bytes whatever class went in) and undefined properties disappear.
 */
function bytesAsBuffers(v) {
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (Array.isArray(v)) return v.map(bytesAsBuffers);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, bytesAsBuffers(x)]));
  }
  return v;
}

/** One sample per SignalDataTypeMap entry of Baileys 7.0.0-rc14 (lib/Types/Auth.d.ts). */
function sampleKeys() {
  return {
    'pre-key': { 1: { public: randomBytes(32), private: randomBytes(32) } },
    session: { '628123456789.0': new Uint8Array(randomBytes(180)), '12345@lid.3': randomBytes(90) },
    'sender-key': { '120363@g.us::628123456789::0': randomBytes(120) },
    'sender-key-memory': { '120363@g.us': { '628123456789:3@s.whatsapp.net': true, '99@lid': false } },
    'app-state-sync-key': {
      AAAAAB2x: { keyData: new Uint8Array(randomBytes(32)), fingerprint: { rawId: 7, currentIndex: 2, deviceIndexes: [0, 3] } },
    },
    'app-state-sync-version': {
      regular_high: { version: 12, hash: randomBytes(128), indexValueMap: { 'bWFjMQ==': { valueMac: randomBytes(32) } } },
    },
    'lid-mapping': { '628123456789': '987654321012345', '987654321012345_reverse': '628123456789' },
    'device-list': { '628123456789': ['0', '3', '17'] },
    tctoken: { '987654321012345@lid': { token: randomBytes(24), timestamp: '1760000000', senderTimestamp: 1760000001 } },
    'identity-key': { '628123456789.0': new Uint8Array(randomBytes(33)) },
  };
}

test('creds round-trip through BufferJSON, Buffers and Uint8Arrays included', t => {
  const { authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  assert.equal(auth.readCreds(), null);
  assert.equal(auth.hasCreds(), false);

  const creds = {
    ...initAuthCreds(),
    me: { id: '628123456789:12@s.whatsapp.net', name: 'Toko', lid: '987654321012345:12@lid' },
    account: { details: new Uint8Array(randomBytes(40)), accountSignatureKey: randomBytes(32), accountSignature: randomBytes(64), deviceSignature: randomBytes(64) },
    signalIdentities: [{ identifier: { name: '628123456789:12@s.whatsapp.net', deviceId: 0 }, identifierKey: new Uint8Array(randomBytes(33)) }],
    routingInfo: randomBytes(16),
    platform: 'smba',
    nextPreKeyId: 31,
    firstUnuploadedPreKeyId: 31,
  };
  auth.writeCreds(creds);
  assert.equal(auth.hasCreds(), true);
  const back = auth.readCreds();
  assert.ok(Buffer.isBuffer(back.noiseKey.private), 'key material comes back as Buffers');
  assert.ok(Buffer.isBuffer(back.account.details));
  assert.deepEqual(back, bytesAsBuffers(creds));
});

test('every signal key type round-trips; app-state-sync-key comes back to Baileys as the protobuf class', async t => {
  const { authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  const data = sampleKeys();
  const { state } = makeBaileysAuthState(auth);
  await state.keys.set(data);
  for (const [type, byId] of Object.entries(data)) {
    const got = await state.keys.get(type, [...Object.keys(byId), 'missing-id']);
    assert.equal('missing-id' in got, false, `${type}: missing ids are absent`);
    if (type === 'app-state-sync-key') {
      const [id] = Object.keys(byId);
      assert.ok(got[id] instanceof proto.Message.AppStateSyncKeyData);
      assert.deepEqual(Buffer.from(got[id].keyData), Buffer.from(byId[id].keyData));
      assert.equal(got[id].fingerprint.rawId, 7);
      assert.deepEqual(got[id].fingerprint.deviceIndexes, [0, 3]);
      continue;
    }
    assert.deepEqual(got, bytesAsBuffers(byId), type);
  }
  // Numeric ids (pre-keys are asked for by number) find the same row.
  assert.ok(auth.getKeys('pre-key', [1])['1']);
});

test('sessions are isolated from each other', t => {
  const { authDb } = setup(t);
  const a = authDb.forSession('acc-a');
  const b = authDb.forSession('acc-b');
  a.setKeys({ session: { x: Buffer.from('a') } });
  a.writeCreds(initAuthCreds());
  assert.deepEqual(b.getKeys('session', ['x']), {});
  assert.equal(b.readCreds(), null);
  b.wipe();
  assert.deepEqual(a.getKeys('session', ['x']), { x: Buffer.from('a') });
  assert.equal(a.hasCreds(), true);
});

test('setKeys: null and undefined delete, in the same call as writes', t => {
  const { authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  auth.setKeys({ session: { a: Buffer.from('1'), b: Buffer.from('2'), c: Buffer.from('3') } });
  auth.setKeys({ session: { a: null, b: undefined, d: Buffer.from('4') }, 'pre-key': { 5: null } });
  assert.deepEqual(auth.getKeys('session', ['a', 'b', 'c', 'd']), { c: Buffer.from('3'), d: Buffer.from('4') });
});

test('setKeys is all-or-nothing when a statement fails mid-batch', t => {
  const { db, authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  auth.setKeys({ session: { keep: Buffer.from('old'), gone: Buffer.from('old') } });
  // A TEMP trigger makes the 3rd insert of the next batch fail inside the transaction.
  db.exec(`CREATE TEMP TRIGGER poison AFTER INSERT ON main.wa_auth_keys WHEN NEW.id = 'poison'
           BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
  assert.throws(
    () => auth.setKeys({ session: { keep: Buffer.from('new'), gone: null, fresh: Buffer.from('x'), poison: Buffer.from('p') } }),
    /disk says no/,
  );
  assert.equal(db.isTransaction, false, 'rolled back, connection usable');
  assert.deepEqual(auth.getKeys('session', ['keep', 'gone', 'fresh', 'poison']), { keep: Buffer.from('old'), gone: Buffer.from('old') });
  db.exec('DROP TRIGGER temp.poison');
  auth.setKeys({ session: { fresh: Buffer.from('x') } });
  assert.deepEqual(auth.getKeys('session', ['fresh']), { fresh: Buffer.from('x') });
});

test('a COMMIT that fails is rolled back, leaving the shared connection usable', t => {
  const { db, authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  auth.setKeys({ session: { keep: Buffer.from('old') } });
  // A deferred foreign key is only checked at COMMIT; SQLite then keeps the transaction open.
  db.exec(`PRAGMA foreign_keys = ON;
    CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE child (pid INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TEMP TRIGGER fail_at_commit AFTER INSERT ON main.wa_auth_keys WHEN NEW.id = 'late'
    BEGIN INSERT INTO child VALUES (42); END;`);
  assert.throws(() => auth.setKeys({ session: { keep: Buffer.from('new'), late: Buffer.from('x') } }), /FOREIGN KEY/);
  assert.equal(db.isTransaction, false);
  assert.deepEqual(auth.getKeys('session', ['keep', 'late']), { keep: Buffer.from('old') });
  db.exec('DROP TRIGGER temp.fail_at_commit');
  auth.setKeys({ session: { after: Buffer.from('ok') } });
  assert.deepEqual(auth.getKeys('session', ['after']), { after: Buffer.from('ok') });
});

test('setKeys nests as a savepoint inside a caller transaction', t => {
  const { db, authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  db.exec('BEGIN');
  auth.setKeys({ session: { inner: Buffer.from('1') } });
  assert.equal(db.isTransaction, true, 'the caller still owns its transaction');
  db.exec('ROLLBACK');
  assert.deepEqual(auth.getKeys('session', ['inner']), {});
});

test('a process SIGKILLed inside a large setKeys transaction leaves the previous state intact', async t => {
  const { dbPath, quarantineDir, db, authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  const creds = initAuthCreds();
  auth.writeCreds(creds);
  const before = sampleKeys();
  auth.setKeys(before);
  auth.setKeys({ session: { 'old-keep': Buffer.from('original'), 'old-delete': Buffer.from('still here') } });
  db.close();

  const rows = 4000;
  const child = spawn(process.execPath, [path.join(here, '../fixtures/auth_db_crash_child.mjs'), dbPath, quarantineDir, String(rows), `new-${rows - 200}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', d => (err += d));
  const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child never reached the hook; stdout=${out} stderr=${err}`)), 10_000);
    child.stdout.on('data', d => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`child exited early; stdout=${out} stderr=${err}`));
    });
  });
  assert.equal(out.trim(), 'IN_TX true', 'killed while the write transaction was open');
  // The uncommitted batch has spilled from the page cache into the WAL file when the kill
  // lands, so recovery really has to discard uncommitted frames (not just lose memory).
  assert.ok(statSync(`${dbPath}-wal`).size > 1_000_000, 'uncommitted pages reached the WAL');
  child.kill('SIGKILL');
  assert.deepEqual(await exited, { code: null, signal: 'SIGKILL' });

  const db2 = openDb(dbPath);
  t.after(() => db2.isOpen && db2.close());
  const auth2 = new AuthDb(db2, { quarantineDir }).forSession('acc-1');
  assert.deepEqual(auth2.readCreds(), bytesAsBuffers(creds));
  for (const [type, byId] of Object.entries(before)) {
    if (type === 'app-state-sync-key') continue; // class instance; covered by the round-trip test
    assert.deepEqual(auth2.getKeys(type, Object.keys(byId)), bytesAsBuffers(byId), type);
  }
  assert.deepEqual(auth2.getKeys('session', ['old-keep', 'old-delete']), {
    'old-keep': Buffer.from('original'),
    'old-delete': Buffer.from('still here'),
  });
  const count = db2.prepare("SELECT count(*) AS n FROM wa_auth_keys WHERE id LIKE 'new-%'").get().n;
  assert.equal(count, 0, 'no row of the killed batch is visible');
  assert.deepEqual(auth2.getKeys('pre-key', ['99']), {});
  // No lock or half transaction survives the killed writer.
  auth2.setKeys({ session: { after: Buffer.from('ok') } });
  assert.deepEqual(auth2.getKeys('session', ['after']), { after: Buffer.from('ok') });
});

test('unreadable creds throw AuthCorruptError, are never replaced, and quarantine moves them out', t => {
  const { db, authDb, quarantineDir } = setup(t);
  const auth = authDb.forSession('acc-1');
  const other = authDb.forSession('acc-2');
  auth.writeCreds(initAuthCreds());
  auth.setKeys(sampleKeys());
  other.writeCreds(initAuthCreds());
  other.setKeys({ session: { s: Buffer.from('other') } });

  db.prepare("UPDATE wa_auth_creds SET data = ? WHERE session_id = 'acc-1'").run('{"noiseKey": garbage');
  assert.throws(() => auth.readCreds(), err => err instanceof AuthCorruptError && err.code === 'auth_corrupt' && err.sessionId === 'acc-1');
  assert.throws(() => makeBaileysAuthState(auth), AuthCorruptError);
  assert.equal(
    db.prepare("SELECT data FROM wa_auth_creds WHERE session_id = 'acc-1'").get().data,
    '{"noiseKey": garbage',
    'the unreadable row was not overwritten with fresh creds',
  );

  const file = auth.quarantine('creds row is not JSON');
  assert.equal(path.dirname(file), quarantineDir);
  assert.deepEqual(readdirSync(quarantineDir), [path.basename(file)], 'no temp file left behind');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(doc.format, 'jaga-auth-quarantine/1');
  assert.equal(doc.session_id, 'acc-1');
  assert.equal(doc.reason, 'creds row is not JSON');
  assert.ok(!Number.isNaN(Date.parse(doc.quarantined_at)));
  assert.equal(doc.creds, '{"noiseKey": garbage');
  assert.equal(doc.keys.length, Object.values(sampleKeys()).reduce((n, byId) => n + Object.keys(byId).length, 0));
  assert.ok(doc.keys.every(k => typeof k.type === 'string' && typeof k.id === 'string' && typeof k.data === 'string'));

  assert.equal(auth.hasCreds(), false);
  assert.equal(auth.readCreds(), null);
  assert.equal(db.prepare("SELECT count(*) AS n FROM wa_auth_keys WHERE session_id = 'acc-1'").get().n, 0);
  assert.equal(other.hasCreds(), true, 'other sessions untouched');
  assert.deepEqual(other.getKeys('session', ['s']), { s: Buffer.from('other') });

  // After quarantine the session can start fresh (a new link), which is now legitimate.
  const { state } = makeBaileysAuthState(auth);
  assert.equal(credsProblems(state.creds).length, 0);
  assert.equal(auth.hasCreds(), true);
});

test('parseable but inconsistent creds are corrupt too', t => {
  const { authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  const creds = initAuthCreds();
  auth.writeCreds({ ...creds, noiseKey: { public: Buffer.alloc(5), private: creds.noiseKey.private } });
  assert.throws(() => auth.readCreds(), /noiseKey is not a 32-byte key pair/);
  auth.writeCreds({ ...creds, registrationId: 'x', advSecretKey: '' });
  assert.throws(() => auth.readCreds(), /registrationId is not an integer.*advSecretKey is missing/);
});

test('an unreadable signal key row throws AuthCorruptError naming the key', t => {
  const { db, authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  auth.setKeys({ session: { good: Buffer.from('1'), bad: Buffer.from('2') } });
  db.prepare("UPDATE wa_auth_keys SET data = 'x{' WHERE id = 'bad'").run();
  assert.deepEqual(auth.getKeys('session', ['good']), { good: Buffer.from('1') });
  assert.throws(() => auth.getKeys('session', ['good', 'bad']), err => err instanceof AuthCorruptError && /session\/bad/.test(err.message));
});

test('wipe removes creds and keys of the session only', t => {
  const { authDb } = setup(t);
  const auth = authDb.forSession('acc-1');
  auth.writeCreds(initAuthCreds());
  auth.setKeys(sampleKeys());
  auth.wipe();
  assert.equal(auth.hasCreds(), false);
  for (const [type, byId] of Object.entries(sampleKeys())) assert.deepEqual(auth.getKeys(type, Object.keys(byId)), {});
});

test('makeBaileysAuthState: fresh creds only when none exist, stored at once; saveCreds persists mutations', async t => {
  const { authDb, quarantineDir } = setup(t);
  const auth = authDb.forSession('acc-1');
  const first = makeBaileysAuthState(auth);
  assert.equal(auth.hasCreds(), true, 'fresh creds are stored before any socket uses them');
  const second = makeBaileysAuthState(auth);
  assert.deepEqual(second.state.creds.noiseKey, first.state.creds.noiseKey, 'existing creds are reused, not regenerated');

  first.state.creds.me = { id: '628123456789:3@s.whatsapp.net', name: 'Toko' };
  await first.saveCreds();
  assert.equal(auth.readCreds().me.name, 'Toko');

  await first.state.keys.set({ session: { a: Buffer.from('1') }, 'app-state-sync-key': { k: { keyData: Buffer.alloc(32, 9) } } });
  const got = await first.state.keys.get('session', ['a', 'b']);
  assert.deepEqual(got, { a: Buffer.from('1') });
  const ask = await first.state.keys.get('app-state-sync-key', ['k']);
  assert.ok(ask.k instanceof proto.Message.AppStateSyncKeyData);
  await first.state.keys.clear();
  assert.deepEqual(await first.state.keys.get('session', ['a']), {});
  assert.equal(existsSync(quarantineDir), false, 'nothing was quarantined on the way');
});
