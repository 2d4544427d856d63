// One error type for everything the API answers with a 4xx/5xx, so the error
// handler can render {"error":{"code","message"}} without guessing.

export class ApiError extends Error {
  name = 'ApiError';

  /**
   * @param {number} statusCode
   * @param {string} code     machine code, snake_case
   * @param {string} message  sentence for people
   * @param {Record<string, string>} [headers]  sent with the answer (e.g. WWW-Authenticate)
   */
  constructor(statusCode, code, message, headers = {}) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
    /** More fields of the answer's error object (e.g. retry_at). @type {Record<string, unknown>} */
    this.extra = {};
  }
}

/** @param {string} message */
export const badRequest = (message) => new ApiError(400, 'bad_request', message);

/** @param {string} id */
export const sessionNotFound = (id) => new ApiError(404, 'session_not_found', `No session ${id} in this bridge.`);
