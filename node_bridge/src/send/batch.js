// POST /sessions/{id}/messages/batch: the outbox's backlog in one request instead of one
// per message (a round trip each, on both sides). Each message is the body of
// POST /sessions/{id}/messages and goes through the same send path (client_id record,
// pacing, engine); the answer lists every outcome in order, a refusal as the error the
// single route would have answered. The send records of messages that go out together
// share their commits (store.write).
import { ApiError, badRequest } from '../server/api_error.js';
import { BATCH_MAX_MESSAGES } from '../config/limits.js';

/**
 * The list of sends in a batch body, or a 400 for the whole request.
 * @param {Record<string, any>} body
 * @returns {Record<string, any>[]}
 */
export function parseBatch(body) {
  const messages = body?.messages;
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > BATCH_MAX_MESSAGES) {
    throw badRequest(`messages must be a list of 1..${BATCH_MAX_MESSAGES} sends (each as POST /sessions/{id}/messages takes it)`);
  }
  return messages.map((m, i) => {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) throw badRequest(`messages[${i}] must be a JSON object`);
    if (m.media !== undefined) {
      throw badRequest(`messages[${i}] has media: a file goes alone, through POST /sessions/{id}/messages`);
    }
    return /** @type {Record<string, any>} */ (m);
  });
}

/**
 * The error object a list's item answers with: the single route's, or an internal error.
 * @param {unknown} err @param {{error: Function}} log @param {string} what  for the log
 */
export function errorOf(err, log, what) {
  if (err instanceof ApiError) return { ...err.extra, code: err.code, message: err.message, status: err.statusCode };
  log.error({ err }, `${what} failed`);
  return { code: 'internal', message: 'Internal error in the bridge.', status: 500 };
}

/**
 * One send's outcome as the batch answers it: the single route's answer, or its error.
 * @param {Record<string, any>} message @param {unknown} err
 * @param {{error: Function}} log
 */
export function failedSend(message, err, log) {
  const clientId = typeof message.client_id === 'string' ? message.client_id : null;
  return { client_id: clientId, error: errorOf(err, log, 'a send of a batch') };
}
