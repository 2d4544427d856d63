// Messages and receipts of one Baileys socket → the engine's messageIn / ack callbacks.
import { isJidBroadcast, isJidNewsletter, proto } from '@whiskeysockets/baileys';
import { FAILED_RANK } from './edges.js';
import {
  ACK_RANK,
  ackStatusFromReceipt,
  ackStatusFromWaStatus,
  chatIdFromKey,
  digitsFromJid,
  extractText,
  isoFromWaTimestamp,
  senderIdFromKey,
} from './mapping.js';
import { mediaOf } from './media.js';
import { expirationOf } from './ephemeral.js';

/**
 * @param {{on: any, caches: ReturnType<typeof import('./caches.js').cachesFor>, creds: any,
 *   edges: ReturnType<typeof import('./edges.js').edgeHandlers>,
 *   safeCall: (name: string, fn: () => void) => void,
 *   guard: <A extends any[]>(name: string, fn: (...args: A) => void) => (...args: A) => void,
 *   log: import('pino').Logger, limits?: import('../../limits_watch.js').LimitsWatch}} ctx
 *   limits: asked about again after a 463
 */
export function trafficHandlers({ on, caches, creds, edges, safeCall, guard, log, limits }) {
  /**
   * @param {import('@whiskeysockets/baileys').WAMessage} msg
   * @param {'notify' | 'append'} kind
   */
  const handleInbound = (msg, kind) => {
    const key = msg?.key;
    if (!key?.id || !key.remoteJid) return;
    const expiration = expirationOf(msg.message);
    if (expiration !== null) safeCall('chatEphemeral', () => on.chatEphemeral?.({ chat: chatIdFromKey(key), seconds: expiration }));
    if (key.fromMe) return;
    if (isJidBroadcast(key.remoteJid) || isJidNewsletter(key.remoteJid)) return;
    if (msg.messageStubType === proto.WebMessageInfo.StubType.CIPHERTEXT) return placeholder(msg, key);
    const text = extractText(msg.message);
    if (text === null) return; // protocol / reaction / stub: nothing a person reads
    if (caches.seenInbound.has(key.id)) return;
    edges.keyAlternatives(key);
    const chat = chatIdFromKey(key);
    const from = senderIdFromKey(key);
    if (!chat || !from) {
      log.warn({ message_id: key.id }, 'inbound message without a usable sender; skipped');
      return;
    }
    const media = mediaOf(msg);
    const event = { message_id: key.id, chat, from, text, timestamp: isoFromWaTimestamp(msg.messageTimestamp), kind,
      ...(media ? { media } : {}) };
    try {
      on.messageIn(event);
      // Marked only once the manager took it, so a redelivery can still get through.
      caches.seenInbound.set(key.id, true);
    } catch (err) {
      log.error({ err, message_id: key.id }, 'session callback failed for an inbound message');
    }
  };

  /**
   * A message that could not be decrypted: rc14 upserts a placeholder with messageStubType
   * CIPHERTEXT (decode-wa-message.js:290-305; messages-recv.js:1298-1390 asks the sender for
   * it again). Told to the session, which waits for the readable copy (same id).
   * @param {import('@whiskeysockets/baileys').WAMessage} msg @param {any} key
   */
  const placeholder = (msg, key) => {
    if (caches.seenInbound.has(key.id)) return; // its readable copy came already
    edges.keyAlternatives(key);
    const m = { message_id: key.id, chat: chatIdFromKey(key), from: senderIdFromKey(key), timestamp: isoFromWaTimestamp(msg.messageTimestamp) };
    safeCall('undecryptable', () => on.undecryptable?.(m));
  };

  const onUpsert = guard('messages.upsert', ({ messages, type }) => {
    if (type !== 'notify' && type !== 'append') return;
    for (const msg of messages ?? []) {
      try {
        handleInbound(msg, type);
      } catch (err) {
        log.warn({ err, message_id: msg?.key?.id }, 'skipped an inbound message that could not be read');
      }
    }
  });

  /**
   * @param {{id?: string | null, remoteJid?: string | null, remoteJidAlt?: string | null}} key
   * @param {'sent' | 'delivered' | 'read'} status
   */
  const emitAck = (key, status) => {
    if (!key.id) return;
    const rank = ACK_RANK[status];
    if ((caches.ackRank.get(key.id) ?? 0) >= rank) return; // never report backwards or twice
    caches.ackRank.set(key.id, rank);
    safeCall('ack', () => on.ack({ message_id: /** @type {string} */ (key.id), chat: chatIdFromKey(key), status }));
  };

  const onMessagesUpdate = guard('messages.update', updates => {
    for (const { key, update } of updates ?? []) {
      if (!key?.fromMe || update?.status == null) continue;
      const refused = edges.refusal(key, update);
      if (refused) {
        if ((caches.ackRank.get(refused.message_id) ?? 0) >= FAILED_RANK) continue;
        caches.ackRank.set(refused.message_id, FAILED_RANK);
        safeCall('ack', () => on.ack({ ...refused, chat: chatIdFromKey(key) }));
        if (refused.error_code === '463') limits?.after463();
        continue;
      }
      const status = ackStatusFromWaStatus(update.status);
      if (status) emitAck(key, status);
    }
  });

  const onReceipts = guard('message-receipt.update', updates => {
    const myUsers = new Set([digitsFromJid(creds.me?.id), creds.me?.lid?.split(/[:@]/)[0]].filter(Boolean));
    for (const { key, receipt } of updates ?? []) {
      if (!key?.fromMe) continue;
      // Our own other devices reading a group message is not a recipient's receipt.
      const reader = receipt?.userJid?.split(/[:@]/)[0];
      if (reader && myUsers.has(reader)) continue;
      const status = ackStatusFromReceipt(receipt);
      if (status) emitAck(key, status);
    }
  });

  /**
   * WhatsApp's server took a message we sent: <ack class="message" id=… from=…> with no
   * error attribute. rc14 hands every such stanza to handleBadAck (messages-recv.js:1624-1626),
   * which acts only on an error (:1494-1566); it raises no event for a plain ack, and
   * messages.update SERVER_ACK comes only from our own devices' "sender" receipts
   * (generics.js:265-266). So the stanza itself is the "sent" signal.
   */
  const onServerAck = guard('CB:ack,class:message', node => {
    const attrs = node?.attrs;
    if (!attrs?.id || attrs.error || !caches.outgoing.has(attrs.id)) return;
    emitAck({ id: attrs.id, remoteJid: attrs.from }, 'sent');
  });

  return { onUpsert, onMessagesUpdate, onReceipts, onServerAck };
}
