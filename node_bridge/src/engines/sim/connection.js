// One simulated socket (see network.js for the simulated servers behind it).
import { randomBytes, randomInt } from 'node:crypto';
import { ApiError } from '../../server/api_error.js';
import { NO_NETWORK_ERROR, digitsOf, phoneArg } from './util.js';
import { engineMedia, openDownload, uploadFile } from './media.js';
import { TimerSet } from '../../time/timer_set.js';
import { pairingRefusedSentence } from '../../sessions/rejections.js';
import { LimitsWatch } from '../limits_watch.js';
import { INBOX_DELIVERIES, deliverInbox } from './inbox.js';

/** What Baileys says alongside each code. */
const CLOSE_MESSAGES = {
  401: 'Connection Failure (logged out)',
  402: 'Connection Failure',
  403: 'Connection Failure (forbidden)',
  405: 'Connection Failure (405)',
  406: 'Connection Failure',
  409: 'Connection Failure',
  408: 'Connection was lost',
  428: 'Connection Terminated',
  440: 'Stream Errored (conflict)',
  500: 'Stream Errored (bad session)',
  503: 'Stream Errored (service unavailable)',
  515: 'Stream Errored (restart required)',
};

const PAIRING_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTVWXYZ';

/**
 * Creds shaped like Baileys' (the auth store validates that shape), with
 * random bytes instead of real curve keys.
 */
export function freshCreds() {
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

/** One simulated socket. */
export class SimConnection {
  /**
   * @param {any} ctx  the engine context plus `network`
   * @param {import('./network.js').SimNetwork} network
   */
  constructor(ctx, network) {
    this.id = ctx.sessionId;
    this.on = ctx.on;
    this.auth = ctx.auth;
    this.log = ctx.log;
    this.network = network;
    /** @type {{put: (id: string, jid: string, content: Uint8Array) => void, get: (id: string) => {jid: string, content: Uint8Array}|null}|undefined} */
    this.sent = ctx.sent;
    /** @type {{code: number, after: 'write'|'take'}|null} */
    this.closeAfter = null;
    /** @type {Record<string, any>} */
    this.opts = { ...network.sessionDefaults(), ...(ctx.options ?? {}) };
    /** @type {'connecting'|'linking'|'open'|'closed'} */
    this.state = 'connecting';
    this.silenced = false;
    this.qrIndex = 0;
    /** @type {string|null} */
    this.pairingPhone = null;
    this.timers = new TimerSet();
    /** Asks about limits at login and after a 463, as the baileys engine (an ack round trip to debounce). */
    this.limitsWatch = new LimitsWatch({ log: this.log, fetch: () => this.reportLimits(), debounceMs: this.opts.ack_ms,
      later: (fn, ms) => {
        this.after(ms, fn);
        return { cancel: () => {} }; // the socket's timers end with it
      } });
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
    if (!this.network.networkUp) return this.networkDown();
    // WhatsApp refuses an outdated client before anything else (<failure reason="405">).
    if (this.network.world.outdated) return this.networkClose(405);
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
    this.limitsWatch.atOpen(); // as the baileys engine: asks for its limits at each login
    this.network.flush(this);
  }

  /** What WhatsApp says when asked about this number's limits on new contacts. */
  reportLimits() {
    if (this.state !== 'open') return;
    this.on.limits?.(this.network.world.limitOf(this.id, Date.now()));
    const quota = this.network.world.quotas.get(this.id);
    if (quota) this.on.quota?.(quota);
  }

  /** The computer lost its network: the socket dies as Baileys reports it. */
  networkDown() {
    if (this.state === 'closed') return;
    this.end(new Error('no network'));
    this.on.close({ code: 408, message: NO_NETWORK_ERROR, reason: 'network_unreachable' });
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

  /**
   * The network closes the socket.
   * @param {number} code @param {string} [message] @param {{code: string|null, until: string|null}} [ban] a 402's details
   */
  networkClose(code, message, ban) {
    if (this.state === 'closed') return;
    this.end(new Error('connection closed'));
    this.on.close({ code, message: message ?? CLOSE_MESSAGES[code] ?? `Stream Errored (${code})`, ...(ban ? { ban } : {}) });
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

  /** @param {import('./network.js').Delivery} d @param {boolean} backlog  it waited while the session was offline */
  deliver(d, backlog) {
    this.frame();
    if (d.type === 'mapping') {
      this.on.mapping?.({ lid: `${d.lid}@lid`, phone: d.phone });
    } else if (d.type === 'message') {
      // A LID-addressed message with the phone alongside (Baileys' remoteJidAlt /
      // participantAlt): the client learns the pair before it reads the message, as
      // Baileys stores it before decrypting (messages-recv.js ~1277-1290).
      if (d.from_lid && d.from) this.on.mapping?.({ lid: `${d.from_lid}@lid`, phone: d.from });
      const person = d.from_lid ? `${d.from_lid}@lid` : d.from;
      if (d.push_name) this.on.contactName?.({ chat: person, name: d.push_name }); // contacts.update
      if (d.ephemeral_s !== undefined) this.on.chatEphemeral?.({ chat: d.group ?? person, seconds: d.ephemeral_s });
      if (d.undecryptable) {
        // What Baileys gives for a message it cannot decrypt: a placeholder, no content.
        this.on.undecryptable?.({ message_id: d.message_id, chat: d.group ?? person, from: person, timestamp: d.timestamp });
        return;
      }
      this.on.messageIn({
        message_id: d.message_id,
        chat: d.group ?? person,
        from: person,
        text: d.text,
        timestamp: d.timestamp,
        kind: d.kind ?? (backlog ? 'append' : 'notify'),
        ...(d.media ? { media: engineMedia(d.message_id, d.media) } : {}),
      });
    } else if (INBOX_DELIVERIES.has(d.type)) {
      deliverInbox(this.on, d); // a read on the phone, a label (sim/inbox.js)
    } else {
      const { type: _type, ...ack } = d;
      this.on.ack(ack);
      if (ack.error_code === '463') this.limitsWatch.after463();
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
    this.timers.later(ms, fn);
  }

  clearTimers() {
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

  /**
   * Writes a message onto the socket; WhatsApp's servers take it a moment later and
   * acknowledge it (network.js take): the answer here is only "written".
   * @param {{to: string, text: string, messageId?: string, media?: import('../../media/outbound.js').LocatedMedia, quoted?: {id: string}, ephemeralS?: number}} msg
   */
  async send({ to, text, messageId, media, quoted, ephemeralS }) {
    if (this.state !== 'open') throw new Error('the sim connection is not open');
    const id = messageId || `3EB0${randomBytes(9).toString('hex').toUpperCase()}`;
    // A group send needs the group's metadata: fetched once and kept, as the baileys engine does.
    if (to.endsWith('@g.us')) await this.network.queries.groupCache(this.id).ensure(to, (g) => this.network.queries.groupMetadata(this.id, g));
    await this.writeDelay();
    // The upload comes before the message, as with WhatsApp: the message only says where the file is.
    if (media) this.log.debug({ message_id: id, size: media.size }, 'sim upload started');
    const uploaded = media ? { ...(await uploadFile(media.path, this.transfer())), type: media.type,
      mimetype: media.mimetype, file_name: media.file_name } : undefined;
    if (this.state !== 'open') throw new Error('the sim connection closed while sending');
    const message = { to, text, ...(uploaded ? { media: uploaded } : {}), ...(quoted ? { quoted } : {}), ...(ephemeralS ? { ephemeral_s: ephemeralS } : {}) };
    this.sent?.put(id, to, Buffer.from(JSON.stringify(message), 'utf8')); // what a resend needs
    this.written({ messageId: id, ...message });
    return { message_id: id };
  }

  /** The stored copy again, same id (WhatsApp never confirmed it). @param {{messageId: string}} msg */
  async resend({ messageId }) {
    if (this.state !== 'open') throw new Error('the sim connection is not open');
    const stored = this.sent?.get(messageId);
    if (!stored) throw new Error(`no stored copy of message ${messageId}`);
    await this.writeDelay();
    if (this.state !== 'open') throw new Error('the sim connection closed while sending');
    this.written({ messageId, ...JSON.parse(Buffer.from(stored.content).toString('utf8')) });
    return { message_id: messageId };
  }

  /** @param {string} to @param {'composing'|'paused'} state */
  async typing(to, state) {
    if (this.state !== 'open') throw new Error('the sim connection is not open');
    this.network.queries.chatState(this.id, to, state);
  }

  /** @param {string} phone digits */
  async onWhatsApp(phone) {
    if (this.state !== 'open') throw new Error('the sim connection is not open');
    return this.network.queries.onWhatsApp(this.id, phone);
  }

  /** Whether this number still has a sent message (what answers a retry request). @param {string} messageId */
  hasSent(messageId) {
    return !!this.sent?.get(messageId);
  }

  /** send_ms on the wire; while silenced the write waits for the line (or dies with it). */
  writeDelay() {
    return new Promise((resolve, reject) => {
      const waiter = { resolve: () => { this.waiting.delete(waiter); resolve(undefined); }, reject: (/** @type {Error} */ e) => { this.waiting.delete(waiter); reject(e); } };
      this.waiting.add(waiter);
      this.after(this.opts.send_ms, () => {
        if (!this.silenced) waiter.resolve(); // silenced: wait for the line to come back or die
      });
    }).then(() => {
      if (this.state !== 'open') throw new Error('the sim connection closed while sending');
      if (!this.network.networkUp) throw new Error('the network is down');
    });
  }

  /**
   * On the socket: the servers take it at the next turn, unless the socket dies first (then
   * it is lost with it). A close armed by /sim/…/close {after} happens right after the write
   * (lost) or right after the take (taken, its ack not delivered).
   * @param {{messageId: string, to: string, text: string, media?: any, quoted?: any}} msg
   */
  written(msg) {
    const armed = this.closeAfter;
    if (armed?.after === 'write') {
      this.closeAfter = null;
      this.networkClose(armed.code);
      return;
    }
    this.after(0, () => {
      if (this.state !== 'open') return;
      // The takes of one turn share a commit (network.js take, store.write).
      const taken = this.network.take(this.id, msg, this.opts)
        .catch((err) => this.log.warn({ err, message_id: msg.messageId }, 'the sim network could not take a message'));
      if (armed?.after === 'take') {
        this.closeAfter = null;
        taken.then(() => this.networkClose(armed.code));
      }
    });
  }

  /** @param {number} code @param {'write'|'take'} after */
  armClose(code, after) {
    this.closeAfter = { code, after };
  }

  /** Pacing of media transfers; a transfer breaks when this socket closes. */
  transfer() {
    return { bps: this.opts.media_bps ?? 0, alive: () => this.state === 'open' && this.network.networkUp };
  }

  /** @param {any} ref  from sim/media.js engineMedia */
  async downloadMedia(ref) {
    if (this.state !== 'open' || !this.network.networkUp) throw new Error('the sim connection is not open');
    return openDownload(ref, this.transfer());
  }

  /** The phone uploads the file again (Baileys: updateMediaMessage). @param {any} ref */
  async reuploadMedia(ref) {
    if (this.state !== 'open') throw new Error('the sim connection is not open');
    this.network.mediaReuploads.push(ref.message_id);
    return { ...ref, expired: false };
  }

  /** @param {{chat: string, ids: string[], participant: string|null}} seen */
  async markSeen(seen) {
    if (this.state !== 'open') throw new Error('the sim connection is not open');
    this.network.markSeen(this.id, seen);
  }

  /** @param {string} phone */
  async requestPairingCode(phone) {
    if (this.state !== 'linking') throw new Error('the sim connection is not waiting for a link');
    const refusal = this.network.world.pairingRefusal;
    if (refusal) {
      // WhatsApp's <error code=… text="bad-request"/> to companion_hello, as the baileys engine reports it.
      throw Object.assign(new Error(pairingRefusedSentence(refusal, 'bad-request')), { code: 'pairing_refused' });
    }
    this.pairingPhone = phoneArg(phone, 'phone');
    let code = '';
    for (let i = 0; i < 8; i += 1) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
    return code;
  }
}

