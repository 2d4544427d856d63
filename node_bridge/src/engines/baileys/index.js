// The real WhatsApp engine: one Baileys socket per connection (connection.js, with
// the contract it keeps with the session manager), and what engines/index.js asks of an
// engine: createConnection, parseOptions, prepareConnection, forgetSession.
import { BaileysConnection } from './connection.js';

export { parseOptions } from './options.js';
export { prepareConnection } from './prepare.js';
export { forgetSession } from './caches.js';
export { networkProbe } from './probe.js';
export { BROWSER } from './socket_helpers.js';
export { ACTIVITY_MIN_INTERVAL_MS, BaileysConnection } from './connection.js';

/**
 * Opens one WhatsApp connection for a session.
 * @param {import('./types.js').EngineContext} ctx
 * @param {import('./connection.js').Seams} [seams]  for tests (connection.js)
 * @returns {import('./types.js').Connection}
 * @throws {import('../../storage/auth_db.js').AuthCorruptError} stored creds are unreadable: nothing was opened
 * @throws {TypeError & {code: 'bad_options'}} invalid ctx.options: nothing was opened
 */
export function createConnection(ctx, seams) {
  return new BaileysConnection(ctx, seams).handle();
}
