// What an engine connection of a session gets (session.js connect): the session's options,
// auth and stores, and callbacks that act only while that connection is the present one (the
// handlers are in engine_events.js and edges.js).
import * as edges from './edges.js';
import * as events from './engine_events.js';
import { inboxCallbacks } from './inbox.js';

/** @typedef {import('./types.js').Attempt} Attempt */

/**
 * What an engine connection gets: the session's options, auth and stores, and callbacks
 * that act only while `att` is the present connection.
 * @param {import('./session.js').Session} session @param {Attempt} att @param {any} auth
 */
export function connectionContext(session, att, auth) {
  // A 405/409 asked for a fresh WhatsApp Web version before this connect (close_codes.js).
  const versionStale = session.versionStale;
  session.versionStale = false;
  return {
    sessionId: session.id,
    options: { ...session.options },
    log: session.log.child({ conn: att.gen }),
    auth,
    sent: session.store.sent.forSession(session.id),
    meta: session.store.meta,
    versionStale,
    on: {
      qr: (/** @type {string} */ qr) => session.guard(() => events.onQr(session, att, qr)),
      open: (/** @type {any} */ me) => session.guard(() => events.onOpen(session, att, me)),
      close: (/** @type {any} */ info) => session.guard(() => events.onClose(session, att, info ?? {})),
      activity: () => session.guard(() => events.onActivity(session, att)),
      // Not guarded: if the journal write fails the engine must know, so it does
      // not treat the message as taken (a redelivery can still get through).
      messageIn: (/** @type {any} */ m) => events.onMessageIn(session, m),
      // A placeholder for a message that could not be decrypted (undecryptable_watch.js).
      undecryptable: (/** @type {any} */ m) => session.guard(() => session.unreadable().placeholder(m)),
      ack: (/** @type {any} */ a) => events.onAck(session, a),
      ...edges.engineCallbacks(session, att),
      ...inboxCallbacks(session), // reads on the phone, names, labels (inbox.js)
    },
  };
}
