// The real engine's code (Baileys, 60 MiB) is loaded when a number first needs it, not at
// the bridge's start: a bridge with only sim numbers, or none yet, never carries it; and a
// real number still starts on a bridge that has not loaded it yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually, harness } from '../helpers.js';

const HOOK = fileURLToPath(new URL('../fixtures/record_loads.mjs', import.meta.url));

/** @param {string} file */
const baileysLoaded = (file) => fs.existsSync(file)
  && fs.readFileSync(file, 'utf8').split('\n').some((url) => url.includes('/@whiskeysockets/baileys/'));

// Seen failing against auth_db.js importing Baileys for BufferJSON: loaded at start.
test('a bridge with no number, then a sim number, has not loaded Baileys; a baileys number loads it and starts', async (t) => {
  const h = harness(t);
  const dir = h.tempDir();
  const loads = path.join(dir, 'loads.txt');
  const b = await h.start({ env: { NODE_OPTIONS: `--import=${HOOK}`, JAGA_TEST_LOADS: loads } });
  assert.ok(b.readyInfo.engines.includes('baileys'), 'the real engine is offered');
  assert.ok(fs.readFileSync(loads, 'utf8').includes('/src/main.js'), 'the hook records loads');
  await b.linkedSession('shop');
  assert.equal(baileysLoaded(loads), false);
  // The routes' schemas are checked by server/schemas.js: fastify's schema compilers (ajv,
  // fast-json-stringify's) stay unloaded. Seen failing against fastify's default validator
  // compiler (buildValidator left out of server/app.js).
  const compiler = /\/ajv\/|\/fast-json-stringify\/index\.js|\/@fastify\/(ajv-compiler|fast-json-stringify-compiler)\//;
  const compilers = fs.readFileSync(loads, 'utf8').split('\n').filter((url) => compiler.test(url));
  assert.deepEqual(compilers, []);

  // Nothing listens here: the engine loads, the session starts and then waits to reconnect.
  const put = await b.api('PUT', '/sessions/real', {
    engine: 'baileys', options: { ws_url: 'ws://127.0.0.1:9/ws/chat', backoff_base_ms: 50, backoff_max_ms: 200 },
  });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.engine, 'baileys');
  assert.ok(baileysLoaded(loads));
  await eventually(async () => {
    const s = (await b.api('GET', '/sessions/real')).body;
    return s.status === 'reconnecting' || s.status === 'qr';
  }, { what: 'the baileys session tried to connect' });
});
