// Only words reach the log from code that is not ours. libsignal prints whole session
// objects (root, chain and private keys) through console.info (libsignal
// src/session_record.js:273,281) and floods console.error on every Bad MAC
// (src/session_cipher.js:157-159); Baileys logs decoded stanzas and errors with their data.
// So: console.* goes through pino with its objects left out, Baileys gets a logger that
// keeps the sentence and a few named scalar fields, errors keep their type and message, and
// a line that repeats is counted instead of written again.

/** The same line (digits aside) at most this often per window; the rest is counted. */
export const REPEAT_MAX = 3;
export const REPEAT_WINDOW_MS = 60_000;
/** Lines longer than this are cut (a stack trace is enough at this length). */
const MAX_WORDS = 2000;
const MAX_KEYS = 500;

/** Fields of a library's log object that are words about a message, never key material. */
const SAFE_FIELDS = new Set([
  'id', 'msgId', 'messageId', 'jid', 'from', 'to', 'remoteJid', 'participant', 'recipient', 'type',
  'tag', 'attempt', 'attempts', 'retryCount', 'count', 'code', 'statusCode', 'reason', 'class', 'status',
  'category', 'offline', 'messageType', 'unavailableType', 'requestId', 'messageAge', 'enforcementType',
  'isSessionRecordError', 'length', 'level', 'version',
]);
const ERROR_FIELDS = new Set(['err', 'error', 'trace', 'ackErr']);

/** Lets a repeated line through a few times per window, then counts it. */
export class RepeatGate {
  /** @param {{max?: number, windowMs?: number, now?: () => number}} [opts] */
  constructor({ max = REPEAT_MAX, windowMs = REPEAT_WINDOW_MS, now = Date.now } = {}) {
    this.max = max;
    this.windowMs = windowMs;
    this.now = now;
    /** @type {Map<string, {start: number, count: number, left_out: number}>} */
    this.seen = new Map();
  }

  /**
   * Whether a line with these words may be written, and how many like it were left out
   * in the window before.
   * @param {string} words
   * @returns {{pass: boolean, leftOut: number}}
   */
  pass(words) {
    const key = words.replace(/\d+/g, '#').slice(0, 200);
    const now = this.now();
    let entry = this.seen.get(key);
    let leftOut = 0;
    if (!entry || now - entry.start >= this.windowMs) {
      leftOut = entry?.left_out ?? 0;
      entry = { start: now, count: 0, left_out: 0 };
      this.seen.delete(key);
      this.seen.set(key, entry);
      if (this.seen.size > MAX_KEYS) this.seen.delete(/** @type {string} */ (this.seen.keys().next().value));
    }
    entry.count += 1;
    if (entry.count > this.max) {
      entry.left_out += 1;
      return { pass: false, leftOut: 0 };
    }
    return { pass: true, leftOut };
  }
}

/** @param {unknown} err @returns {{type: string, message: string}} */
function errorWords(err) {
  const e = /** @type {any} */ (err);
  const message = typeof e?.message === 'string' ? e.message : String(e);
  return { type: typeof e?.name === 'string' ? e.name : 'Error', message: message.slice(0, MAX_WORDS) };
}

/**
 * The words of console arguments: strings and numbers as they are, an error as its type
 * and message, anything else (a session object, a Buffer, a stanza) left out.
 * @param {unknown[]} args
 */
export function consoleWords(args) {
  const words = args.map((a) => {
    if (typeof a === 'string') return a;
    if (typeof a === 'number' || typeof a === 'boolean' || typeof a === 'bigint') return String(a);
    if (a === null || a === undefined) return String(a);
    if (a instanceof Error) {
      const { type, message } = errorWords(a);
      return `${type}: ${message}`;
    }
    return '[object left out]';
  });
  return words.join(' ').slice(0, MAX_WORDS);
}

/**
 * The scalar, named fields of a library's log object; errors as their type and message.
 * @param {unknown} obj
 * @returns {Record<string, unknown>}
 */
export function safeFields(obj) {
  if (obj instanceof Error) return { err: errorWords(obj) };
  if (!obj || typeof obj !== 'object') return {};
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(obj)) {
    if (ERROR_FIELDS.has(key) && value && typeof value === 'object') {
      out[key] = errorWords(value);
    } else if (SAFE_FIELDS.has(key) || ERROR_FIELDS.has(key)) {
      if (typeof value === 'string') out[key] = value.slice(0, 200);
      else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    }
  }
  return out;
}

/**
 * pino's `err` serializer for the bridge's own logger: type, message, code, status and
 * stack; never an error's attached data (a Boom's `data` can be a whole stanza).
 * @param {unknown} err
 */
export function serializeError(err) {
  if (!err || typeof err !== 'object') return err;
  const e = /** @type {any} */ (err);
  const out = /** @type {Record<string, unknown>} */ ({ ...errorWords(e) });
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  const status = e.output?.statusCode ?? e.statusCode ?? e.status;
  if (typeof status === 'number') out.statusCode = status;
  if (typeof e.stack === 'string') out.stack = e.stack.slice(0, 4000);
  return out;
}

const CONSOLE_LEVELS = /** @type {const} */ ({
  log: 'info', info: 'info', debug: 'debug', trace: 'debug', warn: 'warn', error: 'error', dir: 'debug',
});

/**
 * Sends console.* through the logger, words only, repeats counted.
 * @param {import('pino').Logger} log
 * @param {RepeatGate} [gate]
 * @returns {() => void} puts the console back (tests)
 */
export function guardConsole(log, gate = new RepeatGate()) {
  const target = log.child({ source: 'console' });
  const saved = /** @type {Record<string, any>} */ ({});
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    saved[method] = /** @type {any} */ (console)[method];
    /** @type {any} */ (console)[method] = (/** @type {unknown[]} */ ...args) => {
      const words = consoleWords(args);
      const { pass, leftOut } = gate.pass(words);
      if (!pass) return;
      target[level](leftOut ? { repeated_left_out: leftOut } : {}, words);
    };
  }
  return () => Object.assign(console, saved);
}

/**
 * A logger for Baileys (its ILogger: level, child, trace…fatal with pino's (obj, msg)
 * arguments) that writes the sentence and the safe fields only.
 * @param {import('pino').Logger} target
 * @param {RepeatGate} [gate]
 */
export function libraryLogger(target, gate = new RepeatGate()) {
  /** @param {unknown} obj @param {unknown} msg */
  const write = (level, obj, msg) => {
    if (!target.isLevelEnabled(level)) return;
    const words = typeof obj === 'string' ? obj : typeof msg === 'string' ? msg : '';
    const fields = typeof obj === 'string' ? {} : safeFields(obj);
    const { pass, leftOut } = gate.pass(`${level} ${words}`);
    if (!pass) return;
    /** @type {any} */ (target)[level]({ ...fields, ...(leftOut ? { repeated_left_out: leftOut } : {}) }, words);
  };
  const logger = {
    get level() {
      return target.level;
    },
    set level(value) {
      target.level = value;
    },
    /** @param {unknown} bindings */
    child: (bindings) => libraryLogger(target.child(safeFields(bindings)), gate),
  };
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) {
    /** @type {any} */ (logger)[level] = (/** @type {unknown} */ obj, /** @type {unknown} */ msg) => write(level, obj, msg);
  }
  return logger;
}
