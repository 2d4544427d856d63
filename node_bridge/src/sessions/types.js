// Shapes shared by the session code (JSDoc only; nothing runs here).

/**
 * @typedef {object} EngineConnection
 * @property {() => Promise<void>} close
 * @property {() => Promise<void|{unlinked: boolean}>} logout
 * @property {(msg: {to: string, text: string, messageId: string, quoted?: import('../send/extras.js').Quoted}) => Promise<{message_id: string}>} send
 * @property {(seen: {chat: string, ids: string[], participant: string|null}) => Promise<void>} [markSeen] read receipts
 * @property {(phone: string) => Promise<string>} requestPairingCode
 * @property {(msg: {messageId: string, to: string}) => Promise<unknown>} [resend] the stored copy again, same id
 */

/**
 * @typedef {object} Engine
 * @property {string} name
 * @property {(ctx: object) => EngineConnection | Promise<EngineConnection>} createConnection
 */

/**
 * @typedef {object} Attempt   one engine connection, from open to close
 * @property {number} gen
 * @property {EngineConnection|null} conn
 * @property {'open'|'network_closed'|'closed_by_us'} state
 * @property {number} qrIndex  QRs this connection showed
 * @property {Promise<EngineConnection>} [opening]  createConnection in progress
 */

/**
 * @typedef {object} SessionDeps
 * @property {import('../storage/store.js').Store} store
 * @property {import('../events/hub.js').EventHub} hub
 * @property {import('pino').Logger} log
 * @property {() => number} [now]   wall clock: for what people read
 * @property {() => number} [mono]  monotonic clock: for timeouts and liveness
 * @property {() => number} [rng]
 * @property {import('../media/inbox.js').MediaInbox|null} [media]  inbound media downloads
 * @property {import('../send/server_acks.js').AckWaiters|null} [acks]  sends waiting for WhatsApp's ack
 * @property {(s: any) => void} [onOpened]  the session is connected (unconfirmed messages go again)
 */

export {};
