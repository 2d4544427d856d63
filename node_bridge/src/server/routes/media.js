// PUT /config/media {max_file_bytes?, max_total_bytes?} and GET /config/media.
import { bodyOf, withBody } from '../schemas.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ServerDeps} deps
 */
export async function mediaRoutes(app, { media }) {
  app.get('/config/media', async () => media.limits.view());
  app.put('/config/media', withBody, async (request) => media.limits.update(bodyOf(request)));
}
