// The WhatsApp Web version the real engine announces: rc14's built-in one
// (Defaults/index.js:5) unless a fetched one is newer; fetched at the first connect of a run
// with a short timeout, cached in bridge.sqlite3, fetched again after a 405/409. The fetcher
// is injected: no test reaches web.whatsapp.com.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { DEFAULT_CONNECTION_CONFIG } from '@whiskeysockets/baileys';
import { Store } from '../../../src/storage/store.js';
import { BUILT_IN_VERSION, FETCH_TIMEOUT_MS, VERSION_KEY, WaVersions, newer } from '../../../src/engines/baileys/versions.js';
import { managedBaileys } from './baileys_manager.js';
import { eventually } from '../../helpers.js';

const log = pino({ level: 'silent' });
const later = [BUILT_IN_VERSION[0], BUILT_IN_VERSION[1], BUILT_IN_VERSION[2] + 1000];
const earlier = [BUILT_IN_VERSION[0], BUILT_IN_VERSION[1], BUILT_IN_VERSION[2] - 1000];

function store(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-wa-version-'));
  const s = new Store(dir, log);
  t.after(() => {
    s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { s, dir };
}

/** A fetcher in the shape of rc14's fetchLatestWaWebVersion (Utils/generics.js:218-258). */
function fetcher(answers) {
  const calls = [];
  const fetch = async (timeoutMs) => {
    calls.push(timeoutMs);
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof Error) return { version: [...DEFAULT_CONNECTION_CONFIG.version], isLatest: false, error: next };
    return { version: next, isLatest: true };
  };
  return { fetch, calls };
}

test('a newer fetched version is used and kept; an older one or none leaves the built-in one; once per run', async (t) => {
  const { s, dir } = store(t);
  assert.deepEqual(BUILT_IN_VERSION, DEFAULT_CONNECTION_CONFIG.version);
  const f = fetcher([later]);
  const v = new WaVersions({ meta: s.meta, log, fetch: f.fetch });
  assert.deepEqual(v.current(), BUILT_IN_VERSION);
  assert.deepEqual(await v.refresh(), later);
  assert.deepEqual(f.calls, [FETCH_TIMEOUT_MS], 'a short timeout');
  assert.ok(FETCH_TIMEOUT_MS <= 5000);
  assert.deepEqual(await v.refresh(), later);
  assert.equal(f.calls.length, 1, 'once per run');
  assert.deepEqual(s.meta.get(VERSION_KEY).version, later, 'kept in bridge.sqlite3');

  // An offline start: the next run cannot fetch; the cached one serves.
  s.close();
  const again = new Store(dir, log);
  t.after(() => again.close());
  const offline = fetcher([new Error('getaddrinfo ENOTFOUND web.whatsapp.com')]);
  const v2 = new WaVersions({ meta: again.meta, log, fetch: offline.fetch });
  assert.deepEqual(await v2.refresh(), later);
  const thrown = new WaVersions({ meta: again.meta, log, fetch: async () => { throw new Error('boom'); } });
  assert.deepEqual(await thrown.refresh(), later);

  // Older than rc14's (a stale answer): never below the built-in one.
  again.meta.set(VERSION_KEY, { version: earlier });
  assert.deepEqual(new WaVersions({ meta: again.meta, log }).current(), BUILT_IN_VERSION);
  assert.equal(newer(later, BUILT_IN_VERSION), true);
  assert.equal(newer(BUILT_IN_VERSION, BUILT_IN_VERSION), false);
});

test('the first socket announces the fetched version; a 405 fetches again and retries once; a second 405 fails', async (t) => {
  // Seen failing against main: the socket always announced rc14's built-in version and a 405
  // failed the number at once.
  const f = fetcher([later, [...later.slice(0, 2), later[2] + 7]]);
  const env = await managedBaileys(t, { fetchVersion: f.fetch });
  const sock = await env.connect();
  assert.deepEqual(sock.config.version, later);
  assert.equal(f.calls.length, 1);
  env.fail(sock, 405);
  const next = await env.nextSocket();
  assert.deepEqual(next.config.version, [...later.slice(0, 2), later[2] + 7], 'fetched again before the retry');
  const s = env.manager.get('acc');
  assert.deepEqual([s.status, s.reason], ['reconnecting', 'outdated_version']);
  env.fail(next, 405);
  await eventually(() => env.manager.get('acc').status === 'failed', { what: 'failed' });
  assert.equal(env.manager.get('acc').reason, 'outdated_version');
  assert.equal(env.fake.made.length, 2, 'no third try');
});

test('a 409 is handled like a 405; a connection that opened earns a new retry', async (t) => {
  const f = fetcher([later]);
  const env = await managedBaileys(t, { fetchVersion: f.fetch });
  const sock = await env.connect();
  env.fail(sock, 409);
  const next = await env.nextSocket();
  next.ev.emit('connection.update', { connection: 'open' });
  await eventually(() => env.manager.get('acc').status === 'connected', { what: 'connected again' });
  env.fail(next, 409);
  const third = await env.nextSocket();
  assert.equal(f.calls.length, 3, 'each 409 fetched the version again');
  env.fail(third, 409);
  await eventually(() => env.manager.get('acc').status === 'failed', { what: 'failed' });
});

test('402 with ban details and 406 are final: failed, in words, no reconnect', async (t) => {
  const env = await managedBaileys(t);
  const sock = await env.connect();
  const before = Date.now();
  // <failure reason="402" code="104" expire="7200"/> (whatsmeow: TempBanSentTooManySameMessage)
  env.fail(sock, 402, { code: '104', expire: '7200' });
  await eventually(() => env.manager.get('acc').status === 'failed', { what: 'failed' });
  const s = env.manager.get('acc').view();
  assert.equal(s.reason, 'temporarily_banned');
  const until = Date.parse(/the ban ends at (\S+)\./.exec(s.message)[1]);
  assert.ok(until >= before + 7_200_000 && until <= Date.now() + 7_200_000);
  assert.match(s.message, /^WhatsApp has banned this number for a while \(reason 104: you sent the same message to too many people\); the ban ends at /);
  assert.equal(env.manager.get('acc').retryTimer, undefined, 'no reconnect is planned');
  assert.equal(env.fake.made.length, 1);

  const other = await managedBaileys(t);
  other.fail(await other.connect(), 406);
  await eventually(() => other.manager.get('acc').status === 'failed', { what: 'failed' });
  assert.equal(other.manager.get('acc').reason, 'banned');
});
