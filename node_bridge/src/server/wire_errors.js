// Answers written straight on the socket, for what never becomes a fastify
// request: bytes Node's HTTP parser refuses ('clientError') and CONNECT
// ('connect'). Same shape as every other error: {"error":{"code","message"}}.
import { STATUS_CODES, maxHeaderSize } from 'node:http';

// Content-Length with Transfer-Encoding (request smuggling) is refused as one of these.
const BAD_LENGTH = [400, 'bad_request', 'Invalid Content-Length, or Content-Length with Transfer-Encoding.'];

/** Parser errors (llhttp codes) with their own answer; any other is a 400 bad_request. */
const PARSER_ERRORS = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', `The request line and headers exceed ${maxHeaderSize} bytes.`],
  HPE_INVALID_METHOD: [400, 'bad_request', 'Unknown HTTP method (methods are upper-case).'],
  HPE_INVALID_CONTENT_LENGTH: BAD_LENGTH,
  HPE_UNEXPECTED_CONTENT_LENGTH: BAD_LENGTH,
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request did not arrive in time.'],
};

/**
 * Writes one complete HTTP/1.1 error response (the caller closes the socket).
 * @param {import('node:stream').Duplex} socket
 * @param {import('./api_error.js').ApiError | {statusCode: number, code: string, message: string, headers?: Record<string, string>}} err
 */
export function writeError(socket, { statusCode, code, message, headers = {} }) {
  const body = JSON.stringify({ error: { code, message } });
  const head = [
    `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * fastify's clientErrorHandler (Node's 'clientError': malformed HTTP, request
 * timeouts): a JSON answer, then close.
 * @param {import('pino').Logger} log
 * @returns {(err: Error, socket: import('node:net').Socket) => void}
 */
export function clientErrorHandler(log) {
  return (err, socket) => {
    const errCode = /** @type {any} */ (err).code;
    // Node's rule: no answer once a response has started on this socket (it would corrupt it).
    const started = /** @type {any} */ (socket)._httpMessage?.headersSent;
    if (errCode !== 'ECONNRESET' && socket.writable && !started) {
      const [statusCode, code, message] = PARSER_ERRORS[errCode] ?? [400, 'bad_request', `Malformed HTTP request (${errCode}).`];
      writeError(socket, { statusCode, code, message });
    }
    // The code only: err.rawPacket holds the raw bytes, Authorization header included.
    log.debug({ code: errCode }, 'client error: answered and closed');
    socket.destroy();
  };
}
