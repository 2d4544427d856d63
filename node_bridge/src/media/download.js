// Opening an inbound file for download, with WhatsApp's expiry rule: the media servers
// drop a file after a while and answer 404/410; the phone can upload it again on request
// (Baileys' updateMediaMessage), then the download is tried once more.
// Baileys rc14 tests `error.status` while its errors are Booms carrying
// `output.statusCode`, so its own re-upload path never runs (Baileys #2767): the status
// is read here from every shape an engine may throw.
import { errorText, withTimeout } from '../sessions/util.js';

export const REUPLOAD_STATUSES = new Set([404, 410]);
/** A download that sends nothing for this long is stalled: dropped and tried again. */
export const IDLE_TIMEOUT_MS = 60_000;

/** The download failed for good: the message is announced as unavailable with this reason. */
export class MediaUnavailableError extends Error {
  name = 'MediaUnavailableError';
}

/** @param {unknown} err @returns {number|null} the HTTP status an engine error carries */
export function httpStatusOf(err) {
  const e = /** @type {any} */ (err);
  const status = e?.output?.statusCode ?? e?.status ?? e?.statusCode;
  return Number.isInteger(status) ? status : null;
}

/**
 * @typedef {object} MediaConnection  what an engine connection offers for inbound media
 * @property {(ref: any) => Promise<AsyncIterable<Buffer>>} downloadMedia  the decrypted bytes, streamed
 * @property {(ref: any) => Promise<any>} reuploadMedia  asks the phone to upload again; the new ref
 */

/**
 * @param {MediaConnection} conn
 * @param {Record<string, any>} media  the engine's descriptor (its `ref` says where the bytes are)
 * @param {{log: import('pino').Logger, onReuploaded: (media: Record<string, any>) => void, idleMs?: number}} opts
 * @returns {Promise<AsyncIterable<Buffer>>}
 */
export async function openMedia(conn, media, { log, onReuploaded, idleMs = IDLE_TIMEOUT_MS }) {
  const open = async (/** @type {any} */ ref) => guardIdle(await withTimeout(conn.downloadMedia(ref), idleMs, 'media download'), idleMs);
  try {
    return await open(media.ref);
  } catch (err) {
    if (!REUPLOAD_STATUSES.has(/** @type {number} */ (httpStatusOf(err)))) throw err;
    log.info({ status: httpStatusOf(err) }, 'media expired on the server; asking the phone to upload it again');
  }
  let ref;
  try {
    ref = await conn.reuploadMedia(media.ref);
  } catch (err) {
    // No answer (the phone is off): tried again later, like a network failure.
    if (/** @type {any} */ (err)?.code === 'ETIMEDOUT') throw err;
    throw new MediaUnavailableError(
      `WhatsApp no longer has this file and the phone did not send it again (${errorText(err)}).`);
  }
  onReuploaded({ ...media, ref });
  try {
    return await open(ref);
  } catch (err) {
    if (REUPLOAD_STATUSES.has(/** @type {number} */ (httpStatusOf(err)))) {
      throw new MediaUnavailableError(`WhatsApp no longer has this file, even after the phone sent it again (HTTP ${httpStatusOf(err)}).`);
    }
    throw err;
  }
}

/**
 * The bytes of `source`, failing if none come for `ms` (a stalled server must not block
 * the number's downloads for ever). The source is stopped whatever ends the reading.
 * @param {AsyncIterable<Buffer>} source @param {number} ms
 * @returns {AsyncGenerator<Buffer>}
 */
export async function* guardIdle(source, ms) {
  const it = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      /** @type {NodeJS.Timeout|undefined} */
      let timer;
      const stalled = new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`no data for ${Math.round(ms / 1000)} s`),
          { code: 'ETIMEDOUT' })), ms);
      });
      let step;
      try {
        step = await Promise.race([it.next(), stalled]);
      } finally {
        clearTimeout(timer);
      }
      if (/** @type {IteratorResult<Buffer>} */ (step).done) return;
      yield /** @type {IteratorResult<Buffer>} */ (step).value;
    }
  } finally {
    const s = /** @type {any} */ (source);
    if (typeof s.destroy === 'function') s.destroy();
  }
}
