// One error shape for every answer that is not a success: {"error":{"code","message",...}}
// (docs/bridge-api.md). ApiErrors carry their own; fastify's own failures (body too large,
// wrong content type, a schema the request fails) are mapped to it here; anything else is
// a 500 that says nothing of its cause and is logged.
import { ApiError, badRequest } from './api_error.js';
import { BODY_LIMIT } from '../config/limits.js';
import { uriTooLong } from './gate.js';

/** What a request that fails a shared schema (schemas.js) is told, by the part that failed. */
const SCHEMA_FAILURES = {
  params: () => new ApiError(400, 'bad_session_id', 'Session ids are 1-64 characters of A-Z a-z 0-9 _ -.'),
  body: () => badRequest('The body must be a JSON object.'),
};

/**
 * The ApiError to answer for whatever a request threw (null: an internal error).
 * @param {any} err @param {import('fastify').FastifyRequest} request @returns {ApiError | null}
 */
function answerFor(err, request) {
  if (err instanceof ApiError) return err;
  if (err.code === 'FST_ERR_VALIDATION' && SCHEMA_FAILURES[err.validationContext]) {
    return SCHEMA_FAILURES[err.validationContext]();
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
    return new ApiError(413, 'payload_too_large', `The body is larger than ${request.routeOptions?.bodyLimit ?? BODY_LIMIT} bytes.`);
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
    return new ApiError(415, 'unsupported_media_type', 'Send bodies as application/json.');
  }
  if (Number.isInteger(err.statusCode) && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError(err.statusCode, 'bad_request', err.message);
  }
  return null;
}

/**
 * The error and not-found handlers, at the root.
 * @param {import('fastify').FastifyInstance} app
 */
export async function errorsPlugin(app) {
  app.setErrorHandler((err, request, reply) => {
    const answer = answerFor(err, request);
    if (!answer) {
      request.log.error({ err }, 'request failed');
      reply.code(500).send({ error: { code: 'internal', message: 'Internal error in the bridge.' } });
      return;
    }
    reply.headers(answer.headers);
    reply.code(answer.statusCode).send({ error: { ...answer.extra, code: answer.code, message: answer.message } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });
}
errorsPlugin[Symbol.for('skip-override')] = true; // as fastify-plugin does: the handlers hold at the root

/**
 * fastify's frameworkErrors: bad percent-encoding and over-long params fail in the router,
 * before any hook; the gates still come first.
 * @param {(req: import('node:http').IncomingMessage) => ApiError | null} gate
 */
export const routerErrors = (gate) => (err, request, reply) => {
  const answer = gate(request.raw) ?? routerError(err, request.log);
  reply.code(answer.statusCode).headers(answer.headers).send({ error: { code: answer.code, message: answer.message } });
};

/** @param {Error} err @param {import('fastify').FastifyBaseLogger} log */
function routerError(err, log) {
  const code = /** @type {any} */ (err).code;
  if (code === 'FST_ERR_BAD_URL') return new ApiError(400, 'bad_url', 'The path is not valid percent-encoded UTF-8.');
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return uriTooLong();
  log.error({ err }, 'router failed');
  return new ApiError(500, 'internal', 'Internal error in the bridge.');
}
