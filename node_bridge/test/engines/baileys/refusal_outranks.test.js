// A refusal (463, 479) is final on the bridge: no receipt that comes after it, a read
// included, moves the message forward (src/engines/baileys/edges.js FAILED_RANK,
// traffic.js). Driven by the fake socket with rc14's shapes (fake_baileys.js):
// handleBadAck's messages.update {status: ERROR, messageStubParameters: [code]}
// (lib/Socket/messages-recv.js ~1494-1565), then messages.update statuses and
// message-receipt.update receipts for the same key.
//
// Seen failing against: FAILED_RANK lowered to the rank of "delivered" (2): the
// existing test's DELIVERY_ACK after the refusal stayed quiet, the READ here went out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proto } from '@whiskeysockets/baileys';
import { connect, setup } from './fake_baileys.js';

const S = proto.WebMessageInfo.Status;

test('a refusal outranks every receipt: delivered, read, played after 463 or 479 leave it failed', t => {
  const env = setup(t);
  const { calls, sock } = connect(env);
  const to = '628111@s.whatsapp.net';
  for (const [id, code] of [['R463', '463'], ['R479', '479']]) {
    const key = { remoteJid: to, fromMe: true, id };
    sock.ev.emit('messages.update', [{ key, update: { status: S.ERROR, messageStubParameters: [code] } }]);
    sock.ev.emit('messages.update', [{ key, update: { status: S.SERVER_ACK } }]);
    sock.ev.emit('messages.update', [{ key, update: { status: S.DELIVERY_ACK } }]);
    sock.ev.emit('messages.update', [{ key, update: { status: S.READ } }]);
    sock.ev.emit('messages.update', [{ key, update: { status: S.PLAYED } }]);
    sock.ev.emit('message-receipt.update', [
      { key, receipt: { userJid: to, receiptTimestamp: 5 } },
      { key, receipt: { userJid: to, readTimestamp: 6 } },
    ]);
  }
  const brief = calls.ack.map(a => [a.message_id, a.status, a.error_code]);
  assert.deepEqual(brief, [['R463', 'failed', '463'], ['R479', 'failed', '479']]);
});

test('a read before a refusal does not hide the refusal: the message still fails', t => {
  const env = setup(t);
  const { calls, sock } = connect(env);
  const key = { remoteJid: '628111@s.whatsapp.net', fromMe: true, id: 'LATE' };
  sock.ev.emit('messages.update', [{ key, update: { status: S.READ } }]);
  sock.ev.emit('messages.update', [{ key, update: { status: S.ERROR, messageStubParameters: ['479'] } }]);
  sock.ev.emit('messages.update', [{ key, update: { status: S.READ } }]);
  assert.deepEqual(calls.ack.map(a => a.status), ['read', 'failed']);
});
