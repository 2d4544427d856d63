// What the bridge learned about a number's chats and keeps between runs (bridge.sqlite3
// chat_facts): whether a phone is on WhatsApp (asked once per new recipient: Baileys'
// onWhatsApp, a usync query), and a chat's disappearing-messages timer (so a message
// into it carries the same expiration).

/** A phone found on WhatsApp stays so for this long before it is asked again. */
export const ON_WHATSAPP_KEEP_MS = 30 * 24 * 3_600_000;
/** One found not on WhatsApp may register any day: asked again after a day. */
export const NOT_ON_WHATSAPP_KEEP_MS = 24 * 3_600_000;

export const CHAT_FACTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS chat_facts (
  session_id   TEXT NOT NULL,
  chat         TEXT NOT NULL,
  on_whatsapp  INTEGER,
  checked_at   INTEGER,
  ephemeral_s  INTEGER,
  PRIMARY KEY (session_id, chat)
);
`;

export class ChatFacts {
  /** @param {import('node:sqlite').DatabaseSync} db @param {{now?: () => number}} [opts] */
  constructor(db, { now = Date.now } = {}) {
    this.now = now;
    this.getStmt = db.prepare('SELECT on_whatsapp, checked_at, ephemeral_s FROM chat_facts WHERE session_id = ? AND chat = ?');
    this.onWhatsAppStmt = db.prepare(`INSERT INTO chat_facts (session_id, chat, on_whatsapp, checked_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (session_id, chat) DO UPDATE SET on_whatsapp = excluded.on_whatsapp, checked_at = excluded.checked_at`);
    this.ephemeralStmt = db.prepare(`INSERT INTO chat_facts (session_id, chat, ephemeral_s) VALUES (?, ?, ?)
      ON CONFLICT (session_id, chat) DO UPDATE SET ephemeral_s = excluded.ephemeral_s`);
    this.forgetStmt = db.prepare('DELETE FROM chat_facts WHERE session_id = ?');
  }

  /**
   * Whether the phone is on WhatsApp, as last asked, or null when not asked (or too long ago).
   * @param {string} sessionId @param {string} phone digits @returns {boolean|null}
   */
  onWhatsApp(sessionId, phone) {
    const row = this.getStmt.get(sessionId, phone);
    if (row?.on_whatsapp == null || row.checked_at == null) return null;
    const yes = Number(row.on_whatsapp) === 1;
    const keep = yes ? ON_WHATSAPP_KEEP_MS : NOT_ON_WHATSAPP_KEEP_MS;
    return this.now() - Number(row.checked_at) < keep ? yes : null;
  }

  /** @param {string} sessionId @param {string} phone @param {boolean} yes */
  setOnWhatsApp(sessionId, phone, yes) {
    this.onWhatsAppStmt.run(sessionId, phone, yes ? 1 : 0, this.now());
  }

  /** The chat's disappearing-messages timer in seconds (0: off), or null when not known. @param {string} sessionId @param {string} chat */
  ephemeral(sessionId, chat) {
    const row = this.getStmt.get(sessionId, chat);
    return row?.ephemeral_s == null ? null : Number(row.ephemeral_s);
  }

  /** @param {string} sessionId @param {string} chat @param {number} seconds 0: off */
  setEphemeral(sessionId, chat, seconds) {
    this.ephemeralStmt.run(sessionId, chat, seconds);
  }

  /** A logout: the next link is another device, its chats start unknown. @param {string} sessionId */
  forget(sessionId) {
    this.forgetStmt.run(sessionId);
  }
}
