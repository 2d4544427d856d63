import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { EventHub } from '../../src/events/hub.js';

/** An in-memory stand-in for the journal table. */
function memoryJournal() {
  let nextId = 1;
  /** @type {Map<number, {id: number, type: string, data: object}>} */
  const rows = new Map();
  return {
    rows,
    append: (/** @type {string} */ type, /** @type {string} */ _sid, /** @type {object} */ data) => {
      const id = nextId++;
      rows.set(id, { id, type, data: JSON.parse(JSON.stringify(data)) });
      return id;
    },
    all: () => [...rows.values()],
    remove: (/** @type {number[]} */ ids) => ids.filter((id) => rows.delete(id)).length,
  };
}

const log = pino({ level: 'silent' });
const hub = (opts = {}) => new EventHub({ bootId: 'boot-a', journal: memoryJournal(), log, ...opts });

test('seq starts at 1 and grows by one; frames carry <boot>:<seq>', () => {
  const h = hub();
  const a = h.emit('session.status', { id: 'x' });
  const b = h.emit('session.qr', (seq) => ({ seq }));
  assert.equal(a.seq, 1);
  assert.equal(b.seq, 2);
  assert.deepEqual(b.data, { seq: 2 }, 'a builder sees the seq its event gets');
  assert.equal(a.frame, 'id: boot-a:1\nevent: session.status\ndata: {"id":"x"}\n\n');
});

test('resume from an id of this boot returns exactly the missed events', () => {
  const h = hub();
  for (let i = 0; i < 5; i += 1) h.emit('session.status', { i });
  const plan = h.resumePlan('boot-a:2');
  assert.ok('events' in plan);
  assert.deepEqual(plan.events.map((e) => e.seq), [3, 4, 5]);
  const upToDate = h.resumePlan('boot-a:5');
  assert.deepEqual('events' in upToDate && upToDate.events, []);
});

test('ids the hub cannot serve get a reset with the right reason', () => {
  const h = hub({ ringSize: 4 });
  for (let i = 0; i < 10; i += 1) h.emit('session.status', { i });
  assert.deepEqual(h.resumePlan(undefined), { reset: 'no_last_event_id' });
  assert.deepEqual(h.resumePlan(''), { reset: 'no_last_event_id' });
  assert.deepEqual(h.resumePlan('boot-b:3'), { reset: 'other_boot' });
  assert.deepEqual(h.resumePlan('boot-a:2'), { reset: 'too_old' });
  assert.deepEqual(h.resumePlan('garbage'), { reset: 'invalid' });
  assert.deepEqual(h.resumePlan('boot-a:99'), { reset: 'invalid' });
  const edge = h.resumePlan('boot-a:6'); // ring holds 7..10
  assert.deepEqual('events' in edge && edge.events.map((e) => e.seq), [7, 8, 9, 10]);
});

test('durable events are journaled before they are emitted', () => {
  const journal = memoryJournal();
  const h = new EventHub({ bootId: 'boot-a', journal, log });
  /** @type {number[]} */
  const rowsSeenByListener = [];
  h.subscribe(() => rowsSeenByListener.push(journal.rows.size));
  h.emitDurable('message.in', 's1', { message_id: 'm1' });
  assert.deepEqual(rowsSeenByListener, [1]);
  assert.throws(() => h.emit('message.in', {}), /durable/);
  assert.throws(() => h.emitDurable('session.status', 's1', {}), /not a durable/);
});

test('a failing journal write emits nothing', () => {
  const journal = { ...memoryJournal(), append: () => { throw new Error('disk full'); } };
  const h = new EventHub({ bootId: 'boot-a', journal, log });
  let heard = 0;
  h.subscribe(() => { heard += 1; });
  assert.throws(() => h.emitDurable('message.in', 's1', { message_id: 'm1' }), /disk full/);
  assert.equal(heard, 0);
  assert.equal(h.seq, 0);
});

test('ack releases durable events up to seq; the rest stay for the next reset', () => {
  const journal = memoryJournal();
  const h = new EventHub({ bootId: 'boot-a', journal, log });
  h.emitDurable('message.in', 's1', { message_id: 'm1' }); // 1
  h.emit('session.status', {}); // 2
  h.emitDurable('message.ack', 's1', { message_id: 'm0', status: 'read' }); // 3
  h.emitDurable('message.in', 's1', { message_id: 'm2' }); // 4
  assert.equal(h.ack(3), 2);
  assert.equal(h.ack(3), 0, 'acking twice releases nothing more');
  assert.equal(journal.rows.size, 1);
  const { reset, durable } = h.resetFrames('no_last_event_id');
  assert.deepEqual(durable.map((e) => [e.seq, e.data.message_id]), [[4, 'm2']]);
  assert.match(reset, /^id: boot-a:3\nevent: bridge\.reset\ndata: \{"boot_id":"boot-a","seq":4,"reason":"no_last_event_id"\}\n\n$/,
    'resume point just before the oldest unacked durable event');
});

test('after a restart unacked journal rows come back with new seqs, even once out of the ring', () => {
  const journal = memoryJournal();
  const first = new EventHub({ bootId: 'boot-a', journal, log });
  first.emitDurable('message.in', 's1', { message_id: 'm1' });
  first.emitDurable('message.in', 's1', { message_id: 'm2' });
  first.ack(1);

  const second = new EventHub({ bootId: 'boot-b', journal, log, ringSize: 2 });
  assert.equal(second.replayJournal(), 1);
  for (let i = 0; i < 5; i += 1) second.emit('session.status', { i }); // pushes m2 out of the ring
  const { durable, reset } = second.resetFrames('other_boot');
  assert.deepEqual(durable.map((e) => [e.seq, e.data.message_id, e.frame.startsWith('id: boot-b:1\n')]), [[1, 'm2', true]]);
  assert.match(reset, /^id: boot-b:0\n/);
  assert.equal(second.ack(1), 1);
  assert.equal(journal.rows.size, 0);
});

test('with nothing pending the reset points at the current seq', () => {
  const h = hub();
  h.emit('session.status', {});
  const { reset, durable } = h.resetFrames('too_old');
  assert.deepEqual(durable, []);
  assert.match(reset, /^id: boot-a:1\n/);
});

test('a throwing subscriber does not stop the others', () => {
  const h = hub();
  let second = 0;
  h.subscribe(() => { throw new Error('boom'); });
  h.subscribe(() => { second += 1; });
  h.emit('session.status', {});
  assert.equal(second, 1);
});
