// Files that exist complete or not at all (temp file, fsync, rename, fsync of the folder),
// private to the user (0600 in a 0700 folder): quarantined auth state is secret material.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * @param {string} sessionId
 * @param {Date} when
 */
export function quarantineName(sessionId, when) {
  // No ':' in names (Windows); the random tail keeps two quarantines in one millisecond apart.
  const stamp = when.toISOString().replace(/[-:]/g, '').replace('.', '');
  const safeId = sessionId.replace(/[^A-Za-z0-9_-]/g, '_');
  return `auth-${safeId}-${stamp}-${randomBytes(3).toString('hex')}.json`;
}

/**
 * Writes a new file so that it either exists complete or not at all.
 * @param {string} dir
 * @param {string} name
 * @param {string} text
 * @returns {string} the final path
 */
export function writeFileAtomic(dir, name, text) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const final = path.join(dir, name);
  const tmp = `${final}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, final);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(dir);
  return final;
}

/** Makes the rename durable where the platform allows fsync on a directory (not Windows). */
function fsyncDir(dir) {
  if (process.platform === 'win32') return;
  let fd;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: some filesystems refuse fsync on directories; the file itself is synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
