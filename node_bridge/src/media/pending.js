// Inbound media messages taken from WhatsApp whose bytes are not stored yet, in
// bridge.sqlite3 (own table). A row is written when the engine hands the message over
// (in the same transaction as whatever the network keeps) and removed in the same
// transaction that journals message.in: after a kill -9 the download starts again at
// the next connect, and the message is announced exactly once.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS media_pending (
  session_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  data       TEXT NOT NULL,   -- message.in without media, as journaled at the end
  media      TEXT NOT NULL,   -- the engine's descriptor (type, mimetype, size, ref, ...)
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, message_id)
);
`;

/**
 * @typedef {object} PendingMedia
 * @property {string} session_id
 * @property {string} message_id
 * @property {Record<string, any>} data
 * @property {Record<string, any>} media
 * @property {number} attempts
 */

export class PendingMediaTable {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    db.exec(SCHEMA);
    this.insertStmt = db.prepare(`INSERT OR IGNORE INTO media_pending
      (session_id, message_id, data, media, created_at) VALUES (?, ?, ?, ?, ?)`);
    this.listStmt = db.prepare(
      'SELECT * FROM media_pending WHERE session_id = ? ORDER BY created_at, rowid');
    this.getStmt = db.prepare('SELECT * FROM media_pending WHERE session_id = ? AND message_id = ?');
    this.deleteStmt = db.prepare('DELETE FROM media_pending WHERE session_id = ? AND message_id = ?');
    this.failStmt = db.prepare(`UPDATE media_pending SET attempts = attempts + ?, last_error = ?
      WHERE session_id = ? AND message_id = ?`);
    this.refStmt = db.prepare('UPDATE media_pending SET media = ? WHERE session_id = ? AND message_id = ?');
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM media_pending');
  }

  /**
   * @param {string} sessionId @param {string} messageId
   * @param {object} data @param {object} media
   * @returns {boolean} false: already pending (a redelivery)
   */
  add(sessionId, messageId, data, media) {
    const info = this.insertStmt.run(sessionId, messageId, JSON.stringify(data), JSON.stringify(media),
      new Date().toISOString());
    return Number(info.changes) === 1;
  }

  /** @param {string} sessionId @returns {PendingMedia[]} oldest first */
  list(sessionId) {
    return this.listStmt.all(sessionId).map(parse);
  }

  /** @param {string} sessionId @param {string} messageId @returns {PendingMedia|null} */
  get(sessionId, messageId) {
    const row = this.getStmt.get(sessionId, messageId);
    return row ? parse(row) : null;
  }

  /** @param {string} sessionId @param {string} messageId */
  remove(sessionId, messageId) {
    this.deleteStmt.run(sessionId, messageId);
  }

  /**
   * @param {string} sessionId @param {string} messageId @param {string} error
   * @param {{counts?: boolean}} [opts]  counts: false for a cut that is not the file's fault
   */
  failed(sessionId, messageId, error, { counts = true } = {}) {
    this.failStmt.run(counts ? 1 : 0, error, sessionId, messageId);
  }

  /** A re-upload gave a new place to fetch from: keep it across restarts. @param {string} sessionId @param {string} messageId @param {object} media */
  updateMedia(sessionId, messageId, media) {
    this.refStmt.run(JSON.stringify(media), sessionId, messageId);
  }

  count() {
    return Number(/** @type {any} */ (this.countStmt.get()).n);
  }
}

/** @param {any} row @returns {PendingMedia} */
function parse(row) {
  return {
    session_id: String(row.session_id),
    message_id: String(row.message_id),
    data: JSON.parse(String(row.data)),
    media: JSON.parse(String(row.media)),
    attempts: Number(row.attempts),
  };
}
