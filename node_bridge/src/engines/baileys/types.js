// JSDoc types of the baileys engine's contract with the session manager.

/** @typedef {import('../../storage/auth_db.js').SessionAuth} SessionAuth */

/**
 * @typedef {object} EngineCallbacks
 * @property {(qr: string) => void} qr a pairing QR string to show
 * @property {(me: {phone: string | null, name: string | null}) => void} open
 * @property {(info: {code: number, message: string, reason?: string}) => void} close
 *   exactly once; `code` is Baileys' DisconnectReason status code; `reason` is set when the
 *   engine knows more than the code says: 'stopped_by_request', 'logged_out', 'qr_timeout',
 *   'engine_error', 'network_unreachable'
 * @property {() => void} activity the connection received bytes (throttled, see ACTIVITY_MIN_INTERVAL_MS)
 * @property {(m: {message_id: string, chat: string, from: string, text: string, timestamp: string, kind: 'notify' | 'append', media?: object}) => void} messageIn
 *   media: see baileys/media.js mediaOf (the bridge downloads it, media/inbox.js)
 * @property {(a: {message_id: string, chat: string | null, status: 'sent' | 'delivered' | 'read' | 'failed', error_code?: string, reason?: string, error?: string}) => void} ack
 *   'failed': WhatsApp refused the message (see rejections.js)
 * @property {(pair: {lid: string, phone: string}) => void} [mapping] a LID's phone became known (jids)
 * @property {(limit: import('../../sessions/rejections.js').SendLimit | null) => void} [limits] time lock / cap on new contacts, null when lifted
 * @property {(phone: string) => string | null} [lidFor] the known LID of a phone (send uses the LID form)
 */

/**
 * @typedef {object} SentStore  the session's sent messages in bridge.sqlite3 (outbound_store.js)
 * @property {(messageId: string, jid: string, content: Uint8Array) => void} put
 * @property {(messageId: string) => {jid: string, content: Uint8Array} | null} get
 */

/**
 * @typedef {object} EngineContext
 * @property {string} sessionId
 * @property {Record<string, unknown>} [options] see parseOptions
 * @property {import('pino').Logger} log
 * @property {SessionAuth} auth
 * @property {EngineCallbacks} on
 * @property {SentStore} [sent] what it sent, encoded: answers retry requests, feeds resends
 */

/**
 * @typedef {object} Connection
 * @property {() => Promise<void>} close stop this socket (auth kept); resolves once close was reported
 * @property {() => Promise<{unlinked: boolean}>} logout unlink the device; the caller wipes auth afterwards
 * @property {(m: {to: string, text: string, messageId?: string, media?: import('../../media/outbound.js').LocatedMedia}) => Promise<{message_id: string}>} send
 * @property {(ref: any) => Promise<AsyncIterable<Buffer>>} downloadMedia  an inbound file's bytes, streamed
 * @property {(ref: any) => Promise<any>} reuploadMedia  asks the phone to upload an expired file again
 * @property {(phone: string) => Promise<string>} requestPairingCode link by code instead of QR
 * @property {(m: {messageId: string}) => Promise<{message_id: string}>} resend the stored copy again, same id
 */

export {};
