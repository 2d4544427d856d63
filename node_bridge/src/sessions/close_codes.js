// What a closed connection means for a session. Pure: no timers, no I/O, the
// random source is injected, so every rule is unit-tested without a socket.
//
// Codes are Baileys' DisconnectReason values (WhatsApp stream errors mapped to
// HTTP-like numbers); 405 is what WhatsApp sends when the client version is too old.

export const CloseCode = Object.freeze({
  loggedOut: 401,
  temporarilyBanned: 402,
  forbidden: 403,
  outdatedVersion: 405,
  banned: 406,
  badUserAgent: 409,
  timedOut: 408,
  multideviceMismatch: 411,
  connectionClosed: 428,
  connectionReplaced: 440,
  badSession: 500,
  unavailableService: 503,
  restartRequired: 515,
});

/** The sentence for a number that cannot reach WhatsApp because the computer has no network. */
export const NO_INTERNET = 'No internet connection — Jaga reconnects by itself when it is back';

// Error codes of a computer without a usable network, as Node reports them on the
// socket's error (Baileys wraps it: socket.js mapWebSocketError → Boom "WebSocket Error
// (getaddrinfo ENOTFOUND web.whatsapp.com)" with statusCode 408 and `data` = the original
// error, see Utils/generics.js getCodeFromWSError). TLS failures (a captive portal, a
// proxy that breaks certificates) are no internet too, for the owner.
const NETWORK_CODES = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ECONNREFUSED', 'ENETUNREACH',
  'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'ETIMEDOUT', 'EADDRNOTAVAIL', 'EPROTO',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_SSL_WRONG_VERSION_NUMBER', 'ECONNRESET_TLS',
]);

/**
 * The network error code behind a closed connection, or null when the close is WhatsApp's
 * word (a stream error, a close frame) rather than the computer's network failing.
 * @param {any} error connection.update's lastDisconnect.error, or any error
 * @returns {string|null}
 */
export function networkErrorCode(error) {
  for (let e = error, depth = 0; e && depth < 4; e = e.data ?? e.cause, depth += 1) {
    const code = typeof e.code === 'string' ? e.code : null;
    if (code && NETWORK_CODES.has(code)) return code;
    if (code?.startsWith('ERR_SSL_') || code?.startsWith('ERR_TLS_')) return code;
    if (typeof e.message === 'string') {
      const named = /\b(E[A-Z_]{4,}|ERR_(?:SSL|TLS)_[A-Z_]+)\b/.exec(e.message)?.[1];
      if (named && (NETWORK_CODES.has(named) || /^ERR_(SSL|TLS)_/.test(named))) return named;
    }
    if (typeof e.data !== 'object' && !(e.cause instanceof Error)) break;
  }
  return null;
}

/** After this many 515s in a row without an open, stop reconnecting instantly and back off. */
export const MAX_INSTANT_RESTARTS = 3;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random,
 * so a fleet of sessions dropped together does not reconnect in lock-step, yet
 * no delay collapses to zero.
 * @param {number} attempt 0 for the first retry after a drop
 * @param {() => number} [rng] returns [0, 1)
 * @param {{baseMs?: number, maxMs?: number}} [opts]
 * @returns {number} milliseconds
 */
export function backoffDelay(attempt, rng = Math.random, { baseMs = 1000, maxMs = 60_000 } = {}) {
  const n = Math.max(0, Math.floor(attempt));
  // 2 ** n overflows to Infinity quickly; Math.min keeps it at the cap.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(n, 30));
  const half = ceiling / 2;
  return Math.round(half + rng() * half);
}

/**
 * @typedef {object} CloseState  what the session knew when the connection closed
 * @property {string} status        status before the close
 * @property {number} qrCount       QRs shown in the current link attempt
 * @property {number} qrMax         QR cap
 * @property {number} attempt       backoff attempt counter
 * @property {number} restarts      consecutive 515s without an open in between
 * @property {boolean} conflictRetried  the one automatic 440 retry is used up
 * @property {boolean} [versionRetried]  the one retry after a 405/409 is used up
 * @property {{code: string|null, until: string|null}} [ban]  what WhatsApp said with a 402
 * @property {string} [engineReason]   what the engine knows beyond the code ('engine_error': it broke itself)
 * @property {string} [engineMessage]
 */

/**
 * @typedef {object} CloseDecision
 * @property {string} status            next session status
 * @property {string} reason            machine code
 * @property {string} message           sentence for people
 * @property {number|null} retryInMs    null: terminal, do not reconnect
 * @property {boolean} wipeAuth         the device is unlinked: delete the auth state
 * @property {boolean} [refreshVersion]  fetch the WhatsApp Web version again before reconnecting
 * @property {{attempt:number, restarts:number, conflictRetried:boolean, versionRetried?: boolean}} next  counters to keep
 */

/**
 * @param {number|null|undefined} code  Baileys close code (undefined for plain network errors)
 * @param {CloseState} state
 * @param {{rng?: () => number, baseMs?: number, maxMs?: number, conflictPauseMs?: number}} [opts]
 * @returns {CloseDecision}
 */
export function decideClose(code, state, opts = {}) {
  const { rng = Math.random, baseMs, maxMs, conflictPauseMs = 10_000 } = opts;
  const keep = { attempt: state.attempt, restarts: 0, conflictRetried: state.conflictRetried, versionRetried: state.versionRetried ?? false };
  const terminal = (status, reason, message, wipeAuth = false) => ({
    status, reason, message, retryInMs: null, wipeAuth, next: keep,
  });
  const backoff = (reason, message) => ({
    status: 'reconnecting',
    reason,
    message,
    retryInMs: backoffDelay(state.attempt, rng, { baseMs, maxMs }),
    wipeAuth: false,
    next: { ...keep, attempt: state.attempt + 1 },
  });

  if (code === CloseCode.restartRequired) return restartRequired(state, keep, backoff);

  // The engine itself broke (socket could not be built, creds could not be saved):
  // retrying would only repeat it, so the owner is told.
  if (state.engineReason === 'engine_error') {
    return terminal('failed', 'engine_error', `The WhatsApp connection failed: ${state.engineMessage || `code ${code}`}.`);
  }

  // The computer has no network: said as such, retried, and the session manager also
  // watches for the network to come back (network_watch.js) instead of waiting out a
  // long backoff.
  if (state.engineReason === 'network_unreachable') {
    return backoff('network_unreachable', NO_INTERNET);
  }

  // A link attempt that used up its QRs ends here whatever the socket said last
  // (Baileys closes with 408 when the QR refs run out).
  if ((state.status === 'qr' || state.status === 'pairing_code') && state.qrCount >= state.qrMax) {
    return terminal('failed', 'qr_timeout', state.status === 'pairing_code'
      ? 'The pairing code was not entered in time. Start linking again.'
      : 'The QR code was not scanned in time. Start linking again to get a new one.');
  }

  return byCode(code, state, { keep, terminal, backoff, conflictPauseMs });
}

/**
 * WhatsApp asked for a restart (515, e.g. right after a scan): at once, a few times in a row.
 * @param {CloseState} state @param {CloseDecision['next']} keep
 * @param {(reason: string, message: string) => CloseDecision} backoff
 * @returns {CloseDecision}
 */
function restartRequired(state, keep, backoff) {
  if (state.restarts >= MAX_INSTANT_RESTARTS) {
    return backoff('restart_required', 'WhatsApp keeps asking for a restart; reconnecting after a pause.');
  }
  const linking = state.status === 'qr' || state.status === 'pairing_code' || state.status === 'starting';
  return {
    status: linking ? 'starting' : 'reconnecting',
    reason: 'restart_required',
    message: linking
      ? 'Linked. Finishing set-up with WhatsApp.'
      : 'WhatsApp asked for a reconnect; reconnecting now.',
    retryInMs: 0,
    wipeAuth: false,
    next: { ...keep, restarts: state.restarts + 1 },
  };
}

/**
 * The decision a close code alone makes.
 * @param {number|null|undefined} code @param {CloseState} state
 * @param {{keep: CloseDecision['next'], conflictPauseMs: number,
 *   terminal: (status: string, reason: string, message: string, wipeAuth?: boolean) => CloseDecision,
 *   backoff: (reason: string, message: string) => CloseDecision}} how
 * @returns {CloseDecision}
 */
function byCode(code, state, { keep, terminal, backoff, conflictPauseMs }) {
  switch (code) {
    case CloseCode.loggedOut:
      return terminal('logged_out', 'logged_out',
        'This number was unlinked on the phone (Linked devices). Link it again with a new QR code.', true);
    case CloseCode.forbidden:
      return terminal('failed', 'forbidden',
        'WhatsApp refused this number (it may be banned or restricted). Check the WhatsApp app on the phone.');
    case CloseCode.temporarilyBanned:
    case CloseCode.banned:
    case CloseCode.outdatedVersion:
    case CloseCode.badUserAgent:
      return refusedClient(/** @type {number} */ (code), state, keep);
    case CloseCode.connectionReplaced:
      if (state.conflictRetried) {
        return terminal('conflict', 'replaced',
          'Another WhatsApp Web or desktop session is using this number. Close it, then start the number here again.');
      }
      return {
        status: 'reconnecting',
        reason: 'replaced',
        message: `Another WhatsApp Web or desktop session took over this number; trying once more in ${Math.round(conflictPauseMs / 1000)} s.`,
        retryInMs: conflictPauseMs,
        wipeAuth: false,
        next: { ...keep, conflictRetried: true },
      };
    case CloseCode.connectionClosed:
      return backoff('connection_lost', 'The connection to WhatsApp closed; reconnecting.');
    case CloseCode.timedOut:
      return backoff('timed_out', 'The connection to WhatsApp timed out; reconnecting.');
    case CloseCode.badSession:
      return backoff('bad_session', 'WhatsApp reported a bad session; reconnecting.');
    case CloseCode.unavailableService:
      return backoff('service_unavailable', 'WhatsApp is temporarily unavailable; reconnecting.');
    default:
      return backoff('connection_lost', code == null
        ? 'The network connection to WhatsApp was lost; reconnecting.'
        : `The connection to WhatsApp closed (code ${code}); reconnecting.`);
  }
}

/**
 * WhatsApp refused the number (402 banned for a while, 406 banned: final, never retried in
 * a loop) or the client (405 version, 409 user agent: fetch the latest WhatsApp Web version
 * and try once more, then fail).
 * @param {number} code @param {CloseState} state @param {CloseDecision['next']} keep
 * @returns {CloseDecision}
 */
function refusedClient(code, state, keep) {
  const failed = (/** @type {string} */ reason, /** @type {string} */ message) => ({
    status: 'failed', reason, message, retryInMs: null, wipeAuth: false, next: keep,
  });
  if (code === CloseCode.temporarilyBanned) return failed('temporarily_banned', temporaryBanSentence(state.ban));
  if (code === CloseCode.banned) {
    return failed('banned', 'WhatsApp has banned this number. Check the WhatsApp app on the phone; Jaga does not reconnect it by itself.');
  }
  if (state.versionRetried) {
    return failed('outdated_version',
      `WhatsApp rejected this client version again (code ${code}), also the latest one Jaga could find. Update Jaga, then start the number again.`);
  }
  return {
    status: 'reconnecting',
    reason: 'outdated_version',
    message: `WhatsApp refused this WhatsApp Web version (code ${code}); Jaga fetches the latest one and tries again.`,
    retryInMs: 0,
    wipeAuth: false,
    refreshVersion: true,
    next: { ...keep, versionRetried: true },
  };
}

/** WhatsApp's reasons for a temporary ban (<failure reason="402" code=…>, as whatsmeow names them). */
export const TEMPORARY_BAN_REASONS = Object.freeze({
  101: "you sent too many messages to people who don't have you in their address books",
  102: 'too many people blocked you',
  103: "you created too many groups with people who don't have you in their address books",
  104: 'you sent the same message to too many people',
  106: 'you sent too many messages to a broadcast list',
});

/**
 * The sentence for a 402, with WhatsApp's reason and the ban's end when it gave them.
 * @param {{code: string|null, until: string|null}|undefined} ban
 */
export function temporaryBanSentence(ban) {
  const why = ban?.code ? ` (reason ${ban.code}: ${TEMPORARY_BAN_REASONS[/** @type {keyof typeof TEMPORARY_BAN_REASONS} */ (Number(ban.code))] ?? 'not known to Jaga'})` : '';
  const until = ban?.until ? `; the ban ends at ${ban.until}` : '';
  return `WhatsApp has banned this number for a while${why}${until}. Jaga does not reconnect it by itself; start it again once the ban is over.`;
}
