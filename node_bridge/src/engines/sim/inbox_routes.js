// /sim/... for the inbox: the phone reads a chat, a number becomes WhatsApp Business, the
// phone edits labels; and what the network holds of a number's labels (tests).
import { inboxOf } from './inbox.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{simNetwork: import('./network.js').SimNetwork,
 *   sessionId: (request: import('fastify').FastifyRequest) => string,
 *   objectBody: (body: unknown) => Record<string, any>}} deps
 */
export function registerSimInboxRoutes(app, { simNetwork, sessionId, objectBody }) {
  const inbox = inboxOf(simNetwork);
  app.post('/sim/sessions/:id/read', async (request) => inbox.read(sessionId(request), objectBody(request.body)));
  app.post('/sim/sessions/:id/business', async (request) => inbox.setBusiness(sessionId(request)));
  app.post('/sim/sessions/:id/labels', async (request) => inbox.phoneLabel(sessionId(request), objectBody(request.body)));
  app.post('/sim/sessions/:id/label-chat', async (request) =>
    inbox.phoneLabelChat(sessionId(request), objectBody(request.body)));
  app.get('/sim/sessions/:id/labels', async (request) => inbox.view(sessionId(request)));
}
