// Shared pieces of the media tests: putting a file into the store the way the app does,
// the bytes a seeded sim file holds, and reading what the bridge stored.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { seededChunks } from '../../src/engines/sim/media.js';

/** @param {Buffer} bytes */
export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** sha256 of the bytes the sim makes for (seed, size), computed here from the stream. @param {string} seed @param {number} size */
export function seededSha(seed, size) {
  const h = createHash('sha256');
  let n = 0;
  for (const c of seededChunks(seed, size)) {
    h.update(c);
    n += c.length;
  }
  if (n !== size) throw new Error('seeded size mismatch');
  return h.digest('hex');
}

/** Where a file of the store lives. @param {string} root @param {string} sha */
export const storePath = (root, sha) => path.join(root, sha.slice(0, 2), sha);

/**
 * Copies bytes into the store as the app does (temp file, rename). @param {string} root @param {Buffer} bytes
 * @returns {string} sha256
 */
export function putInStore(root, bytes) {
  const sha = sha256(bytes);
  const tmp = path.join(root, '.tmp', `app-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(path.dirname(tmp), { recursive: true });
  fs.writeFileSync(tmp, bytes);
  fs.mkdirSync(path.dirname(storePath(root, sha)), { recursive: true });
  fs.renameSync(tmp, storePath(root, sha));
  return sha;
}

/** sha256 of a stored file, read back from disk. @param {string} root @param {string} sha */
export function storedSha(root, sha) {
  return sha256(fs.readFileSync(storePath(root, sha)));
}

/** Files the bridge left in the store's temp folder. @param {string} root */
export const bridgeTemp = (root) => fs.readdirSync(path.join(root, '.tmp')).filter((n) => n.startsWith('bridge-'));
