// bridge.sqlite3 checked before the bridge uses it. A damaged file (a torn page after a
// power cut, garbage, a damaged journal) used to crash every start ("file is not a
// database", "malformed") until the supervisor gave up. Now the damaged file, with its
// -wal and -shm, is moved whole into quarantine/ (nothing is deleted), every row that can
// still be read is copied into a fresh file, and what could not be read is reported:
// in the log, in GET /health, and as the status reason of each number that lost its link.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The problem of a Recovery whose file was not damaged but gone. */
export const MISSING_DB = 'bridge.sqlite3 was missing';

const BUSY = /database is locked|database table is locked|busy/i;

/** Tables copied from a damaged file, in this order. */
const SALVAGE_TABLES = ['bridge_meta', 'wa_auth_creds', 'wa_auth_keys', 'event_journal', 'outbound', 'sent_messages', 'sim_network'];

/**
 * @typedef {object} Recovery  what happened to a damaged bridge.sqlite3 at this start
 * @property {string} problem          SQLite's words for the damage
 * @property {string} quarantine       folder that holds the damaged files, untouched
 * @property {string[]} kept_sessions  numbers whose link was read back whole
 * @property {string[]} lost_sessions  numbers whose link could not be read back
 * @property {boolean} unreadable      nothing at all could be read
 * @property {boolean} links_unknown   links were lost whose numbers are unknown (unreadable file or creds table)
 * @property {Record<string, number>} rows_copied
 * @property {string[]} tables_damaged
 */

/**
 * @param {string} file
 * @returns {string|null} null when healthy (or absent), else what is wrong
 */
export function damage(file) {
  if (!fs.existsSync(file)) return null;
  let db;
  try {
    db = new DatabaseSync(file);
    db.exec('PRAGMA busy_timeout = 5000');
    const rows = db.prepare('PRAGMA quick_check').all().map((r) => String(Object.values(r)[0]));
    return rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 3).join('; ');
  } catch (err) {
    const message = /** @type {Error} */ (err).message;
    // Busy is not damaged: another program holds it for now; never set a sound file aside.
    return BUSY.test(message) ? null : message;
  } finally {
    try {
      db?.close();
    } catch {
      // a half-open handle on a damaged file: nothing more to do with it
    }
  }
}

/**
 * Moves the damaged file set aside. @param {string} file @param {string} quarantineDir
 * @returns {{dir: string, copy: string}}
 */
function setAside(file, quarantineDir) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
  const dir = path.join(quarantineDir, `bridge-db-${stamp}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const copy = path.join(dir, path.basename(file));
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, copy + suffix);
  }
  return { dir, copy };
}

/**
 * Reads what it can of one table; stops at the first damaged page.
 * @param {DatabaseSync} db @param {string} table
 * @returns {{rows: Record<string, any>[], complete: boolean}}
 */
function readTable(db, table) {
  const rows = [];
  try {
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate()) rows.push(row);
    return { rows, complete: true };
  } catch {
    return { rows, complete: false };
  }
}

/**
 * Checks bridge.sqlite3; a damaged one is set aside and what can be read is salvaged.
 * @param {string} file
 * @param {string} quarantineDir
 * @param {(db: DatabaseSync) => void} createSchema  makes the tables in a fresh file
 * @param {{warn: Function, error: Function}} log
 * @returns {Recovery|null} null when the file was healthy
 */
export function checkBridgeDb(file, quarantineDir, createSchema, log) {
  const problem = damage(file);
  if (problem === null) return null;
  const { dir, copy } = setAside(file, quarantineDir);
  log.error({ problem, quarantine: dir }, 'bridge.sqlite3 is damaged; set aside, salvaging what can be read');

  /** @type {Record<string, Record<string, any>[]>} */
  const salvaged = {};
  const damaged = [];
  let unreadable = false;
  let old;
  try {
    old = new DatabaseSync(copy, { readOnly: true });
    for (const table of SALVAGE_TABLES) {
      const { rows, complete } = readTable(old, table);
      salvaged[table] = rows;
      if (!complete) damaged.push(table);
    }
  } catch {
    unreadable = true;
  }
  const everyTableLost = SALVAGE_TABLES.every((t) => damaged.includes(t));
  if (everyTableLost) unreadable = true;

  // A link is kept only whole: its creds and every one of its keys read back.
  const credIds = new Set((salvaged.wa_auth_creds ?? []).map((r) => String(r.session_id)));
  const keyIds = new Set((salvaged.wa_auth_keys ?? []).map((r) => String(r.session_id)));
  const known = new Set([...credIds, ...keyIds]);
  const lost = new Set();
  if (damaged.includes('wa_auth_keys')) {
    // The scan stopped at a damaged page: read each link's keys by itself (its own pages).
    salvaged.wa_auth_keys = [];
    for (const id of credIds) {
      const rows = keysOf(old, id);
      if (rows === null) lost.add(id);
      else salvaged.wa_auth_keys.push(...rows);
    }
  }
  // Numbers seen anywhere (keys, journal, sends) without a readable link lost theirs.
  for (const table of ['event_journal', 'outbound', 'sim_network']) {
    for (const r of salvaged[table] ?? []) known.add(String(r.session_id));
  }
  for (const id of known) if (!credIds.has(id)) lost.add(id);
  try {
    old?.close();
  } catch {
    // damaged handle
  }

  const rowsCopied = writeSalvage(file, createSchema, salvaged, lost);
  /** @type {Recovery} */
  const recovery = {
    problem,
    quarantine: dir,
    kept_sessions: [...credIds].filter((id) => !lost.has(id)).sort(),
    lost_sessions: [...lost].sort(),
    unreadable,
    links_unknown: unreadable || damaged.includes('wa_auth_creds'),
    rows_copied: rowsCopied,
    tables_damaged: damaged,
  };
  log.warn({ recovery }, unreadable
    ? 'bridge.sqlite3 could not be read at all; the links of every number are lost'
    : `bridge.sqlite3 recovered: ${recovery.kept_sessions.length} link(s) kept, ${recovery.lost_sessions.length} lost`);
  return recovery;
}

/**
 * A fresh file with what was read back; the links that are not whole are left out.
 * @param {string} file @param {(db: DatabaseSync) => void} createSchema
 * @param {Record<string, Record<string, any>[]>} salvaged @param {Set<string>} lost
 * @returns {Record<string, number>} rows copied, by table
 */
function writeSalvage(file, createSchema, salvaged, lost) {
  const fresh = new DatabaseSync(file);
  const rowsCopied = {};
  try {
    fresh.exec('PRAGMA journal_mode = WAL');
    createSchema(fresh);
    fresh.exec('BEGIN IMMEDIATE');
    for (const table of SALVAGE_TABLES) {
      const rows = (salvaged[table] ?? []).filter((r) => !(table.startsWith('wa_auth') && lost.has(String(r.session_id))));
      rowsCopied[table] = copyRows(fresh, table, rows);
    }
    fresh.exec('COMMIT');
  } finally {
    fresh.close();
  }
  return rowsCopied;
}

/**
 * @param {DatabaseSync|undefined} db @param {string} id
 * @returns {Record<string, any>[]|null} null when they cannot all be read
 */
function keysOf(db, id) {
  if (!db) return null;
  try {
    return [...db.prepare('SELECT * FROM wa_auth_keys WHERE session_id = ?').iterate(id)];
  } catch {
    return null;
  }
}

/** @param {DatabaseSync} db @param {string} table @param {Record<string, any>[]} rows */
function copyRows(db, table, rows) {
  let copied = 0;
  for (const row of rows) {
    const cols = Object.keys(row);
    try {
      db.prepare(`INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(...cols.map((c) => row[c]));
      copied += 1;
    } catch {
      // a row that does not fit the current schema is left in the quarantined copy
    }
  }
  return copied;
}

/**
 * bridge.sqlite3 is gone while links.json says numbers were linked.
 * @param {string} quarantineDir @param {string[]} ids
 * @returns {Recovery}
 */
export function missingDb(quarantineDir, ids) {
  return {
    problem: MISSING_DB,
    quarantine: quarantineDir,
    kept_sessions: [],
    lost_sessions: ids,
    unreadable: false,
    links_unknown: false,
    rows_copied: {},
    tables_damaged: [],
  };
}
