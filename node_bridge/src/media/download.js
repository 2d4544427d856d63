// Opening an inbound file for download, with WhatsApp's expiry rule: the media servers
// drop a file after a while and answer 404/410; the phone can upload it again on request
// (Baileys' updateMediaMessage), then the download is tried once more.
// Baileys rc14 tests `error.status` while its errors are Booms carrying
// `output.statusCode`, so its own re-upload path never runs (Baileys #2767): the status
// is read here from every shape an engine may throw.
import { errorText } from '../session_util.js';

export const REUPLOAD_STATUSES = new Set([404, 410]);

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
 * @param {{log: import('pino').Logger, onReuploaded: (media: Record<string, any>) => void}} opts
 * @returns {Promise<AsyncIterable<Buffer>>}
 */
export async function openMedia(conn, media, { log, onReuploaded }) {
  try {
    return await conn.downloadMedia(media.ref);
  } catch (err) {
    if (!REUPLOAD_STATUSES.has(/** @type {number} */ (httpStatusOf(err)))) throw err;
    log.info({ status: httpStatusOf(err) }, 'media expired on the server; asking the phone to upload it again');
  }
  let ref;
  try {
    ref = await conn.reuploadMedia(media.ref);
  } catch (err) {
    throw new MediaUnavailableError(
      `WhatsApp no longer has this file and the phone did not send it again (${errorText(err)}).`);
  }
  onReuploaded({ ...media, ref });
  try {
    return await conn.downloadMedia(ref);
  } catch (err) {
    if (REUPLOAD_STATUSES.has(/** @type {number} */ (httpStatusOf(err)))) {
      throw new MediaUnavailableError(`WhatsApp no longer has this file, even after the phone sent it again (HTTP ${httpStatusOf(err)}).`);
    }
    throw err;
  }
}
