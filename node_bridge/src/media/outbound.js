// The `media` of POST /sessions/{id}/messages: checked in shape first (400), then found
// in the store (422). The bridge never takes bytes over HTTP: the app copies the file into
// the store before it accepts the message, and the engine streams it from there.
import path from 'node:path';
import { ApiError, badRequest } from '../server/api_error.js';
import { SHA256_RE } from './store.js';

export const OUTBOUND_TYPES = ['image', 'video', 'audio', 'voice', 'document'];
const MIMETYPE_RE = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*(\s*;.*)?$/i;
const MAX_FILE_NAME = 255;

/**
 * @typedef {{type: string, sha256: string, mimetype: string, file_name: string|null}} OutboundMedia
 * @typedef {OutboundMedia & {path: string, size: number}} LocatedMedia
 */

/**
 * @param {unknown} raw  body.media
 * @param {unknown} [caption]  body.text
 * @returns {OutboundMedia|null}
 */
export function parseOutboundMedia(raw, caption) {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('media must be an object {type, sha256, mimetype, file_name?}');
  const m = /** @type {Record<string, unknown>} */ (raw);
  if (typeof m.type !== 'string' || !OUTBOUND_TYPES.includes(m.type)) {
    throw badRequest(`media.type must be one of ${OUTBOUND_TYPES.join(', ')} (unsupported: ${JSON.stringify(m.type)})`);
  }
  if (typeof m.sha256 !== 'string' || !SHA256_RE.test(m.sha256)) {
    throw badRequest('media.sha256 must be the lowercase hex SHA-256 of the file (64 characters)');
  }
  if (typeof m.mimetype !== 'string' || m.mimetype.length > 255 || !MIMETYPE_RE.test(m.mimetype)) {
    throw badRequest('media.mimetype must be a MIME type such as image/jpeg');
  }
  const mime = m.mimetype.toLowerCase();
  const family = mime.split('/')[0];
  if ((m.type === 'image' && family !== 'image') || (m.type === 'video' && family !== 'video')
    || (m.type === 'audio' && family !== 'audio')) {
    throw badRequest(`media.mimetype ${m.mimetype} does not fit media.type ${m.type}`);
  }
  // WhatsApp plays voice notes as Opus in Ogg only; anything else would arrive unplayable.
  if (m.type === 'voice' && !/^audio\/ogg\b/.test(mime)) {
    throw badRequest('a voice note must be Ogg/Opus audio (media.mimetype audio/ogg; codecs=opus)');
  }
  // WhatsApp shows no caption under audio: it would be lost without a word.
  if ((m.type === 'audio' || m.type === 'voice') && typeof caption === 'string' && caption.length) {
    throw badRequest(`a ${m.type === 'voice' ? 'voice note' : 'audio file'} has no caption; send the text as its own message`);
  }
  let fileName = null;
  if (m.file_name !== undefined && m.file_name !== null) {
    if (typeof m.file_name !== 'string' || !m.file_name.trim() || m.file_name.length > MAX_FILE_NAME) {
      throw badRequest(`media.file_name must be 1-${MAX_FILE_NAME} characters`);
    }
    fileName = path.basename(m.file_name.replaceAll('\\', '/')).trim() || null;
  }
  return {
    type: m.type,
    sha256: m.sha256,
    mimetype: m.type === 'voice' ? 'audio/ogg; codecs=opus' : m.mimetype,
    file_name: fileName ?? (m.type === 'document' ? 'document' : null),
  };
}

/**
 * The file in the store, checked against the limits now in force.
 * @param {import('./store.js').MediaStore} store
 * @param {import('./limits.js').MediaLimits} limits
 * @param {OutboundMedia} media
 * @returns {LocatedMedia}
 */
export function locateOutboundMedia(store, limits, media) {
  const found = store.stat(media.sha256);
  if (!found) {
    throw new ApiError(422, 'media_missing', `The file ${media.sha256} is not in the media folder; copy it there before sending.`);
  }
  if (found.size === 0) throw new ApiError(422, 'media_empty', 'The file is empty; there is nothing to send.');
  if (found.size > limits.maxFileBytes) {
    throw new ApiError(422, 'media_too_large',
      `The file is ${found.size} bytes, over the limit of ${limits.maxFileBytes} bytes.`);
  }
  return { ...media, path: found.path, size: found.size };
}
