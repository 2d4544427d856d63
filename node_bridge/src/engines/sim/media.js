// The sim's media servers. Inbound: a message's bytes come with it (data_b64) or are
// made from a seed (size + seed: big deterministic files without a big request); a file
// marked expired answers 410 (a Boom, as Baileys throws it) until the client asks the
// phone to upload it again. Outbound: an upload is read from the bridge's media store,
// streamed and hashed, and recorded in sim_media_uploads with the message it belongs to.
import fs from 'node:fs';
import { createCipheriv, createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ApiError } from '../../server/api_error.js';

const INBOUND_TYPES = ['image', 'video', 'audio', 'voice', 'document', 'sticker'];
const CHUNK = 64 * 1024;
/** Seeded files up to this size (a test of the limits wants big ones; no request carries them). */
const MAX_SEEDED = 2 * 1024 * 1024 * 1024;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sim_media_uploads (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  type       TEXT NOT NULL,
  mimetype   TEXT NOT NULL,
  file_name  TEXT,
  sha256     TEXT NOT NULL,
  size       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sim_media_uploads_by_message ON sim_media_uploads (session_id, message_id);
`;

/**
 * @param {unknown} raw  messages[i].media of POST /sim/sessions/{id}/inbound
 * @param {string} where
 */
export function parseSimMedia(raw, where) {
  const bad = (/** @type {string} */ why) => new ApiError(400, 'bad_request', `${where}.${why}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError(400, 'bad_request', `${where} must be an object`);
  const m = /** @type {Record<string, any>} */ (raw);
  if (!INBOUND_TYPES.includes(m.type)) throw bad(`type must be one of ${INBOUND_TYPES.join(', ')}`);
  if (typeof m.mimetype !== 'string' || !m.mimetype.includes('/')) throw bad('mimetype must be a MIME type');
  for (const key of ['file_name', 'caption', 'thumb_b64']) {
    if (m[key] !== undefined && typeof m[key] !== 'string') throw bad(`${key} must be a string`);
  }
  let size;
  if (m.data_b64 !== undefined) {
    if (typeof m.data_b64 !== 'string') throw bad('data_b64 must be base64');
    size = Buffer.from(m.data_b64, 'base64').length;
  } else {
    if (!Number.isSafeInteger(m.size) || m.size < 0 || m.size > MAX_SEEDED) throw bad(`size must be 0..${MAX_SEEDED} (or give data_b64)`);
    if (typeof m.seed !== 'string' || !m.seed) throw bad('seed must be a non-empty string');
    size = m.size;
  }
  // declared_size: what the message claims (a lying sender), when it differs from the bytes
  const declared = m.declared_size === undefined ? size : m.declared_size;
  if (declared !== null && !Number.isSafeInteger(declared)) throw bad('declared_size must be a whole number or null');
  return {
    type: m.type,
    mimetype: m.mimetype,
    ...(m.file_name ? { file_name: m.file_name } : {}),
    ...(m.caption ? { caption: m.caption } : {}),
    ...(m.thumb_b64 ? { thumb_b64: m.thumb_b64 } : {}),
    ...(m.data_b64 !== undefined ? { data_b64: m.data_b64 } : { seed: m.seed }),
    size,
    declared_size: declared,
    expired: m.expired === true,
  };
}

/**
 * The descriptor the sim connection hands to the bridge (what Baileys' message carries).
 * @param {string} messageId @param {ReturnType<typeof parseSimMedia>} m
 */
export function engineMedia(messageId, m) {
  const { data_b64: data, seed, size, expired } = m;
  return {
    type: m.type,
    mimetype: m.mimetype,
    size: m.declared_size,
    file_name: m.file_name ?? null,
    caption: m.caption ?? null,
    thumb_b64: m.thumb_b64 ?? null,
    ref: { message_id: messageId, ...(data !== undefined ? { data_b64: data } : { seed }), size, expired },
  };
}

/** The same bytes for the same seed and size (AES-CTR keystream). @param {string} seed @param {number} size */
export function* seededChunks(seed, size) {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  for (let left = size; left > 0; left -= CHUNK) {
    yield cipher.update(left >= CHUNK ? zeros : zeros.subarray(0, left));
  }
}

/** A Boom as Baileys' getHttpStream throws it for an HTTP failure. @param {number} statusCode */
function httpError(statusCode) {
  return Object.assign(new Error('Failed to fetch stream from https://mmg.whatsapp.net/sim'), {
    isBoom: true, output: { statusCode, payload: { statusCode } }, data: { url: 'https://mmg.whatsapp.net/sim' },
  });
}

/**
 * @param {any} ref  from engineMedia
 * @param {{bps: number, alive: () => boolean}} opts  bytes per second (0: as fast as possible)
 * @returns {Readable}
 */
export function openDownload(ref, { bps, alive }) {
  if (ref?.expired) throw httpError(410);
  const chunks = ref.data_b64 !== undefined ? [Buffer.from(ref.data_b64, 'base64')] : seededChunks(ref.seed, ref.size);
  return Readable.from(paced(chunks, bps, alive), { objectMode: false });
}

/**
 * @param {Iterable<Buffer>|AsyncIterable<Buffer>} chunks
 * @param {number} bps @param {() => boolean} alive  false: the socket closed, the download breaks
 */
async function* paced(chunks, bps, alive) {
  for await (const chunk of chunks) {
    if (!alive()) throw new Error('the connection closed during the media transfer');
    if (bps > 0) await new Promise((r) => setTimeout(r, Math.ceil((chunk.length / bps) * 1000)));
    yield chunk;
  }
}

/**
 * Reads a file for upload as WhatsApp would receive it: streamed, hashed, paced. One
 * buffer is reused: the simulated servers live in the bridge's process, and their own
 * allocations must not be counted as the bridge's (bench media measures its RSS).
 * @param {string} file @param {{bps: number, alive: () => boolean}} opts
 * @returns {Promise<{sha256: string, size: number}>}
 */
export async function uploadFile(file, { bps, alive }) {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  const fh = await fs.promises.open(file, 'r');
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      if (!alive()) throw new Error('the connection closed during the media transfer');
      if (bps > 0) await new Promise((r) => setTimeout(r, Math.ceil((bytesRead / bps) * 1000)));
      hash.update(buf.subarray(0, bytesRead));
      size += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return { sha256: hash.digest('hex'), size };
}

export class SimMediaUploads {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    db.exec(SCHEMA);
    this.insertStmt = db.prepare(`INSERT INTO sim_media_uploads
      (session_id, message_id, type, mimetype, file_name, sha256, size) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.allStmt = db.prepare('SELECT * FROM sim_media_uploads ORDER BY id');
  }

  /** @param {string} sessionId @param {string} messageId @param {{type: string, mimetype: string, file_name: string|null, sha256: string, size: number}} m */
  record(sessionId, messageId, m) {
    this.insertStmt.run(sessionId, messageId, m.type, m.mimetype, m.file_name ?? null, m.sha256, m.size);
  }

  /** @returns {Map<string, object>} session + message id → what was uploaded */
  byMessage() {
    const out = new Map();
    for (const r of this.allStmt.all()) {
      out.set(`${r.session_id}\u0000${r.message_id}`, {
        type: String(r.type), mimetype: String(r.mimetype), file_name: r.file_name == null ? null : String(r.file_name),
        sha256: String(r.sha256), size: Number(r.size),
      });
    }
    return out;
  }
}
