// Receipts of one Baileys socket → the engine's ack callback: WhatsApp's server ack of a
// message we sent ("sent"), the recipients' receipts (delivered, read), and refusals.
import { FAILED_RANK } from './edges.js';
import { ACK_RANK, ackStatusFromReceipt, ackStatusFromWaStatus, chatIdFromKey, digitsFromJid } from './mapping.js';

/**
 * @param {{on: any, caches: ReturnType<typeof import('./caches.js').cachesFor>, creds: any,
 *   edges: ReturnType<typeof import('./edges.js').edgeHandlers>,
 *   safeCall: (name: string, fn: () => void) => void,
 *   guard: <A extends any[]>(name: string, fn: (...args: A) => void) => (...args: A) => void,
 *   limits?: import('../limits_watch.js').LimitsWatch}} ctx
 *   limits: asked about again after a 463
 */
export function ackHandlers({ on, caches, creds, edges, safeCall, guard, limits }) {
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

  return { onMessagesUpdate, onReceipts, onServerAck };
}
