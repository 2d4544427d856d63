// Transactions on bridge.sqlite3, and what waits for their commit.
//
// Every commit is an fsync (WAL + synchronous=FULL): one per message, receipt and
// record made the bridge wait on the disk, not on WhatsApp. `write` lets the writes
// of one turn of the event loop share one commit (group commit): each runs in its
// own savepoint of a transaction that commits once the turn's other callbacks have
// queued theirs, and each caller hears of its own write only after that commit. So
// "on disk before anyone acts on it" holds as before, for a fraction of the fsyncs.
// `afterCommit` is how the event hub publishes a journaled event only once its row
// is committed (a rolled-back row is never published).

/** @typedef {import('node:sqlite').DatabaseSync} DatabaseSync */

/**
 * @template T
 * @typedef {{fn: () => T, resolve: (value: T) => void, reject: (err: unknown) => void}} QueuedWrite
 */

export class Commits {
  /** @param {DatabaseSync} db @param {{error: Function}} [log] */
  constructor(db, log = console) {
    this.db = db;
    this.log = log;
    /** @type {(() => void)[]} run after the current transaction commits, in order */
    this.onCommit = [];
    /** @type {QueuedWrite<any>[]} */
    this.queued = [];
    this.closed = false;
    /** inside a transaction this object began (another's, e.g. AuthDb's, queues nothing) */
    this.active = false;
  }

  /**
   * Runs fn in one transaction (nested calls join the outer one).
   * @template T
   * @param {() => T} fn
   * @returns {T}
   */
  transaction(fn) {
    if (this.db.isTransaction) return fn();
    this.db.exec('BEGIN IMMEDIATE');
    this.active = true;
    let result;
    try {
      result = fn();
      this.db.exec('COMMIT');
    } catch (err) {
      this.onCommit.length = 0;
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.active = false;
    }
    this.#committed();
    return result;
  }

  /**
   * cb runs once what is being written now is committed: at once outside a transaction,
   * never if the transaction (or the savepoint of a grouped write) rolls back.
   * @param {() => void} cb
   */
  afterCommit(cb) {
    if (this.active) this.onCommit.push(cb);
    else cb();
  }

  /**
   * fn's writes in the commit this turn of the event loop shares; resolves with fn's
   * result once committed. A write that throws is rolled back alone (its savepoint) and
   * rejects; a failed commit rejects every write of the group.
   * @template T
   * @param {() => T} fn  synchronous
   * @returns {Promise<T>}
   */
  write(fn) {
    if (this.closed) return Promise.reject(new Error('the bridge database is closed'));
    return new Promise((resolve, reject) => {
      this.queued.push({ fn, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.#flush());
    });
  }

  /** Shutdown: writes still queued are refused (their callers answer with an error). */
  close() {
    this.closed = true;
    const queued = this.queued.splice(0);
    for (const w of queued) w.reject(new Error('the bridge database is closed'));
  }

  #flush() {
    const group = this.queued.splice(0);
    if (!group.length) return;
    if (this.closed) {
      for (const w of group) w.reject(new Error('the bridge database is closed'));
      return;
    }
    /** @type {{ok: boolean, value: any}[]} */
    let outcomes;
    try {
      outcomes = this.transaction(() => group.map((w) => this.#inSavepoint(w.fn)));
    } catch (err) {
      for (const w of group) w.reject(err);
      return;
    }
    group.forEach((w, i) => (outcomes[i].ok ? w.resolve(outcomes[i].value) : w.reject(outcomes[i].value)));
  }

  /** @param {() => any} fn @returns {{ok: boolean, value: any}} */
  #inSavepoint(fn) {
    const mark = this.onCommit.length;
    this.db.exec('SAVEPOINT grouped_write');
    try {
      const value = fn();
      this.db.exec('RELEASE grouped_write');
      return { ok: true, value };
    } catch (err) {
      this.db.exec('ROLLBACK TO grouped_write; RELEASE grouped_write');
      this.onCommit.length = mark; // what it journaled is gone: nothing of it is published
      return { ok: false, value: err };
    }
  }

  /** Committed: what waited for it runs (a failing one is logged; the data is stored). */
  #committed() {
    for (const cb of this.onCommit.splice(0)) {
      try {
        cb();
      } catch (err) {
        this.log.error({ err }, 'a step after a commit failed');
      }
    }
  }
}
