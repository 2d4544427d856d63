// GET /events (the SSE stream) and POST /events/ack (durable events the app has stored).
import { ApiError, badRequest } from '../api_error.js';
import { bodyOf, withBody } from '../schemas.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ServerDeps} deps
 */
export async function eventRoutes(app, { bootId, hub, sse }) {
  app.get('/events', (request, reply) => {
    sse.open(request, reply);
  });

  app.post('/events/ack', withBody, async (request) => {
    const { upto, boot_id: ackBoot } = bodyOf(request);
    if (!Number.isSafeInteger(upto) || upto < 0) throw badRequest('upto must be a whole number (an event seq).');
    if (ackBoot !== undefined && ackBoot !== bootId) {
      throw new ApiError(409, 'other_boot', 'These seqs belong to another boot of the bridge; nothing was acknowledged.');
    }
    return { acked: hub.ack(upto) };
  });
}
