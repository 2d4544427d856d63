// The inbox's events of one session (docs/bridge-api.md, "Inbox"): reads made on the
// phone, the names customers give themselves, and WhatsApp Business labels. Each is
// journaled (durable) like message.in, so an app that was away still hears it. And the
// label actions the app asks for, through the session's live connection.
import { ApiError, badRequest } from '../server/api_error.js';
import * as edges from './edges.js';

const LABEL_ID_RE = /^[0-9]{1,9}$/;
const MAX_NAME = 100;
const MAX_READ_IDS = 500;

/**
 * The engine callbacks of the inbox (both engines call them in the same shapes).
 * @param {any} session a Session
 */
export function inboxCallbacks(session) {
  return {
    chatRead: (/** @type {any} */ r) => session.guard(() => chatRead(session, r)),
    contactName: (/** @type {any} */ n) => session.guard(() => contactName(session, n)),
    labelEdit: (/** @type {any} */ l) => session.guard(() => labelEdit(session, l)),
    labelAssociation: (/** @type {any} */ a) => session.guard(() => labelAssociation(session, a)),
  };
}

/** @param {any} s @param {string} type @param {object} data */
function emit(s, type, data) {
  if (s.disposed) return;
  s.hub.emitDurable(type, s.id, { session_id: s.id, ...data }, (ev) => { s.seq = ev.seq; });
}

/** @param {unknown} value @returns {string|null} */
function text(value) {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * The owner read a chat on the phone: up to the messages named, or all of it (ids null).
 * @param {any} s @param {{chat?: unknown, message_ids?: unknown}} r
 */
export function chatRead(s, r) {
  const chat = text(r?.chat);
  if (!chat) return;
  const ids = Array.isArray(r.message_ids)
    ? [...new Set(r.message_ids.filter((id) => typeof id === 'string' && id))].slice(-MAX_READ_IDS)
    : null;
  if (ids && ids.length === 0) return;
  emit(s, 'chat.read', { chat: edges.resolveChat(s, chat), message_ids: ids });
}

/**
 * The name a customer gave themselves (push name): told when it changes, not per message.
 * @param {any} s @param {{chat?: unknown, name?: unknown}} n
 */
export function contactName(s, n) {
  const chat = text(n?.chat);
  const name = text(n?.name)?.slice(0, MAX_NAME);
  if (!chat || !name || chat.endsWith('@g.us')) return;
  const resolved = edges.resolveChat(s, chat);
  s.names ??= new Map();
  if (s.names.get(resolved) === name) return;
  s.names.set(resolved, name);
  emit(s, 'chat.name', { chat: resolved, name });
}

/** @param {any} s @param {{id?: unknown, name?: unknown, color?: unknown, deleted?: unknown, predefinedId?: unknown}} l */
export function labelEdit(s, l) {
  const id = typeof l?.id === 'string' || typeof l?.id === 'number' ? String(l.id) : '';
  if (!LABEL_ID_RE.test(id)) return;
  const color = Number.isInteger(l.color) ? l.color : 0;
  emit(s, 'label.edit', {
    label: { id, name: typeof l.name === 'string' ? l.name.slice(0, MAX_NAME) : '', color,
      deleted: !!l.deleted, predefined_id: l.predefinedId == null ? null : String(l.predefinedId) },
  });
}

/** @param {any} s @param {{label_id?: unknown, chat?: unknown, labeled?: unknown}} a */
export function labelAssociation(s, a) {
  const labelId = String(a?.label_id ?? '');
  const chat = text(a?.chat);
  if (!LABEL_ID_RE.test(labelId) || !chat) return;
  emit(s, 'label.chat', { label_id: labelId, chat: edges.resolveChat(s, chat), labeled: !!a.labeled });
}

// ---- the app's label actions (PUT /sessions/{id}/labels/...) ------------------------

/** @param {unknown} raw */
export function labelIdArg(raw) {
  if (typeof raw !== 'string' || !LABEL_ID_RE.test(raw)) throw badRequest('A label id is a whole number such as "3".');
  return raw;
}

/** @param {unknown} raw @returns {{name: string, color: number, deleted: boolean}} */
export function parseLabel(raw) {
  const body = /** @type {Record<string, unknown>} */ (raw ?? {});
  const deleted = body.deleted === undefined ? false : body.deleted;
  if (typeof deleted !== 'boolean') throw badRequest('deleted must be true or false.');
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!deleted && (!name || name.length > MAX_NAME)) throw badRequest(`name must be 1 to ${MAX_NAME} characters.`);
  if (!Number.isInteger(body.color) || /** @type {number} */ (body.color) < 0 || /** @type {number} */ (body.color) > 99) {
    throw badRequest('color must be a whole number (WhatsApp\'s colour index).');
  }
  return { name, color: /** @type {number} */ (body.color), deleted };
}

/**
 * @param {any} session @param {string} method the connection's action
 * @param {object} args
 */
export async function labelAction(session, method, args) {
  const att = session.att;
  if (session.status !== 'connected' || !att?.conn || att.state !== 'open') throw session.notConnected();
  if (typeof att.conn[method] !== 'function') {
    throw new ApiError(501, 'not_supported', 'This engine cannot change WhatsApp labels.');
  }
  await att.conn[method](args);
}
