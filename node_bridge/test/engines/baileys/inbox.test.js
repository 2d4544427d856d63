// The inbox's events and label actions of the Baileys engine (src/engines/baileys/inbox.js),
// with a fake socket emitting Baileys 7.0.0-rc14's exact shapes (node_modules/@whiskeysockets/baileys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proto } from '@whiskeysockets/baileys';
import { connect, recorder, setup } from './fake_baileys.js';

const READ = proto.WebMessageInfo.Status.READ; // 4 (WAProto)
const DELIVERY_ACK = proto.WebMessageInfo.Status.DELIVERY_ACK;

function inboxRecorder() {
  const rec = recorder();
  const heard = { reads: [], names: [], labels: [], chats: [] };
  Object.assign(rec.on, {
    chatRead: (r) => heard.reads.push(r),
    contactName: (n) => heard.names.push(n),
    labelEdit: (l) => heard.labels.push(l),
    labelAssociation: (a) => heard.chats.push(a),
  });
  return { rec, heard };
}

test('baileys: a read made on the phone is a chat.read (read-self receipts and mark-as-read)', async (t) => {
  const env = setup(t);
  const { rec, heard } = inboxRecorder();
  const { sock } = connect(env, { on: rec.on });
  sock.ev.emit('connection.update', { connection: 'open' });
  // lib/Socket/messages-recv.js handleReceipt ~1161-1202: a 'read-self' receipt from the owner's
  // phone has the chat as `recipient`, so key.fromMe is false and status is READ.
  sock.ev.emit('messages.update', [
    { key: { remoteJid: '628111@s.whatsapp.net', id: 'IN-1', fromMe: false }, update: { status: READ, messageTimestamp: 1767000000 } },
    { key: { remoteJid: '628111@s.whatsapp.net', id: 'IN-2', fromMe: false }, update: { status: READ, messageTimestamp: 1767000000 } },
    // A customer reading OUR message (fromMe true) and a delivery are not the owner's reads.
    { key: { remoteJid: '628111@s.whatsapp.net', id: 'OUT-1', fromMe: true }, update: { status: READ } },
    { key: { remoteJid: '628222@s.whatsapp.net', id: 'IN-3', fromMe: false }, update: { status: DELIVERY_ACK } },
  ]);
  // In a group (same function, ~1186-1196): message-receipt.update naming the reader.
  sock.ev.emit('message-receipt.update', [
    { key: { remoteJid: '1203630123@g.us', id: 'G-1', fromMe: false, participant: '628333@s.whatsapp.net' },
      receipt: { userJid: '628123456789@s.whatsapp.net', readTimestamp: 1767000000 } },
    { key: { remoteJid: '1203630123@g.us', id: 'G-2', fromMe: false }, receipt: { userJid: '628444@s.whatsapp.net', readTimestamp: 1 } },
  ]);
  // lib/Utils/chat-utils.js processSyncAction ~704-714: markChatAsReadAction → chats.update.
  sock.ev.emit('chats.update', [{ id: '628555@s.whatsapp.net', unreadCount: 0 }, { id: '628666@s.whatsapp.net', unreadCount: -1 }]);
  assert.deepEqual(heard.reads, [
    { chat: '628111', message_ids: ['IN-1', 'IN-2'] },
    { chat: '1203630123@g.us', message_ids: ['G-1'] },
    { chat: '628555', message_ids: null },
  ]);
});

test('baileys: push names (contacts.update) and WhatsApp Business labels', async (t) => {
  const env = setup(t);
  const { rec, heard } = inboxRecorder();
  const { sock } = connect(env, { on: rec.on });
  // lib/Socket/chats.js upsertMessage ~917-924.
  sock.ev.emit('contacts.update', [{ id: '628111@s.whatsapp.net', notify: 'Budi', verifiedName: undefined }]);
  sock.ev.emit('contacts.upsert', [{ id: '99001@lid', name: 'Sari' }, { id: '1203@g.us', notify: 'Grup' }]);
  // lib/Utils/chat-utils.js ~771-795 (labelEditAction, labelAssociationAction).
  sock.ev.emit('labels.edit', { id: '1', name: 'New customer', color: 1, deleted: false, predefinedId: '1' });
  sock.ev.emit('labels.association', { type: 'add', association: { type: 'label_jid', chatId: '628111@s.whatsapp.net', labelId: '1' } });
  sock.ev.emit('labels.association', { type: 'remove', association: { type: 'label_jid', chatId: '628111@s.whatsapp.net', labelId: '1' } });
  sock.ev.emit('labels.association', { type: 'add', association: { type: 'label_message', chatId: '628111@s.whatsapp.net', messageId: 'X', labelId: '1' } });
  assert.deepEqual(heard.names, [{ chat: '628111', name: 'Budi' }, { chat: '99001@lid', name: 'Sari' }]);
  assert.deepEqual(heard.labels, [{ id: '1', name: 'New customer', color: 1, deleted: false, predefinedId: '1' }]);
  assert.deepEqual(heard.chats, [
    { label_id: '1', chat: '628111', labeled: true },
    { label_id: '1', chat: '628111', labeled: false },
  ]);
});

test('baileys: label actions are addLabel / addChatLabel / removeChatLabel, only when open', async (t) => {
  const env = setup(t);
  const { conn, sock } = connect(env);
  const calls = [];
  // lib/Socket/chats.js ~845-874: addLabel(jid, labels), addChatLabel(jid, labelId), removeChatLabel(jid, labelId).
  sock.addLabel = async (jid, labels) => calls.push(['addLabel', jid, labels]);
  sock.addChatLabel = async (jid, labelId) => calls.push(['addChatLabel', jid, labelId]);
  sock.removeChatLabel = async (jid, labelId) => calls.push(['removeChatLabel', jid, labelId]);
  await assert.rejects(conn.editLabel({ id: '6', name: 'Dikirim', color: 3, deleted: false }), (err) => err.code === 'not_connected');
  sock.ev.emit('connection.update', { connection: 'open' });
  await conn.editLabel({ id: '6', name: 'Dikirim', color: 3, deleted: false });
  await conn.labelChat({ label_id: '6', chat: '628111', labeled: true });
  await conn.labelChat({ label_id: '6', chat: '1203630123@g.us', labeled: false });
  assert.deepEqual(calls, [
    ['addLabel', '', { id: '6', name: 'Dikirim', color: 3, deleted: false }],
    ['addChatLabel', '628111@s.whatsapp.net', '6'],
    ['removeChatLabel', '1203630123@g.us', '6'],
  ]);
});
