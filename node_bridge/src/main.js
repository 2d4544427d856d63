// Entry point: `node node_bridge/src/main.js`, started and supervised by the app.
// Start-up contract (design.md "The bridge"): configuration from the
// environment, exclusive lock on the data folder (exit 78 if held), one
// JAGA_READY line on stdout once listening, JSON logs on stderr, and a clean
// exit 0 when stdin closes (the parent is gone), on POST /shutdown or a signal.
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { ConfigError, EXIT_CONFIG, loadConfig } from './config/environment.js';
import { LockHeldError, acquireLock } from './startup/lock.js';
import { keepPrivate } from './storage/private_files.js';
import { Store } from './storage/store.js';
import { EventHub } from './events/hub.js';
import { SseClients } from './events/sse.js';
import { SessionManager } from './sessions/manager.js';
import { EngineRegistry } from './engines/index.js';
import { SimNetwork } from './engines/sim/index.js';
import { SIM_JOURNAL_SCHEMA } from './engines/sim/journal.js';
import { buildServer } from './server/app.js';
import { LIMITS } from './config/limits.js';
import { Media } from './media/index.js';
import { PacingGate } from './pacing/gate.js';
import { guardConsole, serializeError } from './startup/safe_log.js';

const VERSION = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
/** The supervisor kills us 5 s after asking; finish well before. */
const SHUTDOWN_BUDGET_MS = 4000;
const SESSIONS_CLOSE_BUDGET_MS = 2500;

/** @param {string} message @param {number} code @returns {never} */
function die(message, code) {
  process.stderr.write(`jaga-bridge: ${message}\n`);
  process.exit(code);
}

async function main() {
  const config = configOrDie();
  const log = bridgeLogger(config);
  const lock = lockDataDir(config, log);
  const bootId = randomUUID();
  const exit = exiter(log, lock);
  const parts = openParts(config, log, bootId, exit);
  if (!parts) return;
  const { hub, media, simNetwork, engines, manager, sse } = parts;
  const stop = stopper({ ...parts, log, exit, app: () => app });
  const app = buildServer({
    config, log, bootId, version: VERSION, manager, hub, sse, simNetwork, media,
    onShutdown: stop.shutdown,
    isShuttingDown: stop.isShuttingDown,
  });
  const port = await listen(app, config, log, exit);
  if (port === null) return;

  // The parent holds our stdin; EOF means it is gone (or wants us gone).
  process.stdin.on('end', () => stop.shutdown('stdin_closed'));
  process.stdin.on('close', () => stop.shutdown('stdin_closed'));
  process.stdin.on('error', () => stop.shutdown('stdin_closed'));
  process.stdin.resume();
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) {
    process.on(signal, () => stop.shutdown(signal));
  }

  const ready = { port, pid: process.pid, boot_id: bootId, version: VERSION, engines: engines.available(),
    limits: { ...LIMITS, ...media.limits.view(), pacing: config.pacing } };
  log.info({ ...ready, data: config.dataDir, media: config.media.root, sim_control: config.simControl }, 'bridge ready');
  process.stdout.write(`JAGA_READY ${JSON.stringify(ready)}\n`);
}

/** The configuration from the environment, or exit 78 with the reason. */
function configOrDie() {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) die(err.message, EXIT_CONFIG);
    throw err;
  }
}

/** JSON lines on stderr, secrets redacted. @param {import('./config/environment.js').Config} config */
function bridgeLogger(config) {
  const log = pino({
    level: config.logLevel,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    redact: {
      paths: ['req.headers.authorization', 'request.headers.authorization', 'headers.authorization',
        'authorization', 'token', '*.token', 'creds', '*.creds'],
      censor: '[redacted]',
    },
  }, pino.destination({ fd: 2, sync: true }));
  // stderr carries JSON lines only: Node's own warnings go through the logger too, and so
  // does what libraries print (words only: libsignal prints session keys).
  guardConsole(log);
  process.removeAllListeners('warning');
  process.on('warning', (w) => log.warn({ warning: { name: w.name, code: /** @type {any} */ (w).code, message: w.message } }, 'node warning'));
  return log;
}

/** The data folder, made private and locked (one bridge per folder), or exit 78. @param {import('./config/environment.js').Config} config @param {import('pino').Logger} log */
function lockDataDir(config, log) {
  try {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    keepPrivate(config.dataDir);
  } catch (err) {
    die(`cannot create data folder ${config.dataDir}: ${/** @type {Error} */ (err).message}`, EXIT_CONFIG);
  }
  try {
    return acquireLock(config.dataDir, log);
  } catch (err) {
    if (err instanceof LockHeldError) die(err.message, EXIT_CONFIG);
    die(`cannot lock data folder ${config.dataDir}: ${/** @type {Error} */ (err).message}`, EXIT_CONFIG);
  }
}

/**
 * Last words: whatever state we are in, the DB is closed and the lock released; also on an
 * uncaught exception.
 * @param {import('pino').Logger} log @param {{release: () => void}} lock
 */
function exiter(log, lock) {
  /** @type {Store|null} */
  let store = null;
  let exiting = false;
  /** @param {number} code */
  const finish = (code) => {
    if (exiting) return;
    exiting = true;
    try {
      store?.close();
    } catch (err) {
      log.error({ err }, 'closing the store failed');
    }
    lock.release();
    log.info({ code }, 'bridge exited');
    process.exit(code);
  };
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception');
    finish(1);
  });
  // One engine's stray promise must not take every number down with it.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  return { finish, closeAtExit: (/** @type {Store} */ opened) => { store = opened; } };
}

/**
 * The bridge's parts, or null once a part that cannot open has ended the process.
 * @param {import('./config/environment.js').Config} config @param {import('pino').Logger} log @param {string} bootId
 * @param {ReturnType<typeof exiter>} exit
 */
function openParts(config, log, bootId, exit) {
  let store;
  try {
    store = new Store(config.dataDir, log, { schemas: [SIM_JOURNAL_SCHEMA] }); // salvaged with the rest
  } catch (err) {
    log.fatal({ err }, 'cannot open bridge.sqlite3');
    process.stderr.write(`jaga-bridge: cannot open ${config.dataDir}/bridge.sqlite3: ${/** @type {Error} */ (err).message}\n`);
    exit.finish(1);
    return null;
  }
  exit.closeAtExit(store);
  const hub = new EventHub({ bootId, journal: store.journal, log });
  hub.replayJournal();
  let media;
  try {
    media = new Media({ config: config.media, store, log, collect: youngCollector(log) });
  } catch (err) {
    log.fatal({ err }, 'cannot open the media folder');
    process.stderr.write(`jaga-bridge: cannot open the media folder ${config.media.root}: ${/** @type {Error} */ (err).message}\n`);
    exit.finish(EXIT_CONFIG);
    return null;
  }
  const simNetwork = new SimNetwork({ store, log, defaults: config.simDefaults });
  const engines = new EngineRegistry({ simNetwork });
  const manager = new SessionManager({ store, hub, engines, log, media, pacing: new PacingGate({ config: config.pacing }) });
  const sse = new SseClients({ hub, heartbeatMs: config.heartbeatMs, log });
  return { store, hub, media, simNetwork, engines, manager, sse };
}

/**
 * The shutdown, once, within its budget: streams, sessions, the sim, media, the server.
 * @param {{log: import('pino').Logger, exit: ReturnType<typeof exiter>, sse: SseClients, manager: SessionManager,
 *   simNetwork: SimNetwork, media: Media, app: () => import('fastify').FastifyInstance}} parts
 */
function stopper({ log, exit, sse, manager, simNetwork, media, app }) {
  /** @type {Promise<void>|null} */
  let stopping = null;
  /** @param {string} reason */
  const shutdown = (reason) => {
    if (stopping) return;
    log.info({ reason }, 'shutting down');
    const guard = setTimeout(() => {
      log.error('shutdown took too long; exiting anyway');
      exit.finish(1);
    }, SHUTDOWN_BUDGET_MS);
    guard.unref();
    stopping = (async () => {
      sse.closeAll();
      await Promise.race([manager.closeAll(), new Promise((r) => setTimeout(r, SESSIONS_CLOSE_BUDGET_MS).unref())]);
      simNetwork.shutdown();
      media.close();
      await app().close();
    })().then(() => exit.finish(0), (err) => {
      log.error({ err }, 'shutdown failed');
      exit.finish(1);
    });
  };
  return { shutdown, isShuttingDown: () => stopping !== null };
}

/**
 * Listens; the port we got, or null once a failure has ended the process.
 * @param {import('fastify').FastifyInstance} app @param {import('./config/environment.js').Config} config
 * @param {import('pino').Logger} log @param {ReturnType<typeof exiter>} exit
 */
async function listen(app, config, log, exit) {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    log.fatal({ err }, 'cannot listen');
    process.stderr.write(`jaga-bridge: cannot listen on ${config.host}:${config.port}: ${/** @type {Error} */ (err).message}\n`);
    exit.finish(1);
    return null;
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : config.port;
}

/**
 * A young-generation collection for the media store (see MediaStore `collect`), or a no-op
 * if this Node cannot give one.
 * @param {import('pino').Logger} log
 * @returns {() => void}
 */
function youngCollector(log) {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc');
    return () => gc({ type: 'minor' });
  } catch (err) {
    log.warn({ err }, 'no garbage collection hook; big media files may hold more memory for a while');
    return () => {};
  }
}

main().catch((err) => {
  process.stderr.write(`jaga-bridge: start-up failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
