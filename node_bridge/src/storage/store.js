// bridge.sqlite3: one file for everything the bridge must not lose: WhatsApp
// auth state (AuthDb, its own tables), the durable event journal, the outbound
// send records that make retries idempotent (and what an engine adds: the sim's journal,
// engines/sim/journal.js).
// node:sqlite is synchronous, so a row is on disk (WAL + synchronous=FULL) when
// the call returns: "journal before emit" needs no await.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { AuthDb } from './auth_db.js';
import { Commits } from './commits.js';
import { checkBridgeDb, missingDb } from './db_health.js';
import { LinkRegistry } from './link_registry.js';
import { OUTBOUND_COLUMNS, OUTBOUND_SCHEMA, Outbound, SentMessages } from './outbound_store.js';
import { CHAT_FACTS_SCHEMA, ChatFacts } from './chat_facts.js';

/** @typedef {import('./outbound_store.js').OutboundRecord} OutboundRecord */

export const DB_FILE = 'bridge.sqlite3';
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bridge_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- Durable events (message.in, message.ack) until the app acknowledges them.
CREATE TABLE IF NOT EXISTS event_journal (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  type       TEXT NOT NULL,
  session_id TEXT NOT NULL,
  data       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;


/** @param {string} text */
export function hashText(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class Store {
  /**
   * @param {string} dataDir
   * @param {import('pino').Logger} log
   * @param {{schemas?: string[]}} [extra] tables an engine keeps here (engines/sim/journal.js):
   *   created with the others, so a damaged file's rows of them are salvaged too
   */
  constructor(dataDir, log, { schemas = [] } = {}) {
    this.file = path.join(dataDir, DB_FILE);
    const existed = fs.existsSync(this.file);
    const quarantineDir = path.join(dataDir, 'quarantine');
    /** @type {import('./db_health.js').Recovery|null} a damaged file found at this start */
    this.recovery = checkBridgeDb(this.file, quarantineDir, (db) => {
      db.exec(SCHEMA);
      db.exec(OUTBOUND_SCHEMA);
      db.exec(CHAT_FACTS_SCHEMA);
      for (const schema of schemas) db.exec(schema);
      new AuthDb(db, { quarantineDir }); // creates its tables
    }, log);
    this.links = new LinkRegistry(dataDir);
    if (!existed && this.links.list().length) {
      this.recovery = missingDb(quarantineDir, this.links.list());
      log.warn({ recovery: this.recovery }, 'bridge.sqlite3 was missing; the links of these numbers are lost');
    } else if (this.recovery) {
      // links.json names the numbers even where the damaged file could not tell them
      const kept = new Set(this.recovery.kept_sessions);
      const lost = new Set([...this.recovery.lost_sessions, ...this.links.list().filter((id) => !kept.has(id))]);
      this.recovery.lost_sessions = [...lost].sort();
    }
    /** Numbers whose lost link was not reported yet (each is told once, then may re-link). */
    this.unreportedLost = new Set(this.recovery?.lost_sessions ?? []);
    /** @type {Set<string>} told already in this boot */
    this.reportedLost = new Set();
    this.db = new DatabaseSync(this.file);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = FULL');
    this.db.exec('PRAGMA busy_timeout = 5000');
    this.db.exec('PRAGMA foreign_keys = ON');
    this.commits = new Commits(this.db, log);
    this.transaction(() => {
      this.db.exec(SCHEMA);
      this.db.exec(OUTBOUND_SCHEMA);
      this.db.exec(CHAT_FACTS_SCHEMA);
      for (const [column, type] of OUTBOUND_COLUMNS) addColumnIfMissing(this.db, 'outbound', column, type);
      this.db.prepare('INSERT OR IGNORE INTO bridge_meta (key, value) VALUES (?, ?)')
        .run('schema_version', String(SCHEMA_VERSION));
    });
    fs.mkdirSync(quarantineDir, { recursive: true, mode: 0o700 });
    this.auth = new AuthDb(this.db, { quarantineDir, log: log.child({ component: 'auth' }) });
    this.finishOwedWipes(log);
    this.journal = new Journal(this.db, (fn) => this.transaction(fn), (cb) => this.commits.afterCommit(cb));
    this.outbound = new Outbound(this.db);
    this.sent = new SentMessages(this.db);
    this.meta = new BridgeMeta(this.db);
    this.chatFacts = new ChatFacts(this.db);
    this.closed = false;
  }

  /**
   * Runs fn in one transaction (nested calls join the outer one).
   * @template T
   * @param {() => T} fn
   * @returns {T}
   */
  transaction(fn) {
    return this.commits.transaction(fn);
  }

  /**
   * cb once what is being written now is committed (at once outside a transaction; never
   * if it rolls back): what acts on a write waits for it to be on disk.
   * @param {() => void} cb
   */
  afterCommit(cb) {
    this.commits.afterCommit(cb);
  }

  /**
   * fn's writes in the commit shared by this turn of the event loop (commits.js);
   * resolves with fn's result once they are on disk.
   * @template T
   * @param {() => T} fn
   * @returns {Promise<T>}
   */
  write(fn) {
    return this.commits.write(fn);
  }

  /**
   * True once for a number whose link was lost with a damaged bridge.sqlite3 (when the file
   * could not tell which numbers, for every number that starts without a link in this boot).
   * @param {string} sessionId
   */
  takeLostLink(sessionId) {
    if (!this.recovery || this.reportedLost.has(sessionId)) return false;
    if (!this.unreportedLost.has(sessionId) && !this.recovery.links_unknown) return false;
    this.unreportedLost.delete(sessionId);
    this.reportedLost.add(sessionId);
    this.links.remove(sessionId);
    return true;
  }

  /**
   * Logouts whose key wipe failed before the last exit: finished now, before any start.
   * @param {import('pino').Logger} log
   */
  finishOwedWipes(log) {
    for (const id of [...this.links.owed]) {
      try {
        this.auth.forSession(id).wipe();
        this.links.owe(id, false);
        this.links.remove(id);
        log.info({ session: id }, 'finished a key wipe owed from before the restart');
      } catch (err) {
        log.error({ err, session: id }, 'a key wipe owed from before the restart failed again');
      }
    }
  }

  /** Folds the WAL back into the main file and closes; safe to call twice. */
  close() {
    if (this.closed) return;
    this.closed = true;
    this.commits.close();
    try {
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
    }
  }
}

/** Small facts the bridge keeps between runs (bridge_meta): JSON values by key. */
class BridgeMeta {
  /** @param {DatabaseSync} db */
  constructor(db) {
    this.getStmt = db.prepare('SELECT value FROM bridge_meta WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO bridge_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  /** @param {string} key @returns {any} the value, or undefined (missing or unreadable) */
  get(key) {
    const row = this.getStmt.get(key);
    try {
      return row ? JSON.parse(String(row.value)) : undefined;
    } catch {
      return undefined;
    }
  }

  /** @param {string} key @param {unknown} value */
  set(key, value) {
    this.setStmt.run(key, JSON.stringify(value));
  }
}

class Journal {
  /**
   * @param {DatabaseSync} db
   * @param {<T>(fn: () => T) => T} transaction
   * @param {(cb: () => void) => void} afterCommit  cb once the rows written now are committed
   */
  constructor(db, transaction, afterCommit) {
    this.transaction = transaction;
    this.afterCommit = afterCommit;
    this.insertStmt = db.prepare(
      'INSERT INTO event_journal (type, session_id, data, created_at) VALUES (?, ?, ?, ?)');
    this.allStmt = db.prepare('SELECT id, type, data FROM event_journal ORDER BY id');
    this.deleteStmt = db.prepare('DELETE FROM event_journal WHERE id = ?');
  }

  /**
   * @param {string} type
   * @param {string} sessionId
   * @param {object} data
   * @returns {number} journal id
   */
  append(type, sessionId, data) {
    const info = this.insertStmt.run(type, sessionId, JSON.stringify(data), new Date().toISOString());
    return Number(info.lastInsertRowid);
  }

  /** @returns {{id: number, type: string, data: object}[]} */
  all() {
    return this.allStmt.all().map((row) => ({
      id: Number(row.id), type: String(row.type), data: JSON.parse(String(row.data)),
    }));
  }

  /**
   * @param {number[]} ids
   * @returns {number} rows removed
   */
  remove(ids) {
    return this.transaction(() => {
      let removed = 0;
      for (const id of ids) removed += Number(this.deleteStmt.run(id).changes);
      return removed;
    });
  }
}

/**
 * A column added after a table first shipped (CREATE TABLE IF NOT EXISTS leaves old tables be).
 * @param {DatabaseSync} db @param {string} table @param {string} column @param {string} type
 */
export function addColumnIfMissing(db, table, column, type) {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all().map((c) => String(c.name));
  if (!columns.includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
}
