// /sim/...: the simulated network's control panel (JAGA_SIM_CONTROL=1 only).
// Tests and the demo act as "the phone" and "WhatsApp's servers" through it.
import { setWallClockOffset } from './clock.js';
import { registerSimInboxRoutes } from './inbox_routes.js';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{simNetwork: import('./index.js').SimNetwork,
 *   sessionId: (request: import('fastify').FastifyRequest) => string,
 *   objectBody: (body: unknown) => Record<string, any>}} deps
 */
export function registerSimRoutes(app, { simNetwork: net, sessionId, objectBody }) {
  app.post('/sim/sessions/:id/scan', async (request) => net.scan(sessionId(request), objectBody(request.body)));

  // {code, after?: "write" | "take"}: now, or right after the next message is written / taken.
  app.post('/sim/sessions/:id/close', async (request) => net.close(sessionId(request), objectBody(request.body)));

  app.post('/sim/sessions/:id/silence', async (request) =>
    net.silence(sessionId(request), objectBody(request.body).on ?? true));

  app.post('/sim/sessions/:id/inbound', async (request) =>
    net.inbound(sessionId(request), objectBody(request.body).messages));

  app.post('/sim/sessions/:id/ack', async (request) => net.ack(sessionId(request), objectBody(request.body)));

  // A recipient asks for a message again (a retry receipt): {message_id} → {answered}.
  app.post('/sim/sessions/:id/retry-request', async (request) =>
    net.queries.retryRequest(sessionId(request), objectBody(request.body)));

  // A contact's device changed: libsignal prints the old and new session (keys and all) and,
  // with bad_mac, its decrypt-failure lines: {keys?: {root, private, chain} (hex), bad_mac?}.
  app.post('/sim/sessions/:id/device-change', async (request) =>
    net.queries.deviceChange(sessionId(request), objectBody(request.body)));

  app.post('/sim/sessions/:id/corrupt-auth', async (request) => net.corruptAuth(sessionId(request)));

  app.get('/sim/network', async () => net.sent());

  // The computer's network switch: {up: false} drops every sim number, {up: true} brings it back.
  app.post('/sim/network', async (request) => net.setNetwork(objectBody(request.body).up));

  // WhatsApp refuses this number's next message, whoever it goes to: {code: 463 | 479} (once).
  app.post('/sim/sessions/:id/refuse-next', async (request) =>
    net.world.setRefuseNext(sessionId(request), objectBody(request.body).code));

  // WhatsApp stops taking the client's version: {outdated: true} closes every login with 405.
  app.post('/sim/version', async (request) => net.world.setOutdated(objectBody(request.body).outdated));

  // WhatsApp refuses requests to link by code: {refuse: 400 | null}.
  app.post('/sim/pairing', async (request) => net.world.setPairingRefusal(objectBody(request.body).refuse));

  // A recipient WhatsApp refuses: {phone, reject: 463 | 479 | null}.
  app.post('/sim/recipients', async (request) => net.recipient(objectBody(request.body)));

  // Number health: {on: true, until: ISO | null} or {on: false}.
  app.post('/sim/sessions/:id/timelock', async (request) =>
    net.limit(sessionId(request), 'reachout_timelock', objectBody(request.body)));

  app.post('/sim/sessions/:id/capping', async (request) =>
    net.limit(sessionId(request), 'new_chat_cap', objectBody(request.body)));

  // {subject, participants: [phone]} → {jid}; inbound group messages name it in `group`.
  app.post('/sim/sessions/:id/groups', async (request) => net.createGroup(sessionId(request), objectBody(request.body)));

  // People join or leave a group: {group, add?: [phone], remove?: [phone]}.
  app.post('/sim/sessions/:id/group-participants', async (request) =>
    net.queries.groupParticipants(sessionId(request), objectBody(request.body)));

  // WhatsApp tells the number which phone a LID is: {lid, phone}.
  app.post('/sim/sessions/:id/lid-mapping', async (request) => net.lidMapping(sessionId(request), objectBody(request.body)));

  // Reads on the phone and WhatsApp Business labels (inbox_routes.js).
  registerSimInboxRoutes(app, { simNetwork: net, sessionId, objectBody });

  app.get('/sim/config', async () => net.sessionDefaults());

  app.post('/sim/config', async (request) => net.configure(objectBody(request.body)));

  // A wall-clock step (NTP, a wrong battery clock): liveness must not notice it.
  app.post('/sim/clock', async (request) => setWallClockOffset(objectBody(request.body).offset_ms));
}
