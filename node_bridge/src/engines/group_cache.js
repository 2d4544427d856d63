// Group metadata (participants, addressing mode) for sends to a group, cached per number.
// rc14 asks cachedGroupMetadata before every group send and queries groupMetadata, an iq
// WhatsApp rate-limits, when it answers nothing (messages-send.js:498-507; Baileys #1061,
// #795); its default answers nothing (Defaults/index.js:81). So the engines fetch a group's
// metadata once, keep it, and fetch it again when WhatsApp says the group changed
// (groups.update, group-participants.update) or a day has passed.
import { LruCache } from './baileys/lru.js';

const DAY_MS = 24 * 3_600_000;

export class GroupMetadataCache {
  /** @param {{ttlMs?: number, max?: number, now?: () => number}} [opts] */
  constructor({ ttlMs = DAY_MS, max = 500, now } = {}) {
    /** @type {LruCache<any>} */
    this.cache = new LruCache({ max, ttlMs, ...(now ? { now } : {}) });
    /** refreshes in flight, by group @type {Map<string, Promise<any>>} */
    this.fetching = new Map();
  }

  /** What cachedGroupMetadata answers: the kept metadata, or undefined. @param {string} jid */
  get(jid) {
    return this.cache.get(jid);
  }

  /**
   * The metadata, fetched first when not kept (one fetch for concurrent callers).
   * @param {string} jid @param {(jid: string) => Promise<any>} fetch
   */
  async ensure(jid, fetch) {
    return this.cache.get(jid) ?? this.refresh(jid, fetch);
  }

  /** Fetches again (the group changed). @param {string} jid @param {(jid: string) => Promise<any>} fetch */
  refresh(jid, fetch) {
    this.cache.del(jid);
    let running = this.fetching.get(jid);
    if (!running) {
      running = Promise.resolve()
        .then(() => fetch(jid))
        .then((meta) => {
          if (meta && Array.isArray(meta.participants)) this.cache.set(jid, meta);
          return meta;
        })
        .finally(() => this.fetching.delete(jid));
      this.fetching.set(jid, running);
    }
    return running;
  }

  /** Metadata WhatsApp gave whole (groups.upsert). @param {any} meta */
  put(meta) {
    if (typeof meta?.id === 'string' && Array.isArray(meta.participants)) this.cache.set(meta.id, meta);
  }
}
