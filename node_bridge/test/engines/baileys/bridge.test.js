// The real bridge process (src/main.js) running a `baileys` session whose ws_url points at
// a local endpoint that never lets it connect. Nothing reaches WhatsApp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { WebSocketServer } from 'ws';
import { eventually, harness } from '../../helpers.js';

const BACKOFF = { backoff_base_ms: 50, backoff_max_ms: 200 };

/** A WebSocket endpoint that accepts each connection and closes it at once; logs attempt times. */
async function slammingWsServer(t) {
  const attempts = [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', ws => {
    attempts.push(Date.now());
    ws.close();
  });
  await new Promise(resolve => wss.on('listening', resolve));
  t.after(() => wss.close());
  return { url: `ws://127.0.0.1:${wss.address().port}/ws/chat`, attempts };
}

/** A TCP endpoint that accepts and never answers the WebSocket upgrade. */
async function silentTcpServer(t) {
  const attempts = [];
  const sockets = new Set();
  const server = net.createServer(s => {
    attempts.push(Date.now());
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
    s.resume();
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  return { url: `ws://127.0.0.1:${server.address().port}/ws/chat`, attempts, sockets };
}

/** Gaps between consecutive attempts, in ms. */
const gaps = attempts => attempts.slice(1).map((t, i) => t - attempts[i]);

async function expectReconnectLoop(t, endpoint, { reason, connectTimeoutMs }) {
  const h = harness(t);
  const bridge = await h.start({ simControl: false });
  assert.ok(bridge.readyInfo.engines.includes('baileys'));
  const events = await bridge.events();

  const put = await bridge.api('PUT', '/sessions/acc-1', {
    engine: 'baileys',
    options: { ws_url: endpoint.url, connect_timeout_ms: connectTimeoutMs, ...BACKOFF },
  });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.engine, 'baileys');

  await events.status('acc-1', 'reconnecting', 5000);
  // Several attempts reach the endpoint: backoff ceilings 50 → 100 → 200 (cap), half of each fixed.
  await eventually(() => endpoint.attempts.length >= 4, { timeoutMs: 10_000, what: 'four attempts' });

  const snap = await bridge.api('GET', '/sessions');
  assert.equal(snap.status, 200);
  const s = snap.body.sessions.find(x => x.id === 'acc-1');
  assert.equal(s.status, 'reconnecting', JSON.stringify(s));
  assert.equal(s.reason, reason);
  assert.equal(s.me, null);
  assert.equal(typeof s.message, 'string');

  const trail = events.statusTrail('acc-1');
  assert.equal(trail[0], 'starting');
  assert.ok(trail.includes(`reconnecting/${reason}`), trail.join(' → '));
  assert.ok(!trail.some(x => x.startsWith('connected') || x.startsWith('failed') || x.startsWith('qr')), trail.join(' → '));

  // The engine really retried, with growing pauses (equal-jitter backoff: at least half the
  // ceiling each time), and not in a tight loop.
  const g = gaps(endpoint.attempts);
  assert.ok(endpoint.attempts.length >= 4, `attempts: ${endpoint.attempts.length}`);
  assert.ok(g[0] >= 25, `first pause ${g[0]} ms`);
  assert.ok(g.slice(2).every(x => x >= 100), `later pauses ${g.join(', ')} ms`);

  // The bridge is alive and well.
  const health = await bridge.api('GET', '/health');
  assert.equal(health.status, 200);
  assert.equal(bridge.proc.exitCode, null);
  const fatal = bridge.logLines().filter(l => l.level >= 60 || /uncaught|unhandled/i.test(l.msg ?? ''));
  assert.deepEqual(fatal, []);

  // Stopping ends the loop: no further attempts reach the endpoint.
  const del = await bridge.api('DELETE', '/sessions/acc-1');
  assert.equal(del.status, 200);
  assert.equal(del.body.status, 'stopped');
  const count = endpoint.attempts.length;
  await bridge.timersPast(400); // a retry (backoff up to 200 ms) would have reached it by now
  assert.equal(endpoint.attempts.length, count, 'no attempt after stop');
  return { bridge, h };
}

test('bridge + baileys session against a server that slams the door: reconnecting/connection_lost with backoff', async t => {
  const endpoint = await slammingWsServer(t);
  await expectReconnectLoop(t, endpoint, { reason: 'connection_lost', connectTimeoutMs: 300 });
});

test('bridge + baileys session against a server that never answers: reconnecting/timed_out, sockets released', async t => {
  const endpoint = await silentTcpServer(t);
  await expectReconnectLoop(t, endpoint, { reason: 'timed_out', connectTimeoutMs: 150 });
  assert.equal(endpoint.sockets.size, 0, 'no socket left open after stop');
});

test('bridge restart with unreadable baileys creds: failed/auth_corrupt, rows quarantined, nothing replaced', async t => {
  const endpoint = await slammingWsServer(t);
  const h = harness(t);
  const dataDir = h.tempDir();
  const options = { ws_url: endpoint.url, connect_timeout_ms: 300, ...BACKOFF };

  const first = await h.start({ dataDir, simControl: false });
  assert.equal((await first.api('PUT', '/sessions/acc-1', { engine: 'baileys', options })).status, 200);
  await first.waitSession('acc-1', s => s.status === 'reconnecting');
  assert.equal((await first.closeStdin()).code, 0);

  // Fresh creds were stored on the first connect; now the disk goes bad under them.
  const db = new DatabaseSync(path.join(dataDir, 'bridge.sqlite3'));
  assert.equal(db.prepare("SELECT count(*) AS n FROM wa_auth_creds WHERE session_id = 'acc-1'").get().n, 1);
  db.prepare("UPDATE wa_auth_creds SET data = 'not json at all' WHERE session_id = 'acc-1'").run();
  db.close();

  const second = await h.start({ dataDir, simControl: false });
  const attemptsBefore = endpoint.attempts.length;
  assert.equal((await second.api('PUT', '/sessions/acc-1', { engine: 'baileys', options })).status, 200);
  const s = await second.waitSession('acc-1', x => x.status === 'failed');
  assert.equal(s.reason, 'auth_corrupt');
  await second.timersPast(300); // a connect or retry would have reached it by now
  assert.equal(endpoint.attempts.length, attemptsBefore, 'no socket was opened with unreadable creds');

  const qdir = path.join(dataDir, 'quarantine');
  const files = fs.readdirSync(qdir).filter(f => f.endsWith('.json'));
  assert.equal(files.length, 1);
  const doc = JSON.parse(fs.readFileSync(path.join(qdir, files[0]), 'utf8'));
  assert.equal(doc.session_id, 'acc-1');
  assert.equal(doc.creds, 'not json at all');
  assert.match(doc.reason, /not valid JSON/);
  assert.equal((await second.api('GET', '/health')).status, 200);
});
