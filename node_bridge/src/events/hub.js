// The event hub: one numbered stream per boot. Every event gets the next seq,
// goes into a ring buffer (so a reconnecting client resumes exactly where it
// left off) and to live subscribers. Durable events are written to the journal
// in bridge.sqlite3 before anyone sees them, and are re-sent (with new seqs)
// after a restart until the app acknowledges them.

export const RING_SIZE = 5000;
export const DURABLE_TYPES = new Set(['message.in', 'message.ack', 'chat.mapping', 'message.undecryptable',
  'chat.read', 'chat.name', 'label.edit', 'label.chat']); // the last four: sessions/inbox.js

/**
 * @typedef {object} BridgeEvent
 * @property {number} seq
 * @property {string} type
 * @property {object} data
 * @property {string} frame   the SSE text, built once
 */

/**
 * @typedef {{events: BridgeEvent[]} | {reset: 'no_last_event_id'|'other_boot'|'too_old'|'invalid'}} ResumePlan
 */

export class EventHub {
  /**
   * @param {{bootId: string, journal: import('../storage/store.js').Store['journal'], log: import('pino').Logger, ringSize?: number}} deps
   */
  constructor({ bootId, journal, log, ringSize = RING_SIZE }) {
    this.bootId = bootId;
    this.journal = journal;
    this.log = log;
    this.ringSize = ringSize;
    /** @type {(BridgeEvent|undefined)[]} */
    this.ring = new Array(ringSize);
    this.seq = 0;
    /** seq → journal id of durable events not yet acknowledged. */
    this.pendingDurable = new Map();
    /** @type {Set<(ev: BridgeEvent) => void>} */
    this.subscribers = new Set();
  }

  /** Gives journal rows left over from a previous boot their seqs in this boot. */
  replayJournal() {
    const rows = this.journal.all();
    for (const row of rows) this.#publish(row.type, row.data, row.id);
    if (rows.length) this.log.info({ count: rows.length }, 'replaying unacknowledged durable events');
    return rows.length;
  }

  /**
   * Publishes an event. `build` receives the seq the event will carry, so a
   * payload can embed it (a session object carries the seq of its last event).
   * @param {string} type
   * @param {object | ((seq: number) => object)} data
   * @returns {BridgeEvent}
   */
  emit(type, data) {
    if (DURABLE_TYPES.has(type)) throw new Error(`${type} is durable: use emitDurable`);
    return this.#publish(type, typeof data === 'function' ? data(this.seq + 1) : data, null);
  }

  /**
   * Journals, then publishes once the journal row is committed: inside a transaction
   * (a batch of the sim network, a grouped write), when it commits, and never if it
   * rolls back. If the journal write throws, nothing is emitted.
   * @param {string} type
   * @param {string} sessionId
   * @param {object} data
   * @param {(ev: BridgeEvent) => void} [published]  told the event (its seq) once out
   */
  emitDurable(type, sessionId, data, published) {
    if (!DURABLE_TYPES.has(type)) throw new Error(`${type} is not a durable event type`);
    const journalId = this.journal.append(type, sessionId, data);
    const publish = () => {
      const ev = this.#publish(type, data, journalId);
      published?.(ev);
    };
    if (this.journal.afterCommit) this.journal.afterCommit(publish);
    else publish();
  }

  /**
   * The app has durably stored durable events up to `upto`.
   * @param {number} upto
   * @returns {number} journal rows released
   */
  ack(upto) {
    const ids = [];
    for (const [seq, id] of this.pendingDurable) {
      if (seq <= upto) ids.push(id);
    }
    if (!ids.length) return 0;
    const removed = this.journal.remove(ids);
    for (const [seq] of this.pendingDurable) {
      if (seq <= upto) this.pendingDurable.delete(seq);
    }
    return removed;
  }

  /**
   * What a client connecting with this Last-Event-ID must receive before live events.
   * @param {string|undefined} lastEventId
   * @returns {ResumePlan}
   */
  resumePlan(lastEventId) {
    if (lastEventId === undefined || lastEventId === '') return { reset: 'no_last_event_id' };
    const cut = lastEventId.lastIndexOf(':');
    const boot = cut > 0 ? lastEventId.slice(0, cut) : '';
    const seqText = cut > 0 ? lastEventId.slice(cut + 1) : '';
    if (!/^\d{1,15}$/.test(seqText)) return { reset: 'invalid' };
    if (boot !== this.bootId) return { reset: 'other_boot' };
    const last = Number(seqText);
    if (last > this.seq) return { reset: 'invalid' };
    const oldest = Math.max(1, this.seq - this.ringSize + 1);
    if (last < oldest - 1) return { reset: 'too_old' };
    const events = [];
    for (let s = last + 1; s <= this.seq; s += 1) events.push(/** @type {BridgeEvent} */ (this.#at(s)));
    return { events };
  }

  /**
   * Builds the bridge.reset frame for one client (not numbered, not in the ring:
   * it describes this connection, not the bridge) plus every durable event
   * still waiting for an ack, in seq order.
   *
   * The reset frame's id points just before the oldest unacknowledged durable
   * event, so a client that drops right after the reset resumes from there
   * (ring replay, or another reset if that is too old) and cannot skip them.
   * @param {string} reason
   * @returns {{reset: string, durable: BridgeEvent[]}}
   */
  resetFrames(reason) {
    const durable = [];
    /** @type {Map<number, {type: string, data: object}>|null} */
    let rowsById = null;
    for (const [seq, id] of this.pendingDurable) {
      let ev = this.#at(seq);
      if (!ev) {
        rowsById ??= new Map(this.journal.all().map((r) => [r.id, r]));
        const row = rowsById.get(id);
        if (!row) continue;
        ev = this.#event(seq, row.type, row.data);
      }
      durable.push(ev);
    }
    const resumeFrom = durable.length ? durable[0].seq - 1 : this.seq;
    const data = { boot_id: this.bootId, seq: this.seq, reason };
    return { reset: frame(`${this.bootId}:${resumeFrom}`, 'bridge.reset', data), durable };
  }

  /**
   * @param {(ev: BridgeEvent) => void} fn
   * @returns {() => void} unsubscribe
   */
  subscribe(fn) {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /**
   * @param {string} type
   * @param {object} data
   * @param {number|null} journalId
   */
  #publish(type, data, journalId) {
    this.seq += 1;
    const ev = this.#event(this.seq, type, data);
    this.ring[this.seq % this.ringSize] = ev;
    if (journalId !== null) this.pendingDurable.set(this.seq, journalId);
    for (const fn of this.subscribers) {
      try {
        fn(ev);
      } catch (err) {
        this.log.error({ err }, 'event subscriber failed');
      }
    }
    return ev;
  }

  /** @param {number} seq @param {string} type @param {object} data @returns {BridgeEvent} */
  #event(seq, type, data) {
    return { seq, type, data, frame: frame(`${this.bootId}:${seq}`, type, data) };
  }

  /** @param {number} seq */
  #at(seq) {
    const ev = this.ring[seq % this.ringSize];
    return ev && ev.seq === seq ? ev : undefined;
  }
}

/**
 * @param {string} id
 * @param {string} type
 * @param {object} data
 */
function frame(id, type, data) {
  // JSON.stringify never emits a raw newline, so one data: line is enough.
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
