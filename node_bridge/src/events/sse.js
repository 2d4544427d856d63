// GET /events: the Server-Sent Events stream. Written on the raw response
// (fastify's reply is hijacked) so events go out the moment they happen, with
// a heartbeat comment that lets the app tell "quiet" from "hung".

/** A client this far behind is dropped; it resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export class SseClients {
  /**
   * @param {{hub: import('./hub.js').EventHub, heartbeatMs: number, log: import('pino').Logger}} deps
   */
  constructor({ hub, heartbeatMs, log }) {
    this.hub = hub;
    this.heartbeatMs = heartbeatMs;
    this.log = log;
    /** @type {Set<() => void>} */
    this.closers = new Set();
  }

  get count() {
    return this.closers.size;
  }

  /**
   * Takes over the response. Backlog and subscription happen in one synchronous
   * step, so no event can fall between "replayed" and "live".
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   */
  open(request, reply) {
    reply.hijack();
    const res = reply.raw;
    const header = request.headers['last-event-id'];
    const lastEventId = Array.isArray(header) ? header[0] : header;
    const plan = this.hub.resumePlan(lastEventId);

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);

    let closed = false;
    /** @type {(() => void) | null} */
    let unsubscribe = null;
    /** @type {NodeJS.Timeout | undefined} */
    let heartbeat;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe?.();
      this.closers.delete(close);
      if (!res.writableEnded) res.end();
      if (!res.destroyed && res.writableLength > 0) res.destroy();
    };
    const write = (/** @type {string} */ text) => {
      if (closed) return;
      res.write(text);
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        this.log.warn({ buffered: res.writableLength }, 'event client too slow; dropping it');
        close();
      }
    };

    write(': hb\n\n'); // flushes the headers so the client knows it is connected
    if ('reset' in plan) {
      const { reset, durable } = this.hub.resetFrames(plan.reset);
      write(reset);
      for (const ev of durable) write(ev.frame);
    } else {
      for (const ev of plan.events) write(ev.frame);
    }
    if (closed) return;
    unsubscribe = this.hub.subscribe((ev) => write(ev.frame));
    heartbeat = setInterval(() => write(': hb\n\n'), this.heartbeatMs);
    this.closers.add(close);
    res.on('close', close);
    res.on('error', (err) => {
      this.log.debug({ err }, 'event stream error');
      close();
    });
    // The client may have gone before the handler ran: no 'close' would follow.
    if (res.destroyed || !res.socket || res.socket.destroyed) close();
    this.log.debug({ resume: 'reset' in plan ? plan.reset : 'ok', clients: this.count }, 'event client connected');
  }

  /** Ends every stream (shutdown), so the HTTP server can close. */
  closeAll() {
    for (const close of [...this.closers]) close();
  }
}
