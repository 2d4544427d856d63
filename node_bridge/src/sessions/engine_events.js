// What a session does when its engine connection speaks: a QR, open, close, a frame of
// activity, an inbound message, a receipt; and when it falls silent. Each handler first
// checks that the connection is still the session's present one (a late close from a
// socket we left must never overwrite the present).
import { decideClose, backoffDelay } from './close_codes.js';
import * as edges from './edges.js';
import { errorText, phoneDigits, isoTime } from './util.js';

const ACK_STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);
/** Connected this long, a drop starts the backoff from the beginning again. */
const STABLE_MS = 30_000;
/** Connected this long, a new 440 gets its one automatic retry again. */
const CONFLICT_RESET_MS = 10 * 60_000;

/** @typedef {import('./session.js').Session} Session */
/** @typedef {import('./types.js').Attempt} Attempt */

/** @param {Session} s @param {Attempt} att @param {string} qr */
export function onQr(s, att, qr) {
  if (!s.live(att)) return;
  att.qrIndex += 1;
  s.qrCount += 1;
  const max = s.options.qr_max;
  if (s.qrCount > max) return qrTimeout(s, att);
  const lifetime = att.qrIndex === 1 ? s.options.qr_first_ms : s.options.qr_rotate_ms;
  if (s.qrCount === max) {
    clearTimeout(s.qrTimer);
    s.qrTimer = setTimeout(() => qrTimeout(s, att), lifetime);
  }
  if (s.status === 'pairing_code') return; // the code is on screen; QRs only measure time
  s.qr = String(qr);
  s.expiresAt = s.now() + lifetime;
  s.qrAttempt = s.qrCount;
  s.qrMax = max;
  s.hub.emit('session.qr', (seq) => {
    s.seq = seq;
    return {
      session_id: s.id, qr: s.qr, expires_at: new Date(s.expiresAt ?? 0).toISOString(),
      attempt: s.qrAttempt, max: s.qrMax,
    };
  });
  s.setStatus('qr', null, 'Scan the QR code with WhatsApp on the phone: Linked devices → Link a device.', true);
}

/** @param {Session} s @param {Attempt} att */
export function qrTimeout(s, att) {
  if (!s.live(att)) return;
  const pairing = s.status === 'pairing_code';
  s.clearTimers();
  s.release();
  s.clearQr();
  s.setStatus('failed', 'qr_timeout', pairing
    ? 'The pairing code was not entered in time. Start linking again.'
    : 'The QR code was not scanned in time. Start linking again to get a new one.');
}

/** @param {Session} s @param {Attempt} att @param {{phone?: string, name?: string}} me */
export function onOpen(s, att, me) {
  if (!s.live(att)) return;
  clearTimeout(s.qrTimer);
  s.clearQr();
  const phone = phoneDigits(me?.phone);
  // An engine that cannot tell the number keeps what we knew ("me" stays null until known).
  s.me = phone ? { phone, name: typeof me?.name === 'string' && me.name ? me.name : null } : s.me;
  s.liveness.opened();
  s.store.links?.add(s.id); // remembered beside bridge.sqlite3: a lost link is noticed
  s.lastActivityAt = s.now();
  s.restarts = 0;
  s.versionRetried = false;
  s.qrCount = 0;
  s.expectCreds = true;
  s.setStatus('connected', null, null);
  s.media?.resume(s); // downloads a crash or a drop left unfinished
  s.liveness.arm(s.options.keepalive_ms, () => s.live(att) && s.status === 'connected',
    (quiet) => keepaliveTimeout(s, quiet));
  s.onOpened?.(s); // unconfirmed messages go again (send/path.js)
}

/** @param {Session} s @param {Attempt} att @param {{code?: number, message?: string, reason?: string, ban?: any}} info */
export function onClose(s, att, { code, message, reason, ban }) {
  if (!s.live(att)) return;
  att.state = 'network_closed';
  s.att = null;
  s.clearTimers();
  noteDisconnect(s);
  const decision = decideClose(code, {
    status: s.status,
    qrCount: s.qrCount,
    qrMax: s.options.qr_max,
    attempt: s.attempt,
    restarts: s.restarts,
    conflictRetried: s.conflictRetried,
    versionRetried: s.versionRetried,
    ban,
    engineReason: reason,
    engineMessage: message,
  }, {
    rng: s.rng,
    baseMs: s.options.backoff_base_ms,
    maxMs: s.options.backoff_max_ms,
    conflictPauseMs: s.options.conflict_pause_ms,
  });
  Object.assign(s, decision.next);
  s.log.info({ code, engine_message: message, status: decision.status, reason: decision.reason,
    retry_in_ms: decision.retryInMs }, 'connection closed');
  s.clearQr();
  if (decision.wipeAuth) {
    // The status is the truth of what WhatsApp said, whether or not the wipe works now.
    s.unlinked(decision.status, decision.reason, decision.message);
  } else {
    s.setStatus(decision.status, decision.reason, decision.message);
  }
  if (decision.refreshVersion) s.versionStale = true;
  if (decision.retryInMs !== null) s.scheduleConnect(decision.retryInMs);
  if (decision.reason === 'network_unreachable') edges.waitForNetwork(s);
}

/** @param {Session} s @param {Attempt} att */
export function onActivity(s, att) {
  if (!s.live(att)) return;
  s.liveness.activity();
  s.lastActivityAt = s.now();
}

/** No frame for the keep-alive window: the connection is dead; reconnect. @param {Session} s @param {number} quiet */
function keepaliveTimeout(s, quiet) {
  s.log.warn({ quiet_ms: Math.round(quiet) }, 'no activity within the keep-alive window; reconnecting');
  s.clearTimers();
  s.release();
  noteDisconnect(s);
  const delay = backoffDelay(s.attempt, s.rng,
    { baseMs: s.options.backoff_base_ms, maxMs: s.options.backoff_max_ms });
  s.attempt += 1;
  s.setStatus('reconnecting', 'keepalive_timeout',
    `No sign of life from WhatsApp for ${Math.round(quiet / 1000)} s; reconnecting.`);
  s.scheduleConnect(delay);
}

/** Resets retry budgets after a connection that lasted. @param {Session} s */
export function noteDisconnect(s) {
  const up = s.liveness.closed();
  if (up == null) return;
  if (up >= STABLE_MS) s.attempt = 0;
  if (up >= CONFLICT_RESET_MS) s.conflictRetried = false;
}

/**
 * Inbound messages are kept even from a connection we are leaving: losing
 * one is worse than a late one. Throws if it could not be journaled.
 * @param {Session} s @param {any} m
 */
export function onMessageIn(s, m) {
  if (s.disposed) throw new Error('the bridge is shutting down; message not taken');
  if (!m || typeof m.message_id !== 'string' || !m.message_id) {
    s.log.warn('engine delivered a message without message_id; dropped');
    return;
  }
  const data = {
    session_id: s.id,
    message_id: m.message_id,
    chat: edges.resolveChat(s, m.chat ?? null),
    from: edges.resolveChat(s, m.from ?? null),
    text: typeof m.text === 'string' ? m.text : null,
    timestamp: isoTime(m.timestamp),
    kind: m.kind === 'append' ? 'append' : 'notify',
    media: null,
  };
  s.undecryptable?.decrypted(m.message_id); // its placeholder came first: nothing to tell now
  // With media, message.in waits until the bytes are stored (media/inbox.js).
  if (m.media && s.media) return s.media.accept(s, data, m.media);
  s.hub.emitDurable('message.in', s.id, data, (ev) => { s.seq = ev.seq; });
}

/**
 * A customer's message that could not be decrypted, and no readable copy came within the
 * wait (undecryptable_watch.js): the app shows that a message could not be read.
 * @param {Session} s @param {{message_id: string, chat?: string|null, from?: string|null, timestamp?: string}} m
 */
export function onUndecryptable(s, m) {
  if (s.disposed || typeof m?.message_id !== 'string') return;
  s.log.warn({ message_id: m.message_id }, 'a message could not be decrypted and no readable copy came');
  s.hub.emitDurable('message.undecryptable', s.id, {
    session_id: s.id,
    message_id: m.message_id,
    chat: edges.resolveChat(s, m.chat ?? null),
    from: edges.resolveChat(s, m.from ?? null),
    timestamp: isoTime(m.timestamp),
  }, (ev) => { s.seq = ev.seq; });
}

/**
 * A receipt or WhatsApp's word on a sent message: journaled, and the outbound record moves
 * in the same transaction ("sent" on the server's ack or any later receipt; a refusal is
 * final). Throws if it could not be journaled.
 * @param {Session} s @param {any} a
 */
export function onAck(s, a) {
  if (s.disposed) throw new Error('the bridge is shutting down; receipt not taken');
  if (!a || typeof a.message_id !== 'string' || !ACK_STATUSES.has(a.status)) {
    s.log.debug({ ack_status: a?.status }, 'ignoring ack with unknown message or status');
    return;
  }
  const clientId = s.store.outbound.clientIdFor(s.id, a.message_id);
  const failure = edges.failureFields(a);
  const data = {
    session_id: s.id,
    message_id: a.message_id,
    client_id: clientId,
    chat: edges.resolveChat(s, a.chat ?? null),
    status: a.status,
    ...failure,
  };
  // Inside a grouped write (the sim network's receipts) this joins its transaction: what
  // acts on the receipt (message.sent, the send waiting for its ack) waits for the commit.
  const sentNow = s.store.transaction(() => {
    s.hub.emitDurable('message.ack', s.id, data, (ev) => { s.seq = ev.seq; });
    if (!clientId) return false;
    if (failure) {
      s.store.outbound.markRefused(s.id, a.message_id, failure);
      return false;
    }
    return s.store.outbound.markSentByMessageId(s.id, a.message_id);
  });
  s.store.afterCommit(() => {
    if (sentNow && clientId) {
      const to = s.store.outbound.get(s.id, clientId)?.to_addr ?? null;
      s.hub.emit('message.sent', { session_id: s.id, client_id: clientId, message_id: a.message_id, to });
    }
    s.acks?.settle(s.id, a.message_id, failure ? { kind: 'failed', refusal: failure } : { kind: 'sent' });
  });
}

/** The stored link cannot be read: set it aside and fail. @param {Session} s @param {any} auth @param {Error} err */
export function authCorrupt(s, auth, err) {
  s.clearTimers();
  let where = null;
  try {
    where = auth.quarantine(err.message || 'unreadable auth state');
    s.store.links?.remove(s.id);
  } catch (qErr) {
    s.log.error({ err: qErr }, 'could not quarantine unreadable auth state');
  }
  s.log.error({ err, quarantine: where }, 'auth state unreadable; session failed');
  s.att = null;
  s.me = null;
  s.setStatus('failed', 'auth_corrupt', where
    ? 'The saved WhatsApp link for this number could not be read; a copy was set aside in the quarantine folder. Link the number again with a new QR code.'
    : 'The saved WhatsApp link for this number could not be read. Link the number again with a new QR code.');
}

/** @param {Session} s @param {unknown} err */
export function engineFailed(s, err) {
  s.log.error({ err }, 'engine failed');
  s.clearTimers();
  s.release();
  s.setStatus('failed', 'engine_error', `The connection engine failed: ${errorText(err)}`);
}
