// /sim/...: the simulated network's control panel (JAGA_SIM_CONTROL=1 only).
// Tests and the demo act as "the phone" and "WhatsApp's servers" through it.
import { setWallClockOffset } from './clock.js';
import { simInboxRoutes } from './inbox_routes.js';
import { bodyOf, idOf, onSession, onSessionWithBody, withBody } from '../../server/schemas.js';

/**
 * A fastify plugin, registered when JAGA_SIM_CONTROL=1 (server/app.js).
 * @param {import('fastify').FastifyInstance} app
 * @param {{simNetwork: import('./index.js').SimNetwork}} deps
 */
export async function simRoutes(app, { simNetwork: net }) {
  app.post('/sim/sessions/:id/scan', onSessionWithBody, async (request) => net.scan(idOf(request), bodyOf(request)));

  // {code, after?: "write" | "take"}: now, or right after the next message is written / taken.
  app.post('/sim/sessions/:id/close', onSessionWithBody, async (request) => net.close(idOf(request), bodyOf(request)));

  app.post('/sim/sessions/:id/silence', onSessionWithBody, async (request) =>
    net.silence(idOf(request), bodyOf(request).on ?? true));

  app.post('/sim/sessions/:id/inbound', onSessionWithBody, async (request) =>
    net.inbound(idOf(request), bodyOf(request).messages));

  app.post('/sim/sessions/:id/ack', onSessionWithBody, async (request) => net.ack(idOf(request), bodyOf(request)));

  // A recipient asks for a message again (a retry receipt): {message_id} → {answered}.
  app.post('/sim/sessions/:id/retry-request', onSessionWithBody, async (request) =>
    net.queries.retryRequest(idOf(request), bodyOf(request)));

  // A contact's device changed: libsignal prints the old and new session (keys and all) and,
  // with bad_mac, its decrypt-failure lines: {keys?: {root, private, chain} (hex), bad_mac?}.
  app.post('/sim/sessions/:id/device-change', onSessionWithBody, async (request) =>
    net.queries.deviceChange(idOf(request), bodyOf(request)));

  app.post('/sim/sessions/:id/corrupt-auth', onSession, async (request) => net.corruptAuth(idOf(request)));

  app.get('/sim/network', async () => net.sent());

  // The computer's network switch: {up: false} drops every sim number, {up: true} brings it back.
  app.post('/sim/network', withBody, async (request) => net.setNetwork(bodyOf(request).up));

  // WhatsApp refuses this number's next message, whoever it goes to: {code: 463 | 479} (once).
  app.post('/sim/sessions/:id/refuse-next', onSessionWithBody, async (request) =>
    net.world.setRefuseNext(idOf(request), bodyOf(request).code));

  // WhatsApp stops taking the client's version: {outdated: true} closes every login with 405.
  app.post('/sim/version', withBody, async (request) => net.world.setOutdated(bodyOf(request).outdated));

  // WhatsApp refuses requests to link by code: {refuse: 400 | null}.
  app.post('/sim/pairing', withBody, async (request) => net.world.setPairingRefusal(bodyOf(request).refuse));

  // A recipient WhatsApp refuses: {phone, reject: 463 | 479 | null}.
  app.post('/sim/recipients', withBody, async (request) => net.recipient(bodyOf(request)));

  // Number health: {on: true, until: ISO | null} or {on: false}.
  app.post('/sim/sessions/:id/timelock', onSessionWithBody, async (request) =>
    net.limit(idOf(request), 'reachout_timelock', bodyOf(request)));

  app.post('/sim/sessions/:id/capping', onSessionWithBody, async (request) =>
    net.limit(idOf(request), 'new_chat_cap', bodyOf(request)));

  // {subject, participants: [phone]} → {jid}; inbound group messages name it in `group`.
  app.post('/sim/sessions/:id/groups', onSessionWithBody, async (request) => net.createGroup(idOf(request), bodyOf(request)));

  // People join or leave a group: {group, add?: [phone], remove?: [phone]}.
  app.post('/sim/sessions/:id/group-participants', onSessionWithBody, async (request) =>
    net.queries.groupParticipants(idOf(request), bodyOf(request)));

  // WhatsApp tells the number which phone a LID is: {lid, phone}.
  app.post('/sim/sessions/:id/lid-mapping', onSessionWithBody, async (request) => net.lidMapping(idOf(request), bodyOf(request)));

  // Reads on the phone and WhatsApp Business labels (inbox_routes.js).
  simInboxRoutes(app, { simNetwork: net });

  app.get('/sim/config', async () => net.sessionDefaults());

  app.post('/sim/config', withBody, async (request) => net.configure(bodyOf(request)));

  // A wall-clock step (NTP, a wrong battery clock): liveness must not notice it.
  app.post('/sim/clock', withBody, async (request) => setWallClockOffset(bodyOf(request).offset_ms));
}
