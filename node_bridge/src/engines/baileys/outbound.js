// What a connection of the baileys engine sends: messages (written now, "sent" on
// WhatsApp's server ack, traffic.js onServerAck), the stored copy again, the question
// whether a phone is on WhatsApp, and read receipts.
import { isJidGroup, proto } from '@whiskeysockets/baileys';
import { sendJid } from './edges.js';
import { codedError, recipientJid } from './mapping.js';
import { outboundContent } from './media.js';
import { quotedMessage, seenKeys } from './replies.js';

/**
 * @param {{sock: () => any, sent: import('./types.js').SentStore | undefined,
 *   caches: ReturnType<typeof import('./caches.js').cachesFor>,
 *   lidFor: ((phone: string) => string | null) | undefined}} deps
 *   sock: the socket while the connection is open, else null
 */
export function outboundHandlers({ sock, sent, caches, lidFor }) {
  const open = () => {
    const s = sock();
    if (!s) throw codedError(Error, 'not_connected', 'the WhatsApp connection is not open');
    return s;
  };

  return {
    /**
     * Writes a message; "sent" comes later, with WhatsApp's server ack. The message is
     * kept, encoded, for retry requests and resends.
     */
    async send({ to, text, messageId, media: file, quoted, ephemeralS } = /** @type {any} */ ({})) {
      const s = open();
      if (!file && (typeof text !== 'string' || text.length === 0)) throw codedError(TypeError, 'bad_request', 'text must be a non-empty string');
      const jid = sendJid(recipientJid(to), lidFor);
      // No link previews: rc14 would fetch every link's page from here with link-preview-js,
      // which is not installed ("url generation failed" on each such message); null is its
      // "no preview" (Utils/messages.js:277-281).
      const content = file ? outboundContent(file, text ?? '') : { text, linkPreview: null };
      const options = { ...(messageId ? { messageId } : {}), ...(quoted ? { quoted: quotedMessage(jid, quoted) } : {}),
        // the chat's disappearing-messages timer (Utils/messages.js:587-600 sets contextInfo.expiration)
        ...(ephemeralS ? { ephemeralExpiration: ephemeralS } : {}) };
      // A group's metadata is fetched once and kept (cachedGroupMetadata answers from it).
      if (isJidGroup(jid)) await caches.groups.ensure(jid, (g) => s.groupMetadata(g));
      if (messageId) caches.outgoing.set(messageId, true); // its ack may beat sendMessage's return
      const message = await s.sendMessage(jid, content, options);
      const id = message?.key?.id ?? messageId;
      if (!id) throw codedError(Error, 'engine_error', 'WhatsApp accepted the message but returned no id');
      caches.outgoing.set(id, true);
      if (message?.message) sent?.put(id, jid, proto.Message.encode(message.message).finish());
      return { message_id: id };
    },

    /** The stored message again, same id (Socket/messages-send.js relayMessage). @param {{messageId: string}} m */
    async resend({ messageId } = /** @type {any} */ ({})) {
      const s = open();
      const stored = sent?.get(messageId);
      if (!stored) throw codedError(Error, 'not_stored', `message ${messageId} is no longer stored; it cannot go again`);
      caches.outgoing.set(messageId, true);
      await s.relayMessage(stored.jid, proto.Message.decode(stored.content), { messageId });
      return { message_id: messageId };
    },

    /**
     * Is this phone on WhatsApp? rc14's onWhatsApp (socket.js:222-246) lists a phone only
     * when it is ([{jid, exists: true}]); nothing listed: not on WhatsApp; no answer: null.
     * @param {string} phone digits
     */
    async onWhatsApp(phone) {
      const found = await open().onWhatsApp(`${phone}@s.whatsapp.net`);
      return Array.isArray(found) ? found.some((r) => r?.exists) : null;
    },

    /**
     * "typing…" in a chat, or its end (Socket/chats.js:603-640 sendPresenceUpdate: a
     * chatstate node).
     * @param {string} to @param {'composing'|'paused'} state
     */
    async typing(to, state) {
      await open().sendPresenceUpdate(state, sendJid(recipientJid(to), lidFor));
    },

    /** Read receipts (Socket/messages-send.js readMessages): blue ticks for the sender. */
    async markSeen({ chat, ids, participant } = /** @type {any} */ ({})) {
      const s = open();
      await s.readMessages(seenKeys(sendJid(recipientJid(chat), lidFor), ids, participant));
    },
  };
}
