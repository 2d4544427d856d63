// The session manager: sessions keyed by account id, started idempotently
// (a running session is returned as is, never duplicated), and the send path
// whose client_id record in bridge.sqlite3 makes a retry safe even across a
// bridge crash.
import { ApiError, badRequest, sessionNotFound } from '../server/api_error.js';
import { hashText } from '../storage/store.js';
import { ALL_STATUSES, Session } from './session.js';
import { SESSION_DEFAULTS, SESSION_OPTIONS, SIM_OPTIONS, validateOptions } from '../config/session_options.js';
import { MAX_TEXT } from '../config/limits.js';
import { locateOutboundMedia, parseOutboundMedia } from '../media/outbound.js';
import { PacingGate } from '../pacing/gate.js';
import { markSeen, parseQuoted, parseSeen } from '../send/extras.js';
import { errorOf, failedSend, parseBatch } from '../send/batch.js';
import { SendPath } from '../send/path.js';

export const SESSION_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const CLIENT_ID_RE = /^[A-Za-z0-9_.:-]{1,128}$/;
/** Most sessions one PUT /sessions starts. */
export const START_MANY_MAX = 500;

const JID_RE = /^[0-9A-Za-z._:-]{1,64}@(s\.whatsapp\.net|g\.us|lid)$/;

/**
 * A recipient as the engines take it: international digits ("+62 812-3456"
 * becomes "628123456") or a WhatsApp JID kept as is; null if neither.
 * @param {unknown} to
 * @returns {string|null}
 */
export function normalizeRecipient(to) {
  if (typeof to !== 'string') return null;
  if (to.includes('@')) return JID_RE.test(to) ? to : null;
  const digits = to.replace(/[\s()+.-]/g, '');
  return /^[1-9]\d{5,14}$/.test(digits) ? digits : null;
}

export class SessionManager {
  /**
   * @param {{store: import('../storage/store.js').Store, hub: import('../events/hub.js').EventHub,
   *   engines: import('../engines/index.js').EngineRegistry, log: import('pino').Logger,
   *   media?: import('../media/index.js').Media, now?: () => number, rng?: () => number, pacing?: PacingGate}} deps
   */
  constructor({ store, hub, engines, log, media, now, rng, pacing }) {
    this.store = store;
    this.hub = hub;
    this.engines = engines;
    this.log = log;
    this.media = media ?? null;
    /** @type {import('./types.js').SessionDeps} */
    this.deps = { store, hub, log, now, rng, media: media?.inbox };
    /** @type {Map<string, Session>} */
    this.sessions = new Map();
    this.closed = false;
    /** Safe sending: each number's sends wait for their slot (pacing/rules.js). */
    this.pacing = pacing ?? new PacingGate({ now });
    /** Sends and resends until WhatsApp's word on them (send/path.js). */
    this.sendPath = new SendPath({ store, pacing: this.pacing, log });
    this.deps.acks = this.sendPath.acks;
    // Connected again: what WhatsApp never confirmed goes again first (same ids).
    this.deps.onOpened = (/** @type {Session} */ s) => setImmediate(() => {
      this.sendPath.resendUnacked(s).catch((err) => log.warn({ err, session: s.id }, 'resending unconfirmed messages failed'));
    });
  }

  /** @returns {object[]} */
  list() {
    return [...this.sessions.values()].map((s) => s.view());
  }

  /** @returns {Record<string, number>} */
  counts() {
    const counts = Object.fromEntries(ALL_STATUSES.map((s) => [s, 0]));
    for (const s of this.sessions.values()) counts[s.status] += 1;
    return counts;
  }

  /** @param {string} id */
  get(id) {
    const s = this.sessions.get(id);
    if (!s) throw sessionNotFound(id);
    return s;
  }

  /** @param {string} id */
  ensure(id) {
    let s = this.sessions.get(id);
    if (!s) {
      s = new Session(id, this.deps);
      this.sessions.set(id, s);
    }
    return s;
  }

  /**
   * PUT /sessions/{id}. Idempotent: a running session is returned unchanged.
   * @param {string} id
   * @param {{engine?: unknown, options?: unknown}} body
   */
  async start(id, body) {
    this.assertOpen();
    const engineName = body.engine === undefined ? 'baileys' : body.engine;
    if (typeof engineName !== 'string' || !this.engines.knows(engineName)) {
      throw new ApiError(400, 'unknown_engine',
        `engine must be one of ${this.engines.names().join(', ')}`);
    }
    const options = engineName === 'sim'
      ? validateOptions(body.options, { ...SESSION_OPTIONS, ...SIM_OPTIONS })
      : validateOptions(body.options, SESSION_OPTIONS, { allowUnknown: true });
    const engine = await this.engines.load(engineName);
    engine.checkOptions(options);
    const existing = this.sessions.get(id);
    if (existing?.running) return existing.view(); // fast path, no queueing behind a slow op
    const session = this.ensure(id);
    return session.exclusive(async () => {
      if (session.running) return session.view();
      const merged = { ...SESSION_DEFAULTS, ...this.engines.defaults(engineName), ...options };
      if (merged.backoff_max_ms < merged.backoff_base_ms) merged.backoff_max_ms = merged.backoff_base_ms;
      session.engineName = engineName; // pacing applies to the real engine (pacing/gate.js)
      session.start(engine, merged);
      return session.view();
    });
  }

  /**
   * PUT /sessions: many starts in one request (a restore after a crash starts every number
   * at once). Each as PUT /sessions/{id} would do it; the outcomes in order.
   * @param {Record<string, any>} body
   */
  async startMany(body) {
    const list = body?.sessions;
    if (!Array.isArray(list) || list.length === 0 || list.length > START_MANY_MAX) {
      throw badRequest(`sessions must be a list of 1..${START_MANY_MAX} {id, engine, options}`);
    }
    const starts = list.map((item, i) => {
      if (item === null || typeof item !== 'object' || typeof item.id !== 'string' || !SESSION_ID_RE.test(item.id)) {
        throw new ApiError(400, 'bad_session_id', `sessions[${i}].id: session ids are 1-64 characters of A-Z a-z 0-9 _ -.`);
      }
      return /** @type {{id: string, engine?: unknown, options?: unknown}} */ (item);
    });
    const sessions = await Promise.all(starts.map(({ id, ...rest }) => this.start(id, rest)
      .catch((err) => ({ id, error: errorOf(err, this.log, `starting ${id} (PUT /sessions)`) }))));
    return { sessions };
  }

  /** @param {string} id */
  async stop(id) {
    const session = this.get(id);
    return session.exclusive(async () => {
      if (session.status !== 'stopped') await session.stop();
      return session.view();
    });
  }

  /** Works for an id this bridge has not started too: the auth state on disk is wiped. @param {string} id */
  async logout(id) {
    this.assertOpen();
    const session = this.ensure(id);
    return session.exclusive(async () => {
      await session.logout();
      return session.view();
    });
  }

  /**
   * @param {string} id
   * @param {unknown} phoneRaw
   */
  async pairingCode(id, phoneRaw) {
    const phone = typeof phoneRaw === 'string' ? phoneRaw.replace(/[\s()+.-]/g, '') : '';
    if (!/^[1-9]\d{6,14}$/.test(phone)) {
      throw new ApiError(400, 'bad_request', 'phone must be the international number, digits only (e.g. 628123456789)');
    }
    // Not queued behind start/stop: the request can take seconds, and a stop
    // meanwhile is detected (the code is then refused with 409).
    return { code: await this.get(id).requestPairingCode(phone) };
  }

  /**
   * POST /sessions/{id}/messages: checked here, then sent by send/path.js (recorded before
   * the network sees it, answered "sent" on WhatsApp's server ack; a retry finds the
   * answer or sends the same WhatsApp id again).
   * @param {string} id
   * @param {any} body
   */
  async send(id, body) {
    const { text, client_id: clientId } = body ?? {};
    const to = normalizeRecipient(body?.to);
    if (to === null) {
      throw new ApiError(400, 'bad_request', 'to must be a phone number (digits, no plus) or a WhatsApp JID');
    }
    const media = parseOutboundMedia(body?.media, text);
    if (media ? !validCaption(text) : typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) {
      throw new ApiError(400, 'bad_request', media ? `text (the caption) must be a string of at most ${MAX_TEXT} characters`
        : `text must be a non-empty string of at most ${MAX_TEXT} characters`);
    }
    if (typeof clientId !== 'string' || !CLIENT_ID_RE.test(clientId)) {
      throw new ApiError(400, 'bad_request', 'client_id must be 1-128 characters of A-Z a-z 0-9 _ . : -');
    }
    const quoted = parseQuoted(body?.quoted);
    // With media the file is part of what the client_id stands for.
    const textHash = media ? hashText(`${text ?? ''}\u0000media:${media.sha256}`) : hashText(text);
    const existing = this.store.outbound.get(id, clientId);
    if (existing && (existing.to_addr !== to || existing.text_hash !== textHash)) {
      throw new ApiError(409, 'client_id_reused', `client_id ${clientId} was already used for a different message`);
    }
    // A retry of a finished send gets the same answer, whatever the session does now.
    if (existing?.status === 'sent' || existing?.refusal) return this.sendPath.recorded(existing);
    const session = this.get(id);
    if (session.status !== 'connected' && !this.sendPath.running(id, clientId)) throw session.notConnected();
    const file = media ? this.locateMedia(media) : null;
    return this.sendPath.send(session, {
      clientId, to, text: text ?? '', textHash, file, quoted: quoted ? this.ownQuote(id, quoted) : null, existing,
      // Whether the app knows this chat (it holds the messages); unknown counts as new: safe.
      newContact: body?.new_contact !== false,
      reached: Number.isSafeInteger(body?.new_contacts_today) && body.new_contacts_today > 0 ? body.new_contacts_today : 0,
    });
  }

  /**
   * A reply to one of our own messages names it by the app's client_id; WhatsApp knows it
   * by the id derived from that (message_ids.js).
   * @param {string} id @param {import('../send/extras.js').Quoted} quoted
   */
  ownQuote(id, quoted) {
    if (!quoted.from_me) return quoted;
    const own = this.store.outbound.get(id, quoted.id);
    return own ? { ...quoted, id: own.message_id } : quoted;
  }

  /**
   * POST /sessions/{id}/messages/batch (send/batch.js): every send as the single route
   * would take it, at once; the outcomes in order.
   * @param {string} id @param {Record<string, any>} body
   */
  async sendBatch(id, body) {
    const messages = parseBatch(body);
    this.get(id); // an unknown number: 404 for the whole batch
    const results = await Promise.all(messages.map((m) => this.send(id, m).catch((err) => failedSend(m, err, this.log))));
    return { results };
  }

  /** @param {import('../media/outbound.js').OutboundMedia} media */
  locateMedia(media) {
    if (!this.media) throw new ApiError(503, 'media_unavailable', 'This bridge has no media folder.');
    return locateOutboundMedia(this.media.files, this.media.limits, media);
  }

  /**
   * POST /sessions/{id}/seen: read receipts for a chat's messages (WAHA's sendSeen).
   * @param {string} id @param {unknown} body
   */
  async seen(id, body) {
    const seen = parseSeen(body, normalizeRecipient);
    return markSeen(this.get(id), seen);
  }

  /** Shutdown: close every connection, keep auth, emit nothing more. */
  async closeAll() {
    this.closed = true;
    await Promise.all([...this.sessions.values()].map((s) => s.dispose()));
  }

  assertOpen() {
    if (this.closed) throw new ApiError(503, 'shutting_down', 'The bridge is shutting down.');
  }
}

/** @param {unknown} text  a caption: absent, or a string (empty allowed) */
function validCaption(text) {
  return text === undefined || (typeof text === 'string' && text.length <= MAX_TEXT);
}
