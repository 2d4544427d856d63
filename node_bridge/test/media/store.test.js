// The content-addressed store on its own: complete files or nothing, limits while
// streaming, a full disk, and the sweep of a killed bridge's temp files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { MediaStore, MediaTooLargeError, isDiskFull } from '../../src/media/store.js';
import { keepPrivate } from '../../src/storage/private_files.js';
import { sha256 } from './helpers.js';

/** @param {import('node:test').TestContext} t */
function tempRoot(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-media-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'media');
}

/** @param {string} root */
const stored = (root) => fs.readdirSync(root).filter((d) => d !== '.tmp').flatMap((d) => fs.readdirSync(path.join(root, d)));

/** @param {Buffer[]} chunks @param {Error} [failAfter] */
async function* source(chunks, failAfter) {
  for (const c of chunks) yield c;
  if (failAfter) throw failAfter;
}

test('put streams into place under its sha256, private, and the same bytes are one file', async (t) => {
  const root = tempRoot(t);
  const store = new MediaStore(root);
  const chunks = [randomBytes(70_000), randomBytes(5), randomBytes(200_000)];
  const all = Buffer.concat(chunks);
  const a = await store.put(source(chunks));
  assert.deepEqual([a.sha256, a.size], [sha256(all), all.length]);
  assert.equal(a.path, path.join(root, a.sha256.slice(0, 2), a.sha256));
  assert.deepEqual(fs.readFileSync(a.path), all);
  assert.equal(fs.statSync(a.path).mode & 0o777, 0o600);
  const b = await store.putBuffer(all);
  assert.equal(b.path, a.path);
  assert.deepEqual(stored(root), [a.sha256]);
  assert.deepEqual(store.stat(a.sha256), { path: a.path, size: all.length });
  assert.equal(store.stat(sha256(Buffer.from('x'))), null);
  assert.equal(store.usedBytes(), all.length);
  assert.deepEqual(fs.readdirSync(path.join(root, '.tmp')), []);
});

test('over the limit while streaming, a failing source, or a full disk: nothing stored, no temp left', async (t) => {
  const root = tempRoot(t);
  const store = new MediaStore(root);
  await assert.rejects(store.put(source([randomBytes(600), randomBytes(600)]), { maxBytes: 1000 }), MediaTooLargeError);
  await assert.rejects(store.put(source([randomBytes(600)], new Error('connection reset'))), /connection reset/);

  // A full disk, simulated where the store writes: the first write fails with ENOSPC.
  const fullDisk = {
    /** @type {typeof fs.promises.open} */
    open: async (...args) => {
      const fh = await fs.promises.open(...args);
      return Object.assign(Object.create(fh), {
        write: async () => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); },
        sync: () => fh.sync(), close: () => fh.close(),
      });
    },
  };
  const onFullDisk = new MediaStore(root, { fsImpl: /** @type {any} */ (fullDisk) });
  const err = await onFullDisk.put(source([randomBytes(100)])).catch((e) => e);
  assert.ok(isDiskFull(err), String(err));
  assert.deepEqual(stored(root), []);
  assert.deepEqual(fs.readdirSync(path.join(root, '.tmp')), []);
});

test('a start sweeps only the bridge\'s own temp files (the app may be copying one right now)', (t) => {
  const root = tempRoot(t);
  const store = new MediaStore(root);
  fs.writeFileSync(path.join(root, '.tmp', 'bridge-0123'), 'partial');
  fs.writeFileSync(path.join(root, '.tmp', 'app-copy-9'), 'the app is writing this');
  assert.equal(store.sweepTemp(), 1);
  assert.deepEqual(fs.readdirSync(path.join(root, '.tmp')), ['app-copy-9']);
});

test('a long stream asks for a young-generation collection every 8 MiB (its chunks are garbage at once)', async (t) => {
  const root = tempRoot(t);
  let collections = 0;
  const store = new MediaStore(root, { collect: () => { collections += 1; } });
  const chunk = Buffer.alloc(1024 * 1024, 7);
  await store.put(source(Array.from({ length: 20 }, () => chunk)));
  assert.equal(collections, 2);
});

test('the start-up privacy sweep keeps the store\'s folders enterable (media/ inside the bridge folder)', { skip: process.platform === 'win32' }, async (t) => {
  const root = tempRoot(t);
  const dataDir = path.dirname(root);
  const stored = await new MediaStore(root).putBuffer(randomBytes(10));
  const sub = path.dirname(stored.path);
  fs.chmodSync(sub, 0o755);
  keepPrivate(dataDir);
  assert.equal(fs.statSync(sub).mode & 0o777, 0o700, 'a folder stays a folder one can enter');
  assert.equal(fs.statSync(path.join(root, '.tmp')).mode & 0o777, 0o700);
  assert.equal(fs.statSync(stored.path).mode & 0o777, 0o600);
});
