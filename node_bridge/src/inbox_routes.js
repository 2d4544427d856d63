// Label actions of a WhatsApp Business number (docs/bridge-api.md, "Inbox"): the app
// makes, changes or deletes a label, or puts one on a chat; the engine does it through
// WhatsApp's app-state patches and WhatsApp echoes it back as label.edit / label.chat.
import { badRequest } from './errors.js';
import { normalizeRecipient } from './sessions/manager.js';
import { labelAction, labelIdArg, parseLabel } from './sessions/inbox.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{manager: import('./sessions/manager.js').SessionManager,
 *   sessionId: (request: import('fastify').FastifyRequest) => string,
 *   objectBody: (body: unknown) => Record<string, any>}} deps
 */
export function registerInboxRoutes(app, { manager, sessionId, objectBody }) {
  app.put('/sessions/:id/labels/:labelId', async (request) => {
    const session = manager.get(sessionId(request));
    const id = labelIdArg(/** @type {any} */ (request.params).labelId);
    const label = parseLabel(objectBody(request.body));
    await labelAction(session, 'editLabel', { id, ...label });
    return { id, ...label };
  });

  app.put('/sessions/:id/labels/:labelId/chats', async (request) => {
    const session = manager.get(sessionId(request));
    const labelId = labelIdArg(/** @type {any} */ (request.params).labelId);
    const body = objectBody(request.body);
    const chat = normalizeRecipient(body.chat);
    if (chat === null) throw badRequest('chat must be a phone number (digits) or a WhatsApp JID.');
    if (typeof body.labeled !== 'boolean') throw badRequest('labeled must be true or false.');
    await labelAction(session, 'labelChat', { label_id: labelId, chat, labeled: body.labeled });
    return { label_id: labelId, chat, labeled: body.labeled };
  });
}
