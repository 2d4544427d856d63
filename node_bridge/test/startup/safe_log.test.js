// Key material never reaches a log: what libsignal prints (the real library), what Baileys
// logs, and the bridge process as the app runs it (its output is what the app copies into
// bridge.log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino from 'pino';
import { RepeatGate, guardConsole, libraryLogger, serializeError } from '../../src/startup/safe_log.js';
import { harness, eventually } from '../helpers.js';
import { PLANTED_KEYS, plantedKeysIn } from '../planted_keys.js';

const require = createRequire(import.meta.url);
// Baileys' signal library itself (node_modules/libsignal, required by @whiskeysockets/baileys).
const SessionRecord = require('libsignal/src/session_record');
const { ProtocolAddress, SessionCipher } = require('libsignal');

/** A pino logger writing into an array of lines. */
function memoryLog(level = 'debug') {
  const lines = [];
  const log = pino({ level, serializers: { err: serializeError } },
    new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) }));
  return { log, lines, text: () => lines.join('') };
}

/** A SessionEntry of the real library holding the planted keys. */
function plantedEntry() {
  const Entry = SessionRecord.createEntry().constructor;
  const b64 = (hex) => Buffer.from(hex, 'hex').toString('base64');
  return Entry.deserialize({
    registrationId: 77,
    currentRatchet: {
      ephemeralKeyPair: { pubKey: b64('05'.repeat(33)), privKey: b64(PLANTED_KEYS.private) },
      lastRemoteEphemeralKey: b64('06'.repeat(33)),
      previousCounter: 0,
      rootKey: b64(PLANTED_KEYS.root),
    },
    indexInfo: { baseKey: b64('07'.repeat(33)), baseKeyType: 1, closed: -1, used: 1, created: 1, remoteIdentityKey: b64('08'.repeat(33)) },
    _chains: { [b64('09'.repeat(33))]: { chainKey: { counter: 0, key: b64(PLANTED_KEYS.chain) }, chainType: 1, messageKeys: {} } },
  });
}

test('libsignal closing and opening a session prints words only (its own console.info, session_record.js:273,281)', (t) => {
  // Seen failing against main: without guardConsole, console.info printed the SessionEntry
  // through util.inspect, rootKey/privKey/chain key bytes included (<Buffer 9f 1c 2e ...>).
  const { log, text } = memoryLog();
  const restore = guardConsole(log);
  t.after(restore);
  const record = new SessionRecord();
  const entry = plantedEntry();
  record.setSession(entry);
  record.closeSession(entry);
  record.openSession(entry);
  record.closeSession(entry);
  record.closeSession(entry); // "Session already closed", session (line 270)
  restore();
  assert.match(text(), /Closing session: \[object left out\]/);
  assert.match(text(), /Opening session: \[object left out\]/);
  assert.deepEqual(plantedKeysIn(text()), []);
  assert.ok(plantedKeysIn(require('node:util').inspect(entry)).length > 0, 'the planted keys are in what libsignal hands to console.info');
});

test('a flood of decrypt failures (session_cipher.js:157-159) is counted, not repeated', async (t) => {
  let now = 1_000_000;
  const { log, lines } = memoryLog();
  const restore = guardConsole(log, new RepeatGate({ now: () => now }));
  t.after(restore);
  // The real library's failure path: no session can decrypt garbage.
  const storage = { loadSession: async () => { const r = new SessionRecord(); r.setSession(plantedEntry()); return r; }, storeSession: async () => {} };
  const cipher = new SessionCipher(storage, new ProtocolAddress('628111', 0));
  for (let i = 0; i < 40; i += 1) {
    await assert.rejects(cipher.decryptWhisperMessage(Buffer.alloc(60, i)));
  }
  const failures = () => lines.filter((l) => l.includes('Failed to decrypt message with any known session')).length;
  assert.equal(failures(), 3, 'three lines a minute, then counted');
  now += 60_000;
  await assert.rejects(cipher.decryptWhisperMessage(Buffer.alloc(60, 99)));
  const last = JSON.parse(lines.filter((l) => l.includes('Failed to decrypt')).at(-1));
  assert.equal(last.repeated_left_out, 37, 'the next minute says how many were left out');
  restore();
  assert.deepEqual(plantedKeysIn(lines.join('')), []);
});

test("Baileys' logger keeps the sentence and named scalars; objects, buffers and error data stay out", () => {
  const { log, lines } = memoryLog('info');
  const lib = libraryLogger(log.child({ component: 'baileys-lib' }));
  const key = Buffer.from(PLANTED_KEYS.private, 'hex');
  const boom = Object.assign(new Error('Connection Failure'), { output: { statusCode: 402 }, data: { privKey: key } });
  // Shapes Baileys uses (messages-recv.js: logger.error({ error, node }, ...), logger.warn({ attrs }, ...)).
  lib.error({ error: boom, node: { tag: 'enc', content: key } }, 'error in handling message');
  lib.warn({ msgId: '3EB0ABC', from: '628111@s.whatsapp.net', attrs: { key: PLANTED_KEYS.root } }, 'error 463');
  lib.info(`plain words`);
  lib.debug({ key }, 'below the level: not even looked at');
  lib.child({ class: 'socket', secret: key }).warn({ count: 2 }, 'from a child');
  const records = lines.map((l) => JSON.parse(l));
  assert.deepEqual(records.map((r) => r.msg), ['error in handling message', 'error 463', 'plain words', 'from a child']);
  assert.deepEqual(records[0].error, { type: 'Error', message: 'Connection Failure' });
  assert.equal(records[0].node, undefined);
  assert.equal(records[1].msgId, '3EB0ABC');
  assert.equal(records[1].attrs, undefined);
  assert.equal(records[3].class, 'socket');
  assert.equal(records[3].secret, undefined);
  assert.equal(lib.level, 'info');
  assert.deepEqual(plantedKeysIn(lines.join('')), []);
});

test("the bridge's own error lines carry no error data (a Boom's data can be a stanza)", () => {
  const { log, lines } = memoryLog('info');
  const err = Object.assign(new Error('bad'), { code: 'E1', output: { statusCode: 500 }, data: { key: Buffer.from(PLANTED_KEYS.chain, 'hex') } });
  log.error({ err }, 'failed');
  const record = JSON.parse(lines[0]);
  assert.equal(record.err.message, 'bad');
  assert.equal(record.err.code, 'E1');
  assert.equal(record.err.statusCode, 500);
  assert.equal(record.err.data, undefined);
  assert.deepEqual(plantedKeysIn(lines.join('')), []);
});

test('the bridge process: a contact device change prints no key, and Bad MAC floods are counted', async (t) => {
  // Seen failing against main: the bridge had no console guard; the sim's libsignal model
  // (like libsignal itself) printed the session with console.info, keys and all, on stdout.
  const h = harness(t);
  const bridge = await h.start();
  await bridge.linkedSession('acc-1');
  const res = await bridge.api('POST', '/sim/sessions/acc-1/device-change', { keys: PLANTED_KEYS, bad_mac: 25 });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const closing = await eventually(() => bridge.logLines().find((l) => l.msg === 'Closing session: [object left out]'),
    { what: 'the closing line in the log' });
  assert.equal(closing.source, 'console');
  const output = bridge.stdout + bridge.stderr;
  assert.deepEqual(plantedKeysIn(output), []);
  assert.equal(bridge.stdout.split('\n').filter(Boolean).length, 1, 'stdout carries the READY line only');
  const failures = bridge.logLines().filter((l) => l.msg === 'Failed to decrypt message with any known session...');
  assert.equal(failures.length, 3);
});
