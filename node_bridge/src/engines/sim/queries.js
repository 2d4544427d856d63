// What a simulated number asks WhatsApp, or is asked, besides messages: whether a phone is on
// WhatsApp (Baileys' onWhatsApp), a recipient's request for a message again (a retry
// receipt, answered from the sent copy), and what libsignal prints when a contact's device
// changes. Each is kept for tests (GET /sim/network).
import { ApiError } from '../../server/api_error.js';
import { printDeviceChange } from './signal_noise.js';
import { GroupMetadataCache } from '../group_cache.js';
import { phoneArg } from './util.js';

export class SimQueries {
  /** @param {import('./network.js').SimNetwork} network */
  constructor(network) {
    this.network = network;
    /** Recipients' retry requests and whether the number could answer them (this boot). @type {object[]} */
    this.retryRequests = [];
    /** The numbers' questions whether a phone is on WhatsApp (this boot). @type {object[]} */
    this.whatsappChecks = [];
    /** "typing…" the numbers showed (this boot). @type {object[]} */
    this.typing = [];
    /** The numbers' questions for a group's metadata (this boot). @type {object[]} */
    this.groupMetadataQueries = [];
    /** What each number keeps of group metadata (group_cache.js), across its connections. @type {Map<string, GroupMetadataCache>} */
    this.groupCaches = new Map();
  }

  /** @param {string} id */
  groupCache(id) {
    let cache = this.groupCaches.get(id);
    if (!cache) this.groupCaches.set(id, (cache = new GroupMetadataCache()));
    return cache;
  }

  /** A number shows "typing…" in a chat, or stops (a chatstate). @param {string} id @param {string} to @param {string} state */
  chatState(id, to, state) {
    if (!this.network.networkUp) throw new Error('the network is down');
    this.typing.push({ session_id: id, to, state, at: new Date().toISOString() });
  }

  /** A number asks for a group's metadata (Baileys' groupMetadata). @param {string} id @param {string} jid */
  groupMetadata(id, jid) {
    if (!this.network.networkUp) throw new Error('the network is down');
    this.groupMetadataQueries.push({ session_id: id, group: jid });
    const group = this.network.world.groups.get(jid);
    return { id: jid, subject: group?.subject ?? '', participants: (group?.participants ?? []).map((p) => ({ id: `${p}@s.whatsapp.net` })) };
  }

  /**
   * People join or leave a group: WhatsApp tells its members (group-participants.update), and
   * a number online fetches the group again; one offline fetches it at its next send.
   * @param {string} id @param {{group?: unknown, add?: unknown, remove?: unknown}} body
   */
  groupParticipants(id, body) {
    const jid = this.network.world.groupArg(body?.group);
    const group = this.network.world.groups.get(jid);
    if (!group) throw new ApiError(404, 'sim_no_group', `No sim group ${jid}.`);
    const list = (/** @type {unknown} */ v, /** @type {string} */ what) => (Array.isArray(v) ? v : []).map((p, i) => phoneArg(p, `${what}[${i}]`));
    const remove = new Set(list(body.remove, 'remove'));
    group.participants = [...group.participants.filter((p) => !remove.has(p)), ...list(body.add, 'add')];
    const cache = this.groupCache(id);
    if (this.network.online(id)) cache.refresh(jid, (g) => this.groupMetadata(id, g)).catch(() => {});
    else cache.cache.del(jid);
    return { jid, participants: group.participants };
  }

  /** A number asks whether a phone is on WhatsApp; each question is kept. @param {string} id @param {string} phone */
  onWhatsApp(id, phone) {
    if (!this.network.networkUp) throw new Error('the network is down');
    this.whatsappChecks.push({ session_id: id, phone });
    return !this.network.world.notOnWhatsApp.has(phone);
  }

  /**
   * A recipient could not decrypt a message and asks for it again (a retry receipt): the
   * number answers only if it still has the message (Baileys: getMessage).
   * @param {string} id @param {{message_id?: unknown}} body
   */
  retryRequest(id, body) {
    const messageId = body?.message_id;
    if (typeof messageId !== 'string' || !messageId) throw new ApiError(400, 'bad_request', 'message_id is required');
    const answered = this.network.current(id).hasSent(messageId);
    this.retryRequests.push({ session_id: id, message_id: messageId, answered });
    return { answered };
  }

  /** A contact's new device: what libsignal prints then (signal_noise.js). @param {string} id @param {any} body */
  deviceChange(id, body) {
    this.network.current(id);
    return printDeviceChange(body);
  }

  view() {
    return { retry_requests: this.retryRequests, whatsapp_checks: this.whatsappChecks, group_metadata_queries: this.groupMetadataQueries, typing: this.typing };
  }
}
