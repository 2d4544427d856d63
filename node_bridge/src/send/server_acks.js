// Waiting for WhatsApp's word on a sent message. A message is "sent" only when WhatsApp's
// server acknowledges it (the ack stanza, <ack class="message" id=…>, which Baileys rc14
// passes on as 'CB:ack,class:message', lib/Socket/messages-recv.js:1624-1626), or refuses
// it (the same stanza with an error). The send path waits here for that word; the session's
// ack handler gives it; a connection that leaves "connected" ends every wait of its number.

/** @typedef {{kind: 'sent'} | {kind: 'failed', refusal: {error_code: string|null, reason: string, error: string}} | {kind: 'closed'} | {kind: 'timeout'}} AckOutcome */

export class AckWaiters {
  constructor() {
    /** session → message id → resolvers @type {Map<string, Map<string, Set<(o: AckOutcome) => void>>>} */
    this.waiting = new Map();
  }

  /**
   * Starts listening for one message's ack (before it is written, so a quick ack is caught).
   * @param {string} sessionId @param {string} messageId
   * @returns {{settled: (timeoutMs: number) => Promise<AckOutcome>, cancel: () => void}}
   */
  expect(sessionId, messageId) {
    let resolve = /** @type {(o: AckOutcome) => void} */ (() => {});
    const outcome = new Promise((r) => (resolve = r));
    let byId = this.waiting.get(sessionId);
    if (!byId) this.waiting.set(sessionId, (byId = new Map()));
    let set = byId.get(messageId);
    if (!set) byId.set(messageId, (set = new Set()));
    set.add(resolve);
    const cancel = () => {
      set.delete(resolve);
      if (!set.size) byId.delete(messageId);
      if (!byId.size && this.waiting.get(sessionId) === byId) this.waiting.delete(sessionId);
    };
    return {
      settled: (timeoutMs) => {
        const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
        timer.unref();
        return outcome.finally(() => {
          clearTimeout(timer);
          cancel();
        });
      },
      cancel,
    };
  }

  /** @param {string} sessionId @param {string} messageId @param {AckOutcome} outcome */
  settle(sessionId, messageId, outcome) {
    for (const resolve of [...(this.waiting.get(sessionId)?.get(messageId) ?? [])]) resolve(outcome);
  }

  /** The number's connection is gone: no ack of it will come. @param {string} sessionId */
  closeSession(sessionId) {
    for (const set of [...(this.waiting.get(sessionId)?.values() ?? [])]) {
      for (const resolve of [...set]) resolve({ kind: 'closed' });
    }
  }
}
