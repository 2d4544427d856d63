// What a simulated number asks WhatsApp, or is asked, besides messages: whether a phone is on
// WhatsApp (Baileys' onWhatsApp), a recipient's request for a message again (a retry
// receipt, answered from the sent copy), and what libsignal prints when a contact's device
// changes. Each is kept for tests (GET /sim/network).
import { ApiError } from '../../errors.js';
import { printDeviceChange } from './signal_noise.js';

export class SimQueries {
  /** @param {import('./network.js').SimNetwork} network */
  constructor(network) {
    this.network = network;
    /** Recipients' retry requests and whether the number could answer them (this boot). @type {object[]} */
    this.retryRequests = [];
    /** The numbers' questions whether a phone is on WhatsApp (this boot). @type {object[]} */
    this.whatsappChecks = [];
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
    return { retry_requests: this.retryRequests, whatsapp_checks: this.whatsappChecks };
  }
}
