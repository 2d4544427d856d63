// Safe sending (pacing/rules.js): the owner's settings, changed at run time by the app.
import { bodyOf, withBody } from '../schemas.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ServerDeps} deps
 */
export async function pacingRoutes(app, { manager }) {
  app.get('/config/pacing', async () => manager.pacing.config);
  app.put('/config/pacing', withBody, async (request) => manager.pacing.configure(bodyOf(request)));
}
