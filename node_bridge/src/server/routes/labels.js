// Label actions of a WhatsApp Business number (docs/bridge-api.md, "Inbox"): the app
// makes, changes or deletes a label, or puts one on a chat; the engine does it through
// WhatsApp's app-state patches and WhatsApp echoes it back as label.edit / label.chat.
import { badRequest } from '../api_error.js';
import { normalizeRecipient } from '../../sessions/manager.js';
import { labelAction, labelIdArg, parseLabel } from '../../sessions/inbox.js';
import { bodyOf, idOf, onSessionWithBody } from '../schemas.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').ServerDeps} deps
 */
export async function labelRoutes(app, { manager }) {
  app.put('/sessions/:id/labels/:labelId', onSessionWithBody, async (request) => {
    const session = manager.get(idOf(request));
    const id = labelIdArg(/** @type {any} */ (request.params).labelId);
    const label = parseLabel(bodyOf(request));
    await labelAction(session, 'editLabel', { id, ...label });
    return { id, ...label };
  });

  app.put('/sessions/:id/labels/:labelId/chats', onSessionWithBody, async (request) => {
    const session = manager.get(idOf(request));
    const labelId = labelIdArg(/** @type {any} */ (request.params).labelId);
    const body = bodyOf(request);
    const chat = normalizeRecipient(body.chat);
    if (chat === null) throw badRequest('chat must be a phone number (digits) or a WhatsApp JID.');
    if (typeof body.labeled !== 'boolean') throw badRequest('labeled must be true or false.');
    await labelAction(session, 'labelChat', { label_id: labelId, chat, labeled: body.labeled });
    return { label_id: labelId, chat, labeled: body.labeled };
  });
}
