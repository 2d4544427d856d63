// The sim network's journal: what the simulated WhatsApp network received, in its own
// table of bridge.sqlite3, so a duplicate send shows up and receipts not yet taken are
// offered again after a crash. Only the sim engine uses it; the store only holds the table.
import { addColumnIfMissing } from '../../storage/store.js';

/** The journal's table (main.js hands it to the Store, which salvages it with the rest). */
export const SIM_JOURNAL_SCHEMA = `
-- What the simulated WhatsApp network received: one row per delivery, no dedup,
-- so a duplicate send would show up here.
CREATE TABLE IF NOT EXISTS sim_network (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  client_id  TEXT,
  to_addr    TEXT NOT NULL,
  text       TEXT NOT NULL,
  at         TEXT NOT NULL,
  -- the furthest receipt the client has taken: the network keeps offering the rest
  receipt    TEXT NOT NULL DEFAULT 'none'
);
-- Receipts and replies look a message up by id: without this, each is a table scan.
CREATE INDEX IF NOT EXISTS sim_network_by_message ON sim_network (session_id, message_id);
`;

// failed: WhatsApp refused it; no receipt will ever follow.
const RECEIPT_RANK = { none: 0, sent: 1, delivered: 2, read: 3, failed: 9 };

export class SimNetworkJournal {
  /** @param {import('node:sqlite').DatabaseSync} db bridge.sqlite3 (store.js) */
  constructor(db) {
    db.exec(SIM_JOURNAL_SCHEMA);
    addColumnIfMissing(db, 'sim_network', 'receipt', "TEXT NOT NULL DEFAULT 'none'");
    this.insertStmt = db.prepare(`INSERT INTO sim_network
      (session_id, message_id, client_id, to_addr, text, at) VALUES (?, ?, ?, ?, ?, ?)`);
    this.allStmt = db.prepare('SELECT * FROM sim_network ORDER BY id');
    this.receiptStmt = db.prepare(
      'UPDATE sim_network SET receipt = ? WHERE session_id = ? AND message_id = ?');
    this.receiptOfStmt = db.prepare(
      'SELECT receipt FROM sim_network WHERE session_id = ? AND message_id = ? LIMIT 1');
    this.sessionRowsStmt = db.prepare(
      'SELECT message_id, to_addr, receipt FROM sim_network WHERE session_id = ? ORDER BY id');
    this.chatStmt = db.prepare(
      'SELECT to_addr FROM sim_network WHERE session_id = ? AND message_id = ? ORDER BY id DESC LIMIT 1');
  }

  /** @param {{sessionId: string, messageId: string, clientId: string|null, to: string, text: string}} rec */
  record({ sessionId, messageId, clientId, to, text }) {
    this.insertStmt.run(sessionId, messageId, clientId, to, text, new Date().toISOString());
  }

  /**
   * The client took a receipt: remember the furthest one (receipts never go back).
   * @param {string} sessionId @param {string} messageId @param {string} status
   */
  markReceipt(sessionId, messageId, status) {
    const row = this.receiptOfStmt.get(sessionId, messageId);
    if (!row) return;
    const current = String(row.receipt);
    if ((RECEIPT_RANK[status] ?? 0) > (RECEIPT_RANK[current] ?? 0)) {
      this.receiptStmt.run(status, sessionId, messageId);
    }
  }

  /**
   * Receipts the client has not taken yet, up to `upto`, in order: what the network
   * offers again at the next login (a bridge crash loses the in-memory queue, not these).
   * @param {string} sessionId @param {'sent'|'delivered'|'read'} upto
   * @returns {{message_id: string, to: string, status: string}[]}
   */
  missingReceipts(sessionId, upto) {
    const order = ['sent', 'delivered', 'read'];
    const limit = RECEIPT_RANK[upto];
    const missing = [];
    for (const r of this.sessionRowsStmt.all(sessionId)) {
      const taken = RECEIPT_RANK[String(r.receipt)] ?? 0;
      for (const status of order) {
        const rank = RECEIPT_RANK[status];
        if (rank > taken && rank <= limit) {
          missing.push({ message_id: String(r.message_id), to: String(r.to_addr), status });
        }
      }
    }
    return missing;
  }

  /** @returns {{session_id: string, message_id: string, client_id: string|null, to: string, text: string, at: string}[]} */
  all() {
    return this.allStmt.all().map((r) => ({
      session_id: String(r.session_id),
      message_id: String(r.message_id),
      client_id: r.client_id == null ? null : String(r.client_id),
      to: String(r.to_addr),
      text: String(r.text),
      at: String(r.at),
    }));
  }

  /**
   * @param {string} sessionId
   * @param {string} messageId
   * @returns {string|null} the address the message went to
   */
  recipientOf(sessionId, messageId) {
    const row = this.chatStmt.get(sessionId, messageId);
    return row ? String(row.to_addr) : null;
  }
}
