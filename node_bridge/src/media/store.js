// The content-addressed media store shared with the app: a file is
// <root>/<sha256[0:2]>/<sha256>. Writers stream into <root>/.tmp/, hashing as they go,
// fsync, then rename: a file at its final path is always complete and correct, and the
// same bytes are the same file. The bridge's temp files carry the "bridge-" prefix so a
// start can sweep its own leftovers (a kill -9 mid-download) without touching a copy
// the app is writing at that moment.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

export const SHA256_RE = /^[0-9a-f]{64}$/;
const TMP_PREFIX = 'bridge-';
/** A collection is asked for after this many bytes streamed (see `collect`). */
const COLLECT_EVERY = 8 * 1024 * 1024;

/** The bytes went over a limit while streaming: nothing was stored. */
export class MediaTooLargeError extends Error {
  name = 'MediaTooLargeError';
  code = 'media_too_large';
  /** @param {number} limit */
  constructor(limit) {
    super(`the file is larger than the limit of ${limit} bytes`);
    this.limit = limit;
  }
}

/** The bytes are not the ones the message announced (its sha256 differs): nothing was stored. */
export class MediaCorruptError extends Error {
  name = 'MediaCorruptError';
  code = 'media_corrupt';
}

/**
 * @typedef {{open: typeof fs.promises.open}} StoreFs  the seam a test uses to simulate a full disk
 */

export class MediaStore {
  /**
   * @param {string} root absolute
   * @param {{fsImpl?: StoreFs, collect?: () => void}} [opts]  collect: a young-generation
   *   garbage collection. A stream's chunks die young but V8 frees their memory only when
   *   64 MiB of it piled up: a big file would grow RSS by that much without it.
   */
  constructor(root, { fsImpl = fs.promises, collect = () => {} } = {}) {
    this.root = root;
    this.collect = collect;
    this.tmpDir = path.join(root, '.tmp');
    this.fs = fsImpl;
    fs.mkdirSync(this.tmpDir, { recursive: true, mode: 0o700 });
  }

  /** Removes temp files a killed bridge left behind (never the app's). @returns {number} removed */
  sweepTemp() {
    let removed = 0;
    for (const name of fs.readdirSync(this.tmpDir)) {
      if (!name.startsWith(TMP_PREFIX)) continue;
      fs.rmSync(path.join(this.tmpDir, name), { force: true });
      removed += 1;
    }
    return removed;
  }

  /** @param {string} sha256 lowercase hex */
  pathOf(sha256) {
    if (!SHA256_RE.test(sha256)) throw new TypeError('not a sha256 hex digest');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** @param {string} sha256 @returns {{path: string, size: number}|null} the stored file, or null */
  stat(sha256) {
    const file = this.pathOf(sha256);
    try {
      const st = fs.statSync(file);
      return st.isFile() ? { path: file, size: st.size } : null;
    } catch (err) {
      if (/** @type {any} */ (err).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Bytes in the store now (the app's files included): what the total limit counts. */
  usedBytes() {
    let total = 0;
    for (const dir of fs.readdirSync(this.root, { withFileTypes: true })) {
      if (!dir.isDirectory() || !/^[0-9a-f]{2}$/.test(dir.name)) continue;
      const sub = path.join(this.root, dir.name);
      for (const name of fs.readdirSync(sub)) {
        try {
          total += fs.statSync(path.join(sub, name)).size;
        } catch {
          // removed meanwhile
        }
      }
    }
    return total;
  }

  /**
   * Streams `source` into the store. Over `maxBytes` it stops and throws
   * MediaTooLargeError; any failure (a full disk included) leaves nothing behind.
   * @param {AsyncIterable<Buffer|Uint8Array>} source
   * @param {{maxBytes?: number, expectSha256?: string|null}} [opts]  expectSha256: refuse other bytes
   * @returns {Promise<{sha256: string, size: number, path: string}>}
   */
  async put(source, { maxBytes = Infinity, expectSha256 = null } = {}) {
    const tmp = path.join(this.tmpDir, `${TMP_PREFIX}${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    let sinceCollect = 0;
    const fh = await this.fs.open(tmp, 'wx', 0o600);
    let closed = false;
    try {
      for await (const chunk of source) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        size += buf.length;
        if (size > maxBytes) throw new MediaTooLargeError(maxBytes);
        hash.update(buf);
        let off = 0;
        while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
        sinceCollect += buf.length;
        if (sinceCollect >= COLLECT_EVERY) {
          sinceCollect = 0;
          this.collect();
        }
      }
      await fh.sync();
      closed = true;
      await fh.close();
      const sha256 = hash.digest('hex');
      if (expectSha256 && sha256 !== expectSha256) {
        throw new MediaCorruptError(`the bytes received do not match the file's checksum (got ${sha256.slice(0, 12)}…)`);
      }
      const final = this.pathOf(sha256);
      const dir = path.dirname(final);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.renameSync(tmp, final); // same bytes already there: replaced by identical bytes
      fsyncDir(dir);
      return { sha256, size, path: final };
    } catch (err) {
      if (!closed) await fh.close().catch(() => {});
      fs.rmSync(tmp, { force: true });
      const s = /** @type {any} */ (source);
      if (typeof s.destroy === 'function') s.destroy();
      throw err;
    }
  }

  /** @param {Buffer} bytes @param {{maxBytes?: number}} [opts] */
  putBuffer(bytes, opts) {
    return this.put([bytes], opts);
  }
}

/** @param {string} dir */
function fsyncDir(dir) {
  if (process.platform === 'win32') return;
  let fd;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort: the file itself is synced
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** @param {unknown} err  a full disk (or quota): worth retrying later, not the message's fault */
export function isDiskFull(err) {
  const code = /** @type {any} */ (err)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
