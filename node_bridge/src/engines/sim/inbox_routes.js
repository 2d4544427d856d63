// /sim/... for the inbox: the phone reads a chat, a number becomes WhatsApp Business, the
// phone edits labels; and what the network holds of a number's labels (tests).
import { inboxOf } from './inbox.js';
import { bodyOf, idOf, onSession, onSessionWithBody } from '../../server/schemas.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{simNetwork: import('./network.js').SimNetwork}} deps
 */
export function simInboxRoutes(app, { simNetwork }) {
  const inbox = inboxOf(simNetwork);
  app.post('/sim/sessions/:id/read', onSessionWithBody, async (request) => inbox.read(idOf(request), bodyOf(request)));
  app.post('/sim/sessions/:id/business', onSession, async (request) => inbox.setBusiness(idOf(request)));
  app.post('/sim/sessions/:id/labels', onSessionWithBody, async (request) => inbox.phoneLabel(idOf(request), bodyOf(request)));
  app.post('/sim/sessions/:id/label-chat', onSessionWithBody, async (request) =>
    inbox.phoneLabelChat(idOf(request), bodyOf(request)));
  app.get('/sim/sessions/:id/labels', onSession, async (request) => inbox.view(idOf(request)));
}
