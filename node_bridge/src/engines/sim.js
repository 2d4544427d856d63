// The sim engine: a simulated WhatsApp with the behaviour Baileys shows us.
// An unlinked connection shows rotating QR refs (the first lives qr_first_ms,
// each later one qr_rotate_ms) and ends with 408 when they run out; a scan
// stores creds and closes with 515 (restart required); the next connection
// logs in with those creds. Open connections send frames (activity) every
// keepalive/3, deliver inbound messages and receipts, and every message the
// "network" takes is journaled in bridge.sqlite3 together with the outbound
// record, so tests can prove exactly-once delivery across crashes.
import { randomBytes, randomInt } from 'node:crypto';
import { ApiError } from '../errors.js';
import { SIM_OPTIONS, validateOptions } from '../options.js';

export const SIM_DEFAULTS = Object.freeze({
  qr_first_ms: 60_000,
  qr_rotate_ms: 20_000,
  qr_max: 5,
  connect_ms: 300,
  keepalive_ms: 30_000,
  send_ms: 20,
  ack_ms: 150,
  auto_ack: true,
});

/** What Baileys says alongside each code. */
const CLOSE_MESSAGES = {
  401: 'Connection Failure (logged out)',
  403: 'Connection Failure (forbidden)',
  405: 'Connection Failure (405)',
  408: 'Connection was lost',
  428: 'Connection Terminated',
  440: 'Stream Errored (conflict)',
  500: 'Stream Errored (bad session)',
  503: 'Stream Errored (service unavailable)',
  515: 'Stream Errored (restart required)',
};

const PAIRING_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTVWXYZ';
const ACK_STATUSES = ['sent', 'delivered', 'read'];

/**
 * Creds shaped like Baileys' (the auth store validates that shape), with
 * random bytes instead of real curve keys.
 */
function freshCreds() {
  const pair = () => ({ public: randomBytes(32), private: randomBytes(32) });
  return {
    sim: true,
    noiseKey: pair(),
    pairingEphemeralKeyPair: pair(),
    signedIdentityKey: pair(),
    signedPreKey: { keyPair: pair(), signature: randomBytes(64), keyId: 1 },
    registrationId: randomInt(1, 16_380),
    advSecretKey: randomBytes(32).toString('base64'),
    nextPreKeyId: 1,
    firstUnuploadedPreKeyId: 1,
    registered: false,
  };
}

/** @param {string} to @returns {string} how the engines name a chat: digits for a person, a group's jid as is */
function chatOf(to) {
  if (to.endsWith('@g.us')) return to;
  return to.split('@')[0].split(':')[0];
}

/** @param {string} jid */
function digitsOf(jid) {
  return jid.split('@')[0].split(':')[0];
}

/** @param {unknown} phone @param {string} what */
function phoneArg(phone, what) {
  const digits = typeof phone === 'string' ? phone.replace(/[\s()+.-]/g, '') : '';
  if (!/^[1-9]\d{6,14}$/.test(digits)) {
    throw new ApiError(400, 'bad_request', `${what} must be an international number, digits only (e.g. 628123456789)`);
  }
  return digits;
}

/**
 * @typedef {{type: 'message', message_id: string, from: string, text: string, kind?: 'notify'|'append', timestamp: string}
 *   | {type: 'ack', message_id: string, chat: string|null, status: string}} Delivery
 */

/** The simulated WhatsApp servers: shared by every sim connection of the bridge. */
export class SimNetwork {
  /**
   * @param {{store: import('../store.js').Store, log: import('pino').Logger, defaults?: Record<string, unknown>}} deps
   */
  constructor({ store, log, defaults = {} }) {
    this.store = store;
    this.log = log.child({ component: 'sim' });
    /** @type {Record<string, any>} */
    this.config = { ...SIM_DEFAULTS, ...validateOptions(defaults, SIM_OPTIONS, { what: 'JAGA_SIM_*' }) };
    /** @type {Map<string, SimConnection>} */
    this.live = new Map();
    /** Deliveries waiting for a session to be online (the server-side offline queue). @type {Map<string, Delivery[]>} */
    this.backlog = new Map();
    /** @type {Set<NodeJS.Timeout>} */
    this.timers = new Set();
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

  /** A second login with the same creds kicks the first out, as WhatsApp does. @param {SimConnection} conn */
  attach(conn) {
    const old = this.live.get(conn.id);
    this.live.set(conn.id, conn);
    if (old && old !== conn) old.networkClose(440);
  }

  /** @param {SimConnection} conn */
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

  /** @param {string} id @param {unknown} code */
  close(id, code) {
    if (!Number.isInteger(code) || /** @type {number} */ (code) < 100 || /** @type {number} */ (code) > 999) {
      throw new ApiError(400, 'bad_request', 'code must be a Baileys close code (e.g. 428, 401, 440, 403, 405, 515)');
    }
    this.current(id).networkClose(/** @type {number} */ (code));
    return { closed: true };
  }

  /** @param {string} id @param {unknown} on */
  silence(id, on) {
    if (typeof on !== 'boolean') throw new ApiError(400, 'bad_request', 'on must be true or false');
    this.current(id).silence(on);
    return { silenced: on };
  }

  /** @param {string} id @param {unknown} messages */
  inbound(id, messages) {
    if (!Array.isArray(messages) || messages.length === 0 || messages.length > 1000) {
      throw new ApiError(400, 'bad_request', 'messages must be a list of 1..1000 {from, text, message_id?, kind?}');
    }
    /** @type {Delivery[]} */
    const batch = messages.map((m, i) => {
      const from = phoneArg(m?.from, `messages[${i}].from`);
      if (typeof m.text !== 'string' || !m.text) throw new ApiError(400, 'bad_request', `messages[${i}].text must be a non-empty string`);
      if (m.message_id !== undefined && (typeof m.message_id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(m.message_id))) {
        throw new ApiError(400, 'bad_request', `messages[${i}].message_id must be 1-64 characters of A-Z a-z 0-9 _ -`);
      }
      if (m.kind !== undefined && m.kind !== 'notify' && m.kind !== 'append') {
        throw new ApiError(400, 'bad_request', `messages[${i}].kind must be notify or append`);
      }
      return {
        type: 'message',
        message_id: m.message_id ?? `SIM${randomBytes(8).toString('hex').toUpperCase()}`,
        from,
        text: m.text,
        kind: m.kind,
        timestamp: new Date().toISOString(),
      };
    });
    const queued = !this.online(id);
    // One transaction for the batch: the bridge journals each message (one fsync each
    // otherwise), and the network hears "delivered" only after the commit.
    this.store.transaction(() => {
      for (const d of batch) this.toSession(id, d);
    });
    return { message_ids: batch.map((d) => d.message_id), queued };
  }

  /** @param {string} id @param {{message_id?: unknown, status?: unknown}} body */
  ack(id, body) {
    const messageId = body?.message_id;
    if (typeof messageId !== 'string' || !messageId) throw new ApiError(400, 'bad_request', 'message_id is required');
    if (typeof body.status !== 'string' || !ACK_STATUSES.includes(body.status)) {
      throw new ApiError(400, 'bad_request', `status must be one of ${ACK_STATUSES.join(', ')}`);
    }
    const to = this.store.simNetwork.recipientOf(id, messageId);
    const queued = !this.online(id);
    this.toSession(id, { type: 'ack', message_id: messageId, chat: to ? chatOf(to) : null, status: body.status });
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
    return { sent: this.store.simNetwork.all() };
  }

  // ---- the network side of connections ------------------------------------

  /**
   * The network takes a message: its journal row and the outbound record's
   * "sent" are one transaction, so after any crash either both exist or neither.
   * @param {string} id
   * @param {{messageId: string, to: string, text: string}} msg
   * @param {{auto_ack: boolean, ack_ms: number}} opts  of the sending connection
   */
  take(id, { messageId, to, text }, opts) {
    this.store.transaction(() => {
      const clientId = this.store.outbound.clientIdFor(id, messageId);
      this.store.simNetwork.record({ sessionId: id, messageId, clientId, to, text });
      this.store.outbound.markSentByMessageId(id, messageId);
    });
    const chat = chatOf(to);
    this.later(0, () => this.toSession(id, { type: 'ack', message_id: messageId, chat, status: 'sent' }));
    if (opts.auto_ack) {
      const step = opts.ack_ms;
      this.later(step, () => this.toSession(id, { type: 'ack', message_id: messageId, chat, status: 'delivered' }));
      this.later(2 * step, () => this.toSession(id, { type: 'ack', message_id: messageId, chat, status: 'read' }));
    }
  }

  /** @param {string} id */
  online(id) {
    const conn = this.live.get(id);
    return !!conn && conn.state === 'open' && !conn.silenced;
  }

  /** Delivers now if the session is online, else keeps it for its next login. @param {string} id @param {Delivery} d */
  toSession(id, d) {
    const conn = this.live.get(id);
    if (!conn || !this.online(id) || !this.tryDeliver(conn, d, false)) this.enqueue(id, d);
  }

  /** @param {SimConnection} conn */
  flush(conn) {
    const queue = this.backlog.get(conn.id) ?? [];
    this.backlog.delete(conn.id);
    // Receipts the client never took survive a bridge crash in the journal, as they
    // would on WhatsApp's servers; the in-memory backlog may hold some of them too,
    // and a repeated receipt is harmless (statuses only move forward).
    const upto = conn.opts.auto_ack ? 'read' : 'sent';
    for (const r of this.store.simNetwork.missingReceipts(conn.id, upto)) {
      queue.push({ type: 'ack', message_id: r.message_id, chat: chatOf(r.to), status: r.status });
    }
    for (const d of queue) {
      if (!this.tryDeliver(conn, d, true)) this.enqueue(conn.id, d);
    }
  }

  /**
   * Like WhatsApp, the network keeps what the client did not take and offers it again later.
   * @param {SimConnection} conn @param {Delivery} d @param {boolean} backlog
   */
  tryDeliver(conn, d, backlog) {
    try {
      conn.deliver(d, backlog);
      if (d.type === 'ack') this.store.simNetwork.markReceipt(conn.id, d.message_id, d.status);
      return true;
    } catch (err) {
      this.log.warn({ err, session: conn.id, message_id: d.message_id }, 'client did not take a delivery; kept for later');
      return false;
    }
  }

  /** @param {string} id @param {Delivery} d */
  enqueue(id, d) {
    const queue = this.backlog.get(id) ?? [];
    queue.push(d);
    this.backlog.set(id, queue);
  }

  /** @param {number} ms @param {() => void} fn */
  later(ms, fn) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  shutdown() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** One simulated socket. */
class SimConnection {
  /**
   * @param {any} ctx  the engine context plus `network`
   * @param {SimNetwork} network
   */
  constructor(ctx, network) {
    this.id = ctx.sessionId;
    this.on = ctx.on;
    this.auth = ctx.auth;
    this.log = ctx.log;
    this.network = network;
    /** @type {Record<string, any>} */
    this.opts = { ...network.sessionDefaults(), ...(ctx.options ?? {}) };
    /** @type {'connecting'|'linking'|'open'|'closed'} */
    this.state = 'connecting';
    this.silenced = false;
    this.qrIndex = 0;
    /** @type {string|null} */
    this.pairingPhone = null;
    /** @type {Set<NodeJS.Timeout>} */
    this.timers = new Set();
    /** @type {NodeJS.Timeout|undefined} */
    this.ticker = undefined;
    /** Sends waiting for the network while silenced. @type {Set<{resolve: () => void, reject: (e: Error) => void}>} */
    this.waiting = new Set();

    let creds = this.auth.readCreds(); // AuthCorruptError propagates: nothing opened
    if (!creds) {
      creds = freshCreds();
      this.auth.writeCreds(creds);
    }
    this.creds = creds;
    network.attach(this);
    this.after(this.opts.connect_ms, () => this.handshake());
  }

  handshake() {
    if (this.creds.me) this.open();
    else {
      this.state = 'linking';
      this.showQr();
    }
  }

  open() {
    this.state = 'open';
    this.frame();
    this.on.open({ phone: digitsOf(this.creds.me.id), name: this.creds.me.name ?? null });
    this.startTicker();
    this.network.flush(this);
  }

  showQr() {
    if (this.state !== 'linking') return;
    this.qrIndex += 1;
    const b64 = (/** @type {Uint8Array} */ b) => Buffer.from(b).toString('base64');
    const ref = `2@${randomBytes(24).toString('base64')},${b64(this.creds.noiseKey.public)},${b64(this.creds.signedIdentityKey.public)},${this.creds.advSecretKey}`;
    this.frame();
    this.on.qr(ref);
    const lifetime = this.qrIndex === 1 ? this.opts.qr_first_ms : this.opts.qr_rotate_ms;
    this.after(lifetime, () => {
      if (this.qrIndex < this.opts.qr_max) this.showQr();
      else this.networkClose(408, 'QR refs attempts ended');
    });
  }

  /** The phone completes linking (QR scan or pairing code). @param {string} phone @param {string|null} name */
  scan(phone, name) {
    if (this.state !== 'linking') {
      throw new ApiError(409, 'sim_not_linking', `Session ${this.id} is not waiting for a scan.`);
    }
    if (this.pairingPhone && this.pairingPhone !== phone) {
      throw new ApiError(409, 'sim_wrong_phone', `The pairing code was requested for ${this.pairingPhone}.`);
    }
    this.clearTimers();
    this.creds = {
      ...this.creds,
      me: { id: `${phone}:${randomInt(2, 60)}@s.whatsapp.net`, name },
      account: { sim: true },
      registered: true,
    };
    this.auth.writeCreds(this.creds);
    this.state = 'connecting';
    this.frame();
    // WhatsApp ends the pairing socket right after pair-success.
    this.after(0, () => this.networkClose(515));
  }

  /** The network closes the socket. @param {number} code @param {string} [message] */
  networkClose(code, message) {
    if (this.state === 'closed') return;
    this.end(new Error('connection closed'));
    this.on.close({ code, message: message ?? CLOSE_MESSAGES[code] ?? `Stream Errored (${code})` });
  }

  /** @param {boolean} on */
  silence(on) {
    if (this.state === 'closed') return;
    this.silenced = on;
    if (on) {
      clearInterval(this.ticker);
      return;
    }
    if (this.state === 'open') {
      this.frame();
      this.startTicker();
      for (const w of this.waiting) w.resolve();
      this.network.flush(this);
    }
  }

  /** @param {Delivery} d @param {boolean} backlog  it waited while the session was offline */
  deliver(d, backlog) {
    this.frame();
    if (d.type === 'message') {
      this.on.messageIn({
        message_id: d.message_id,
        chat: d.from,
        from: d.from,
        text: d.text,
        timestamp: d.timestamp,
        kind: d.kind ?? (backlog ? 'append' : 'notify'),
      });
    } else {
      this.on.ack({ message_id: d.message_id, chat: d.chat, status: d.status });
    }
  }

  frame() {
    if (!this.silenced && this.state !== 'closed') this.on.activity();
  }

  startTicker() {
    clearInterval(this.ticker);
    this.ticker = setInterval(() => this.frame(), Math.max(20, Math.floor(this.opts.keepalive_ms / 3)));
  }

  /** @param {number} ms @param {() => void} fn */
  after(ms, fn) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  clearTimers() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Stops everything of this socket; pending sends fail. @param {Error} why */
  end(why) {
    this.state = 'closed';
    this.clearTimers();
    clearInterval(this.ticker);
    for (const w of this.waiting) w.reject(why);
    this.waiting.clear();
    this.network.detach(this);
  }

  // ---- the engine interface ---------------------------------------------------

  async close() {
    if (this.state !== 'closed') this.end(new Error('connection closed by request'));
  }

  async logout() {
    const unlinked = this.state === 'open';
    if (this.state !== 'closed') this.end(new Error('logged out'));
    return { unlinked };
  }

  /** @param {{to: string, text: string, messageId?: string}} msg */
  async send({ to, text, messageId }) {
    if (this.state !== 'open') throw new Error('the sim connection is not open');
    const id = messageId || `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;
    await new Promise((resolve, reject) => {
      const waiter = { resolve: () => { this.waiting.delete(waiter); resolve(undefined); }, reject: (/** @type {Error} */ e) => { this.waiting.delete(waiter); reject(e); } };
      this.waiting.add(waiter);
      this.after(this.opts.send_ms, () => {
        if (!this.silenced) waiter.resolve(); // silenced: wait for the line to come back or die
      });
    });
    if (this.state !== 'open') throw new Error('the sim connection closed while sending');
    this.network.take(this.id, { messageId: id, to, text }, this.opts);
    return { message_id: id };
  }

  /** @param {string} phone */
  async requestPairingCode(phone) {
    if (this.state !== 'linking') throw new Error('the sim connection is not waiting for a link');
    this.pairingPhone = phoneArg(phone, 'phone');
    let code = '';
    for (let i = 0; i < 8; i += 1) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
    return code;
  }
}

/**
 * @param {any} ctx  engine context (see session.js) with `network`: the SimNetwork
 * @returns {{close(): Promise<void>, logout(): Promise<{unlinked: boolean}>, send(m: {to: string, text: string, messageId?: string}): Promise<{message_id: string}>, requestPairingCode(phone: string): Promise<string>}}
 */
export function createConnection(ctx) {
  if (!ctx?.network) throw new Error('the sim engine needs ctx.network (a SimNetwork)');
  const conn = new SimConnection(ctx, ctx.network);
  return {
    close: () => conn.close(),
    logout: () => conn.logout(),
    send: (m) => conn.send(m),
    requestPairingCode: (phone) => conn.requestPairingCode(phone),
  };
}
