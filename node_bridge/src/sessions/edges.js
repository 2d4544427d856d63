// The real world's edges, for one session: who a LID is, limits on reaching new contacts,
// refused sends, and waiting for the network. Kept out of session.js (which owns the
// connection lifecycle); session.js calls these at one place each.
import { NO_INTERNET } from './close_codes.js';
import { ApiError } from '../server/api_error.js';
import { LidStore, isLidChat } from '../storage/lid_store.js';
import { NetworkWatch } from './network_watch.js';
import { limitActive } from './rejections.js';
import { quotaFromCapping } from '../pacing/quota.js';

/** One watch for the bridge: numbers waiting on the same target share its probe. */
export const networkWatch = new NetworkWatch();

/** @type {WeakMap<object, LidStore>} one LidStore per store (database) */
const lidStores = new WeakMap();

/** @param {import('../storage/store.js').Store} store @returns {LidStore} */
export function lidsOf(store) {
  let lids = lidStores.get(store);
  if (!lids) {
    lids = new LidStore(store.db);
    lidStores.set(store, lids);
  }
  return lids;
}

/**
 * The engine callbacks of the edges: a LID's phone learned, a limit on new contacts, and
 * which LID a phone has (the baileys engine sends to it).
 * @param {any} session @param {any} att the connection attempt they belong to
 */
export function engineCallbacks(session, att) {
  return {
    mapping: (/** @type {any} */ pair) => onMapping(session, pair),
    limits: (/** @type {any} */ limit) => session.guard(() => session.live(att) && setLimit(session, limit)),
    quota: (/** @type {any} */ info) => session.guard(() => session.live(att) && setQuota(session, info)),
    // A chat's disappearing-messages timer (engines/baileys/ephemeral.js): sends copy it.
    chatEphemeral: (/** @type {any} */ c) => session.guard(() => {
      const chat = resolveChat(session, typeof c?.chat === 'string' ? c.chat : null);
      if (chat && Number.isSafeInteger(c.seconds) && c.seconds >= 0) session.store.chatFacts.setEphemeral(session.id, chat, c.seconds);
    }),
    lidFor: (/** @type {string} */ phone) => lidsOf(session.store).lidFor(session.id, phone),
  };
}

/**
 * A LID chat with a known phone is named by the phone (one person, one chat).
 * @param {any} session a Session @param {string|null} chat
 */
export function resolveChat(session, chat) {
  return lidsOf(session.store).resolve(session.id, chat);
}

/**
 * The engine learned which phone a LID is: kept, and told to the app (durably) so a chat
 * stored under the LID is merged into the phone's.
 * @param {any} session @param {{lid?: unknown, phone?: unknown}} pair jids or bare users
 */
export function onMapping(session, pair) {
  const lids = lidsOf(session.store);
  const lidJid = typeof pair?.lid === 'string' && !pair.lid.includes('@') ? `${pair.lid}@lid` : pair?.lid;
  const phoneJid = typeof pair?.phone === 'string' && !pair.phone.includes('@') ? `${pair.phone}@s.whatsapp.net` : pair?.phone;
  session.store.transaction(() => {
    const learned = lids.remember(session.id, lidJid, phoneJid);
    if (!learned) return;
    session.log.info({ lid: learned.lid }, 'learned the phone of a LID contact');
    session.hub.emitDurable('chat.mapping', session.id, {
      session_id: session.id, lid: `${learned.lid}@lid`, phone: learned.phone,
    }, (ev) => { session.seq = ev.seq; });
  });
}

/**
 * Number health: a time lock or a cap on new contacts (null: lifted).
 * @param {any} session @param {import('./rejections.js').SendLimit|null} limit
 */
export function setLimit(session, limit) {
  const next = limit && limitActive(limit, session.now()) ? limit : null;
  if (JSON.stringify(next) === JSON.stringify(session.limit ?? null)) return;
  session.limit = next;
  session.setStatus(session.status, session.reason, session.message, true);
}

/**
 * WhatsApp told the number its quota of new chats (NewChatMessageCapInfo): safe sending
 * follows it (quota.js); the count of new chats started since starts again.
 * @param {any} session @param {unknown} info
 */
export function setQuota(session, info) {
  session.quota = quotaFromCapping(info);
  session.quotaSpent = 0;
  session.log.info({ quota: session.quota }, "WhatsApp's quota of new chats");
}

/**
 * Jaga's own daily cap on new contacts (pacing/gate.js) was reached: shown like WhatsApp's
 * limits, so the app holds messages to new contacts the same way until it ends.
 * @param {any} session @param {import('./rejections.js').SendLimit} limit
 */
export function setPaceLimit(session, limit) {
  if (JSON.stringify(limit) === JSON.stringify(session.paceLimit ?? null)) return;
  session.paceLimit = limit;
  session.setStatus(session.status, session.reason, session.message, true);
}

/** The limit as the snapshot shows it (WhatsApp's first), or null once it has run out. @param {any} session */
export function limitView(session) {
  for (const limit of [session.limit, session.paceLimit]) {
    if (limit && limitActive(limit, session.now())) return { ...limit };
  }
  return null;
}

/**
 * A refused send as the ack carries it (status "failed"), or null for another status.
 * @param {any} a the engine's ack
 */
export function failureFields(a) {
  if (a?.status !== 'failed') return null;
  return {
    error_code: typeof a.error_code === 'string' ? a.error_code : null,
    reason: typeof a.reason === 'string' ? a.reason : 'rejected_by_server',
    error: typeof a.error === 'string' ? a.error : 'WhatsApp rejected this message.',
  };
}

/**
 * The session closed for want of a network: besides its backoff, wait for the network
 * and reconnect the moment it answers. Cancelled by the session's next clearTimers.
 * @param {any} session
 */
export function waitForNetwork(session) {
  session.stopNetworkWait?.();
  session.stopNetworkWait = undefined;
  const interval = session.options.network_probe_ms ?? 2000;
  const target = session.engine?.networkProbe?.(session.options);
  if (!target || interval <= 0) return;
  const ticket = session.ticket;
  let cancel = networkWatch.wait(target.key, target.probe, () => {
    if (session.ticket !== ticket || session.att || !session.running || session.disposed) return;
    session.log.info('network is back; reconnecting now');
    // A little jitter so a crowd of numbers does not hit WhatsApp in the same millisecond.
    session.scheduleConnect(Math.round(session.rng() * 300));
  }, interval);
  session.stopNetworkWait = () => {
    cancel?.();
    cancel = undefined;
  };
}

/** A pairing code cannot be had without a network: say so, not "reconnecting". @param {any} session */
export function pairingRefusal(session) {
  if (session.reason !== 'network_unreachable') return null;
  return new ApiError(409, 'network_unreachable', NO_INTERNET);
}

export { isLidChat };
