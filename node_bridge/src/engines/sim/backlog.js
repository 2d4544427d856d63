// What WhatsApp's servers keep for a client that has not taken it yet (messages and
// receipts for a number that is offline), in bridge.sqlite3: the sim's "server" survives
// a kill -9 of the bridge as WhatsApp's would. Also the contacts each number already
// talks to (a time lock or a cap only stops messages to new ones). Own tables.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sim_backlog (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  delivery   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sim_backlog_by_session ON sim_backlog (session_id, id);
CREATE TABLE IF NOT EXISTS sim_contacts (
  session_id TEXT NOT NULL,
  contact    TEXT NOT NULL,
  PRIMARY KEY (session_id, contact)
);
`;

export class SimBacklog {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    db.exec(SCHEMA);
    this.insertStmt = db.prepare('INSERT INTO sim_backlog (session_id, delivery) VALUES (?, ?)');
    this.listStmt = db.prepare('SELECT id, delivery FROM sim_backlog WHERE session_id = ? ORDER BY id');
    this.deleteStmt = db.prepare('DELETE FROM sim_backlog WHERE id = ?');
    this.countStmt = db.prepare('SELECT session_id, COUNT(*) AS n FROM sim_backlog GROUP BY session_id');
    this.contactStmt = db.prepare('INSERT OR IGNORE INTO sim_contacts (session_id, contact) VALUES (?, ?)');
    this.knowsStmt = db.prepare('SELECT 1 FROM sim_contacts WHERE session_id = ? AND contact = ?');
  }

  /** @param {string} sessionId @param {object} delivery */
  push(sessionId, delivery) {
    this.insertStmt.run(sessionId, JSON.stringify(delivery));
  }

  /** @param {string} sessionId @returns {{id: number, delivery: any}[]} oldest first */
  list(sessionId) {
    return this.listStmt.all(sessionId).map((r) => ({ id: Number(r.id), delivery: JSON.parse(String(r.delivery)) }));
  }

  /** @param {number} id */
  remove(id) {
    this.deleteStmt.run(id);
  }

  /** @returns {Record<string, number>} waiting deliveries per session */
  counts() {
    return Object.fromEntries(this.countStmt.all().map((r) => [String(r.session_id), Number(r.n)]));
  }

  /** @param {string} sessionId @param {string} contact digits or a group jid */
  knowContact(sessionId, contact) {
    this.contactStmt.run(sessionId, contact);
  }

  /** @param {string} sessionId @param {string} contact */
  knows(sessionId, contact) {
    return !!this.knowsStmt.get(sessionId, contact);
  }
}
