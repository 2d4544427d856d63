// The bridge's own layers (SessionManager, Session, the send path, the journal, a real
// bridge.sqlite3) over the baileys engine with a fake socket in rc14's shapes: for tests of
// what the bridge does with what WhatsApp says. `restart()` is a new bridge on the same file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Store } from '../../../src/storage/store.js';
import { EventHub } from '../../../src/events/hub.js';
import { SessionManager } from '../../../src/sessions/manager.js';
import { PacingGate } from '../../../src/pacing/gate.js';
import { PACING_DEFAULTS } from '../../../src/pacing/rules.js';
import { createConnection, prepareConnection } from '../../../src/engines/baileys/index.js';
import { fakeBaileys, linkedCreds } from './fake_baileys.js';
import { eventually } from '../../helpers.js';

/**
 * @param {{after: (fn: () => any) => void}} t
 * @param {{pacing?: object, ackWaitMs?: number, deps?: object, fetchVersion?: (timeoutMs: number) => Promise<any>}} [opts]
 *   deps: more seams for createConnection; fetchVersion: the WhatsApp Web version fetcher (none: no fetch)
 */
export async function managedBaileys(t, { pacing = {}, ackWaitMs, deps = {}, fetchVersion } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-baileys-mgr-'));
  const log = pino({ level: 'silent' });
  const fake = fakeBaileys();
  /** @type {{store: Store, manager: SessionManager, events: any[]}|null} */
  let live = null;
  const boot = async () => {
    const store = new Store(dir, log);
    const hub = new EventHub({ bootId: `boot-${Date.now()}`, journal: store.journal, log });
    const engine = { name: 'baileys', checkOptions() {}, createConnection: (/** @type {any} */ ctx) => createConnection(ctx, { makeSocket: fake.makeSocket, ...deps }),
      ...(fetchVersion ? { prepare: (/** @type {any} */ ctx) => prepareConnection(ctx, { fetch: fetchVersion }) } : {}) };
    const engines = { knows: () => true, names: () => ['baileys'], defaults: () => ({}), load: async () => engine };
    // Safe sending's pace is not what these tests are about unless they say so.
    const gate = new PacingGate({ config: { ...PACING_DEFAULTS, min_gap_ms: 0, jitter_ms: 0, typing: false, ...pacing } });
    const manager = new SessionManager({ store, hub, engines: /** @type {any} */ (engines), log, pacing: gate });
    if (ackWaitMs) manager.sendPath.ackWaitMs = ackWaitMs;
    const events = [];
    hub.subscribe((/** @type {any} */ ev) => events.push(ev));
    live = { store, manager, events };
    return live;
  };
  const shut = async () => {
    if (!live) return;
    await live.manager.closeAll();
    live.store.close();
    live = null;
  };
  t.after(async () => {
    await shut();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const env = {
    fake,
    dir,
    get store() { return /** @type {any} */ (live).store; },
    get manager() { return /** @type {any} */ (live).manager; },
    get events() { return /** @type {any} */ (live).events; },
    /**
     * Starts `acc` (linked) and opens its socket; resolves once connected.
     * @param {string} [id] @param {{beforeOpen?: (sock: any) => void, options?: object}} [opts]
     *   beforeOpen: set up the socket first; options: more session options
     */
    async connect(id = 'acc', { beforeOpen, options = {} } = {}) {
      const made = fake.made.length;
      if (!live?.store.auth.forSession(id).hasCreds()) live?.store.auth.forSession(id).writeCreds(linkedCreds());
      await env.manager.start(id, { engine: 'baileys', options: { backoff_base_ms: 20, backoff_max_ms: 40, ...options } });
      const sock = await eventually(() => fake.made.length > made && fake.last, { what: 'a socket' });
      beforeOpen?.(sock);
      sock.ev.emit('connection.update', { connection: 'open' });
      await eventually(() => env.manager.get(id).status === 'connected', { what: 'connected' });
      return sock;
    },
    /** The session's next socket, opened (after a drop the session reconnects by itself). */
    async reopened(id = 'acc') {
      const made = fake.made.length;
      const sock = await eventually(() => fake.made.length > made && fake.last, { what: 'a new socket' });
      sock.ev.emit('connection.update', { connection: 'open' });
      await eventually(() => env.manager.get(id).status === 'connected', { what: 'connected again' });
      return sock;
    },
    /** The session's next socket, not opened yet. */
    async nextSocket() {
      const made = fake.made.length;
      return eventually(() => fake.made.length > made && fake.last, { what: 'a new socket' });
    },
    /** rc14's end for <failure reason=… …attrs> (socket.js:798-801). @param {any} sock @param {number} code @param {object} [attrs] */
    fail(sock, code, attrs = {}) {
      const error = Object.assign(new Error('Connection Failure'), { output: { statusCode: code }, data: { reason: String(code), ...attrs } });
      sock.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error } });
    },
    /** The socket drops (428), as the network does. @param {any} sock */
    drop(sock) {
      sock.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error: Object.assign(new Error('Connection Closed'), { output: { statusCode: 428 } }) } });
    },
    /** A new bridge process on the same bridge.sqlite3 (the old one is closed first). */
    async restart() {
      await shut();
      return boot();
    },
    /** @param {string} type */
    of: (type) => env.events.filter((e) => e.type === type),
  };
  await boot();
  return env;
}
