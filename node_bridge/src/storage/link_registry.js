// bridge/links.json: the numbers that hold a WhatsApp link, kept beside bridge.sqlite3.
// If bridge.sqlite3 vanishes (deleted while the bridge ran, then a crash) or comes back
// without their rows, the bridge knows whose links were lost and says so, instead of
// showing those numbers a fresh QR code as if they had never been linked.
import fs from 'node:fs';
import path from 'node:path';

export const LINKS_FILE = 'links.json';

export class LinkRegistry {
  /** @param {string} dataDir */
  constructor(dataDir) {
    this.file = path.join(dataDir, LINKS_FILE);
    /** @type {Set<string>} */
    this.ids = new Set();
    /** @type {Set<string>} logged out, but their keys could not be deleted yet */
    this.owed = new Set();
    try {
      const doc = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      for (const [key, set] of /** @type {const} */ ([['linked', this.ids], ['wipe_owed', this.owed]])) {
        if (Array.isArray(doc?.[key])) for (const id of doc[key]) if (typeof id === 'string') set.add(id);
      }
    } catch {
      // none yet, or torn: it is rebuilt from the next links
    }
  }

  /** @returns {string[]} */
  list() {
    return [...this.ids].sort();
  }

  /** @param {string} id */
  add(id) {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.save();
  }

  /** @param {string} id */
  remove(id) {
    if (!this.ids.delete(id)) return;
    this.save();
  }

  /** A wipe failed: remembered so a restart finishes it. @param {string} id @param {boolean} owed */
  owe(id, owed) {
    if (this.owed.has(id) === owed) return;
    if (owed) this.owed.add(id);
    else this.owed.delete(id);
    this.save();
  }

  save() {
    const tmp = `${this.file}.tmp`;
    try {
      const doc = { linked: this.list(), wipe_owed: [...this.owed].sort() };
      fs.writeFileSync(tmp, JSON.stringify(doc), { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch {
      // a full disk: the registry is a hint, bridge.sqlite3 stays the truth
    }
  }
}
