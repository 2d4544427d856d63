// The start-up contract, against the real process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { harness, sleep } from './helpers.js';

test('prints one READY line with port, pid, boot id, version, engines and limits; logs are JSON on stderr', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const info = b.readyInfo;
  assert.equal(info.pid, b.pid);
  assert.match(info.boot_id, /^[0-9a-f-]{36}$/);
  assert.equal(info.version, JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  assert.ok(info.engines.includes('sim'));
  assert.ok(info.port > 0);
  const health = await b.api('GET', '/health');
  assert.equal(health.status, 200);
  assert.equal(health.body.boot_id, info.boot_id);
  assert.ok(health.body.rss_bytes > 0);
  assert.equal(health.body.sessions.connected, 0);
  assert.equal(health.body.durable_pending, 0);
  // One source for each limit: the app validates against what the bridge publishes.
  // Safe sending's defaults are published too (pacing/rules.js): the real engine paces, the sim not.
  const pacing = { min_gap_ms: 4000, jitter_ms: 3000, new_contacts_per_day: 50, pace_sim: false, typing: true, typing_sim: false };
  const limits = { text_max_utf16: 60000, body_max_bytes: 65536, client_id_max: 128, batch_max_messages: 100, batch_body_max_bytes: 1048576,
    media_max_file_bytes: 64 * 1024 * 1024, media_max_total_bytes: 2 * 1024 * 1024 * 1024, pacing }; // media: the defaults
  assert.deepEqual(info.limits, limits);
  assert.deepEqual(health.body.limits, limits);

  await b.closeStdin();
  assert.equal(b.stdout.split('\n').filter(Boolean).length, 1, 'stdout holds the READY line only');
  const lines = b.logLines(); // throws if a line is not JSON
  assert.ok(lines.some((l) => l.msg === 'bridge ready'));
  assert.ok(!b.stderr.includes(b.token), 'the token never reaches the logs');
});

test('exits 0 when stdin closes, releasing the lock and closing the database', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const { code } = await b.closeStdin();
  assert.equal(code, 0);
  assert.equal(fs.existsSync(path.join(b.dataDir, 'bridge.lock')), false);
  assert.equal(fs.existsSync(path.join(b.dataDir, 'bridge.sqlite3-wal')) && fs.statSync(path.join(b.dataDir, 'bridge.sqlite3-wal')).size > 0, false,
    'WAL folded back on a clean exit');
});

test('POST /shutdown answers 202 and exits 0; SIGTERM exits 0 too', async (t) => {
  const h = harness(t);
  const a = await h.start();
  const res = await a.api('POST', '/shutdown');
  assert.equal(res.status, 202);
  assert.deepEqual(res.body, { status: 'shutting_down' });
  assert.equal((await a.exited).code, 0);

  const b = await h.start();
  b.proc.kill('SIGTERM');
  assert.equal((await b.exited).code, 0);
});

test('a second bridge on the same data folder says why and exits 78; the first keeps running', async (t) => {
  const h = harness(t);
  const first = await h.start();
  const second = h.spawn({ dataDir: first.dataDir });
  const { code } = await second.exited;
  assert.equal(code, 78);
  assert.match(second.stderr, new RegExp(`in use by another bridge \\(pid ${first.pid}`));
  assert.equal(second.stdout, '', 'no READY line');
  assert.equal((await first.api('GET', '/health')).status, 200);
});

test('a lock left by a dead bridge is taken over', async (t) => {
  const h = harness(t);
  const dir = h.tempDir();
  const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
  fs.writeFileSync(path.join(dir, 'bridge.lock'), JSON.stringify({ pid: dead }));
  const b = await h.start({ dataDir: dir });
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'bridge.lock'), 'utf8')).pid, b.pid);
});

test('a bridge killed with -9 leaves a stale lock that the next one takes over', async (t) => {
  const h = harness(t);
  const first = await h.start();
  await first.kill('SIGKILL');
  assert.ok(fs.existsSync(path.join(first.dataDir, 'bridge.lock')));
  const second = await h.start({ dataDir: first.dataDir });
  assert.notEqual(second.bootId, first.bootId);
});

test('non-loopback host and missing token are configuration errors (exit 78)', async (t) => {
  const h = harness(t);
  const open = h.spawn({ env: { JAGA_BRIDGE_HOST: '0.0.0.0' } });
  assert.equal((await open.exited).code, 78);
  assert.match(open.stderr, /only listens on 127\.0\.0\.1/);
  const noToken = h.spawn({ token: '' });
  assert.equal((await noToken.exited).code, 78);
  assert.match(noToken.stderr, /JAGA_BRIDGE_TOKEN/);
});

test('shutdown with live sessions and an open event stream still exits promptly', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('s1');
  const events = await b.events();
  const started = Date.now();
  await sleep(10);
  const { code } = await b.closeStdin();
  assert.equal(code, 0);
  assert.ok(Date.now() - started < 3000, 'well inside the supervisor\'s 5 s grace');
  await events.next(() => false, 2000).catch(() => {});
  assert.equal(events.ended, true, 'the event stream was ended by the bridge');
});
