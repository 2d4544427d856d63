// The stored auth state (auth_db.js) in the shape makeWASocket's `auth` option wants. Here,
// with the engine, because it needs Baileys itself (fresh creds, the protobuf class of
// app-state keys): a bridge loads Baileys only when a number needs the real engine.
import { initAuthCreds, proto } from '@whiskeysockets/baileys';

/** @typedef {import('@whiskeysockets/baileys').AuthenticationState} AuthenticationState */

/**
 * Fresh credentials are generated (and stored at once) only when the session has none;
 * unreadable creds throw AuthCorruptError instead of being silently replaced.
 *
 * Keys are deliberately not wrapped in makeCacheableSignalKeyStore: reads are synchronous
 * point lookups on a local SQLite file (microseconds), and that cache would update its copy
 * before the store write and keep a per-socket timer alive across reconnects.
 *
 * @param {import('../../storage/auth_db.js').SessionAuth} sessionAuth
 * @returns {{state: AuthenticationState, saveCreds: () => Promise<void>}}
 */
export function makeBaileysAuthState(sessionAuth) {
  let creds = sessionAuth.readCreds();
  if (creds === null) {
    creds = initAuthCreds();
    sessionAuth.writeCreds(creds);
  }
  const state = {
    creds,
    keys: {
      get: async (/** @type {string} */ type, /** @type {string[]} */ ids) => asBaileysKeys(type, sessionAuth.getKeys(type, ids)),
      set: async (/** @type {any} */ data) => sessionAuth.setKeys(data),
      clear: async () => sessionAuth.clearKeys(),
    },
  };
  return { state: /** @type {any} */ (state), saveCreds: async () => sessionAuth.writeCreds(state.creds) };
}

/**
 * Same as useMultiFileAuthState: Baileys expects app-state keys as the protobuf class.
 * @param {string} type @param {Record<string, any>} keys
 */
function asBaileysKeys(type, keys) {
  if (type !== 'app-state-sync-key') return keys;
  for (const [id, value] of Object.entries(keys)) {
    if (value) keys[id] = proto.Message.AppStateSyncKeyData.fromObject(value);
  }
  return keys;
}
