// The phone's side of the inbox, simulated: the owner reads chats on the phone, and a
// WhatsApp Business number keeps labels on WhatsApp's servers. What the phone does reaches
// the client as Baileys reports it (engines/baileys/inbox.js): a read, a label edit, a
// label put on or taken off a chat; offline, it waits in the network's backlog and comes
// at the next login. A label action of the client is taken by the servers and echoed back
// to it, as Baileys' appPatch does with emitOwnEvents (lib/Socket/chats.js ~745-751).
import { ApiError } from '../../server/api_error.js';
import { phoneArg } from './util.js';
import { lidArg } from './world.js';

/** WhatsApp Business's five predefined labels (Baileys: Label.predefinedId). */
const PREDEFINED = [
  { id: '1', name: 'New customer', color: 1, predefinedId: '1' },
  { id: '2', name: 'New order', color: 2, predefinedId: '2' },
  { id: '3', name: 'Pending payment', color: 3, predefinedId: '3' },
  { id: '4', name: 'Paid', color: 4, predefinedId: '4' },
  { id: '5', name: 'Order complete', color: 5, predefinedId: '5' },
];
export const INBOX_DELIVERIES = new Set(['read', 'label', 'label_chat']);

/** @type {WeakMap<object, SimInbox>} one per simulated network */
const inboxes = new WeakMap();

/** @param {import('./network.js').SimNetwork} network */
export function inboxOf(network) {
  let inbox = inboxes.get(network);
  if (!inbox) {
    inbox = new SimInbox(network);
    inboxes.set(network, inbox);
  }
  return inbox;
}

/** @param {unknown} chat @param {string} what a phone, a group jid or a LID chat */
function chatArg(chat, what) {
  if (typeof chat === 'string' && chat.endsWith('@g.us')) return chat;
  if (typeof chat === 'string' && chat.endsWith('@lid')) return `${lidArg(chat, what)}@lid`;
  return phoneArg(chat, what);
}

class SimInbox {
  /** @param {import('./network.js').SimNetwork} network */
  constructor(network) {
    this.network = network;
    /** session → its labels and which chats carry them @type {Map<string, {labels: Map<string, any>, chats: Set<string>}>} */
    this.business = new Map();
    /** label actions clients took, in order (tests) @type {object[]} */
    this.actions = [];
  }

  /** @param {string} id */
  state(id) {
    const state = this.business.get(id);
    if (!state) throw new ApiError(409, 'sim_not_business', `Session ${id} is not a WhatsApp Business number.`);
    return state;
  }

  /** The number becomes a Business number: its predefined labels sync to the client. @param {string} id */
  setBusiness(id) {
    if (!this.business.has(id)) {
      this.business.set(id, { labels: new Map(), chats: new Set() });
      for (const label of PREDEFINED) this.phoneLabel(id, { ...label, deleted: false });
    }
    return this.view(id);
  }

  /** The owner reads a chat on the phone (all of it, or these messages). @param {string} id @param {any} body */
  read(id, body) {
    const chat = chatArg(body?.chat, 'chat');
    const ids = body?.message_ids;
    if (ids !== undefined && (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string' && i))) {
      throw new ApiError(400, 'bad_request', 'message_ids must be a list of message ids');
    }
    this.deliver(id, { type: 'read', chat, message_ids: ids ?? null });
    return { read: true };
  }

  /** A label made, changed or deleted on the phone. @param {string} id @param {any} body */
  phoneLabel(id, body) {
    const state = this.state(id);
    const labelId = String(body?.id ?? '');
    if (!/^[0-9]{1,9}$/.test(labelId)) throw new ApiError(400, 'bad_request', 'id must be a label id (digits)');
    const label = { id: labelId, name: String(body?.name ?? ''), color: Number.isInteger(body?.color) ? body.color : 0,
      deleted: !!body?.deleted, ...(body?.predefinedId ? { predefinedId: String(body.predefinedId) } : {}) };
    if (label.deleted) state.labels.delete(labelId);
    else state.labels.set(labelId, label);
    this.deliver(id, { type: 'label', label });
    return label;
  }

  /** A label put on a chat on the phone, or taken off. @param {string} id @param {any} body */
  phoneLabelChat(id, body) {
    const state = this.state(id);
    const labelId = String(body?.label_id ?? '');
    const chat = chatArg(body?.chat, 'chat');
    if (typeof body?.labeled !== 'boolean') throw new ApiError(400, 'bad_request', 'labeled must be true or false');
    if (body.labeled) state.chats.add(`${labelId}\u0000${chat}`);
    else state.chats.delete(`${labelId}\u0000${chat}`);
    this.deliver(id, { type: 'label_chat', label_id: labelId, chat, labeled: body.labeled });
    return { label_id: labelId, chat, labeled: body.labeled };
  }

  /** The client's addLabel / addChatLabel / removeChatLabel: taken, then echoed back. @param {string} id @param {string} action @param {any} args */
  clientAction(id, action, args) {
    this.state(id); // only a Business number has labels on WhatsApp
    if (!this.network.networkUp) throw new Error('the network is down');
    this.actions.push({ session_id: id, action, ...args, at: new Date().toISOString() });
    if (action === 'editLabel') this.phoneLabel(id, args);
    else this.phoneLabelChat(id, args);
  }

  /** @param {string} id */
  view(id) {
    const state = this.business.get(id);
    const chats = [...(state?.chats ?? [])].map((key) => {
      const [labelId, chat] = key.split('\u0000');
      return { label_id: labelId, chat };
    });
    return { business: !!state, labels: [...(state?.labels.values() ?? [])], chats,
      actions: this.actions.filter((a) => /** @type {any} */ (a).session_id === id) };
  }

  /** @param {string} id @param {any} d */
  deliver(id, d) {
    this.network.store.transaction(() => this.network.toSession(id, d));
  }
}

/**
 * What the client hears of a delivery (the engine callbacks, as Baileys' events map them).
 * @param {any} on the connection's callbacks @param {any} d
 */
export function deliverInbox(on, d) {
  if (d.type === 'read') on.chatRead?.({ chat: d.chat, message_ids: d.message_ids });
  else if (d.type === 'label') on.labelEdit?.(d.label);
  else on.labelAssociation?.({ label_id: d.label_id, chat: d.chat, labeled: d.labeled });
}

/**
 * The connection's label actions (what Baileys' addLabel / addChatLabel / removeChatLabel do).
 * @param {any} conn a SimConnection
 */
export function labelActions(conn) {
  const act = (/** @type {string} */ action) => async (/** @type {any} */ args) => {
    if (conn.state !== 'open') throw new Error('the sim connection is not open');
    inboxOf(conn.network).clientAction(conn.id, action, args);
  };
  return { editLabel: act('editLabel'), labelChat: act('labelChat') };
}
