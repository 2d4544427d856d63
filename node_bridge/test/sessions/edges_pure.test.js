// Pure rules of the real world's edges: no-network detection, refusals, limits, the LID
// store, and the network watch (injected timers, no sleeps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { NO_INTERNET, decideClose, networkErrorCode } from '../../src/sessions/close_codes.js';
import { LidStore } from '../../src/storage/lid_store.js';
import { NetworkWatch } from '../../src/sessions/network_watch.js';
import { limitActive, limitFromCapping, limitFromTimelock, rejectionFromStub } from '../../src/sessions/rejections.js';

const boom = (code, message, data) => Object.assign(new Error(message), { output: { statusCode: code }, data });

test('networkErrorCode: DNS, refused, unreachable, TLS; not WhatsApp closing the stream', () => {
  const wrapped = (code, msg) => boom(408, `WebSocket Error (${msg})`, Object.assign(new Error(msg), { code }));
  assert.equal(networkErrorCode(wrapped('ENOTFOUND', 'getaddrinfo ENOTFOUND web.whatsapp.com')), 'ENOTFOUND');
  assert.equal(networkErrorCode(wrapped('EAI_AGAIN', 'getaddrinfo EAI_AGAIN web.whatsapp.com')), 'EAI_AGAIN');
  assert.equal(networkErrorCode(wrapped('ECONNREFUSED', 'connect ECONNREFUSED 1.2.3.4:443')), 'ECONNREFUSED');
  assert.equal(networkErrorCode(wrapped('ENETUNREACH', 'connect ENETUNREACH')), 'ENETUNREACH');
  assert.equal(networkErrorCode(wrapped('CERT_HAS_EXPIRED', 'certificate has expired')), 'CERT_HAS_EXPIRED');
  assert.equal(networkErrorCode(wrapped('ERR_TLS_CERT_ALTNAME_INVALID', 'bad name')), 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.equal(networkErrorCode(boom(408, 'WebSocket Error (getaddrinfo ENOTFOUND web.whatsapp.com)')), 'ENOTFOUND', 'from the message alone');
  assert.equal(networkErrorCode(boom(428, 'Connection Terminated')), null);
  assert.equal(networkErrorCode(boom(408, 'QR refs attempts ended')), null);
  assert.equal(networkErrorCode(boom(515, 'Stream Errored (restart required)')), null);
  assert.equal(networkErrorCode(undefined), null);
});

test('decideClose: no network → reconnecting/network_unreachable with the plain sentence, backoff kept', () => {
  const d = decideClose(408, { status: 'connected', qrCount: 0, qrMax: 5, attempt: 2, restarts: 0, conflictRetried: false, engineReason: 'network_unreachable' }, { rng: () => 0 });
  assert.deepEqual([d.status, d.reason, d.message, d.retryInMs, d.next.attempt], ['reconnecting', 'network_unreachable', NO_INTERNET, 2000, 3]);
  const linking = decideClose(408, { status: 'qr', qrCount: 5, qrMax: 5, attempt: 0, restarts: 0, conflictRetried: false, engineReason: 'network_unreachable' }, { rng: () => 0 });
  assert.equal(linking.reason, 'network_unreachable', 'not "QR not scanned in time" when the network is gone');
});

test('refusals and limits', () => {
  assert.deepEqual(Object.keys(rejectionFromStub(['463'])), ['error_code', 'reason', 'error']);
  assert.equal(rejectionFromStub(['463', 'Your account has been restricted']).reason, 'reachout_timelocked');
  assert.equal(rejectionFromStub(['479']).reason, 'rejected_by_server');
  assert.equal(rejectionFromStub(undefined).error_code, 'unknown');
  assert.equal(limitFromTimelock({ isActive: false }), null);
  const lock = limitFromTimelock({ isActive: true, timeEnforcementEnds: new Date('2026-12-01T07:30:00Z') });
  assert.deepEqual([lock.reason, lock.until], ['reachout_timelock', '2026-12-01T07:30:00.000Z']);
  assert.equal(limitFromTimelock({ isActive: true }).until, null);
  assert.equal(limitFromCapping({ capping_status: 'FIRST_WARNING' }), null);
  assert.equal(limitFromCapping({ capping_status: 'CAPPED', cycle_end_timestamp: '1796000000' }).until, new Date(1796000000000).toISOString());
  assert.equal(limitActive(lock, Date.parse('2026-12-01T07:29:59Z')), true);
  assert.equal(limitActive(lock, Date.parse('2026-12-01T07:30:00Z')), false);
  assert.equal(limitActive({ ...lock, until: null }, 0), true, 'no end: until WhatsApp lifts it');
});

test('LidStore: pairs in either order, per session, resolve LID chats, survive reopening', () => {
  const db = new DatabaseSync(':memory:');
  const lids = new LidStore(db);
  assert.deepEqual(lids.remember('s', '111222@lid', '628111@s.whatsapp.net'), { lid: '111222', phone: '628111' });
  assert.equal(lids.remember('s', '628111@s.whatsapp.net', '111222@lid'), null, 'known pair: nothing new');
  assert.deepEqual(lids.remember('s', '333444:5@lid', '628333:5@s.whatsapp.net'), { lid: '333444', phone: '628333' });
  assert.equal(lids.remember('s', '628111@s.whatsapp.net', '628222@s.whatsapp.net'), null, 'two phones are no pair');
  assert.equal(lids.remember('s', 'x@g.us', '628222@s.whatsapp.net'), null);
  assert.equal(lids.resolve('s', '111222@lid'), '628111');
  assert.equal(lids.resolve('s', '999@lid'), '999@lid');
  assert.equal(lids.resolve('other', '111222@lid'), '111222@lid', 'per session');
  assert.equal(lids.resolve('s', '628555'), '628555');
  assert.equal(lids.lidFor('s', '628333'), '333444');
  assert.equal(new LidStore(db).phoneFor('s', '333444@lid'), '628333', 'another instance over the same file');
});

test('NetworkWatch: one probe per target while anyone waits; all waiters told once when it answers', async () => {
  const timers = [];
  const watch = new NetworkWatch({ intervalMs: 1000, setTimer: (fn) => (timers.push(fn), timers.length), clearTimer: () => {} });
  let up = false;
  let probes = 0;
  const probe = async () => (probes++, up);
  const told = [];
  watch.wait('sim', probe, () => told.push('a'));
  const cancelB = watch.wait('sim', probe, () => told.push('b'));
  watch.wait('sim', probe, () => told.push('c'));
  cancelB();
  assert.equal(watch.waiting, 2);
  await timers.shift()();
  assert.deepEqual([probes, told], [1, []]);
  up = true;
  await timers.shift()();
  assert.deepEqual([probes, told.sort()], [2, ['a', 'c']]);
  assert.equal(watch.waiting, 0);
  assert.equal(timers.length, 0, 'no probing once nobody waits');
});
