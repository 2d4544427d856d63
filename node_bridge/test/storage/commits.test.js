// commits.js: writes of one turn share a commit; each caller hears of its own write only
// once it is committed; journaled events are published after their commit, never after
// a rollback. Against a real bridge.sqlite3 (Store) and the real event hub.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Store } from '../../src/storage/store.js';
import { EventHub } from '../../src/events/hub.js';

const log = pino({ level: 'silent' });

/** @param {import('node:test').TestContext} t */
function setup(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-commits-'));
  const store = new Store(dir, log);
  const hub = new EventHub({ bootId: 'boot', journal: store.journal, log });
  t.after(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  /** What the journal holds, read on a second connection (only committed rows are visible). */
  const committedRows = () => {
    const reader = new (store.db.constructor)(path.join(dir, 'bridge.sqlite3'), { readOnly: true });
    try {
      return Number(reader.prepare('SELECT count(*) AS n FROM event_journal').get()?.n);
    } finally {
      reader.close();
    }
  };
  return { store, hub, committedRows };
}

const record = (/** @type {Store} */ store, /** @type {string} */ id) => store.outbound.insertPending(
  { sessionId: 's', clientId: id, messageId: id, to: '628111', textHash: 'h' });

test('the writes of one turn share one commit; each resolves only once it is committed', async (t) => {
  const { store } = setup(t);
  let commits = 0;
  const exec = store.db.exec.bind(store.db);
  store.db.exec = (/** @type {string} */ sql) => {
    if (sql === 'COMMIT') commits += 1;
    return exec(sql);
  };
  const seenAtResolve = [];
  const writes = ['a', 'b', 'c'].map((id) => store.write(() => record(store, id)).then(() => {
    seenAtResolve.push(store.db.isTransaction);
  }));
  assert.equal(store.outbound.get('s', 'a'), undefined, 'nothing is written before the turn ends');
  await Promise.all(writes);
  assert.equal(commits, 1);
  assert.deepEqual(seenAtResolve, [false, false, false], 'resolved after the commit, not inside it');
  for (const id of ['a', 'b', 'c']) assert.equal(store.outbound.get('s', id)?.status, 'pending');
});

test('a write that throws is rolled back alone; its neighbours commit', async (t) => {
  const { store } = setup(t);
  const results = await Promise.allSettled([
    store.write(() => record(store, 'kept-1')),
    store.write(() => {
      record(store, 'undone');
      throw new Error('refused half-way');
    }),
    store.write(() => record(store, 'kept-2')),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.equal(store.outbound.get('s', 'undone'), undefined);
  assert.ok(store.outbound.get('s', 'kept-1') && store.outbound.get('s', 'kept-2'));
});

// Seen failing against the hub before this change, which published at once, inside the
// transaction: the subscriber saw 0 committed rows, and the rolled-back event went out.
test('a journaled event is published after its commit, and never when its write rolls back', async (t) => {
  const { store, hub, committedRows } = setup(t);
  /** @type {{seq: number, rows: number, id: string}[]} */
  const heard = [];
  hub.subscribe((ev) => heard.push({ seq: ev.seq, rows: committedRows(), id: /** @type {any} */ (ev.data).message_id }));
  /** @type {number[]} */
  const told = [];
  await Promise.allSettled([
    store.write(() => hub.emitDurable('message.in', 's', { message_id: 'm1' }, (ev) => told.push(ev.seq))),
    store.write(() => {
      hub.emitDurable('message.in', 's', { message_id: 'lost' });
      throw new Error('the rest of this write failed');
    }),
    store.write(() => hub.emitDurable('message.in', 's', { message_id: 'm2' }, (ev) => told.push(ev.seq))),
  ]);
  assert.deepEqual(heard.map((h) => h.id), ['m1', 'm2']);
  assert.deepEqual(heard.map((h) => h.seq), [1, 2], 'no seq spent on the rolled-back event');
  assert.ok(heard.every((h) => h.rows === 2), 'both rows were committed when their events went out');
  assert.deepEqual(told, [1, 2]);

  // Outside any transaction it is published at once, as before.
  hub.emitDurable('message.in', 's', { message_id: 'm3' });
  assert.deepEqual(heard.at(-1), { seq: 3, rows: 3, id: 'm3' });
});

test('writes queued when the store closes are refused, not lost silently', async (t) => {
  const { store } = setup(t);
  const pending = store.write(() => record(store, 'late'));
  store.close();
  await assert.rejects(pending, /closed/);
  await assert.rejects(store.write(() => 1), /closed/);
});
