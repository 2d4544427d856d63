// Linking by pairing code, as rc14 does it (lib/Socket/socket.js:596-653) but with
// WhatsApp's answer awaited. rc14 sends companion_hello with a fire-and-forget sendNode and
// returns a code it made itself, so when WhatsApp refuses the request (<iq type="error">
// <error code="400" text="bad-request"/>, e.g. for a companion_platform_display it does not
// accept: Baileys issue #2560, PRs #2559, #2769) the owner types a code that can never link.
// Here the same iq goes through sock.query (socket.js:125-140, which throws on an <error>
// child, WABinary/generic-utils.js:54-59, and answers undefined on a timeout,
// socket.js:107-112): a refusal is an error the owner sees.
import { randomBytes } from 'node:crypto';
import {
  S_WHATSAPP_NET, aesEncryptCTR, bytesToCrockford, derivePairingCodeKey, getCompanionPlatformId, jidEncode,
} from '@whiskeysockets/baileys';
import { codedError } from './mapping.js';
import { pairingRefusedSentence } from '../../sessions/rejections.js';

/**
 * What rc14's generatePairingKey makes (socket.js:655-661): salt, iv, and our pairing
 * ephemeral public key encrypted under the code.
 * @param {any} creds @param {string} code
 */
async function wrappedEphemeralKey(creds, code) {
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const key = await derivePairingCodeKey(code, salt);
  return Buffer.concat([salt, iv, aesEncryptCTR(creds.pairingEphemeralKeyPair.public, key, iv)]);
}

/**
 * The companion_hello iq, child for child as rc14 builds it.
 * @param {any} creds @param {string} jid @param {string} code @param {string[]} browser @param {string} id
 */
async function companionHello(creds, jid, code, browser, id) {
  return {
    tag: 'iq',
    attrs: { to: S_WHATSAPP_NET, type: 'set', id, xmlns: 'md' },
    content: [{
      tag: 'link_code_companion_reg',
      attrs: { jid, stage: 'companion_hello', should_show_push_notification: 'true' },
      content: [
        { tag: 'link_code_pairing_wrapped_companion_ephemeral_pub', attrs: {}, content: await wrappedEphemeralKey(creds, code) },
        { tag: 'companion_server_auth_key_pub', attrs: {}, content: creds.noiseKey.public },
        { tag: 'companion_platform_id', attrs: {}, content: getCompanionPlatformId(browser) },
        { tag: 'companion_platform_display', attrs: {}, content: `${browser[1]} (${browser[0]})` },
        { tag: 'link_code_pairing_nonce', attrs: {}, content: '0' },
      ],
    }],
  };
}

/**
 * Asks WhatsApp for pairing by code and returns the code once WhatsApp took the request.
 * @param {any} sock a Baileys socket (query, generateMessageTag, ev)
 * @param {any} creds the socket's auth creds
 * @param {string} phone international digits
 * @param {string[]} browser the socket's browser tuple
 * @param {number} timeoutMs
 * @returns {Promise<string>}
 * @throws {Error & {code: 'pairing_refused' | 'pairing_no_answer'}}
 */
export async function requestPairingCode(sock, creds, phone, browser, timeoutMs) {
  const code = bytesToCrockford(randomBytes(5));
  const jid = jidEncode(phone, 's.whatsapp.net');
  let answer;
  try {
    answer = await sock.query(await companionHello(creds, jid, code, browser, sock.generateMessageTag()), timeoutMs);
  } catch (err) {
    const status = /** @type {any} */ (err)?.data;
    if (Number.isInteger(status)) {
      throw codedError(Error, 'pairing_refused', pairingRefusedSentence(status, /** @type {Error} */ (err).message));
    }
    throw err;
  }
  if (!answer) {
    throw codedError(Error, 'pairing_no_answer', 'WhatsApp did not answer the request for a pairing code. Try again, or scan the QR code.');
  }
  // What Baileys' link_code_companion_reg handler needs once the code is typed on the phone
  // (messages-recv.js:881-942 reads creds.pairingCode and creds.me), set and saved as rc14
  // does it (socket.js:601-606), only now that WhatsApp took the request.
  creds.pairingCode = code;
  creds.me = { id: jid, name: '~' };
  sock.ev.emit('creds.update', creds);
  return code;
}
