// The gates every request passes before any route runs, whichever way it arrives: the Host
// header (a web page cannot reach us through DNS rebinding), the bearer token
// (constant-time compare), and shutdown. CONNECT never reaches routing: it is answered
// here, after the same gates, on the raw socket.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api_error.js';
import { writeError } from './wire_errors.js';

/** Longer URLs get 414 (session ids are 64 characters; nothing needs more). */
export const MAX_URL_LENGTH = 2048;

export const uriTooLong = () => new ApiError(414, 'uri_too_long', `The URL is longer than ${MAX_URL_LENGTH} characters.`);

/** @param {string} value */
const digest = (value) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The gates as one check: the error to answer, or null.
 * @param {{token: string, port: () => number, isShuttingDown: () => boolean}} deps
 *   port: the port we listen on (the Host must name it)
 * @returns {(req: import('node:http').IncomingMessage) => ApiError | null}
 */
export function createGate({ token, port, isShuttingDown }) {
  const expectedToken = digest(token);
  /** @param {unknown} header */
  const tokenOk = (header) => {
    if (typeof header !== 'string') return false;
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    // Hashing first gives equal lengths, which timingSafeEqual requires.
    return !!match && timingSafeEqual(digest(match[1]), expectedToken);
  };
  return (req) => {
    // HTTP/1.1 requires Host (RFC 9112 3.2); HTTP/1.0 without one is simply a wrong Host.
    // Node's own check would close the connection too, but answer without a body.
    if (req.headers.host === undefined && req.httpVersion !== '1.0') {
      return new ApiError(400, 'bad_request', 'HTTP/1.1 requests must have a Host header.', { Connection: 'close' });
    }
    const host = String(req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) {
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
  };
}

/**
 * The gates on every request (onRequest, at the root) and on CONNECT.
 * @param {import('fastify').FastifyInstance} app
 * @param {{gate: ReturnType<typeof createGate>}} opts
 */
export async function gatePlugin(app, { gate }) {
  app.addHook('onRequest', async (request) => {
    const refused = gate(request.raw);
    if (refused) throw refused;
    if (request.url.length > MAX_URL_LENGTH) throw uriTooLong();
  });

  // Without this listener Node just drops the socket.
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
}
gatePlugin[Symbol.for('skip-override')] = true; // as fastify-plugin does: the hooks hold at the root
