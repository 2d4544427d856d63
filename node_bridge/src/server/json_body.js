// Our own JSON parser, the only one (fastify's text/plain parser is gone, so other types
// get 415): an empty body is "no body", and errors carry our code.
import { ApiError } from './api_error.js';

/** @param {import('fastify').FastifyInstance} app */
export async function jsonBody(app) {
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
}
jsonBody[Symbol.for('skip-override')] = true; // as fastify-plugin does: the parser holds at the root

/** Refuses keys that could poison prototypes if the body were ever merged. @param {string} key @param {unknown} value */
function rejectProtoKeys(key, value) {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new SyntaxError(`key "${key}" is not allowed`);
  }
  return value;
}
