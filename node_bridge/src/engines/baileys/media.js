// Media of the Baileys engine. Inbound: a protobuf media message → the bridge's
// descriptor, whose `ref` (the key and message as JSON) is all a download needs, now or
// after a restart. Downloads stream through Baileys' downloadMediaMessage WITHOUT its
// re-upload context (rc14's own re-upload check never fires, Baileys #2767): on 404/410
// the bridge (media/download.js) calls reuploadMedia, i.e. sock.updateMediaMessage, and
// tries again. Outbound: the store's file as `{url: path}`, which Baileys streams.
import { downloadMediaMessage, normalizeMessageContent, proto } from '@whiskeysockets/baileys';
import { withTimeout } from '../../sessions/util.js';

/** The phone has this long to upload an expired file again. */
const REUPLOAD_TIMEOUT_MS = 60_000;

/** @param {unknown} v  number, numeric string or protobuf Long @returns {number|null} */
function toNumber(v) {
  if (v == null) return null;
  const n = typeof v === 'object' && typeof (/** @type {any} */ (v).toNumber) === 'function'
    ? /** @type {any} */ (v).toNumber() : Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** @param {unknown} bytes @returns {string|null} */
function base64(bytes) {
  if (bytes instanceof Uint8Array && bytes.length) return Buffer.from(bytes).toString('base64');
  if (typeof bytes === 'string' && bytes) return bytes; // already base64 (a JSON round trip)
  return null;
}

/** @param {unknown} bytes @returns {string|null} lowercase hex of a 32-byte digest */
function hex(bytes) {
  const b64 = base64(bytes);
  const buf = b64 ? Buffer.from(b64, 'base64') : null;
  return buf && buf.length === 32 ? buf.toString('hex') : null;
}

/**
 * Which media a message carries, as the bridge names it.
 * @param {proto.IMessage} m  normalized content
 * @returns {{type: string, node: any}|null}
 */
function mediaNode(m) {
  if (m.imageMessage) return { type: 'image', node: m.imageMessage };
  if (m.videoMessage) return { type: 'video', node: m.videoMessage };
  if (m.ptvMessage) return { type: 'video', node: m.ptvMessage };
  if (m.audioMessage) return { type: m.audioMessage.ptt ? 'voice' : 'audio', node: m.audioMessage };
  if (m.documentMessage) return { type: 'document', node: m.documentMessage };
  if (m.stickerMessage) return { type: 'sticker', node: m.stickerMessage };
  return null;
}

/** @param {string} type */
const DEFAULT_MIME = (type) => ({ image: 'image/jpeg', video: 'video/mp4', audio: 'audio/mpeg', voice: 'audio/ogg; codecs=opus',
  document: 'application/octet-stream', sticker: 'image/webp' })[type] ?? 'application/octet-stream';

/**
 * The media descriptor of an inbound message, or null if it carries none.
 * @param {{key: proto.IMessageKey, message?: proto.IMessage | null}} msg
 */
export function mediaOf(msg) {
  const content = normalizeMessageContent(msg.message);
  const found = content ? mediaNode(content) : null;
  if (!found) return null;
  const { type, node } = found;
  return {
    type,
    mimetype: typeof node.mimetype === 'string' && node.mimetype ? node.mimetype : DEFAULT_MIME(type),
    size: toNumber(node.fileLength),
    file_name: type === 'document' && typeof node.fileName === 'string' ? node.fileName : null,
    caption: typeof node.caption === 'string' && node.caption ? node.caption : null,
    thumb_b64: type === 'image' || type === 'video' ? base64(node.jpegThumbnail) : null,
    sha256: hex(node.fileSha256),
    // What a download needs after a restart: the key and the message, as JSON (bytes in base64).
    ref: { key: { ...msg.key }, message: proto.Message.toObject(proto.Message.fromObject(msg.message ?? {}), { bytes: String, longs: String }) },
  };
}

/** @param {any} ref @returns {{key: proto.IMessageKey, message: proto.Message}} */
export function messageOfRef(ref) {
  return { key: ref.key, message: proto.Message.fromObject(ref.message) };
}

/**
 * The engine connection's media side.
 * @param {{sock: () => any, download?: typeof downloadMediaMessage, log: import('pino').Logger}} deps
 */
export function mediaHandlers({ sock, download = downloadMediaMessage, log }) {
  return {
    /** @param {any} ref @returns {Promise<AsyncIterable<Buffer>>} decrypted bytes, streamed */
    async downloadMedia(ref) {
      // No ctx: Baileys would try (and in rc14 skip) its own re-upload; media/download.js does it.
      return /** @type {any} */ (await download(/** @type {any} */ (messageOfRef(ref)), 'stream', {}));
    },

    /** @param {any} ref @returns {Promise<any>} the ref with the new place of the file */
    async reuploadMedia(ref) {
      const s = sock();
      if (!s) throw new Error('the WhatsApp connection is not open');
      log.info({ message_id: ref.key?.id }, 'asking the phone to upload the media again');
      const updated = await withTimeout(s.updateMediaMessage(messageOfRef(ref)), REUPLOAD_TIMEOUT_MS, 'media re-upload');
      return { key: ref.key, message: proto.Message.toObject(proto.Message.fromObject(updated.message), { bytes: String, longs: String }) };
    },
  };
}

/**
 * sendMessage content for a file of the store (streamed by Baileys from its path).
 * @param {import('../../media/outbound.js').LocatedMedia} media @param {string} caption
 */
export function outboundContent(media, caption) {
  const file = { url: media.path };
  const withCaption = caption ? { caption } : {};
  switch (media.type) {
    case 'image': return { image: file, mimetype: media.mimetype, ...withCaption };
    case 'video': return { video: file, mimetype: media.mimetype, ...withCaption };
    case 'audio': return { audio: file, mimetype: media.mimetype };
    case 'voice': return { audio: file, mimetype: 'audio/ogg; codecs=opus', ptt: true };
    case 'document': return { document: file, mimetype: media.mimetype, fileName: media.file_name ?? 'document', ...withCaption };
    default: throw Object.assign(new TypeError(`unsupported media type ${media.type}`), { code: 'bad_request' });
  }
}
