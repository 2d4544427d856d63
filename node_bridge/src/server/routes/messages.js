// /sessions/{id}/messages (one, or a batch) and /seen: what a number sends.
import { BATCH_BODY_LIMIT } from '../../config/limits.js';
import { bodyOf, idOf, onSessionWithBody } from '../schemas.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ServerDeps} deps
 */
export async function messageRoutes(app, { manager }) {
  app.post('/sessions/:id/messages', onSessionWithBody, async (request) => manager.send(idOf(request), bodyOf(request)));
  app.post('/sessions/:id/messages/batch', { ...onSessionWithBody, bodyLimit: BATCH_BODY_LIMIT }, async (request) =>
    manager.sendBatch(idOf(request), bodyOf(request)));
  app.post('/sessions/:id/seen', onSessionWithBody, async (request) => manager.seen(idOf(request), bodyOf(request)));
}
