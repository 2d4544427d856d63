// Messages of one Baileys socket → the engine's messageIn callback (receipts: acks.js).
import { isJidBroadcast, isJidNewsletter, proto } from '@whiskeysockets/baileys';
import { ackHandlers } from './acks.js';
import { chatIdFromKey, extractText, isoFromWaTimestamp, senderIdFromKey } from './mapping.js';
import { mediaOf } from './media.js';
import { expirationOf } from './ephemeral.js';

/**
 * @param {{on: any, caches: ReturnType<typeof import('./caches.js').cachesFor>, creds: any,
 *   edges: ReturnType<typeof import('./edges.js').edgeHandlers>,
 *   safeCall: (name: string, fn: () => void) => void,
 *   guard: <A extends any[]>(name: string, fn: (...args: A) => void) => (...args: A) => void,
 *   log: import('pino').Logger, limits?: import('../limits_watch.js').LimitsWatch}} ctx
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

  return { onUpsert, ...ackHandlers({ on, caches, creds, edges, safeCall, guard, limits }) };
}
