// Safe sending: the pure pacing rules with a fake clock (no sleeps), and the real bridge
// holding sends of a sim number once a test turns pacing on for the sim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOLD_MAX_MS, PACING_DEFAULTS, Pacer, nextMidnight, pacingFromEnv, parsePacing } from '../../src/pacing/rules.js';
import { DAILY_CAP_REASON, PacingGate } from '../../src/pacing/gate.js';
import { harness } from '../helpers.js';

const CONFIG = parsePacing({ min_gap_ms: 1000, jitter_ms: 500, new_contacts_per_day: 2 });
const NOON = new Date(2026, 10, 30, 12, 0, 0).getTime(); // local time: the day ends at local midnight

test('a gap with jitter between sends; a slot too far away is "later", not held', () => {
  const rolls = [0, 0.5, 0.999];
  const pacer = new Pacer(() => rolls.shift() ?? 0);
  assert.deepEqual(pacer.plan(NOON, { newContact: false }, CONFIG), { kind: 'go', at: NOON });
  // next slot: gap 1000 + jitter floor(0 * 501) = 0
  assert.deepEqual(pacer.plan(NOON + 10, { newContact: false }, CONFIG), { kind: 'go', at: NOON + 1000 });
  // then gap + floor(0.5 * 501) = 250 after it
  assert.deepEqual(pacer.plan(NOON + 20, { newContact: false }, CONFIG), { kind: 'go', at: NOON + 2250 });
  // then + 1000 + 500 (the jitter's top) = 3750; still within HOLD_MAX_MS of now
  const fourth = pacer.plan(NOON + 30, { newContact: false }, CONFIG);
  assert.deepEqual(fourth, { kind: 'go', at: NOON + 3750 });
  // The slots taken reach past what a request may be held: come back then, nothing taken.
  const far = { ...CONFIG, min_gap_ms: HOLD_MAX_MS };
  const fifth = pacer.plan(NOON + 40, { newContact: false }, far);
  assert.equal(fifth.kind, 'go');
  const sixth = pacer.plan(NOON + 50, { newContact: false }, far);
  assert.equal(sixth.kind, 'later');
  assert.equal(pacer.plan(NOON + 60, { newContact: false }, far).kind, 'later', 'a "later" takes no slot');
  // Once the time comes, it goes.
  assert.equal(pacer.plan(/** @type {any} */ (sixth).at, { newContact: false }, far).kind, 'go');
});

test('a daily cap on new contacts: known contacts still go; a new day starts the count again', () => {
  const pacer = new Pacer(() => 0);
  const open = { ...CONFIG, min_gap_ms: 0, jitter_ms: 0 };
  assert.equal(pacer.plan(NOON, { newContact: true }, open).kind, 'go');
  assert.equal(pacer.plan(NOON, { newContact: true }, open).kind, 'go');
  const capped = pacer.plan(NOON, { newContact: true }, open);
  assert.deepEqual(capped, { kind: 'cap', until: nextMidnight(NOON), sent: 2 });
  assert.equal(pacer.plan(NOON, { newContact: false }, open).kind, 'go', 'people it talks to are not capped');
  pacer.unplan({ newContact: true }); // a send that did not go gives its count back
  assert.equal(pacer.plan(NOON, { newContact: true }, open).kind, 'go');
  assert.equal(pacer.plan(nextMidnight(NOON) + 1, { newContact: true }, open).kind, 'go', 'a new day');
  const uncapped = new Pacer(() => 0);
  for (let i = 0; i < 5; i += 1) {
    assert.equal(uncapped.plan(NOON, { newContact: true }, { ...open, new_contacts_per_day: 0 }).kind, 'go', '0: no cap');
  }
});

test("the app's count of today's new contacts outlives the bridge's own (a restart)", () => {
  const fresh = new Pacer(() => 0); // a bridge that just restarted counts from 0
  const open = { ...CONFIG, min_gap_ms: 0, jitter_ms: 0 };
  assert.equal(fresh.plan(NOON, { newContact: true, reachedToday: 2 }, open).kind, 'cap');
  assert.equal(fresh.plan(NOON, { newContact: false, reachedToday: 2 }, open).kind, 'go');
  const one = new Pacer(() => 0);
  assert.equal(one.plan(NOON, { newContact: true, reachedToday: 1 }, open).kind, 'go');
  assert.equal(one.plan(NOON, { newContact: true, reachedToday: 1 }, open).kind, 'cap', 'its own count goes on from there');
});

test('settings: validated from JSON and from the environment; bad values refused in words', () => {
  assert.deepEqual(parsePacing({}), PACING_DEFAULTS);
  assert.equal(PACING_DEFAULTS.pace_sim, false, 'the sim is not paced by default');
  assert.equal(parsePacing({ jitter_ms: 0 }, CONFIG).min_gap_ms, 1000, 'a change keeps the rest');
  for (const bad of [{ min_gap_ms: -1 }, { jitter_ms: 1.5 }, { new_contacts_per_day: '3' }, { pace_sim: 1 }, { gap: 1 }, []]) {
    assert.throws(() => parsePacing(bad), (/** @type {any} */ e) => e.statusCode === 400 && e.code === 'bad_request');
  }
  const env = pacingFromEnv({ JAGA_PACING_MIN_GAP_MS: '2500', JAGA_PACING_NEW_CONTACTS_PER_DAY: '9', JAGA_PACING_PACE_SIM: '1' });
  assert.deepEqual(env, { ...PACING_DEFAULTS, min_gap_ms: 2500, new_contacts_per_day: 9, pace_sim: true });
  assert.throws(() => pacingFromEnv({ JAGA_PACING_JITTER_MS: 'lots' }), /jitter_ms/);
});

test('the gate holds a send until its slot on the injected clock, and applies to the sim only when asked', async () => {
  let now = NOON;
  /** @type {number[]} */
  const slept = [];
  const gate = new PacingGate({
    config: CONFIG, now: () => now, rng: () => 0,
    sleep: async (ms) => { slept.push(ms); now += ms; },
  });
  const sim = { id: 's1', engineName: 'sim' };
  await gate.turn(sim, true);
  await gate.turn(sim, true);
  assert.deepEqual(slept, [], 'the sim is not paced by default');
  const real = { id: 'b1', engineName: 'baileys', status: 'connected', setStatus() {}, now: () => now };
  await gate.turn(real, false);
  await gate.turn(real, false);
  assert.deepEqual(slept, [1000], 'the second send waited the gap');
  gate.configure({ pace_sim: true });
  await gate.turn(sim, true);
  await gate.turn(sim, true);
  /** @type {any[]} */
  const views = [];
  /** @type {any} */
  const capped = { ...real, id: 'b2' };
  capped.setStatus = () => views.push(capped.paceLimit);
  await gate.turn(capped, true);
  await gate.turn(capped, true);
  await assert.rejects(gate.turn(capped, true), (/** @type {any} */ e) => e.statusCode === 429 && e.code === 'new_contacts_cap'
    && e.extra.retry_at === new Date(nextMidnight(now)).toISOString());
  assert.equal(views.length, 1);
  assert.equal(views[0].reason, DAILY_CAP_REASON);
});

test('the bridge paces a sim number once asked: gap on the wire, cap → 429 and the number\'s limit', async (t) => {
  const h = harness(t);
  const b = await h.start({ env: { JAGA_PACING_PACE_SIM: '1', JAGA_PACING_MIN_GAP_MS: '400', JAGA_PACING_JITTER_MS: '0', JAGA_PACING_NEW_CONTACTS_PER_DAY: '2' } });
  const health = await b.api('GET', '/health');
  assert.deepEqual(health.body.limits.pacing, { ...PACING_DEFAULTS, min_gap_ms: 400, jitter_ms: 0, new_contacts_per_day: 2, pace_sim: true });
  const events = await b.events();
  await b.linkedSession('shop');
  const send = (/** @type {string} */ id, /** @type {string} */ to, newContact = true) =>
    b.api('POST', '/sessions/shop/messages', { to, text: `hi ${id}`, client_id: id, new_contact: newContact });
  const asked = Date.now();
  const [one, two] = await Promise.all([send('p1', '628111000001'), send('p2', '628111000002')]);
  assert.deepEqual([one.status, two.status], [200, 200]);
  const wire = (await b.api('GET', '/sim/network')).body.sent;
  const at = (/** @type {string} */ id) => Date.parse(wire.find((/** @type {any} */ m) => m.client_id === id).at);
  // The first slot is no earlier than the ask; the second is 400 ms after the first, and a
  // message reaches the wire only after its slot (how long a write takes does not matter).
  const [first, second] = [Math.min(at('p1'), at('p2')), Math.max(at('p1'), at('p2'))];
  assert.ok(first >= asked - 1 && second >= asked + 399, `the second left ≥ 400 ms after the first slot (${second - asked} ms after the ask)`);

  const over = await send('p3', '628111000003');
  assert.deepEqual([over.status, over.body.error.code], [429, 'new_contacts_cap']);
  assert.ok(Date.parse(over.body.error.retry_at) > Date.now());
  const limited = await events.next((e) => e.type === 'session.status' && e.data.limits?.reason === DAILY_CAP_REASON);
  assert.equal(limited.data.limits.until, over.body.error.retry_at);
  assert.equal(limited.data.status, 'connected');
  const known = await send('p4', '628111000001', false);
  assert.equal(known.status, 200, 'a contact it talks to still goes');

  const changed = await b.api('PUT', '/config/pacing', { new_contacts_per_day: 5 });
  assert.equal(changed.body.new_contacts_per_day, 5);
  assert.equal((await send('p5', '628111000005')).status, 200, 'a higher cap lets the next go');
  const refused = await b.api('PUT', '/config/pacing', { min_gap_ms: 'fast' });
  assert.deepEqual([refused.status, refused.body.error.code], [400, 'bad_request']);
  assert.equal((await b.api('GET', '/config/pacing')).body.min_gap_ms, 400, 'a refused change changes nothing');
});
