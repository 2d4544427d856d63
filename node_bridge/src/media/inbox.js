// Inbound media: the engine hands over a message with a media descriptor; it is kept in
// media_pending (bridge.sqlite3) at once, its bytes are streamed into the media store,
// and only then is message.in journaled, with the pending row removed in the same
// transaction. One download at a time per number, in arrival order; a download cut by a
// closed connection or a crash starts again at the next connect.
import { IDLE_TIMEOUT_MS, MediaUnavailableError, openMedia } from './download.js';
import { MediaTooLargeError, isDiskFull } from './store.js';
import { PendingMediaTable } from './pending.js';
import { errorText } from '../sessions/util.js';
import { TimerSet } from '../time/timer_set.js';

export const INBOUND_TYPES = new Set(['image', 'video', 'audio', 'voice', 'document', 'sticker']);
/** Failed downloads (network trouble) are tried this often before the message says "unavailable". */
export const MAX_ATTEMPTS = 4;
const RETRY_BASE_MS = 2000;
/** A full disk is the computer's problem, not the message's: try again, never give up. */
const DISK_FULL_RETRY_MS = 30_000;
/** Thumbnails are tiny JPEGs; anything bigger is not one. */
const MAX_THUMB_BYTES = 256 * 1024;

/** @typedef {import('../sessions/session.js').Session} Session */
/** @typedef {import('./pending.js').PendingMedia} PendingMedia */

export class MediaInbox {
  /**
   * @param {{store: import('../storage/store.js').Store, mediaStore: import('./store.js').MediaStore,
   *   limits: import('./limits.js').MediaLimits, log: import('pino').Logger, retryBaseMs?: number,
   *   idleMs?: number, diskFullRetryMs?: number}} deps
   */
  constructor({ store, mediaStore, limits, log, retryBaseMs = RETRY_BASE_MS, idleMs = IDLE_TIMEOUT_MS,
    diskFullRetryMs = DISK_FULL_RETRY_MS }) {
    this.idleMs = idleMs;
    this.diskFullRetryMs = diskFullRetryMs;
    this.store = store;
    this.files = mediaStore;
    this.limits = limits;
    this.log = log.child({ component: 'media-in' });
    this.retryBaseMs = retryBaseMs;
    this.pending = new PendingMediaTable(store.db);
    /** sessions draining now @type {Set<string>} */
    this.busy = new Set();
    /** sessions kicked while draining: drain again after @type {Set<string>} */
    this.again = new Set();
    this.timers = new TimerSet();
    this.closed = false;
  }

  /**
   * Takes a media message from the engine. Synchronous: once it returns, the message is
   * on disk (a redelivery while it is pending changes nothing); throws if it is not.
   * @param {Session} s @param {Record<string, any>} data  message.in without media @param {Record<string, any>} media
   */
  accept(s, data, media) {
    const descriptor = normalize(media);
    if (this.pending.add(s.id, data.message_id, data, descriptor)) {
      this.log.info({ session: s.id, message_id: data.message_id, type: descriptor.type, size: descriptor.size },
        'media message taken; downloading');
    }
    this.kick(s);
  }

  /** The session connected: fetch what is still pending. @param {Session} s */
  resume(s) {
    if (this.pending.list(s.id).length) this.kick(s);
  }

  /** @param {Session} s */
  kick(s) {
    if (this.closed) return;
    if (this.busy.has(s.id)) {
      this.again.add(s.id);
      return;
    }
    this.busy.add(s.id);
    setImmediate(() => {
      this.drain(s).catch((err) => {
        // e.g. the journal could not be written: the row is still pending; try again later
        this.log.error({ err, session: s.id }, 'media downloads stopped; trying again later');
        this.later(this.diskFullRetryMs, () => this.kick(s));
      }).finally(() => {
        this.busy.delete(s.id);
        if (this.again.delete(s.id)) this.kick(s);
      });
    });
  }

  /** @param {Session} s */
  async drain(s) {
    for (const row of this.pending.list(s.id)) {
      const conn = connectionOf(s);
      if (this.closed || s.disposed || !conn) return; // the next connect resumes
      const again = await this.fetch(s, conn, row);
      if (again !== null) {
        this.later(again, () => this.kick(s));
        return; // keep the order: the rest waits behind it
      }
    }
  }

  /**
   * One download. Returns null when the message was announced, or the delay before the
   * next try (a connection that closed meanwhile is resumed by the next connect instead).
   * @param {Session} s @param {any} conn @param {PendingMedia} row
   * @returns {Promise<number|null>}
   */
  async fetch(s, conn, row) {
    const { media } = row;
    const log = this.log.child({ session: s.id, message_id: row.message_id });
    const over = this.overLimit(media.size);
    if (over) return this.finish(s, row, { state: 'too_large', error: over });
    try {
      const source = await openMedia(conn, media, {
        log,
        idleMs: this.idleMs,
        onReuploaded: (updated) => this.pending.updateMedia(s.id, row.message_id, updated),
      });
      // An unknown size is bounded while streaming, by the file limit and by the room left.
      const room = Math.max(0, this.limits.maxTotalBytes - this.files.usedBytes());
      const maxBytes = Math.min(this.limits.maxFileBytes, room);
      const stored = await this.files.put(source, { maxBytes, expectSha256: media.sha256 });
      if (media.size != null && stored.size !== media.size) {
        log.warn({ declared: media.size, got: stored.size }, 'media size differs from what the message declared');
      }
      const thumb = await this.storeThumb(media, log);
      log.info({ sha256: stored.sha256, size: stored.size }, 'media stored');
      return this.finish(s, row, { state: 'stored', sha256: stored.sha256, size: stored.size, thumb_sha256: thumb });
    } catch (err) {
      if (err instanceof MediaTooLargeError) {
        return this.finish(s, row, { state: 'too_large', error: err.limit < this.limits.maxFileBytes
          ? `The media folder would grow past its limit of ${this.limits.maxTotalBytes} bytes.`
          : `The file is larger than the limit of ${this.limits.maxFileBytes} bytes.` });
      }
      const text = errorText(err);
      if (connectionOf(s) !== conn) {
        // Cut by the connection closing (a re-upload needs the phone too): not the file's fault.
        this.pending.failed(s.id, row.message_id, text, { counts: false });
        log.info({ err: text }, 'media download cut by the connection closing; resumed at the next connect');
        return null;
      }
      if (err instanceof MediaUnavailableError) {
        log.warn({ err: err.message }, 'media unavailable');
        return this.finish(s, row, { state: 'unavailable', error: err.message });
      }
      this.pending.failed(s.id, row.message_id, text, { counts: !isDiskFull(err) });
      if (isDiskFull(err)) {
        log.error({ code: /** @type {any} */ (err).code }, 'the disk is full; the media download waits for space');
        return this.diskFullRetryMs;
      }
      const attempts = row.attempts + 1;
      if (attempts >= MAX_ATTEMPTS) {
        log.warn({ err: text, attempts }, 'media download failed for good');
        return this.finish(s, row, { state: 'unavailable', error: `The download failed ${attempts} times (${text}).` });
      }
      log.warn({ err: text, attempts }, 'media download failed; trying again');
      return this.retryBaseMs * attempts;
    }
  }

  /** @param {number|null} size @returns {string|null} why it cannot be stored */
  overLimit(size) {
    if (size == null) return null;
    if (size > this.limits.maxFileBytes) return `The file is larger than the limit of ${this.limits.maxFileBytes} bytes.`;
    if (this.files.usedBytes() + size > this.limits.maxTotalBytes) {
      return `The media folder would grow past its limit of ${this.limits.maxTotalBytes} bytes.`;
    }
    return null;
  }

  /** @param {Record<string, any>} media @param {import('pino').Logger} log @returns {Promise<string|null>} */
  async storeThumb(media, log) {
    if (typeof media.thumb_b64 !== 'string' || !media.thumb_b64) return null;
    const bytes = Buffer.from(media.thumb_b64, 'base64');
    if (!bytes.length || bytes.length > MAX_THUMB_BYTES) return null;
    try {
      return (await this.files.putBuffer(bytes)).sha256;
    } catch (err) {
      log.warn({ err: errorText(err) }, 'could not store the thumbnail');
      return null;
    }
  }

  /**
   * Journals message.in with its media and forgets the pending row, in one transaction.
   * @param {Session} s @param {PendingMedia} row
   * @param {{state: string, sha256?: string, size?: number, thumb_sha256?: string|null, error?: string}} outcome
   * @returns {null}
   */
  finish(s, row, outcome) {
    if (s.disposed) return null; // shutting down: the row stays, the next start announces it
    const m = row.media;
    const media = {
      type: m.type,
      mimetype: m.mimetype,
      size: outcome.size ?? m.size ?? null,
      sha256: outcome.sha256 ?? null,
      file_name: m.file_name ?? null,
      caption: m.caption ?? null,
      state: outcome.state,
      error: outcome.error ?? null,
      thumb_sha256: outcome.thumb_sha256 ?? null,
    };
    const data = { ...row.data, text: m.caption ?? '', media };
    this.store.transaction(() => {
      this.pending.remove(s.id, row.message_id);
      s.hub.emitDurable('message.in', s.id, data, (ev) => { s.seq = ev.seq; });
    });
    return null;
  }

  /** @param {number} ms @param {() => void} fn */
  later(ms, fn) {
    this.timers.later(ms, fn);
  }

  close() {
    this.closed = true;
    this.timers.clear();
  }
}

/** @param {Session} s the live connection of a connected session, or null */
function connectionOf(s) {
  const att = s.att;
  return s.status === 'connected' && att?.conn && att.state === 'open' ? att.conn : null;
}

/**
 * What the engine said, in the shape kept in media_pending.
 * @param {Record<string, any>} media
 */
function normalize(media) {
  if (!INBOUND_TYPES.has(media?.type)) throw new TypeError(`unknown media type ${JSON.stringify(media?.type)}`);
  const size = Number.isSafeInteger(media.size) && media.size >= 0 ? media.size : null;
  const str = (/** @type {unknown} */ v) => (typeof v === 'string' && v ? v : null);
  return {
    type: media.type,
    mimetype: str(media.mimetype) ?? 'application/octet-stream',
    size,
    file_name: str(media.file_name),
    caption: str(media.caption),
    thumb_b64: str(media.thumb_b64),
    // the checksum the message announces (WhatsApp's fileSha256), checked before the file is kept
    sha256: typeof media.sha256 === 'string' && /^[0-9a-f]{64}$/.test(media.sha256) ? media.sha256 : null,
    ref: media.ref ?? null,
  };
}
