// The loopback HTTP API. Every request passes two gates before any route runs:
// the Host header (a web page cannot reach us through DNS rebinding) and the
// bearer token (constant-time compare). Every error is JSON, including those
// for requests that never reach a route (malformed HTTP, bad URLs, CONNECT).
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import { ApiError, badRequest } from './errors.js';
import { BATCH_BODY_LIMIT, BODY_LIMIT, LIMITS } from './limits.js';
import { monotonicMs } from './clock.js';
import { SESSION_ID_RE } from './sessions/manager.js';
import { registerSimRoutes } from './engines/sim/routes.js';
import { registerMediaRoutes } from './media/index.js';
import { registerInboxRoutes } from './inbox_routes.js';
import { clientErrorHandler, writeError } from './wire_errors.js';

export { BODY_LIMIT };
/** Longer URLs get 414 (session ids are 64 characters; nothing needs more). */
export const MAX_URL_LENGTH = 2048;

/**
 * @typedef {object} ServerDeps
 * @property {import('./config.js').Config} config
 * @property {import('pino').Logger} log
 * @property {string} bootId
 * @property {string} version
 * @property {import('./sessions/manager.js').SessionManager} manager
 * @property {import('./events.js').EventHub} hub
 * @property {import('./sse.js').SseClients} sse
 * @property {import('./engines/sim/index.js').SimNetwork} simNetwork
 * @property {import('./media/index.js').Media} media
 * @property {(reason: string) => void} onShutdown
 * @property {() => boolean} isShuttingDown
 */

/** A route that declares a schema fails at start-up, loudly: see buildServer. */
const noSchemas = () => () => {
  throw new Error('bridge routes take no JSON schema: check the body by hand (server.js)');
};

/** @param {string} value */
const digest = (value) => createHash('sha256').update(value, 'utf8').digest();

/**
 * @param {ServerDeps} deps
 * @returns {import('fastify').FastifyInstance}
 */
export function buildServer({ config, log, bootId, version, manager, hub, sse, simNetwork, media, onShutdown, isShuttingDown }) {
  const app = Fastify({
    loggerInstance: log,
    logController: new LogController({ disableRequestLogging: true }), // onResponse logs instead
    bodyLimit: BODY_LIMIT,
    // No route declares a JSON schema (bodies are checked by hand, with sentences for
    // people): fastify's schema compilers (ajv, fast-json-stringify) are never loaded.
    schemaController: { compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas } },
    // A longer param cannot fit in MAX_URL_LENGTH: the router's 414 agrees with ours.
    routerOptions: { maxParamLength: MAX_URL_LENGTH },
    return503OnClosing: false, // our onRequest answers 503 in our own error shape
    // Node would answer a missing Host with an empty 400; gate() answers it in JSON.
    http: { requireHostHeader: false },
    clientErrorHandler: clientErrorHandler(log),
    // Bad percent-encoding and over-long params fail in the router, before any hook:
    // the gates still come first.
    frameworkErrors: (err, request, reply) => {
      const answer = gate(request.raw) ?? routerError(err, request.log);
      reply.code(answer.statusCode).headers(answer.headers).send({ error: { code: answer.code, message: answer.message } });
    },
  });
  const startedAt = monotonicMs(); // uptime is elapsed time: immune to clock steps
  const expectedToken = digest(config.token);

  /** @param {unknown} header */
  const tokenOk = (header) => {
    if (typeof header !== 'string') return false;
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    // Hashing first gives equal lengths, which timingSafeEqual requires.
    return !!match && timingSafeEqual(digest(match[1]), expectedToken);
  };

  /**
   * The gates every request passes, whichever way it arrives: the error to answer, or null.
   * @param {import('node:http').IncomingMessage} req
   */
  function gate(req) {
    // HTTP/1.1 requires Host (RFC 9112 3.2); HTTP/1.0 without one is simply a wrong Host.
    // Node's own check would close the connection too, but answer without a body.
    if (req.headers.host === undefined && req.httpVersion !== '1.0') {
      return new ApiError(400, 'bad_request', 'HTTP/1.1 requests must have a Host header.', { Connection: 'close' });
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = String(req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return new ApiError(421, 'bad_host', 'Host must be 127.0.0.1:<port> or localhost:<port>.');
    }
    if (!tokenOk(req.headers.authorization)) {
      return new ApiError(401, 'unauthorized', 'A valid "Authorization: Bearer <token>" header is required.',
        { 'WWW-Authenticate': 'Bearer' });
    }
    if (isShuttingDown()) {
      return new ApiError(503, 'shutting_down', 'The bridge is shutting down.', { Connection: 'close' });
    }
    return null;
  }

  app.addHook('onRequest', async (request) => {
    const refused = gate(request.raw);
    if (refused) throw refused;
    if (request.url.length > MAX_URL_LENGTH) throw uriTooLong();
  });

  // CONNECT never reaches routing (without this listener Node just drops the socket).
  app.server.on('connect', (req, socket) => {
    socket.on('error', () => {}); // the socket is ours now; a reset must not crash the bridge
    const notAProxy = new ApiError(405, 'method_not_allowed', 'CONNECT is not supported: the bridge is not a proxy.',
      { Allow: 'GET, PUT, POST, DELETE' });
    writeError(socket, gate(req) ?? notAProxy);
    socket.destroy();
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ method: request.method, url: request.url, status: reply.statusCode,
      ms: Math.round(reply.elapsedTime) }, 'request');
  });

  // Our own JSON parser, the only one (fastify's text/plain parser is gone, so other
  // types get 415): an empty body is "no body", and errors carry our code.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text, rejectProtoKeys));
    } catch (err) {
      done(new ApiError(400, 'bad_json', `The body is not valid JSON: ${err instanceof Error ? err.message : err}`), undefined);
    }
  });

  app.setErrorHandler((err, request, reply) => {
    const e = /** @type {any} */ (err);
    let status = 500;
    let code = 'internal';
    let message = 'Internal error in the bridge.';
    let extra = {};
    if (err instanceof ApiError) {
      extra = err.extra;
      ({ statusCode: status, code, message } = err);
      reply.headers(err.headers);
    } else if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) {
      status = 413;
      code = 'payload_too_large';
      message = `The body is larger than ${request.routeOptions?.bodyLimit ?? BODY_LIMIT} bytes.`;
    } else if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) {
      status = 415;
      code = 'unsupported_media_type';
      message = 'Send bodies as application/json.';
    } else if (Number.isInteger(e.statusCode) && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      code = 'bad_request';
      message = e.message;
    } else {
      request.log.error({ err }, 'request failed');
    }
    reply.code(status).send({ error: { ...extra, code, message } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });

  /** @param {import('fastify').FastifyRequest} request */
  const sessionId = (request) => {
    const id = /** @type {any} */ (request.params).id;
    if (typeof id !== 'string' || !SESSION_ID_RE.test(id)) {
      throw new ApiError(400, 'bad_session_id', 'Session ids are 1-64 characters of A-Z a-z 0-9 _ -.');
    }
    return id;
  };

  /** @param {unknown} body @returns {Record<string, any>} */
  const objectBody = (body) => {
    if (body === undefined || body === null) return {};
    if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object.');
    return /** @type {Record<string, any>} */ (body);
  };

  app.get('/health', async () => ({
    boot_id: bootId,
    version,
    uptime_s: Math.round((monotonicMs() - startedAt) / 1000),
    rss_bytes: process.memoryUsage.rss(),
    event_clients: sse.count,
    sessions: manager.counts(),
    durable_pending: hub.pendingDurable.size,
    limits: { ...LIMITS, ...media.limits.view(), pacing: manager.pacing.config },
    media_pending: media.pendingCount(),
    // a damaged bridge.sqlite3 found at this start, and what could not be read back
    recovery: manager.store.recovery ?? null,
  }));

  app.get('/sessions', async () => ({ boot_id: bootId, seq: hub.seq, sessions: manager.list() }));

  app.get('/sessions/:id', async (request) => manager.get(sessionId(request)).view());

  app.put('/sessions/:id', async (request) => manager.start(sessionId(request), objectBody(request.body)));

  app.put('/sessions', async (request) => manager.startMany(objectBody(request.body)));

  app.delete('/sessions/:id', async (request) => manager.stop(sessionId(request)));

  app.post('/sessions/:id/logout', async (request) => manager.logout(sessionId(request)));

  app.post('/sessions/:id/pairing-code', async (request) => {
    const id = sessionId(request);
    return manager.pairingCode(id, objectBody(request.body).phone);
  });

  app.post('/sessions/:id/messages', async (request) => {
    const id = sessionId(request);
    return manager.send(id, objectBody(request.body));
  });

  app.post('/sessions/:id/messages/batch', { bodyLimit: BATCH_BODY_LIMIT }, async (request) => {
    const id = sessionId(request);
    return manager.sendBatch(id, objectBody(request.body));
  });

  app.post('/sessions/:id/seen', async (request) => {
    const id = sessionId(request);
    return manager.seen(id, objectBody(request.body));
  });

  // Safe sending (pacing.js): the owner's settings, changed at run time by the app.
  app.get('/config/pacing', async () => manager.pacing.config);
  app.put('/config/pacing', async (request) => manager.pacing.configure(objectBody(request.body)));

  app.get('/events', (request, reply) => {
    sse.open(request, reply);
  });

  app.post('/events/ack', async (request) => {
    const { upto, boot_id: ackBoot } = objectBody(request.body);
    if (!Number.isSafeInteger(upto) || upto < 0) throw badRequest('upto must be a whole number (an event seq).');
    if (ackBoot !== undefined && ackBoot !== bootId) {
      throw new ApiError(409, 'other_boot', 'These seqs belong to another boot of the bridge; nothing was acknowledged.');
    }
    return { acked: hub.ack(upto) };
  });

  app.post('/shutdown', async (_request, reply) => {
    // Stop once the answer is out (or the client is gone).
    reply.raw.once('close', () => onShutdown('shutdown_requested'));
    reply.code(202);
    return { status: 'shutting_down' };
  });

  registerMediaRoutes(app, { media, objectBody });
  registerInboxRoutes(app, { manager, sessionId, objectBody });

  if (config.simControl) registerSimRoutes(app, { simNetwork, sessionId, objectBody });

  return app;
}

const uriTooLong = () => new ApiError(414, 'uri_too_long', `The URL is longer than ${MAX_URL_LENGTH} characters.`);

/**
 * The answer to a router failure (fastify's frameworkErrors).
 * @param {Error} err
 * @param {import('fastify').FastifyBaseLogger} log
 */
function routerError(err, log) {
  const code = /** @type {any} */ (err).code;
  if (code === 'FST_ERR_BAD_URL') return new ApiError(400, 'bad_url', 'The path is not valid percent-encoded UTF-8.');
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return uriTooLong();
  log.error({ err }, 'router failed');
  return new ApiError(500, 'internal', 'Internal error in the bridge.');
}

/** Refuses keys that could poison prototypes if the body were ever merged. @param {string} key @param {unknown} value */
function rejectProtoKeys(key, value) {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new SyntaxError(`key "${key}" is not allowed`);
  }
  return value;
}
