// /sessions: start, list, stop and log out numbers, and link one by code.
import { bodyOf, idOf, onSession, onSessionWithBody, withBody } from '../schemas.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ServerDeps} deps
 */
export async function sessionRoutes(app, { bootId, manager, hub }) {
  app.get('/sessions', async () => ({ boot_id: bootId, seq: hub.seq, sessions: manager.list() }));
  app.put('/sessions', withBody, async (request) => manager.startMany(bodyOf(request)));
  app.get('/sessions/:id', onSession, async (request) => manager.get(idOf(request)).view());
  app.put('/sessions/:id', onSessionWithBody, async (request) => manager.start(idOf(request), bodyOf(request)));
  app.delete('/sessions/:id', onSession, async (request) => manager.stop(idOf(request)));
  app.post('/sessions/:id/logout', onSession, async (request) => manager.logout(idOf(request)));
  app.post('/sessions/:id/pairing-code', onSessionWithBody, async (request) =>
    manager.pairingCode(idOf(request), bodyOf(request).phone));
}
