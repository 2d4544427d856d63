// From an accepted send to WhatsApp's word on it. The client_id is recorded before the
// network sees the message, under the WhatsApp id derived from it (message_ids.js); the
// message waits for its paced slot, goes onto the socket ("written"), and the answer waits
// for WhatsApp's server ack: only then is it "sent". A connection that closes in between
// leaves it written but unconfirmed; it goes again, with the same id, as soon as the
// number is connected again (WhatsApp de-duplicates the id), before anything else of it.
import { ApiError } from '../server/api_error.js';
import { errorText } from '../sessions/util.js';
import { waMessageId } from './message_ids.js';
import { SENT_KEEP_MS } from '../storage/outbound_store.js';
import { AckWaiters } from './server_acks.js';
import { checkRecipient } from './recipient_check.js';
import { resendNow, sendNow } from './connection.js';

/** WhatsApp acks a message within a second or two; this long without one is no answer. */
export const ACK_WAIT_MS = 15_000;

/**
 * @typedef {object} SendJob
 * @property {string} clientId
 * @property {string} to
 * @property {string} text
 * @property {string} textHash
 * @property {import('../media/outbound.js').LocatedMedia|null} file
 * @property {import('./extras.js').Quoted|null} quoted
 * @property {boolean} newContact
 * @property {number} reached  new contacts today, by the app's records
 * @property {import('../storage/outbound_store.js').OutboundRecord|undefined} existing
 */

export class SendPath {
  /**
   * @param {{store: import('../storage/store.js').Store, pacing: import('../pacing/gate.js').PacingGate,
   *   log: import('pino').Logger, ackWaitMs?: number}} deps
   */
  constructor({ store, pacing, log, ackWaitMs = ACK_WAIT_MS }) {
    this.store = store;
    this.pacing = pacing;
    this.log = log;
    this.ackWaitMs = ackWaitMs;
    this.acks = new AckWaiters();
    /** Sends and resends in flight by session+client_id: a concurrent retry joins the first. */
    this.inflight = new Map();
  }

  /**
   * A send the door accepted (sessions/manager.js): the recorded answer, or one attempt (joined by
   * a concurrent retry of the same client_id).
   * @param {import('../sessions/session.js').Session} session @param {SendJob} job
   */
  async send(session, job) {
    if (job.existing?.status === 'sent' || job.existing?.refusal) return this.recorded(job.existing);
    return this.once(session.id, job.clientId, () => {
      if (session.status !== 'connected') throw session.notConnected();
      return this.paced(session, job);
    });
  }

  /**
   * The answer a finished send keeps giving: sent, or WhatsApp's refusal.
   * @param {import('../storage/outbound_store.js').OutboundRecord} rec
   */
  recorded(rec) {
    if (rec.refusal) throw refusedError(JSON.parse(rec.refusal));
    return answer(rec);
  }

  /** A send or resend of this client_id is under way (a retry joins it). @param {string} sessionId @param {string} clientId */
  running(sessionId, clientId) {
    return this.inflight.has(`${sessionId}\u0000${clientId}`);
  }

  /**
   * @template T
   * @param {string} sessionId @param {string} clientId @param {() => Promise<T>} run
   * @returns {Promise<T>}
   */
  async once(sessionId, clientId, run) {
    const key = `${sessionId}\u0000${clientId}`;
    const running = this.inflight.get(key);
    if (running) return running;
    const attempt = Promise.resolve().then(run);
    this.inflight.set(key, attempt);
    try {
      return await attempt;
    } finally {
      if (this.inflight.get(key) === attempt) this.inflight.delete(key);
    }
  }

  /** @param {import('../sessions/session.js').Session} session @param {SendJob} job */
  async paced(session, job) {
    // Written once already and never confirmed: the same message again, not another reach-out.
    const again = Boolean(job.existing?.written_at);
    if (!again) await checkRecipient(session, job.to, job); // before a slot: a phone not on WhatsApp takes none
    const giveBack = again ? () => {} : await this.pacing.turn(session, job.newContact, job.reached);
    const messageId = job.existing?.message_id ?? waMessageId(session.id, job.clientId);
    if (!job.existing) {
      // On disk before the network sees it; the sends of one turn share the commit.
      const pending = { sessionId: session.id, clientId: job.clientId, messageId, to: job.to, textHash: job.textHash };
      await this.store.write(() => this.store.outbound.insertPending(pending));
    }
    if (!again) await this.pacing.typing(session, job.to);
    // A chat with disappearing messages on: the message disappears the same way.
    const ephemeral = this.store.chatFacts.ephemeral(session.id, job.to);
    const message = { to: job.to, text: job.text, messageId, ...(job.file ? { media: job.file } : {}), ...(job.quoted ? { quoted: job.quoted } : {}),
      ...(ephemeral ? { ephemeralS: ephemeral } : {}) };
    const write = () => sendNow(session, message).catch((err) => {
      throw job.file && /** @type {any} */ (err)?.code === 'ENOENT' ? mediaGone(job.file.sha256) : err;
    });
    return this.writeAndWait(session, job.clientId, messageId, write, giveBack);
  }

  /**
   * Writes one message and waits for WhatsApp's word on it.
   * @param {import('../sessions/session.js').Session} session @param {string} clientId @param {string} messageId
   * @param {() => Promise<unknown>} write @param {() => void} [giveBack] the paced slot, if it did not go
   */
  async writeAndWait(session, clientId, messageId, write, giveBack = () => {}) {
    const wait = this.acks.expect(session.id, messageId);
    try {
      await write();
    } catch (err) {
      wait.cancel();
      giveBack();
      throw sendError(session, err);
    }
    await this.store.write(() => this.store.outbound.markWritten(session.id, messageId));
    const outcome = await wait.settled(this.ackWaitMs);
    if (outcome.kind === 'sent') return answer(/** @type {any} */ (this.store.outbound.get(session.id, clientId)));
    if (outcome.kind === 'failed') throw refusedError(outcome.refusal);
    if (outcome.kind === 'closed') {
      throw new ApiError(409, 'session_not_connected', `The connection of ${session.id} closed before WhatsApp confirmed the message; `
        + 'it goes again, with the same id, when the number is connected.');
    }
    throw new ApiError(504, 'not_confirmed', 'WhatsApp has not confirmed the message yet; a retry sends it again with the same id.');
  }

  /**
   * The number is connected again: what it wrote before and WhatsApp never confirmed goes
   * again, oldest first, with the same ids (the engine sends its stored copy).
   * @param {import('../sessions/session.js').Session} session
   */
  async resendUnacked(session) {
    const rows = this.store.outbound.unacked(session.id, Date.now() - SENT_KEEP_MS);
    for (const row of rows) {
      if (session.status !== 'connected') return;
      try {
        const resent = await this.once(session.id, row.client_id, async () => {
          // The list was read at the open: the app's retry may have sent it since.
          if (!this.stillUnconfirmed(session.id, row.client_id)) return false;
          await this.writeAndWait(session, row.client_id, row.message_id, () => resendNow(session, { messageId: row.message_id, to: row.to_addr }));
          return true;
        });
        if (resent) this.log.info({ session: session.id, message_id: row.message_id }, 'unconfirmed message sent again and confirmed');
      } catch (err) {
        this.log.warn({ session: session.id, message_id: row.message_id, err }, 'could not send an unconfirmed message again');
      }
    }
  }

  /** Written, and neither confirmed nor refused yet. @param {string} sessionId @param {string} clientId */
  stillUnconfirmed(sessionId, clientId) {
    const rec = this.store.outbound.get(sessionId, clientId);
    return Boolean(rec && rec.status !== 'sent' && !rec.refusal);
  }
}

/** What a failed write means for the caller. @param {any} session @param {unknown} err */
function sendError(session, err) {
  if (err instanceof ApiError) return err;
  if (session.status !== 'connected') return session.notConnected();
  return new ApiError(502, 'send_failed', `WhatsApp did not take the message: ${errorText(err)}`);
}

/** @param {string} sha256 */
export function mediaGone(sha256) {
  return new ApiError(422, 'media_missing', `The file ${sha256} disappeared from the media folder before it was sent.`);
}

/** WhatsApp refused the message: final; the words and code go with it. @param {{error_code: string|null, reason: string, error: string}} refusal */
function refusedError(refusal) {
  const error = new ApiError(422, 'rejected', refusal.error);
  error.extra = { error_code: refusal.error_code, reason: refusal.reason };
  return error;
}

/** @param {import('../storage/outbound_store.js').OutboundRecord} rec */
function answer(rec) {
  return { client_id: rec.client_id, message_id: rec.message_id, status: 'sent' };
}
