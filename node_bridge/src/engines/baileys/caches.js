// Per-session state of the baileys engine that outlives one socket.
import { LruCache } from './lru.js';
import { GroupMetadataCache } from '../group_cache.js';

/**
 * Per-session state that must outlive one socket, because every reconnect is a new socket:
 * retry counters (so a message is not retried forever across reconnects), the ids this
 * bridge sent (their server acks are worth reporting), inbound ids already reported, and the
 * furthest ack reported per sent message. The sent messages themselves are in
 * bridge.sqlite3 (outbound_store.js SentMessages: they answer retries after a restart too).
 * Group metadata too (group_cache.js): a group send needs it, and asking WhatsApp is rate-limited.
 * @type {Map<string, {retryCounts: LruCache<number>, outgoing: LruCache<true>, seenInbound: LruCache<true>, ackRank: LruCache<number>, groups: GroupMetadataCache}>}
 */
const sessionCaches = new Map();

/** @param {string} sessionId */
export function cachesFor(sessionId) {
  let caches = sessionCaches.get(sessionId);
  if (!caches) {
    const hour = 3_600_000;
    caches = {
      retryCounts: new LruCache({ max: 2000, ttlMs: hour }),
      outgoing: new LruCache({ max: 5000, ttlMs: 24 * hour }),
      seenInbound: new LruCache({ max: 5000, ttlMs: 24 * hour }),
      ackRank: new LruCache({ max: 5000, ttlMs: 7 * 24 * hour }),
      groups: new GroupMetadataCache(),
    };
    sessionCaches.set(sessionId, caches);
  }
  return caches;
}

/**
 * Drops the per-session caches (after a logout the next link is a different device).
 * @param {string} sessionId
 */
export function forgetSession(sessionId) {
  sessionCaches.delete(sessionId);
}

