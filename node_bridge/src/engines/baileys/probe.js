// Is WhatsApp reachable again? One DNS lookup and one TCP connect: cheap enough to run
// every couple of seconds while a number waits for the network (network_watch.js).
import { lookup } from 'node:dns/promises';
import net from 'node:net';

/** Baileys' default endpoint (Defaults/index.js DEFAULT_CONNECTION_CONFIG.waWebSocketUrl). */
const WA_HOST = 'web.whatsapp.com';
const PROBE_TIMEOUT_MS = 1500;

/**
 * @param {Record<string, unknown>} [options] session options (ws_url points tests at a local server)
 * @returns {{key: string, probe: () => Promise<boolean>}}
 */
export function networkProbe(options = {}) {
  let host = WA_HOST;
  let port = 443;
  if (typeof options.ws_url === 'string') {
    try {
      const url = new URL(options.ws_url);
      host = url.hostname;
      port = Number(url.port) || (url.protocol === 'ws:' ? 80 : 443);
    } catch {
      // parseOptions refused it already; probe WhatsApp's host
    }
  }
  return { key: `baileys:${host}:${port}`, probe: () => reachable(host, port) };
}

/** @param {string} host @param {number} port @returns {Promise<boolean>} */
export async function reachable(host, port, timeoutMs = PROBE_TIMEOUT_MS) {
  let address;
  try {
    address = net.isIP(host) ? host : (await lookup(host)).address;
  } catch {
    return false; // no DNS: no internet
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
