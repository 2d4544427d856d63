// The real world's edges through the engine, driven by a fake socket emitting rc14's exact
// shapes: refused sends (messages-recv.js handleBadAck), time locks and caps
// (connection.update reachoutTimeLock, message-capping.update), LID mappings
// (lid-mapping.update, remoteJidAlt/participantAlt, the signal repository's keys.set of
// 'lid-mapping'), and no network (socket.js mapWebSocketError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proto } from '@whiskeysockets/baileys';
import { LidStore } from '../../../src/storage/lid_store.js';
import { boom, connect, setup } from './fake_baileys.js';

const S = proto.WebMessageInfo.Status;
const tick = () => new Promise(resolve => setImmediate(resolve));

test('refusals: 463, 463 time-locked, 479 become one failed ack each, final (no later receipt)', t => {
  const env = setup(t);
  const { calls, sock } = connect(env);
  const to = '628111@s.whatsapp.net';
  // handleBadAck: key {remoteJid: attrs.from, fromMe: true, id}, stub params [code] or [code, ACCOUNT_RESTRICTED_TEXT]
  sock.ev.emit('messages.update', [
    { key: { remoteJid: to, fromMe: true, id: 'A' }, update: { status: S.ERROR, messageStubParameters: ['463'] } },
    { key: { remoteJid: to, fromMe: true, id: 'B' }, update: { status: S.ERROR, messageStubParameters: ['463', 'Your account has been restricted'] } },
    { key: { remoteJid: '99887766@lid', fromMe: true, id: 'C' }, update: { status: S.ERROR, messageStubParameters: ['479'] } },
    { key: { remoteJid: to, fromMe: true, id: 'A' }, update: { status: S.ERROR, messageStubParameters: ['463'] } },
    { key: { remoteJid: to, fromMe: true, id: 'A' }, update: { status: S.DELIVERY_ACK } },
    { key: { remoteJid: to, fromMe: true, id: 'D' }, update: { status: S.ERROR, messageStubParameters: ['500'] } },
  ]);
  const brief = calls.ack.map(a => [a.message_id, a.chat, a.status, a.error_code, a.reason]);
  assert.deepEqual(brief, [
    ['A', '628111', 'failed', '463', 'reachout_restricted'],
    ['B', '628111', 'failed', '463', 'reachout_timelocked'],
    ['C', '99887766@lid', 'failed', '479', 'rejected_by_server'],
    ['D', '628111', 'failed', '500', 'rejected_by_server'],
  ]);
  for (const a of calls.ack) assert.match(a.error, /does not send it again by itself/);
});

test('time lock and cap: connection.update reachoutTimeLock and message-capping.update become limits', t => {
  const env = setup(t);
  const { calls, sock } = connect(env);
  const ends = new Date('2026-12-01T07:30:00Z');
  sock.ev.emit('connection.update', { reachoutTimeLock: { isActive: true, timeEnforcementEnds: ends, enforcementType: 'DEFAULT' } });
  sock.ev.emit('message-capping.update', { capping_status: 'CAPPED', cycle_end_timestamp: '1796000000', total_quota: 50, used_quota: 50 });
  sock.ev.emit('connection.update', { reachoutTimeLock: { isActive: false, enforcementType: 'DEFAULT' } });
  sock.ev.emit('message-capping.update', { capping_status: 'NONE' });
  assert.deepEqual(calls.limits.map(l => l && [l.reason, l.until]), [
    ['reachout_timelock', '2026-12-01T07:30:00.000Z'],
    ['reachout_timelock', '2026-12-01T07:30:00.000Z'], // the time lock holds while both are on
    ['new_chat_cap', new Date(1796000000 * 1000).toISOString()],
    null,
  ]);
  // A connection.update without the field says nothing about limits.
  sock.ev.emit('connection.update', { isOnline: true });
  assert.equal(calls.limits.length, 4);
});

test('LID mappings: lid-mapping.update, key alternatives (before the message), signal key writes', async t => {
  const env = setup(t);
  const { calls, sock } = connect(env);
  sock.ev.emit('lid-mapping.update', { lid: '11112222@lid', pn: '628111@s.whatsapp.net' });
  sock.ev.emit('lid-mapping.update', { lid: 'garbage', pn: '628111@s.whatsapp.net' }); // ignored, as Baileys does
  // decode-wa-message.js: 1:1 key {remoteJid: lid, remoteJidAlt: pn}; group key {participant, participantAlt}
  sock.ev.emit('messages.upsert', { type: 'notify', messages: [
    { key: { remoteJid: '33334444@lid', remoteJidAlt: '628333@s.whatsapp.net', id: 'M1' }, message: { conversation: 'hi' } },
    { key: { remoteJid: '120363000@g.us', participant: '55556666@lid', participantAlt: '628555@s.whatsapp.net', id: 'M2' }, message: { conversation: 'yo' } },
  ] });
  await sock.config.auth.keys.set({ 'lid-mapping': { 628777: '77778888', '77778888_reverse': '628777' } });
  assert.deepEqual(calls.mapping, [
    { lid: '11112222@lid', phone: '628111@s.whatsapp.net' },
    { lid: '33334444@lid', phone: '628333@s.whatsapp.net' },
    { lid: '55556666@lid', phone: '628555@s.whatsapp.net' },
    { lid: '77778888@lid', phone: '628777@s.whatsapp.net' },
  ]);
  assert.deepEqual(calls.order.slice(0, 4), ['mapping', 'mapping', 'messageIn', 'mapping'], 'a pair is told before its message');
  assert.deepEqual(calls.messageIn.map(m => [m.chat, m.from]), [['628333', '628333'], ['120363000@g.us', '628555']]);
});

test('send: a person whose LID is known is addressed by the LID, others by phone, groups as they are', async t => {
  const env = setup(t);
  const lids = new LidStore(env.db);
  lids.remember(env.sessionId, '44445555@lid', '628444@s.whatsapp.net');
  const { conn, sock } = connect(env, { lids });
  sock.ev.emit('connection.update', { connection: 'open' });
  await conn.send({ to: '628444', text: 'a', messageId: 'S1' });
  await conn.send({ to: '628999', text: 'b', messageId: 'S2' });
  await conn.send({ to: '120363000@g.us', text: 'c', messageId: 'S3' });
  assert.deepEqual(sock.sent.map(x => x.jid), ['44445555@lid', '628999@s.whatsapp.net', '120363000@g.us']);
});

for (const [name, error] of [
  ['DNS failure', boom(408, 'WebSocket Error (getaddrinfo ENOTFOUND web.whatsapp.com)', Object.assign(new Error('getaddrinfo ENOTFOUND web.whatsapp.com'), { code: 'ENOTFOUND' }))],
  ['unreachable network', boom(408, 'WebSocket Error (connect ENETUNREACH 157.240.1.1:443)', Object.assign(new Error('connect ENETUNREACH'), { code: 'ENETUNREACH' }))],
  ['refused', boom(408, 'WebSocket Error (connect ECONNREFUSED 157.240.1.1:443)', Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))],
  ['TLS failure', boom(500, 'WebSocket Error (certificate has expired)', Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }))],
]) {
  test(`no internet (${name}) closes with reason network_unreachable`, async t => {
    const env = setup(t);
    const { calls, sock } = connect(env, { linked: false });
    await sock.end(error);
    await tick();
    assert.equal(calls.close.length, 1);
    assert.equal(calls.close[0].reason, 'network_unreachable');
  });
}

test('WhatsApp closing the stream is not "no internet"', async t => {
  const env = setup(t);
  const { calls, sock } = connect(env);
  await sock.end(boom(428, 'Connection Terminated'));
  await tick();
  assert.equal(calls.close[0].reason, undefined);
});
