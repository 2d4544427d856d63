// What libsignal prints when a contact's device changes, modelled for the sim: Baileys'
// signal library closes the old session and opens the new one with console.info and the
// whole SessionEntry (root key, ratchet key pair, chain keys: libsignal
// src/session_record.js:273 "Closing session:", :281 "Opening session:"), and every
// message it cannot decrypt prints two console.error lines (src/session_cipher.js:157-159,
// the error thrown by src/crypto.js:87 "Bad MAC"). The bridge must let none of those keys
// reach a log (safe_log.js); tests plant known keys here and look for them in the logs.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../server/api_error.js';

/** @param {unknown} value @param {string} what @returns {Buffer} */
function keyArg(value, what) {
  if (value === undefined) return randomBytes(32);
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    throw new ApiError(400, 'bad_request', `${what} must be 32 bytes as 64 lowercase hex digits`);
  }
  return Buffer.from(value, 'hex');
}

/**
 * A session in libsignal's SessionEntry shape (src/session_record.js SessionEntry
 * serialize/deserialize: currentRatchet, indexInfo, _chains).
 * @param {{root: Buffer, private: Buffer, chain: Buffer}} keys
 */
function sessionEntry(keys) {
  const baseKey = randomBytes(33);
  return {
    _chains: {
      [randomBytes(33).toString('base64')]: { chainKey: { counter: 0, key: keys.chain }, chainType: 1, messageKeys: {} },
    },
    registrationId: 4321,
    currentRatchet: {
      ephemeralKeyPair: { pubKey: randomBytes(33), privKey: keys.private },
      lastRemoteEphemeralKey: randomBytes(33),
      previousCounter: 0,
      rootKey: keys.root,
    },
    indexInfo: { baseKey, baseKeyType: 1, closed: -1, used: Date.now(), created: Date.now(), remoteIdentityKey: randomBytes(33) },
  };
}

/**
 * A contact's new device, as libsignal tells it on the console.
 * @param {{keys?: {root?: unknown, private?: unknown, chain?: unknown}, bad_mac?: unknown}} body
 */
export function printDeviceChange(body) {
  const keys = body?.keys ?? {};
  if (typeof keys !== 'object' || Array.isArray(keys)) throw new ApiError(400, 'bad_request', 'keys must be an object');
  const badMac = body?.bad_mac ?? 0;
  if (!Number.isInteger(badMac) || /** @type {number} */ (badMac) < 0 || /** @type {number} */ (badMac) > 1000) {
    throw new ApiError(400, 'bad_request', 'bad_mac must be a whole number from 0 to 1000');
  }
  const old = sessionEntry({ root: keyArg(keys.root, 'keys.root'), private: keyArg(keys.private, 'keys.private'),
    chain: keyArg(keys.chain, 'keys.chain') });
  console.info('Closing session:', old);
  console.info('Opening session:', sessionEntry({ root: randomBytes(32), private: randomBytes(32), chain: randomBytes(32) }));
  for (let i = 0; i < /** @type {number} */ (badMac); i += 1) {
    const error = new Error('Bad MAC');
    console.error('Failed to decrypt message with any known session...');
    console.error('Session error:' + error, error.stack);
  }
  return { printed: true, bad_mac: badMac };
}
