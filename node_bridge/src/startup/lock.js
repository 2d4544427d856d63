// One bridge per data folder. Two bridges on the same auth state would log the
// same WhatsApp device in twice and kick each other out (440) forever, so the
// folder is claimed with a lock file created atomically (O_EXCL) that holds the
// owner's pid and its start token (proc_identity.js). A lock whose pid is no longer
// alive, or is alive but is another process now (pid reused after a crash or power
// cut), or is alive but no Jaga bridge of this data folder (an older lock without a
// start token, naming whatever program has that pid now), is stale and is taken over,
// and the log says so.
import fs from 'node:fs';
import path from 'node:path';
import { isBridgeOf, processStartToken } from './proc_identity.js';

export const LOCK_FILE = 'bridge.lock';

/** A file being written by a starting bridge may be empty for a moment. */
const FRESH_EMPTY_MS = 2000;

export class LockHeldError extends Error {
  name = 'LockHeldError';

  /** @param {string} file @param {number|null} pid */
  constructor(file, pid) {
    super(pid
      ? `data folder is in use by another bridge (pid ${pid}, lock ${file})`
      : `data folder is being claimed by another bridge (lock ${file})`);
    this.pid = pid;
  }
}

/**
 * @param {number} pid
 * @returns {boolean}
 */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // a previous process of ours that had the same pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM'; // exists, not ours to signal
  }
}

/**
 * Why the lock's holder no longer holds it: null while it does (the process that wrote
 * it, alive, a bridge of this folder as far as this platform tells).
 * @param {{pid: number|null, start: string|null}} holder @param {string} dataDir
 * @returns {'dead'|'pid_reused'|'not_a_bridge_of_this_folder'|null}
 */
export function staleBecause(holder, dataDir) {
  if (holder.pid === null || !isAlive(holder.pid)) return 'dead';
  if (holder.start) {
    const now = processStartToken(holder.pid);
    // Unknown (platform, or the pid vanished just now): keep the conservative answer.
    if (now !== null && now !== holder.start) return 'pid_reused';
  }
  return isBridgeOf(holder.pid, dataDir) === false ? 'not_a_bridge_of_this_folder' : null;
}

/**
 * Claims `<dataDir>/bridge.lock` or throws LockHeldError.
 * @param {string} dataDir
 * @param {{warn: (obj: object, msg: string) => void}} [log]  told when a stale lock is taken over
 * @returns {{file: string, release(): void}}
 */
export function acquireLock(dataDir, log) {
  const file = path.join(dataDir, LOCK_FILE);
  const content = JSON.stringify({
    pid: process.pid, start: processStartToken(process.pid), started_at: new Date().toISOString(),
  });
  for (let tries = 0; tries < 5; tries += 1) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeSync(fd, content);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return { file, release: () => releaseLock(file) };
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(file);
    if (holder === undefined) continue; // vanished between open and read: try again
    let why = 'torn';
    if (holder.pid === null) {
      if (Date.now() - holder.mtimeMs < FRESH_EMPTY_MS) throw new LockHeldError(file, null);
    } else {
      const stale = staleBecause(holder, dataDir);
      if (stale === null) throw new LockHeldError(file, holder.pid);
      why = stale;
    }
    log?.warn({ lock: file, stale_pid: holder.pid, pid_reused: holder.pid !== null && isAlive(holder.pid), why },
      'stale bridge lock taken over');
    takeOverStale(file, holder.raw);
  }
  throw new LockHeldError(file, null);
}

/**
 * Moves a stale lock aside atomically, then checks that what was moved is the
 * stale lock we judged (not a fresh one another starting bridge wrote between
 * our read and our rename); a fresh one is put back.
 * @param {string} file
 * @param {string} staleRaw
 */
function takeOverStale(file, staleRaw) {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return;
    throw err;
  }
  const moved = safeRead(aside);
  if (moved === staleRaw) {
    fs.rmSync(aside, { force: true });
  } else {
    try {
      fs.linkSync(aside, file); // put it back unless someone claimed the name meanwhile
    } catch {
      // the name is taken again: that claimant wins; ours loops and sees it
    }
    fs.rmSync(aside, { force: true });
  }
}

/**
 * @param {string} file
 * @returns {{pid: number|null, start: string|null, raw: string, mtimeMs: number}|undefined}
 */
function readHolder(file) {
  let raw;
  let mtimeMs;
  try {
    raw = fs.readFileSync(file, 'utf8');
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return undefined;
    throw err;
  }
  let pid = null;
  let start = null;
  try {
    const parsed = JSON.parse(raw);
    if (Number.isInteger(parsed?.pid)) pid = parsed.pid;
    if (typeof parsed?.start === 'string' && parsed.start) start = parsed.start;
  } catch {
    // empty or torn: decided by age below
  }
  // An unparseable lock older than the grace period is a crash leftover: treat as dead pid 0.
  if (pid === null && raw.length > 0) pid = 0;
  return { pid, start, raw, mtimeMs };
}

/** @param {string} file */
function safeRead(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Removes the lock only if it is still ours.
 * @param {string} file
 */
function releaseLock(file) {
  const raw = safeRead(file);
  if (raw === null) return;
  try {
    if (JSON.parse(raw).pid !== process.pid) return;
  } catch {
    return;
  }
  fs.rmSync(file, { force: true });
}
