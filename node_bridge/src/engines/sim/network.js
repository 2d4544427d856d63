// The simulated WhatsApp servers, shared by every sim connection of the bridge: they
// take messages (journaled in bridge.sqlite3 with the outbound record, so tests can prove
// exactly-once delivery across crashes), send receipts, and keep what an offline number
// has not taken in a persistent backlog (backlog.js), as WhatsApp's servers do.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../server/api_error.js';
import { SIM_OPTIONS, validateOptions } from '../../config/session_options.js';
import { SimBacklog } from './backlog.js';
import { SimNetworkJournal } from './journal.js';
import { SimMediaUploads } from './media.js';
import { freshCreds } from './connection.js';
import { banArg, chatOf, phoneArg } from './util.js';
import { SimWorld, lidArg } from './world.js';
import { SimQueries } from './queries.js';
import { inboundDelivery } from './inbound.js';
import { TimerSet } from '../../time/timer_set.js';

export const SIM_DEFAULTS = Object.freeze({
  qr_first_ms: 60_000,
  qr_rotate_ms: 20_000,
  qr_max: 5,
  connect_ms: 300,
  keepalive_ms: 30_000,
  send_ms: 20,
  ack_ms: 150,
  auto_ack: true,
  media_bps: 0, // media transfer speed, bytes per second; 0: as fast as the disk
});

const ACK_STATUSES = ['sent', 'delivered', 'read'];

/**
 * @typedef {{type: 'message', message_id: string, from?: string, from_lid?: string, group?: string, text: string, kind?: 'notify'|'append', timestamp: string, media?: any, undecryptable?: true}
 *   | {type: 'ack', message_id: string, chat: string|null, status: string, error_code?: string, reason?: string, error?: string}
 *   | {type: 'mapping', lid: string, phone: string}} Delivery
 */

export class SimNetwork {
  /**
   * @param {{store: import('../../storage/store.js').Store, log: import('pino').Logger, defaults?: Record<string, unknown>}} deps
   */
  constructor({ store, log, defaults = {} }) {
    this.store = store;
    this.log = log.child({ component: 'sim' });
    /** @type {Record<string, any>} */
    this.config = { ...SIM_DEFAULTS, ...validateOptions(defaults, SIM_OPTIONS, { what: 'JAGA_SIM_*' }) };
    /** @type {Map<string, import('./connection.js').SimConnection>} */
    this.live = new Map();
    this.journal = new SimNetworkJournal(store.db);
    this.backlog = new SimBacklog(store.db);
    this.uploads = new SimMediaUploads(store.db);
    /** message ids whose media the client asked the phone to upload again @type {string[]} */
    this.mediaReuploads = [];
    this.world = new SimWorld();
    /** The computer's network: off, every sim number loses WhatsApp at once. */
    this.networkUp = true;
    /** Replies: the id of the message each sent one quoted (session:message id → id). */
    this.quotes = new Map();
    /** Messages sent into a disappearing chat: their timer (session:message id → seconds). */
    this.ephemerals = new Map();
    /** Read receipts the numbers sent (sendSeen), in order. @type {object[]} */
    this.seenLog = [];
    /** What numbers ask and are asked besides messages (queries.js). */
    this.queries = new SimQueries(this);
    this.timers = new TimerSet();
  }

  /** Options a sim session starts with unless its PUT says otherwise. */
  sessionDefaults() {
    return { ...this.config };
  }

  /** @param {unknown} patch */
  configure(patch) {
    Object.assign(this.config, validateOptions(patch, SIM_OPTIONS, { what: 'sim config' }));
    return this.sessionDefaults();
  }

  /** A second login with the same creds kicks the first out, as WhatsApp does. @param {any} conn */
  attach(conn) {
    const old = this.live.get(conn.id);
    this.live.set(conn.id, conn);
    if (old && old !== conn) old.networkClose(440);
  }

  /** @param {any} conn */
  detach(conn) {
    if (this.live.get(conn.id) === conn) this.live.delete(conn.id);
  }

  /** @param {string} id */
  current(id) {
    const conn = this.live.get(id);
    if (!conn) throw new ApiError(409, 'sim_no_connection', `Session ${id} has no sim connection right now.`);
    return conn;
  }

  // ---- control (the /sim routes) ------------------------------------------

  /** @param {string} id @param {{phone?: unknown, name?: unknown}} body */
  scan(id, body) {
    const phone = phoneArg(body?.phone, 'phone');
    const name = body?.name == null ? null : String(body.name).slice(0, 100);
    this.current(id).scan(phone, name);
    return { scanned: true };
  }

  /**
   * The network closes the socket now, or right after the next message is written
   * (`after: "write"`: the message is lost with the socket) or taken by the servers
   * (`after: "take"`: taken, its ack never reaches this socket).
   * @param {string} id @param {{code?: unknown, after?: unknown}} body
   */
  close(id, { code, after, ban } = {}) {
    if (!Number.isInteger(code) || /** @type {number} */ (code) < 100 || /** @type {number} */ (code) > 999) {
      throw new ApiError(400, 'bad_request', 'code must be a Baileys close code (e.g. 428, 401, 440, 403, 405, 515)');
    }
    if (after !== undefined && after !== 'write' && after !== 'take') {
      throw new ApiError(400, 'bad_request', 'after must be "write" or "take"');
    }
    const conn = this.current(id);
    if (after) {
      conn.armClose(/** @type {number} */ (code), after);
      return { closed: false, armed: after };
    }
    conn.networkClose(/** @type {number} */ (code), undefined, banArg(ban));
    return { closed: true };
  }

  /** @param {string} id @param {unknown} on */
  silence(id, on) {
    if (typeof on !== 'boolean') throw new ApiError(400, 'bad_request', 'on must be true or false');
    this.current(id).silence(on);
    return { silenced: on };
  }

  /** The computer's network switch, for every sim number at once. @param {unknown} up */
  setNetwork(up) {
    if (typeof up !== 'boolean') throw new ApiError(400, 'bad_request', 'up must be true or false');
    this.networkUp = up;
    if (!up) for (const conn of [...this.live.values()]) conn.networkDown();
    this.log.info({ up }, 'sim network switched');
    return { up };
  }

  /** {phone, reject?: 463|479|null, on_whatsapp?: bool} @param {{phone?: unknown, reject?: unknown, on_whatsapp?: unknown}} body */
  recipient(body) {
    const phone = phoneArg(body?.phone, 'phone');
    if (body?.on_whatsapp !== undefined) return this.world.setOnWhatsApp(phone, body.on_whatsapp);
    return this.world.setRejecting(phone, body?.reject);
  }

  /** @param {string} id @param {'reachout_timelock'|'new_chat_cap'} reason @param {any} body */
  limit(id, reason, body) {
    // A cap with a `status` is WhatsApp's quota: only CAPPED limits new contacts.
    const quota = reason === 'new_chat_cap' && body?.status !== undefined ? this.world.setQuota(id, body) : null;
    const limit = this.world.setLimit(id, reason, quota ? { ...body, on: quota.capping_status === 'CAPPED' } : body);
    const conn = this.live.get(id);
    // push: false — WhatsApp says nothing now; the number learns it when it asks (at its next
    // login, or after a 463: connection.js reportLimits).
    if (conn && conn.state === 'open' && body?.push !== false) conn.reportLimits();
    return { limits: limit, ...(quota ? { quota } : {}) };
  }

  /** @param {string} id @param {{subject?: unknown, participants?: unknown}} body */
  createGroup(id, body) {
    const raw = Array.isArray(body?.participants) ? body.participants : [];
    const participants = raw.map((p, i) => phoneArg(p, `participants[${i}]`));
    const group = this.world.createGroup(body?.subject, participants);
    this.backlog.knowContact(id, group.jid);
    return group;
  }

  /** WhatsApp tells the client which phone a LID is (lid-mapping.update). @param {string} id @param {any} body */
  lidMapping(id, body) {
    const d = { type: 'mapping', lid: lidArg(body?.lid, 'lid'), phone: phoneArg(body?.phone, 'phone') };
    const queued = !this.online(id);
    this.store.transaction(() => this.toSession(id, /** @type {Delivery} */ (d)));
    return { queued };
  }

  /** @param {string} id @param {unknown} messages */
  inbound(id, messages) {
    if (!Array.isArray(messages) || messages.length === 0 || messages.length > 1000) {
      throw new ApiError(400, 'bad_request', 'messages must be a list of 1..1000 {from | from_lid, text, group?, message_id?, kind?}');
    }
    const batch = messages.map((/** @type {any} */ m, i) => inboundDelivery(m, i, (g) => this.world.groupArg(g)));
    const queued = !this.online(id);
    // One transaction for the batch: the bridge journals each message (one fsync each
    // otherwise), and the network hears "delivered" only after the commit.
    this.store.transaction(() => {
      for (const d of batch) {
        this.backlog.knowContact(id, d.group ?? d.from ?? `${d.from_lid}@lid`);
        this.toSession(id, d);
      }
    });
    return { message_ids: batch.map((d) => d.message_id), queued };
  }

  /**
   * A recipient's receipt for a message, named by its WhatsApp id or (the demo, which knows
   * its own ids) by the client_id it was sent with.
   * @param {string} id @param {{message_id?: unknown, client_id?: unknown, status?: unknown, as_lid?: unknown}} body
   */
  ack(id, body) {
    const byClient = typeof body?.client_id === 'string' ? this.store.outbound.get(id, body.client_id)?.message_id : undefined;
    const messageId = body?.message_id ?? byClient;
    if (typeof messageId !== 'string' || !messageId) throw new ApiError(400, 'bad_request', 'message_id (or the client_id of a sent message) is required');
    if (typeof body.status !== 'string' || !ACK_STATUSES.includes(body.status)) {
      throw new ApiError(400, 'bad_request', `status must be one of ${ACK_STATUSES.join(', ')}`);
    }
    // A receipt WhatsApp addresses by the recipient's LID instead of the phone it was sent to.
    const lid = body.as_lid === undefined ? null : lidArg(body.as_lid, 'as_lid');
    const to = this.journal.recipientOf(id, messageId);
    const queued = !this.online(id);
    const chat = lid ? `${lid}@lid` : to ? chatOf(to) : null;
    this.store.transaction(() => this.toSession(id, { type: 'ack', message_id: messageId, chat, status: body.status }));
    return { queued };
  }

  /**
   * Damages the stored creds through the auth interface itself, the way a torn
   * write or a bad disk would: the next start must refuse them.
   * @param {string} id
   */
  corruptAuth(id) {
    const auth = this.store.auth.forSession(id);
    let creds = null;
    try {
      creds = auth.readCreds();
    } catch {
      // already unreadable: damage it again all the same
    }
    auth.writeCreds({ ...(creds ?? freshCreds()), noiseKey: { public: randomBytes(7), private: randomBytes(5) }, signedPreKey: null });
    return { corrupted: true };
  }

  sent() {
    const uploads = this.uploads.byMessage();
    const sent = this.journal.all().map((/** @type {any} */ m) => {
      const media = uploads.get(`${m.session_id}\u0000${m.message_id}`);
      const quoted = this.quotes.get(`${m.session_id}:${m.message_id}`);
      const ephemeral = this.ephemerals.get(`${m.session_id}:${m.message_id}`);
      return { ...m, media: media ? { ...media, caption: m.text } : null, ...(quoted ? { quoted } : {}), ...(ephemeral ? { ephemeral_s: ephemeral } : {}) };
    });
    return { sent, seen: this.seenLog, network_up: this.networkUp, backlog: this.backlog.counts(), media_reuploads: this.mediaReuploads,
      ...this.queries.view() };
  }

  /**
   * A number marks a chat's messages seen: the writers get blue ticks (kept for tests).
   * @param {string} id @param {{chat: string, ids: string[], participant: string|null}} seen
   */
  markSeen(id, { chat, ids, participant }) {
    if (!this.networkUp) throw new Error('the network is down');
    this.seenLog.push({ session_id: id, chat, ids, participant, at: new Date().toISOString() });
  }

  // ---- the network side of connections ------------------------------------

  /**
   * The network takes a message: a journal row (and the receipt it owes, `none` until the
   * client takes the server's ack; a client that missed it is offered it again at its next
   * login, see flush). A refusal (a rejecting recipient, a new contact under a time lock or cap) is
   * decided in the same transaction and its receipt put in the backlog there: it
   * reaches the client exactly once, whatever crashes meanwhile.
   * @param {string} id
   * @param {{messageId: string, to: string, text: string, media?: any}} msg  media: what was uploaded
   * @param {{auto_ack: boolean, ack_ms: number}} opts  of the sending connection
   */
  async take(id, { messageId, to, text, media, quoted, ephemeral_s: ephemeral }, opts) {
    const chat = chatOf(to);
    if (quoted) this.quotes.set(`${id}:${messageId}`, quoted.id);
    if (ephemeral) this.ephemerals.set(`${id}:${messageId}`, ephemeral);
    // The messages taken in one turn share a commit (store.write): one fsync for a batch.
    const refused = await this.store.write(() => {
      const clientId = this.store.outbound.clientIdFor(id, messageId);
      this.journal.record({ sessionId: id, messageId, clientId, to, text });
      if (media) this.uploads.record(id, messageId, media);
      const verdict = this.world.verdict(id, chat, this.backlog.knows(id, chat), Date.now());
      if (verdict) {
        this.journal.markReceipt(id, messageId, 'failed');
        this.backlog.push(id, { type: 'ack', message_id: messageId, chat, status: 'failed', ...verdict });
      } else {
        this.backlog.knowContact(id, chat);
      }
      return verdict;
    });
    if (refused) {
      this.later(0, () => this.flushIfOnline(id));
      return;
    }
    this.later(0, () => this.receipt(id, { type: 'ack', message_id: messageId, chat, status: 'sent' }));
    if (opts.auto_ack) {
      const step = opts.ack_ms;
      this.later(step, () => this.receipt(id, { type: 'ack', message_id: messageId, chat, status: 'delivered' }));
      this.later(2 * step, () => this.receipt(id, { type: 'ack', message_id: messageId, chat, status: 'read' }));
    }
  }

  /**
   * A receipt of a message the network took: the receipts of one turn (a batch's) reach
   * the client in one commit, its journal rows and the network's record together.
   * @param {string} id @param {Delivery} d
   */
  receipt(id, d) {
    this.store.write(() => this.toSession(id, d)).catch((err) => {
      this.log.warn({ err, session: id }, 'a receipt could not be recorded; offered again at the next login');
    });
  }

  /** @param {string} id */
  online(id) {
    const conn = this.live.get(id);
    return this.networkUp && !!conn && conn.state === 'open' && !conn.silenced;
  }

  /** @param {string} id */
  flushIfOnline(id) {
    const conn = this.live.get(id);
    if (conn && this.online(id)) this.flush(conn, { receipts: false });
  }

  /** Delivers now if the session is online, else keeps it for its next login. @param {string} id @param {Delivery} d */
  toSession(id, d) {
    const conn = this.live.get(id);
    if (!conn || !this.online(id) || !this.tryDeliver(conn, d, false)) this.backlog.push(id, d);
  }

  /**
   * Offers everything waiting for this session, oldest first; at a login (`receipts`) also
   * the receipts it never took.
   * @param {any} conn @param {{receipts?: boolean}} [opts]
   */
  flush(conn, { receipts = true } = {}) {
    for (const { id, delivery } of this.backlog.list(conn.id)) {
      if (!this.online(conn.id)) return;
      // Taken and removed in one transaction: after a crash it is either still waiting
      // or in the bridge's journal, never both, never neither.
      const taken = this.store.transaction(() => {
        const ok = this.tryDeliver(conn, delivery, true);
        if (ok) this.backlog.remove(id);
        return ok;
      });
      if (!taken) return; // keep the order: the rest waits behind it
    }
    if (!receipts) return;
    // Receipts the client never took survive a bridge crash in the journal, as they
    // would on WhatsApp's servers; a repeated receipt is harmless (statuses only move forward).
    const upto = conn.opts.auto_ack ? 'read' : 'sent';
    for (const r of this.journal.missingReceipts(conn.id, upto)) {
      const d = { type: 'ack', message_id: r.message_id, chat: chatOf(r.to), status: r.status };
      if (!this.tryDeliver(conn, /** @type {Delivery} */ (d), true)) this.backlog.push(conn.id, d);
    }
  }

  /**
   * Like WhatsApp, the network keeps what the client did not take and offers it again later.
   * @param {any} conn @param {Delivery} d @param {boolean} backlog
   */
  tryDeliver(conn, d, backlog) {
    try {
      conn.deliver(d, backlog);
      if (d.type === 'ack') this.journal.markReceipt(conn.id, d.message_id, d.status);
      return true;
    } catch (err) {
      this.log.warn({ err, session: conn.id, type: d.type }, 'client did not take a delivery; kept for later');
      return false;
    }
  }

  /** @param {number} ms @param {() => void} fn */
  later(ms, fn) {
    this.timers.later(ms, fn);
  }

  shutdown() {
    this.timers.clear();
  }
}
