// The loopback HTTP API, built from plugins (fastify's Plugins Guide): the gates and the
// error shape at the root, then one plugin per resource. Every request passes the gates
// (gate.js) before any route runs, and every error is JSON (errors.js), including those
// for requests that never reach a route (malformed HTTP, bad URLs, CONNECT).
import Fastify, { LogController } from 'fastify';
import { BODY_LIMIT } from '../config/limits.js';
import { MAX_URL_LENGTH, createGate, gatePlugin } from './gate.js';
import { errorsPlugin, routerErrors } from './errors.js';
import { jsonBody } from './json_body.js';
import { buildSerializer, buildValidator, sharedSchemas } from './schemas.js';
import { clientErrorHandler } from './wire_errors.js';
import { healthRoutes } from './routes/health.js';
import { sessionRoutes } from './routes/sessions.js';
import { messageRoutes } from './routes/messages.js';
import { eventRoutes } from './routes/events.js';
import { pacingRoutes } from './routes/pacing.js';
import { mediaRoutes } from './routes/media.js';
import { labelRoutes } from './routes/labels.js';
import { simRoutes } from '../engines/sim/routes.js';

export { BODY_LIMIT, MAX_URL_LENGTH };

/**
 * @typedef {object} ServerDeps
 * @property {import('../config/environment.js').Config} config
 * @property {import('pino').Logger} log
 * @property {string} bootId
 * @property {string} version
 * @property {import('../sessions/manager.js').SessionManager} manager
 * @property {import('../events/hub.js').EventHub} hub
 * @property {import('../events/sse.js').SseClients} sse
 * @property {import('../engines/sim/index.js').SimNetwork} simNetwork
 * @property {import('../media/index.js').Media} media
 * @property {(reason: string) => void} onShutdown
 * @property {() => boolean} isShuttingDown
 */

/** @param {ServerDeps} deps @returns {import('fastify').FastifyInstance} */
export function buildServer(deps) {
  const { config, log, isShuttingDown } = deps;
  const port = () => (/** @type {import('node:net').AddressInfo | null} */ (app.server.address()))?.port ?? config.port;
  const gate = createGate({ token: config.token, port, isShuttingDown });
  const app = Fastify({
    loggerInstance: log,
    logController: new LogController({ disableRequestLogging: true }), // gate.js logs at onResponse
    bodyLimit: BODY_LIMIT,
    schemaController: { compilersFactory: { buildValidator, buildSerializer } }, // schemas.js: no ajv
    routerOptions: { maxParamLength: MAX_URL_LENGTH }, // a longer param cannot fit: the 414s agree
    return503OnClosing: false, // the gate answers 503 in our own error shape
    http: { requireHostHeader: false }, // Node would answer a missing Host with an empty 400
    clientErrorHandler: clientErrorHandler(log),
    frameworkErrors: routerErrors(gate),
  });
  for (const plugin of [sharedSchemas, gatePlugin, errorsPlugin, jsonBody]) app.register(plugin, { gate });
  for (const routes of [healthRoutes, sessionRoutes, messageRoutes, eventRoutes, pacingRoutes, mediaRoutes, labelRoutes]) {
    app.register(routes, deps);
  }
  if (config.simControl) app.register(simRoutes, deps);
  return app;
}
