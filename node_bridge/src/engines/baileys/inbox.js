// The inbox's events of one Baileys 7.0.0-rc14 socket, and its label actions:
// - reads the owner makes on the phone: a `read-self` receipt (lib/Socket/messages-recv.js
//   handleReceipt ~1161-1202: messages.update [{key: {remoteJid: <chat>, id, fromMe: false},
//   update: {status: READ}}]; in a group message-receipt.update [{key, receipt: {userJid:
//   <own jid>, readTimestamp}}]), and "mark chat as read" from the phone's app state
//   (lib/Utils/chat-utils.js processSyncAction ~704-714: chats.update [{id, unreadCount: 0}]);
// - names customers give themselves (lib/Socket/chats.js upsertMessage ~917-924:
//   contacts.update [{id, notify: pushName}]; contacts.upsert from the address book);
// - WhatsApp Business labels (chat-utils.js ~771-795: labels.edit {id, name, color,
//   deleted, predefinedId}; labels.association {type: 'add'|'remove', association:
//   {type: 'label_jid', chatId, labelId}});
// - the app's label actions: sock.addLabel / addChatLabel / removeChatLabel
//   (lib/Socket/chats.js ~845-874, app-state patches built in chat-utils.js ~579-619).
import { proto } from '@whiskeysockets/baileys';
import { codedError, digitsFromJid, isGroupJid, personId, recipientJid } from './mapping.js';
import { sendJid } from './edges.js';

const READ = proto.WebMessageInfo.Status.READ;
const CHAT_LABEL = 'label_jid'; // LabelAssociationType.Chat (lib/Types/LabelAssociation.js)

/** @param {string | null | undefined} jid */
function chatOf(jid) {
  if (!jid) return null;
  return isGroupJid(jid) ? jid : personId(jid, null);
}

/**
 * @param {{sock: any, live: () => boolean, on: any, creds: any, lidFor?: (phone: string) => string | null,
 *   guard: <A extends any[]>(name: string, fn: (...args: A) => void) => (...args: A) => void}} ctx
 */
export function inboxParts({ sock, live, on, creds, lidFor, guard }) {
  const mine = () => new Set([digitsFromJid(creds.me?.id), creds.me?.lid?.split(/[:@]/)[0]].filter(Boolean));
  /** @param {string | null} chat @param {string[] | null} ids */
  const read = (chat, ids) => chat && on.chatRead?.({ chat, message_ids: ids });

  const onUpdates = guard('inbox messages.update', (/** @type {any[]} */ updates) => {
    const byChat = new Map();
    for (const { key, update } of updates ?? []) {
      if (key?.fromMe !== false || update?.status !== READ || !key.id) continue;
      const chat = chatOf(key.remoteJid);
      if (chat) byChat.set(chat, [...(byChat.get(chat) ?? []), key.id]);
    }
    for (const [chat, ids] of byChat) read(chat, ids);
  });

  const onReceipts = guard('inbox message-receipt.update', (/** @type {any[]} */ updates) => {
    const own = mine();
    for (const { key, receipt } of updates ?? []) {
      const reader = receipt?.userJid?.split(/[:@]/)[0];
      if (key?.fromMe || !key?.id || !receipt?.readTimestamp || !own.has(reader)) continue;
      read(chatOf(key.remoteJid), [key.id]);
    }
  });

  const onChats = guard('inbox chats.update', (/** @type {any[]} */ updates) => {
    for (const chat of updates ?? []) if (chat?.unreadCount === 0) read(chatOf(chat.id), null);
  });

  const onContacts = guard('inbox contacts', (/** @type {any[]} */ contacts) => {
    for (const c of contacts ?? []) {
      const name = c?.name || c?.notify || c?.verifiedName;
      const chat = chatOf(c?.id);
      if (name && chat && !isGroupJid(c.id)) on.contactName?.({ chat, name });
    }
  });

  const onLabel = guard('labels.edit', (/** @type {any} */ label) => on.labelEdit?.(label));

  const onAssociation = guard('labels.association', (/** @type {any} */ { association, type } = {}) => {
    if (association?.type !== CHAT_LABEL) return; // message labels are not the inbox's
    on.labelAssociation?.({ label_id: association.labelId, chat: chatOf(association.chatId), labeled: type === 'add' });
  });

  if (sock) {
    sock.ev.on('messages.update', onUpdates);
    sock.ev.on('message-receipt.update', onReceipts);
    sock.ev.on('chats.update', onChats);
    sock.ev.on('contacts.update', onContacts);
    sock.ev.on('contacts.upsert', onContacts);
    sock.ev.on('labels.edit', onLabel);
    sock.ev.on('labels.association', onAssociation);
  }

  const open = () => {
    if (!sock || !live()) throw codedError(Error, 'not_connected', 'the WhatsApp connection is not open');
    return sock;
  };
  return {
    /** @param {{id: string, name: string, color: number, deleted: boolean}} label */
    async editLabel({ id, name, color, deleted }) {
      // The jid is not part of a label_edit patch (its index is ['label_edit', id]).
      await open().addLabel('', { id, name, color, deleted });
    },
    /** @param {{label_id: string, chat: string, labeled: boolean}} a */
    async labelChat({ label_id: labelId, chat, labeled }) {
      const jid = sendJid(recipientJid(chat), lidFor);
      if (labeled) await open().addChatLabel(jid, labelId);
      else await open().removeChatLabel(jid, labelId);
    },
  };
}
