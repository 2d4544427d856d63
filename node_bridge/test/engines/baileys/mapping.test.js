import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Boom } from '@hapi/boom';
import Long from 'long';
import { DisconnectReason, proto } from '@whiskeysockets/baileys';
import {
  ackStatusFromReceipt,
  ackStatusFromWaStatus,
  chatIdFromKey,
  closeInfoFromError,
  digitsFromJid,
  extractText,
  isoFromWaTimestamp,
  personId,
  phoneDigits,
  qrWithAdvSecret,
  recipientJid,
  senderIdFromKey,
} from '../../../src/engines/baileys/mapping.js';
import { LruCache } from '../../../src/engines/baileys/lru.js';

test('closeInfoFromError: Boom status codes pass through', () => {
  assert.deepEqual(closeInfoFromError(new Boom('Stream Errored (restart required)', { statusCode: 515 })), {
    code: 515,
    message: 'Stream Errored (restart required)',
  });
  for (const code of [401, 403, 405, 408, 428, 440, 500, 503]) {
    assert.equal(closeInfoFromError(new Boom('x', { statusCode: code })).code, code);
  }
});

test('closeInfoFromError: local errors and missing errors get sensible transient codes', () => {
  assert.deepEqual(closeInfoFromError(undefined), { code: DisconnectReason.connectionClosed, message: 'connection closed' });
  assert.deepEqual(closeInfoFromError(new TypeError('boom')), { code: 500, message: 'boom' });
  assert.equal(closeInfoFromError({ statusCode: 503, message: 'unavailable' }).code, 503);
  assert.equal(closeInfoFromError('weird').message, 'weird');
});

test('closeInfoFromError: a conflict that removed the device is a logout, a replacement stays 440', () => {
  const removed = new Boom('Stream Errored (conflict)', { statusCode: 440, data: { tag: 'conflict', attrs: { type: 'device_removed' } } });
  assert.equal(closeInfoFromError(removed).code, 401);
  const replaced = new Boom('Stream Errored (conflict)', { statusCode: 440, data: { tag: 'conflict', attrs: { type: 'replaced' } } });
  assert.equal(closeInfoFromError(replaced).code, 440);
});

test('jid ↔ digits', () => {
  assert.equal(digitsFromJid('628123456789@s.whatsapp.net'), '628123456789');
  assert.equal(digitsFromJid('628123456789:17@s.whatsapp.net'), '628123456789');
  assert.equal(digitsFromJid('628123456789@c.us'), '628123456789');
  assert.equal(digitsFromJid('123456789012345@lid'), null);
  assert.equal(digitsFromJid('1203630123@g.us'), null);
  assert.equal(digitsFromJid(undefined), null);
  assert.equal(digitsFromJid('garbage'), null);

  assert.equal(personId('123456789012345@lid', '628123456789@s.whatsapp.net'), '628123456789', 'LID resolved through the alt jid');
  assert.equal(personId('123456789012345:3@lid'), '123456789012345@lid', 'unknown phone: LID kept recognisable, device dropped');
  assert.equal(personId(null), null);

  assert.equal(recipientJid('628123456789'), '628123456789@s.whatsapp.net');
  assert.equal(recipientJid('+62 812-3456-789'), '628123456789@s.whatsapp.net');
  assert.equal(recipientJid('1203630123-1600000000@g.us'), '1203630123-1600000000@g.us');
  assert.equal(recipientJid('628123456789:4@s.whatsapp.net'), '628123456789@s.whatsapp.net');
  for (const bad of ['', 'abc', '12', '1234567890123456', null, undefined, 42]) {
    assert.throws(() => recipientJid(/** @type {any} */ (bad)), err => err.code === 'bad_recipient', String(bad));
  }

  assert.equal(phoneDigits('+62 812 3456 789'), '628123456789');
  for (const bad of ['0812345678', '123', 'abc', '+', undefined]) {
    assert.throws(() => phoneDigits(/** @type {any} */ (bad)), err => err.code === 'bad_phone', String(bad));
  }
});

test('chat and sender of message keys: people as digits, groups as jids', () => {
  const dm = { remoteJid: '628111@s.whatsapp.net', id: 'A' };
  assert.equal(chatIdFromKey(dm), '628111');
  assert.equal(senderIdFromKey(dm), '628111');
  const lidDm = { remoteJid: '99887766@lid', remoteJidAlt: '628222@s.whatsapp.net', id: 'B' };
  assert.equal(chatIdFromKey(lidDm), '628222');
  const group = { remoteJid: '1203630123@g.us', participant: '77665544@lid', participantAlt: '628333:2@s.whatsapp.net', id: 'C' };
  assert.equal(chatIdFromKey(group), '1203630123@g.us');
  assert.equal(senderIdFromKey(group), '628333');
});

test('extractText: text, captions, wrappers, placeholders; null for what nobody reads', () => {
  assert.equal(extractText({ conversation: 'halo' }), 'halo');
  assert.equal(extractText({ extendedTextMessage: { text: 'with link https://x.y' } }), 'with link https://x.y');
  assert.equal(extractText({ imageMessage: { caption: 'photo of stock' } }), 'photo of stock');
  assert.equal(extractText({ videoMessage: { caption: 'clip' } }), 'clip');
  assert.equal(extractText({ documentWithCaptionMessage: { message: { documentMessage: { caption: 'invoice', fileName: 'a.pdf' } } } }), 'invoice');
  assert.equal(extractText({ ephemeralMessage: { message: { conversation: 'disappearing' } } }), 'disappearing');
  // Media travels as its own object (baileys/media.js mediaOf): its text is the caption or "".
  assert.equal(extractText({ viewOnceMessageV2: { message: { imageMessage: {} } } }), '');
  assert.equal(extractText({ audioMessage: { ptt: true } }), '');
  assert.equal(extractText({ audioMessage: {} }), '');
  assert.equal(extractText({ documentMessage: { fileName: 'price list.xlsx' } }), '');
  assert.equal(extractText({ stickerMessage: {} }), '');
  assert.equal(extractText({ ptvMessage: {} }), '');
  assert.equal(extractText({ locationMessage: { degreesLatitude: -6.2, degreesLongitude: 106.8 } }), '[location: -6.2,106.8]');
  assert.equal(extractText({ contactMessage: { displayName: 'Budi' } }), '[contact: Budi]');
  assert.equal(extractText({ pollCreationMessageV3: { name: 'Jam buka?' } }), '[poll: Jam buka?]');
  assert.equal(extractText({ buttonsResponseMessage: { selectedDisplayText: 'Ya' } }), 'Ya');

  assert.equal(extractText(null), null);
  assert.equal(extractText(undefined), null);
  assert.equal(extractText({}), null);
  assert.equal(extractText({ protocolMessage: { type: 0 } }), null, 'revoke');
  assert.equal(extractText({ reactionMessage: { text: '👍' } }), null);
  assert.equal(extractText({ senderKeyDistributionMessage: { groupId: 'g' } }), null);
  assert.equal(extractText({ conversation: '' }), null);
});

test('ack statuses from WebMessageInfo.Status and group receipts', () => {
  const S = proto.WebMessageInfo.Status;
  assert.equal(ackStatusFromWaStatus(S.SERVER_ACK), 'sent');
  assert.equal(ackStatusFromWaStatus(S.DELIVERY_ACK), 'delivered');
  assert.equal(ackStatusFromWaStatus(S.READ), 'read');
  assert.equal(ackStatusFromWaStatus(S.PLAYED), 'read');
  assert.equal(ackStatusFromWaStatus(S.PENDING), null);
  assert.equal(ackStatusFromWaStatus(S.ERROR), null);
  assert.equal(ackStatusFromWaStatus(undefined), null);

  assert.equal(ackStatusFromReceipt({ userJid: 'x', receiptTimestamp: 1700000000 }), 'delivered');
  assert.equal(ackStatusFromReceipt({ userJid: 'x', readTimestamp: 1700000000 }), 'read');
  assert.equal(ackStatusFromReceipt({ userJid: 'x', playedTimestamp: 1700000000 }), 'read');
  assert.equal(ackStatusFromReceipt({ userJid: 'x' }), null);
  assert.equal(ackStatusFromReceipt(undefined), null);
});

test('message timestamps: seconds, Long, string → ISO; nonsense → now', () => {
  assert.equal(isoFromWaTimestamp(1700000000), '2023-11-14T22:13:20.000Z');
  assert.equal(isoFromWaTimestamp(Long.fromNumber(1700000000, true)), '2023-11-14T22:13:20.000Z');
  assert.equal(isoFromWaTimestamp('1700000000'), '2023-11-14T22:13:20.000Z');
  const now = () => Date.UTC(2026, 0, 2);
  assert.equal(isoFromWaTimestamp(undefined, now), '2026-01-02T00:00:00.000Z');
  assert.equal(isoFromWaTimestamp('x', now), '2026-01-02T00:00:00.000Z');
  assert.equal(isoFromWaTimestamp(0, now), '2026-01-02T00:00:00.000Z');
});

test('qrWithAdvSecret replaces only the ADV field of a pairing QR', () => {
  const qr = 'https://wa.me/settings/linked_devices#2@ref==,NOISE=,IDENT=,OLDADV=,7';
  assert.equal(qrWithAdvSecret(qr, 'NEWADV='), 'https://wa.me/settings/linked_devices#2@ref==,NOISE=,IDENT=,NEWADV=,7');
  assert.equal(qrWithAdvSecret('not a qr', 'NEWADV='), 'not a qr');
});

test('LruCache: evicts least recently used, expires by TTL, CacheStore methods', () => {
  let t = 0;
  const c = new LruCache({ max: 2, ttlMs: 100, now: () => t });
  c.set('a', 1);
  c.set('b', 2);
  assert.equal(c.get('a'), 1); // a is now most recent
  c.set('c', 3); // evicts b
  assert.equal(c.get('b'), undefined);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('c'), 3);
  t = 150;
  assert.equal(c.get('a'), undefined, 'expired');
  assert.equal(c.size, 1, 'expired entry dropped on read');
  c.set('d', 4);
  assert.equal(c.del('d'), true);
  c.set('e', 5);
  c.flushAll();
  assert.equal(c.size, 0);
  assert.throws(() => new LruCache({ max: 0 }), RangeError);
});
