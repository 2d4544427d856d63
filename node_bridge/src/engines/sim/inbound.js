// A customer's message as the test or demo hands it to the sim network (POST
// /sim/{id}/inbound), checked and shaped as the network delivers it.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../server/api_error.js';
import { parseSimMedia } from './media.js';
import { phoneArg } from './util.js';
import { lidArg } from './world.js';

const MESSAGE_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The delivery of messages[i], or a 400 naming what is wrong with it.
 * @param {any} m @param {number} i @param {(group: unknown) => string} groupArg  a group the world knows
 * @returns {import('./network.js').Delivery}
 */
export function inboundDelivery(m, i, groupArg) {
  const fromLid = m?.from_lid === undefined ? undefined : lidArg(m.from_lid, `messages[${i}].from_lid`);
  const from = fromLid && m?.from === undefined ? undefined : phoneArg(m?.from, `messages[${i}].from`);
  const media = m.media === undefined ? undefined : parseSimMedia(m.media, `messages[${i}].media`);
  // undecryptable: the number cannot decrypt it (a placeholder; a later copy may follow)
  if (m.undecryptable !== undefined && m.undecryptable !== true) throw new ApiError(400, 'bad_request', `messages[${i}].undecryptable must be true`);
  if (m.undecryptable) m = { ...m, text: m.text ?? '' };
  else if (media ? m.text !== undefined && typeof m.text !== 'string' : typeof m.text !== 'string' || !m.text) {
    throw new ApiError(400, 'bad_request', `messages[${i}].text must be a non-empty string`);
  }
  if (m.message_id !== undefined && (typeof m.message_id !== 'string' || !MESSAGE_ID_RE.test(m.message_id))) {
    throw new ApiError(400, 'bad_request', `messages[${i}].message_id must be 1-64 characters of A-Z a-z 0-9 _ -`);
  }
  if (m.kind !== undefined && m.kind !== 'notify' && m.kind !== 'append') {
    throw new ApiError(400, 'bad_request', `messages[${i}].kind must be notify or append`);
  }
  const group = m.group === undefined ? undefined : groupArg(m.group);
  return {
    type: 'message',
    message_id: m.message_id ?? `SIM${randomBytes(8).toString('hex').toUpperCase()}`,
    ...(from ? { from } : {}),
    ...(fromLid ? { from_lid: fromLid } : {}),
    ...(group ? { group } : {}),
    ...(typeof m.push_name === 'string' && m.push_name ? { push_name: m.push_name.slice(0, 100) } : {}),
    text: media ? (media.caption ?? m.text ?? '') : m.text,
    ...(media ? { media: { ...media, caption: media.caption ?? m.text } } : {}),
    kind: m.kind,
    ...(m.undecryptable ? { undecryptable: true } : {}),
    ...(Number.isSafeInteger(m.ephemeral_s) && m.ephemeral_s >= 0 ? { ephemeral_s: m.ephemeral_s } : {}),
    timestamp: new Date().toISOString(),
  };
}
