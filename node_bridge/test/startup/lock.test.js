import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE, LockHeldError, acquireLock, isAlive } from '../../src/startup/lock.js';
import { isBridgeOf, processStartToken } from '../../src/startup/proc_identity.js';
import { harness } from '../helpers.js';

/** @param {import('node:test').TestContext} t */
function tmp(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-lock-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A pid that surely belongs to no live process: a child that has exited. */
function deadPid() {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

test('lock: claims the folder, writes our pid, releases only its own file', (t) => {
  const dir = tmp(t);
  const lock = acquireLock(dir);
  const file = path.join(dir, LOCK_FILE);
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid);
  lock.release();
  assert.equal(fs.existsSync(file), false);

  fs.writeFileSync(file, JSON.stringify({ pid: process.ppid }));
  lock.release(); // not ours any more: must stay
  assert.equal(fs.existsSync(file), true);
});

test('lock: a live bridge of this folder holds it; for another folder its lock is stale', async (t) => {
  const h = harness(t);
  const dir = h.tempDir();
  const b = await h.start({ dataDir: dir });
  const held = fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8');
  assert.throws(() => acquireLock(dir), (err) => err instanceof LockHeldError && err.pid === b.pid);
  if (isBridgeOf(b.pid, dir) === null) return t.skip('this platform cannot tell what a pid is');
  // The same lock copied into another folder names a bridge that serves this one, not that.
  const other = tmp(t);
  fs.writeFileSync(path.join(other, LOCK_FILE), held);
  const warnings = [];
  const lock = acquireLock(other, { warn: (obj, msg) => warnings.push({ ...obj, msg }) });
  assert.deepEqual(warnings.map((w) => [w.why, w.stale_pid]), [['not_a_bridge_of_this_folder', b.pid]]);
  lock.release();
});

test('lock: an older lock without a start token naming a live program that is no bridge is taken over, and said', (t) => {
  // Seen failing against: the pid alone judged (kill(pid, 0) said "alive"): the bridge
  // refused to start for as long as that program ran, and the app went to FATAL.
  const dir = tmp(t);
  const file = path.join(dir, LOCK_FILE);
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  t.after(() => other.kill('SIGKILL'));
  assert.ok(isAlive(/** @type {number} */ (other.pid)));
  if (isBridgeOf(/** @type {number} */ (other.pid), dir) === null) return t.skip('this platform cannot tell what a pid is');
  fs.writeFileSync(file, JSON.stringify({ pid: other.pid }));
  const warnings = [];
  const lock = acquireLock(dir, { warn: (obj, msg) => warnings.push({ ...obj, msg }) });
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid);
  assert.deepEqual(warnings.map((w) => [w.msg, w.why, w.stale_pid]),
    [['stale bridge lock taken over', 'not_a_bridge_of_this_folder', other.pid]]);
  assert.equal(other.exitCode, null, 'the program that has the pid is left alone');
  lock.release();
});

test('lock: a dead holder, a torn file and an old empty file are stale and taken over', (t) => {
  const dir = tmp(t);
  const file = path.join(dir, LOCK_FILE);
  const pid = deadPid();
  assert.equal(isAlive(pid), false);
  for (const content of [JSON.stringify({ pid }), '{"pi', '']) {
    fs.writeFileSync(file, content);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    const lock = acquireLock(dir);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid, `took over ${JSON.stringify(content)}`);
    lock.release();
  }
  assert.deepEqual(fs.readdirSync(dir), [], 'no stale copies left behind');
});

test('lock: an empty file being written right now is respected', (t) => {
  const dir = tmp(t);
  fs.writeFileSync(path.join(dir, LOCK_FILE), '');
  assert.throws(() => acquireLock(dir), LockHeldError);
});

test('lock: a live pid that is another process now (pid reused) is stale and taken over, and said', (t) => {
  const dir = tmp(t);
  const file = path.join(dir, LOCK_FILE);
  assert.ok(isAlive(process.ppid));
  const real = processStartToken(process.ppid);
  if (real === null) return t.skip('no process start times on this platform');
  // Same pid, other start: the bridge that wrote it died and the pid went to someone else.
  for (const start of [`${real}9`, 'linux:another-boot:12345']) {
    fs.writeFileSync(file, JSON.stringify({ pid: process.ppid, start }));
    const warnings = [];
    const lock = acquireLock(dir, { warn: (obj, msg) => warnings.push({ ...obj, msg }) });
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].stale_pid, process.ppid);
    assert.equal(warnings[0].pid_reused, true);
    lock.release();
  }
});

test('lock: our own lock records our start token', (t) => {
  const dir = tmp(t);
  const lock = acquireLock(dir);
  const held = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
  assert.equal(held.start, processStartToken(process.pid));
  if (process.platform === 'linux') assert.match(held.start, /^linux:[0-9a-f-]+:\d+$/);
  lock.release();
});
