// What bridge.sqlite3 keeps of the messages a number sends: one outbound row per
// (session, client_id) that makes a retry safe, and the message itself as WhatsApp got it
// (encoded), so a recipient's retry request can be answered and an unconfirmed send can go
// again with the same id after a restart.
//
// An outbound row is `pending` until WhatsApp's server acknowledges the message, then
// `sent`. `written_at`: the message went onto the socket (no ack yet); `refusal`: WhatsApp
// refused it (JSON {error_code, reason, error}): final, a retry gets the same answer.

/** How long a sent message is kept for retries and resends (WAHA and Evolution keep days). */
export const SENT_KEEP_MS = 14 * 24 * 3_600_000;

export const OUTBOUND_SCHEMA = `
CREATE TABLE IF NOT EXISTS outbound (
  session_id TEXT NOT NULL,
  client_id  TEXT NOT NULL,
  message_id TEXT NOT NULL,
  to_addr    TEXT NOT NULL,
  text_hash  TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('pending', 'sent')),
  created_at TEXT NOT NULL,
  sent_at    TEXT,
  written_at TEXT,
  refusal    TEXT,
  PRIMARY KEY (session_id, client_id)
);
CREATE INDEX IF NOT EXISTS outbound_by_message ON outbound (session_id, message_id);
-- The message as it went to WhatsApp, engine-encoded (Baileys: proto.Message bytes).
CREATE TABLE IF NOT EXISTS sent_messages (
  session_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  jid        TEXT NOT NULL,
  content    BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, message_id)
);
CREATE INDEX IF NOT EXISTS sent_messages_by_age ON sent_messages (created_at);
`;

/** Columns added to outbound after it first shipped. */
export const OUTBOUND_COLUMNS = [['written_at', 'TEXT'], ['refusal', 'TEXT']];

/**
 * @typedef {object} OutboundRecord
 * @property {string} session_id
 * @property {string} client_id
 * @property {string} message_id
 * @property {string} to_addr
 * @property {string} text_hash
 * @property {'pending'|'sent'} status
 * @property {string|null} written_at
 * @property {string|null} refusal
 */

const iso = () => new Date().toISOString();

export class Outbound {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    this.getStmt = db.prepare('SELECT * FROM outbound WHERE session_id = ? AND client_id = ?');
    this.byMessageStmt = db.prepare(
      'SELECT client_id FROM outbound WHERE session_id = ? AND message_id = ? LIMIT 1');
    this.insertStmt = db.prepare(`INSERT INTO outbound
      (session_id, client_id, message_id, to_addr, text_hash, status, created_at)
      VALUES (?, ?, ?, ?, ?, 'pending', ?)`);
    this.writtenStmt = db.prepare(`UPDATE outbound SET written_at = ?
      WHERE session_id = ? AND message_id = ? AND status = 'pending'`);
    this.sentStmt = db.prepare(`UPDATE outbound SET status = 'sent', sent_at = ?
      WHERE session_id = ? AND message_id = ? AND status = 'pending' AND refusal IS NULL`);
    this.refusedStmt = db.prepare(`UPDATE outbound SET refusal = ?
      WHERE session_id = ? AND message_id = ? AND status = 'pending'`);
    this.unackedStmt = db.prepare(`SELECT * FROM outbound WHERE session_id = ? AND status = 'pending'
      AND written_at IS NOT NULL AND refusal IS NULL AND written_at >= ? ORDER BY written_at`);
  }

  /** @param {string} sessionId @param {string} clientId @returns {OutboundRecord|undefined} */
  get(sessionId, clientId) {
    return /** @type {any} */ (this.getStmt.get(sessionId, clientId));
  }

  /** @param {{sessionId: string, clientId: string, messageId: string, to: string, textHash: string}} rec */
  insertPending({ sessionId, clientId, messageId, to, textHash }) {
    this.insertStmt.run(sessionId, clientId, messageId, to, textHash, iso());
  }

  /** The message is on the socket; WhatsApp has not confirmed it yet. @param {string} sessionId @param {string} messageId */
  markWritten(sessionId, messageId) {
    this.writtenStmt.run(iso(), sessionId, messageId);
  }

  /**
   * WhatsApp's server acknowledged it (or a later receipt proves it had). Idempotent.
   * @param {string} sessionId @param {string} messageId
   * @returns {boolean} the row changed now
   */
  markSentByMessageId(sessionId, messageId) {
    return Number(this.sentStmt.run(iso(), sessionId, messageId).changes) > 0;
  }

  /** @param {string} sessionId @param {string} messageId @param {{error_code: string|null, reason: string, error: string}} refusal */
  markRefused(sessionId, messageId, refusal) {
    this.refusedStmt.run(JSON.stringify(refusal), sessionId, messageId);
  }

  /**
   * Messages written to a socket that WhatsApp never confirmed, oldest first: they go again
   * (same id) when the number connects.
   * @param {string} sessionId @param {number} sinceMs only those written after this
   * @returns {OutboundRecord[]}
   */
  unacked(sessionId, sinceMs) {
    return /** @type {any} */ (this.unackedStmt.all(sessionId, new Date(sinceMs).toISOString()));
  }

  /** @param {string} sessionId @param {string} messageId @returns {string|null} */
  clientIdFor(sessionId, messageId) {
    const row = this.byMessageStmt.get(sessionId, messageId);
    return row ? String(row.client_id) : null;
  }
}

/** The sent messages themselves, per session, for 14 days. */
export class SentMessages {
  /** @param {import('node:sqlite').DatabaseSync} db @param {{now?: () => number}} [opts] */
  constructor(db, { now = Date.now } = {}) {
    this.now = now;
    this.putStmt = db.prepare(`INSERT INTO sent_messages (session_id, message_id, jid, content, created_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, message_id) DO UPDATE SET jid = excluded.jid,
      content = excluded.content, created_at = excluded.created_at`);
    this.getStmt = db.prepare(
      'SELECT jid, content FROM sent_messages WHERE session_id = ? AND message_id = ? AND created_at >= ?');
    this.pruneStmt = db.prepare('DELETE FROM sent_messages WHERE created_at < ?');
    this.forgetStmt = db.prepare('DELETE FROM sent_messages WHERE session_id = ?');
    this.puts = 0;
  }

  /** @param {string} sessionId @param {string} messageId @param {string} jid @param {Uint8Array} content */
  put(sessionId, messageId, jid, content) {
    this.putStmt.run(sessionId, messageId, jid, content, this.now());
    if (++this.puts % 100 === 1) this.prune();
  }

  /** @param {string} sessionId @param {string} messageId @returns {{jid: string, content: Uint8Array}|null} */
  get(sessionId, messageId) {
    const row = this.getStmt.get(sessionId, messageId, this.now() - SENT_KEEP_MS);
    return row ? { jid: String(row.jid), content: /** @type {Uint8Array} */ (row.content) } : null;
  }

  /** Drops what is older than 14 days. @returns {number} rows removed */
  prune() {
    return Number(this.pruneStmt.run(this.now() - SENT_KEEP_MS).changes);
  }

  /** After a logout the next link is another device: its old messages are nobody's. @param {string} sessionId */
  forget(sessionId) {
    this.forgetStmt.run(sessionId);
  }

  /**
   * One session's view, as the engines take it (ctx.sent).
   * @param {string} sessionId
   */
  forSession(sessionId) {
    return {
      /** @param {string} messageId @param {string} jid @param {Uint8Array} content */
      put: (messageId, jid, content) => this.put(sessionId, messageId, jid, content),
      /** @param {string} messageId */
      get: (messageId) => this.get(sessionId, messageId),
    };
  }
}
