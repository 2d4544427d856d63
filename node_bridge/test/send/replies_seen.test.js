// Quoted replies and read receipts (WAHA's reply_to and sendSeen): the Baileys engine with
// a fake socket in rc14's shapes, and the real bridge with the sim engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateWAMessageFromContent } from '@whiskeysockets/baileys';
import { connect, setup } from '../engines/baileys/fake_baileys.js';
import { harness } from '../helpers.js';

test('baileys: a reply quotes the message by key and content, as Baileys builds contextInfo', async (t) => {
  const env = setup(t);
  const { conn, sock } = connect(env);
  sock.ev.emit('connection.update', { connection: 'open' });
  const quoted = { id: 'IN-7', from_me: false, text: 'Ada ukuran M?', participant: null };
  await conn.send({ to: '628111', text: 'Ada, kak', messageId: 'JAGA7', quoted });
  const { jid, content, options } = sock.sent[0];
  assert.deepEqual(options, {
    messageId: 'JAGA7',
    quoted: { key: { remoteJid: '628111@s.whatsapp.net', fromMe: false, id: 'IN-7' }, message: { conversation: 'Ada ukuran M?' } },
  });
  // What Baileys itself makes of those options (Utils/messages.js): the quote is on the wire.
  const built = generateWAMessageFromContent(jid, { extendedTextMessage: { text: content.text } }, { ...options, userJid: '628999@s.whatsapp.net' });
  const context = built.message?.extendedTextMessage?.contextInfo;
  assert.equal(context?.stanzaId, 'IN-7');
  assert.equal(context?.participant, '628111@s.whatsapp.net');
  assert.equal(context?.quotedMessage?.conversation, 'Ada ukuran M?');

  // In a group, the quoted writer is the participant.
  await conn.send({ to: '1203630123@g.us', text: 'ok', messageId: 'JAGA8', quoted: { ...quoted, participant: '628222@s.whatsapp.net' } });
  assert.equal(sock.sent[1].options.quoted.key.participant, '628222@s.whatsapp.net');
});

test('baileys: sendSeen sends read receipts for the keys (readMessages), only when open', async (t) => {
  const env = setup(t);
  const { conn, sock } = connect(env);
  await assert.rejects(conn.markSeen({ chat: '628111', ids: ['A'], participant: null }), (err) => err.code === 'not_connected');
  sock.ev.emit('connection.update', { connection: 'open' });
  await conn.markSeen({ chat: '628111', ids: ['A', 'B'], participant: null });
  await conn.markSeen({ chat: '1203630123@g.us', ids: ['C'], participant: '628222@s.whatsapp.net' });
  assert.deepEqual(sock.read, [
    [{ remoteJid: '628111@s.whatsapp.net', id: 'A', fromMe: false }, { remoteJid: '628111@s.whatsapp.net', id: 'B', fromMe: false }],
    [{ remoteJid: '1203630123@g.us', id: 'C', fromMe: false, participant: '628222@s.whatsapp.net' }],
  ]);
});

test('bridge + sim: a reply carries its quote to the wire; seen goes to the network; bad input is 400', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  const reply = {
    to: '628555000111', text: 'Siap', client_id: 'R1', quoted: { id: 'IN-1', from_me: false, text: 'Pesan 2' },
  };
  const sent = await b.api('POST', '/sessions/shop/messages', reply);
  assert.equal(sent.status, 200);
  const seen = await b.api('POST', '/sessions/shop/seen', { chat: '628555000111', ids: ['IN-1', 'IN-2'] });
  assert.deepEqual([seen.status, seen.body], [200, { chat: '628555000111', ids: ['IN-1', 'IN-2'], status: 'seen' }]);
  const wire = (await b.api('GET', '/sim/network')).body;
  assert.equal(wire.sent.find((/** @type {any} */ m) => m.client_id === 'R1').quoted, 'IN-1');
  assert.deepEqual(wire.seen.map((/** @type {any} */ s) => [s.session_id, s.chat, s.ids]), [['shop', '628555000111', ['IN-1', 'IN-2']]]);

  for (const bad of [{ ...reply, client_id: 'R2', quoted: { id: 'x y', from_me: false, text: '' } }, { ...reply, client_id: 'R3', quoted: 'IN-1' }]) {
    const res = await b.api('POST', '/sessions/shop/messages', bad);
    assert.deepEqual([res.status, res.body.error.code], [400, 'bad_request']);
  }
  for (const bad of [{ chat: '628555000111', ids: [] }, { chat: 'nobody', ids: ['A'] }, { chat: '628555000111', ids: [1] }]) {
    const res = await b.api('POST', '/sessions/shop/seen', bad);
    assert.deepEqual([res.status, res.body.error.code], [400, 'bad_request']);
  }
  assert.equal((await b.api('POST', '/sessions/nope/seen', { chat: '628555000111', ids: ['A'] })).status, 404);
  await b.api('DELETE', '/sessions/shop');
  const away = await b.api('POST', '/sessions/shop/seen', { chat: '628555000111', ids: ['A'] });
  assert.deepEqual([away.status, away.body.error.code], [409, 'session_not_connected']);
  assert.equal((await b.api('GET', '/sim/network')).body.sent.filter((/** @type {any} */ m) => m.client_id !== 'R1').length, 0);
});
