// A small LRU map with a time-to-live, and no timers: entries expire lazily when read or
// when the size cap pushes them out. Implements Baileys' CacheStore (get/set/del/flushAll),
// so it can back msgRetryCounterCache without a per-socket interval that outlives the socket.

/** @template V */
export class LruCache {
  /**
   * @param {{max: number, ttlMs?: number, now?: () => number}} opts
   */
  constructor({ max, ttlMs = Infinity, now = Date.now }) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
    this.max = max;
    this.ttlMs = ttlMs;
    this.now = now;
    /** @type {Map<string, {value: V, expires: number}>} insertion order = recency order */
    this.map = new Map();
  }

  /**
   * @param {string} key
   * @returns {V | undefined}
   */
  get(key) {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expires <= this.now()) {
      this.map.delete(key);
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  /** @param {string} key */
  has(key) {
    return this.get(key) !== undefined;
  }

  /**
   * @param {string} key
   * @param {V} value
   */
  set(key, value) {
    this.map.delete(key);
    this.map.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.map.size > this.max) {
      this.map.delete(this.map.keys().next().value);
    }
    return true;
  }

  /** @param {string} key */
  del(key) {
    return this.map.delete(key);
  }

  flushAll() {
    this.map.clear();
  }

  get size() {
    return this.map.size;
  }
}
