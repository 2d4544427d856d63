// The real WhatsApp engine: one Baileys socket per connection (baileys/connection.js, with
// the contract it keeps with the session manager), and what engines/index.js asks of an
// engine: createConnection, parseOptions, prepareConnection, forgetSession.
import { BaileysConnection } from './baileys/connection.js';

export { parseOptions } from './baileys/options.js';
export { prepareConnection } from './baileys/prepare.js';
export { forgetSession } from './baileys/caches.js';
export { networkProbe } from './baileys/probe.js';
export { BROWSER } from './baileys/socket_helpers.js';
export { ACTIVITY_MIN_INTERVAL_MS, BaileysConnection } from './baileys/connection.js';

/**
 * Opens one WhatsApp connection for a session.
 * @param {import('./baileys/types.js').EngineContext} ctx
 * @param {import('./baileys/connection.js').Seams} [seams]  for tests (connection.js)
 * @returns {import('./baileys/types.js').Connection}
 * @throws {import('../storage/auth_db.js').AuthCorruptError} stored creds are unreadable: nothing was opened
 * @throws {TypeError & {code: 'bad_options'}} invalid ctx.options: nothing was opened
 */
export function createConnection(ctx, seams) {
  return new BaileysConnection(ctx, seams).handle();
}
