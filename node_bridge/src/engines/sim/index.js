// The sim engine: a simulated WhatsApp with the behaviour Baileys shows us.
// An unlinked connection shows rotating QR refs (the first lives qr_first_ms,
// each later one qr_rotate_ms) and ends with 408 when they run out; a scan
// stores creds and closes with 515 (restart required); the next connection
// logs in with those creds. Open connections send frames (activity) every
// keepalive/3, deliver inbound messages and receipts. The parts: sim/network.js
// (the servers), sim/connection.js (one socket), sim/backlog.js (what an offline
// number has not taken, persistent), sim/world.js (network switch, refusals,
// limits, groups, LIDs).
import { SimConnection } from './connection.js';
import { labelActions } from './inbox.js';

export { SIM_DEFAULTS, SimNetwork } from './network.js';

/**
 * @param {any} ctx  engine context (see sessions/context.js) with `network`: the SimNetwork
 * @returns {{close(): Promise<void>, logout(): Promise<{unlinked: boolean}>, send(m: {to: string, text: string, messageId?: string, quoted?: any}): Promise<{message_id: string}>, markSeen(seen: any): Promise<void>, requestPairingCode(phone: string): Promise<string>}}
 */
export function createConnection(ctx) {
  if (!ctx?.network) throw new Error('the sim engine needs ctx.network (a SimNetwork)');
  const conn = new SimConnection(ctx, ctx.network);
  return {
    close: () => conn.close(),
    logout: () => conn.logout(),
    send: (m) => conn.send(m),
    resend: (m) => conn.resend(m),
    onWhatsApp: (phone) => conn.onWhatsApp(phone),
    typing: (to, state) => conn.typing(to, state),
    downloadMedia: (ref) => conn.downloadMedia(ref),
    reuploadMedia: (ref) => conn.reuploadMedia(ref),
    markSeen: (seen) => conn.markSeen(seen),
    requestPairingCode: (phone) => conn.requestPairingCode(phone),
    ...labelActions(conn), // WhatsApp Business labels (sim/inbox.js)
  };
}
