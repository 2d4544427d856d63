// WhatsApp auth state (Baileys creds + signal keys) in bridge.sqlite3.
//
// Why not useMultiFileAuthState: it writes one file per key with no transaction, so a crash
// mid-write leaves half a session behind; upstream itself warns against it in production.
// Here every write is a SQLite statement or an explicit transaction on the connection that
// store.js opened (WAL), so a crash leaves either the old or the new state, never a mix.
// Unreadable state is never replaced by fresh credentials: readers throw AuthCorruptError
// and the caller quarantines the rows into a file with a reason.

import { quarantineName, writeFileAtomic } from './atomic_file.js';
import { BufferJSON } from './buffer_json.js';

/** @typedef {import('node:sqlite').DatabaseSync} DatabaseSync */
/** @typedef {import('@whiskeysockets/baileys').AuthenticationCreds} AuthenticationCreds */
/** @typedef {import('@whiskeysockets/baileys').AuthenticationState} AuthenticationState */
/** @typedef {import('@whiskeysockets/baileys').SignalDataSet} SignalDataSet */
/** @typedef {{debug: Function, info: Function, warn: Function, error: Function}} Logger */

const QUARANTINE_FORMAT = 'jaga-auth-quarantine/1';

/** Stored auth state of a session cannot be read or is inconsistent. Nothing was changed. */
export class AuthCorruptError extends Error {
  /**
   * @param {string} message
   * @param {{sessionId?: string, cause?: unknown}} [details]
   */
  constructor(message, { sessionId, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AuthCorruptError';
    /** machine code, the same as the session reason the bridge reports */
    this.code = 'auth_corrupt';
    this.sessionId = sessionId;
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS wa_auth_creds (
  session_id TEXT PRIMARY KEY,
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS wa_auth_keys (
  session_id TEXT NOT NULL,
  type       TEXT NOT NULL,
  id         TEXT NOT NULL,
  data       TEXT NOT NULL,
  PRIMARY KEY (session_id, type, id)
) STRICT, WITHOUT ROWID;
`;

/** Owns the auth tables; hands out one SessionAuth per session id. */
export class AuthDb {
  /**
   * @param {DatabaseSync} db an open node:sqlite connection (WAL mode is the caller's job)
   * @param {{quarantineDir: string, log?: Logger}} opts
   */
  constructor(db, { quarantineDir, log } = /** @type {any} */ ({})) {
    if (!db || typeof db.prepare !== 'function') throw new TypeError('AuthDb needs an open node:sqlite DatabaseSync');
    if (typeof quarantineDir !== 'string' || !quarantineDir) throw new TypeError('AuthDb needs a quarantineDir');
    this.db = db;
    this.quarantineDir = quarantineDir;
    this.log = log ?? silentLogger;
    db.exec(SCHEMA);
    // Prepared once, shared by every session: the hot path is a handful of point lookups.
    this.sql = {
      getCreds: db.prepare('SELECT data FROM wa_auth_creds WHERE session_id = ?'),
      hasCreds: db.prepare('SELECT 1 AS one FROM wa_auth_creds WHERE session_id = ?'),
      putCreds: db.prepare(
        `INSERT INTO wa_auth_creds (session_id, data, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ),
      delCreds: db.prepare('DELETE FROM wa_auth_creds WHERE session_id = ?'),
      getKey: db.prepare('SELECT data FROM wa_auth_keys WHERE session_id = ? AND type = ? AND id = ?'),
      putKey: db.prepare(
        `INSERT INTO wa_auth_keys (session_id, type, id, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, type, id) DO UPDATE SET data = excluded.data`,
      ),
      delKey: db.prepare('DELETE FROM wa_auth_keys WHERE session_id = ? AND type = ? AND id = ?'),
      allKeys: db.prepare('SELECT type, id, data FROM wa_auth_keys WHERE session_id = ? ORDER BY type, id'),
      delKeys: db.prepare('DELETE FROM wa_auth_keys WHERE session_id = ?'),
    };
  }

  /**
   * @param {string} sessionId
   * @returns {SessionAuth}
   */
  forSession(sessionId) {
    if (typeof sessionId !== 'string' || !sessionId) throw new TypeError('sessionId must be a non-empty string');
    return new SessionAuth(this, sessionId);
  }

  /**
   * Runs fn inside one write transaction. BEGIN IMMEDIATE takes the write lock up front so the
   * transaction cannot fail half-way on a lock upgrade; if the connection is already inside a
   * transaction (a caller's), a savepoint nests instead of failing.
   * @template T
   * @param {() => T} fn synchronous work
   * @returns {T}
   */
  transaction(fn) {
    const db = this.db;
    const nested = db.isTransaction;
    db.exec(nested ? 'SAVEPOINT wa_auth' : 'BEGIN IMMEDIATE');
    try {
      const result = fn();
      db.exec(nested ? 'RELEASE wa_auth' : 'COMMIT');
      return result;
    } catch (err) {
      // Also reached when COMMIT itself fails (disk full, I/O error): SQLite may leave the
      // transaction open then, and the next BEGIN on this shared connection would fail.
      try {
        if (nested) db.exec('ROLLBACK TO wa_auth; RELEASE wa_auth');
        else if (db.isTransaction) db.exec('ROLLBACK');
      } catch (rollbackErr) {
        this.log.error({ err: rollbackErr }, 'auth rollback failed');
      }
      throw err;
    }
  }
}

/** Auth state of one session. All methods are synchronous (node:sqlite is). */
export class SessionAuth {
  /**
   * @param {AuthDb} authDb
   * @param {string} sessionId
   */
  constructor(authDb, sessionId) {
    this.authDb = authDb;
    this.sessionId = sessionId;
  }

  /**
   * @returns {AuthenticationCreds | null} null when the session has never stored creds
   * @throws {AuthCorruptError} when the stored row cannot be parsed or lacks required keys
   */
  readCreds() {
    const row = this.authDb.sql.getCreds.get(this.sessionId);
    if (!row) return null;
    let creds;
    try {
      creds = JSON.parse(String(row.data), BufferJSON.reviver);
    } catch (err) {
      throw this.#corrupt('stored WhatsApp credentials are not valid JSON', err);
    }
    const problems = credsProblems(creds);
    if (problems.length) {
      throw this.#corrupt(`stored WhatsApp credentials are inconsistent: ${problems.join('; ')}`);
    }
    return creds;
  }

  /** @param {AuthenticationCreds} creds the whole creds object (not a partial update) */
  writeCreds(creds) {
    // Only the shape is checked here: refusing a write would silently keep older creds, which
    // is worse than storing what the socket really uses (readCreds validates the content).
    if (!creds || typeof creds !== 'object' || Array.isArray(creds)) throw new TypeError('creds must be an object');
    this.authDb.sql.putCreds.run(this.sessionId, JSON.stringify(creds, BufferJSON.replacer), Date.now());
  }

  /** @returns {boolean} */
  hasCreds() {
    return this.authDb.sql.hasCreds.get(this.sessionId) !== undefined;
  }

  /**
   * @param {string} type a SignalDataTypeMap key ('pre-key', 'session', ...)
   * @param {string[]} ids
   * @returns {Record<string, any>} only the ids that exist
   * @throws {AuthCorruptError} when a stored row cannot be parsed
   */
  getKeys(type, ids) {
    const out = {};
    const stmt = this.authDb.sql.getKey;
    for (const rawId of ids) {
      const id = String(rawId);
      const row = stmt.get(this.sessionId, type, id);
      if (!row) continue;
      let value;
      try {
        value = JSON.parse(String(row.data), BufferJSON.reviver);
      } catch (err) {
        this.authDb.log.error({ session_id: this.sessionId, type, id }, 'unreadable signal key row');
        throw this.#corrupt(`stored signal key ${type}/${id} is not valid JSON`, err);
      }
      out[id] = value; // app-state-sync-key: a plain object (engines/baileys/auth_state.js)
    }
    return out;
  }

  /**
   * Writes and deletes keys in ONE transaction: all of it lands or none of it does.
   * @param {SignalDataSet} data {type: {id: value | null}}; null (or undefined) deletes
   */
  setKeys(data) {
    // Serialise before taking the write lock: a value JSON cannot encode fails here, with the
    // database untouched, and the lock is held only for the inserts themselves.
    /** @type {Array<[string, string, string | null]>} */
    const ops = [];
    for (const [type, byId] of Object.entries(data ?? {})) {
      if (!byId) continue;
      for (const [id, value] of Object.entries(byId)) {
        ops.push([type, id, value == null ? null : JSON.stringify(value, BufferJSON.replacer)]);
      }
    }
    if (ops.length === 0) return;
    const { putKey, delKey } = this.authDb.sql;
    const sid = this.sessionId;
    this.authDb.transaction(() => {
      for (const [type, id, json] of ops) {
        if (json === null) delKey.run(sid, type, id);
        else putKey.run(sid, type, id, json);
      }
    });
  }

  /** Deletes every signal key of the session (creds stay). */
  clearKeys() {
    this.authDb.sql.delKeys.run(this.sessionId);
  }

  /** Deletes all auth rows of the session (creds and keys), atomically. */
  wipe() {
    const { delCreds, delKeys } = this.authDb.sql;
    this.authDb.transaction(() => {
      delCreds.run(this.sessionId);
      delKeys.run(this.sessionId);
    });
  }

  /**
   * Moves the session's rows, byte for byte as stored, into a new JSON file under the
   * quarantine folder, then deletes them. The file is complete (temp file, fsync, rename)
   * before the rows go, and both happen under the write lock: a crash in between leaves the
   * rows in place (and possibly a second copy), never neither.
   * @param {string} reason why, for the person reading the file later
   * @returns {string} path of the quarantine file
   */
  quarantine(reason) {
    const { allKeys, delCreds, delKeys, getCreds } = this.authDb.sql;
    const sid = this.sessionId;
    return this.authDb.transaction(() => {
      const credsRow = getCreds.get(sid);
      const keys = allKeys.all(sid).map(r => ({ type: r.type, id: r.id, data: r.data }));
      const now = new Date();
      const doc = {
        format: QUARANTINE_FORMAT,
        session_id: sid,
        reason: String(reason ?? 'unspecified'),
        quarantined_at: now.toISOString(),
        note: 'Raw rows of the WhatsApp auth state (creds and signal keys, BufferJSON text). Secret material: keep private.',
        creds: credsRow ? credsRow.data : null,
        keys,
      };
      const file = writeFileAtomic(this.authDb.quarantineDir, quarantineName(sid, now), JSON.stringify(doc));
      delCreds.run(sid);
      delKeys.run(sid);
      this.authDb.log.warn(
        { session_id: sid, reason: doc.reason, key_rows: keys.length, file },
        'auth state quarantined',
      );
      return file;
    });
  }

  /**
   * @param {string} message
   * @param {unknown} [cause]
   */
  #corrupt(message, cause) {
    return new AuthCorruptError(`${message} (session ${this.sessionId})`, { sessionId: this.sessionId, cause });
  }
}

/**
 * What is wrong with a creds object, as sentences (empty when it is usable).
 * Checks what a socket cannot live without: the key pairs, ids and secrets.
 * @param {any} creds
 * @returns {string[]}
 */
export function credsProblems(creds) {
  if (!creds || typeof creds !== 'object' || Array.isArray(creds)) return ['not an object'];
  const problems = [];
  for (const name of ['noiseKey', 'pairingEphemeralKeyPair', 'signedIdentityKey']) {
    if (!isKeyPair(creds[name])) problems.push(`${name} is not a 32-byte key pair`);
  }
  const spk = creds.signedPreKey;
  if (!spk || !isKeyPair(spk.keyPair) || !isBytes(spk.signature, 64) || !Number.isInteger(spk.keyId)) {
    problems.push('signedPreKey is malformed');
  }
  if (!Number.isInteger(creds.registrationId)) problems.push('registrationId is not an integer');
  if (typeof creds.advSecretKey !== 'string' || !creds.advSecretKey) problems.push('advSecretKey is missing');
  for (const name of ['nextPreKeyId', 'firstUnuploadedPreKeyId']) {
    if (!Number.isInteger(creds[name])) problems.push(`${name} is not an integer`);
  }
  if (creds.me != null && typeof creds.me?.id !== 'string') problems.push('me.id is not a string');
  return problems;
}

/** @param {any} kp */
function isKeyPair(kp) {
  return !!kp && isBytes(kp.public, 32, 33) && isBytes(kp.private, 32);
}

/**
 * @param {any} v
 * @param {number} len
 * @param {number} [altLen]
 */
function isBytes(v, len, altLen = len) {
  return v instanceof Uint8Array && (v.length === len || v.length === altLen);
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };
