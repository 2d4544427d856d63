// The real world's edges as Baileys 7.0.0-rc14 reports them, turned into engine callbacks:
// refused sends, time locks and caps on new contacts, and who a LID is.
import { isLidUser, isPnUser, proto } from '@whiskeysockets/baileys';
import { limitFromCapping, limitFromTimelock, rejectionFromStub } from '../../sessions/rejections.js';

/** A refusal is final: no later receipt may move a failed message forward. */
export const FAILED_RANK = 9;

/**
 * @param {{on: any, safeCall: (name: string, fn: () => void) => void, log: import('pino').Logger}} ctx
 */
export function edgeHandlers({ on, safeCall, log }) {
  /** Time lock and cap are separate facts; the owner sees the one that holds (time lock first). */
  const limits = { timelock: /** @type {any} */ (null), cap: /** @type {any} */ (null) };
  const reportLimits = () => safeCall('limits', () => on.limits?.(limits.timelock ?? limits.cap));

  /** @param {unknown} lid @param {unknown} pn */
  const mapping = (lid, pn) => {
    // Either order, as the signal repository's storeLIDPNMappings accepts
    // (lib/Signal/lid-mapping.js storeLIDPNMappings, lines ~16-30).
    if (typeof lid !== 'string' || typeof pn !== 'string') return;
    if (isLidUser(pn) && isPnUser(lid)) [lid, pn] = [pn, lid];
    if (!isLidUser(/** @type {string} */ (lid)) || !isPnUser(/** @type {string} */ (pn))) return;
    safeCall('mapping', () => on.mapping?.({ lid, phone: pn }));
  };

  return {
    /**
     * messages.update with status ERROR: lib/Socket/messages-recv.js handleBadAck (~1494-1565)
     * emits [{key: {remoteJid, fromMe: true, id}, update: {status: ERROR, messageStubParameters:
     * ['463'] | ['479'] | [code, 'Your account has been restricted']}}]. 463 is never retried
     * (Baileys' own comment there: a retry counts as another reach-out).
     * @param {any} key @returns {{message_id: string, status: 'failed', error_code: string, reason: string, error: string} | null}
     */
    refusal(key, update) {
      if (update?.status !== proto.WebMessageInfo.Status.ERROR || !key?.id) return null;
      const refused = rejectionFromStub(update.messageStubParameters);
      log.warn({ message_id: key.id, code: refused.error_code }, 'WhatsApp refused a sent message');
      return { message_id: key.id, status: 'failed', ...refused };
    },

    /**
     * connection.update {reachoutTimeLock: {isActive, timeEnforcementEnds?: Date, enforcementType}}
     * (messages-recv.js handleReachoutTimelockNotification ~151-181; socket.js
     * fetchAccountReachoutTimelock ~905-916, which handleBadAck calls on a time-locked refusal).
     * @param {any} update
     */
    connectionUpdate(update) {
      if (!update || !('reachoutTimeLock' in update)) return;
      limits.timelock = limitFromTimelock(update.reachoutTimeLock);
      reportLimits();
    },

    /**
     * message-capping.update, or fetchNewChatMessageCap's answer: NewChatMessageCapInfo
     * (messages-recv.js ~183-191, socket.js:922-924, Types/State.d.ts:69-95). CAPPED is a
     * limit; the quota and its warnings go to safe sending (quota.js).
     * @param {any} info
     */
    capping(info) {
      limits.cap = limitFromCapping(info);
      reportLimits();
      safeCall('quota', () => on.quota?.(info));
    },

    /** lid-mapping.update {lid, pn} (messages-recv.js ~251-264, chat-utils.js ~804-807). @param {any} m */
    lidMappingUpdate(m) {
      mapping(m?.lid, m?.pn);
    },

    /**
     * A message key's alternative address: remoteJidAlt (1:1) / participantAlt (groups)
     * (lib/Utils/decode-wa-message.js ~178-187). Baileys stores the pair the same way
     * (messages-recv.js ~1277-1290).
     * @param {any} key
     */
    keyAlternatives(key) {
      if (key?.remoteJidAlt) mapping(key.remoteJid, key.remoteJidAlt);
      if (key?.participantAlt) mapping(key.participant, key.participantAlt);
    },

    /**
     * Writes of the signal repository's LID mapping (LIDMappingStore.storeLIDPNMappings
     * writes keys.set({'lid-mapping': {pnUser: lidUser, `${lidUser}_reverse`: pnUser}}),
     * lid-mapping.js ~66-75): every pair Baileys learns, also from device queries at send.
     * @param {any} data the keys.set argument
     */
    keyWrite(data) {
      const pairs = data?.['lid-mapping'];
      if (!pairs || typeof pairs !== 'object') return;
      for (const [pnUser, lidUser] of Object.entries(pairs)) {
        if (pnUser.endsWith('_reverse') || typeof lidUser !== 'string' || !lidUser) continue;
        mapping(`${lidUser}@lid`, `${pnUser}@s.whatsapp.net`);
      }
    },
  };
}

/**
 * The jid to send to: a person whose LID is known gets the LID form. Baileys 7 keeps the
 * privacy token (tctoken) of a 1:1 chat under the LID (Utils/tc-token-utils.js
 * resolveTcTokenJid ~77-82) and addresses @lid chats with our own LID identity
 * (Socket/messages-send.js ~587-596); a phone-number send to a LID-migrated contact is
 * what comes back with 463.
 * @param {string} jid from recipientJid
 * @param {((phone: string) => string|null) | undefined} lidFor the known LID of a phone
 */
export function sendJid(jid, lidFor) {
  const m = /^(\d+)@s\.whatsapp\.net$/.exec(jid);
  const lid = m && lidFor ? lidFor(m[1]) : null;
  return lid ? `${lid}@lid` : jid;
}

/**
 * Asks WhatsApp about the number's limits on new contacts: the reach-out time lock (rc14
 * fetchAccountReachoutTimelock, socket.js:906-916, answers through connection.update
 * {reachoutTimeLock}) and the new-chat cap (fetchNewChatMessageCap, socket.js:922-924,
 * answers NewChatMessageCapInfo).
 * @param {any} sock the open socket, or null @param {ReturnType<typeof edgeHandlers>} edges
 */
export async function fetchLimits(sock, edges) {
  if (!sock) return;
  const [lock, cap] = await Promise.allSettled([sock.fetchAccountReachoutTimelock?.(), sock.fetchNewChatMessageCap?.()]);
  if (cap.status === 'fulfilled' && cap.value && typeof cap.value === 'object') edges.capping(cap.value);
  const failed = [lock, cap].find((r) => r.status === 'rejected');
  if (failed) throw /** @type {PromiseRejectedResult} */ (failed).reason;
}
