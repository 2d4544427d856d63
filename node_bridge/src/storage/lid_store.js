// LID ↔ phone: WhatsApp addresses many people by a LID ("123456789@lid") instead of their
// phone number. Each pair Baileys reports (lid-mapping.update; remoteJidAlt/participantAlt
// on a message key; see engines/baileys/edges.js) is kept here, per session, in
// bridge.sqlite3, so a person is one chat whichever form a message used, also after a
// bridge restart. Its own table, created here (the auth tables are auth_db.js's).

const SCHEMA = `
CREATE TABLE IF NOT EXISTS lid_map (
  session_id TEXT NOT NULL,
  lid        TEXT NOT NULL,  -- user part of the LID jid
  phone      TEXT NOT NULL,  -- international digits
  learned_at TEXT NOT NULL,
  PRIMARY KEY (session_id, lid)
);
CREATE INDEX IF NOT EXISTS lid_map_by_phone ON lid_map (session_id, phone);
`;

/** "123456:7@lid" / "123456@lid" / "123456" → "123456"; null if it is not a LID. @param {unknown} jid */
export function lidUser(jid) {
  if (typeof jid !== 'string') return null;
  const m = /^(\d{1,32})(?::\d+)?(?:@(?:hosted\.)?lid)?$/.exec(jid);
  if (!m || (jid.includes('@') && !/@(hosted\.)?lid$/.test(jid))) return null;
  return m[1];
}

/** "628123:4@s.whatsapp.net" / "628123" → "628123"; null otherwise. @param {unknown} jid */
export function phoneUser(jid) {
  if (typeof jid !== 'string') return null;
  const m = /^(\d{5,20})(?::\d+)?(?:@(?:s\.whatsapp\.net|c\.us|hosted))?$/.exec(jid);
  return m ? m[1] : null;
}

/** @param {string} chat @returns {boolean} */
export const isLidChat = (chat) => typeof chat === 'string' && /@(hosted\.)?lid$/.test(chat);

export class LidStore {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    db.exec(SCHEMA);
    this.upsert = db.prepare(`INSERT INTO lid_map (session_id, lid, phone, learned_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (session_id, lid) DO UPDATE SET phone = excluded.phone, learned_at = excluded.learned_at
      WHERE phone <> excluded.phone`);
    this.byLid = db.prepare('SELECT phone FROM lid_map WHERE session_id = ? AND lid = ?');
    this.byPhone = db.prepare('SELECT lid FROM lid_map WHERE session_id = ? AND phone = ? ORDER BY learned_at DESC LIMIT 1');
  }

  /**
   * Remembers a pair (either order of jids is accepted, as Baileys' storeLIDPNMappings does).
   * @param {string} sessionId @param {unknown} a @param {unknown} b
   * @returns {{lid: string, phone: string}|null} the pair when it is new or changed, else null
   */
  remember(sessionId, a, b) {
    const lid = lidUser(a) && phoneUser(b) ? lidUser(a) : lidUser(b);
    const phone = lidUser(a) && phoneUser(b) ? phoneUser(b) : phoneUser(a);
    if (!lid || !phone || !(String(a).includes('@') || String(b).includes('@'))) return null;
    if (!isLidChat(String(a)) && !isLidChat(String(b))) return null;
    const changes = Number(this.upsert.run(sessionId, lid, phone, new Date().toISOString()).changes);
    return changes > 0 ? { lid, phone } : null;
  }

  /** @param {string} sessionId @param {string} lidJidOrUser @returns {string|null} phone digits */
  phoneFor(sessionId, lidJidOrUser) {
    const lid = lidUser(lidJidOrUser);
    if (!lid) return null;
    const row = this.byLid.get(sessionId, lid);
    return row ? String(row.phone) : null;
  }

  /** @param {string} sessionId @param {string} phone digits @returns {string|null} LID user */
  lidFor(sessionId, phone) {
    const row = this.byPhone.get(sessionId, phone);
    return row ? String(row.lid) : null;
  }

  /**
   * How the bridge names a chat: a LID with a known phone becomes the phone's digits.
   * @param {string} sessionId @param {string|null} chat
   */
  resolve(sessionId, chat) {
    if (!chat || !isLidChat(chat)) return chat;
    return this.phoneFor(sessionId, chat) ?? chat;
  }
}
