// The real Baileys socket against local endpoints that misbehave the way networks do.
// Nothing here reaches WhatsApp: every ws_url points at 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Writable } from 'node:stream';
import pino from 'pino';
import { WebSocketServer } from 'ws';
import { initAuthCreds } from '@whiskeysockets/baileys';
import { AuthDb } from '../../../src/storage/auth_db.js';
import { createConnection } from '../../../src/engines/baileys/index.js';

/** Close codes the session manager retries with backoff (design.md, "Close codes"). */
const TRANSIENT = new Set([408, 428, 500, 503]);

function setup(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jaga-baileys-net-'));
  const db = new DatabaseSync(path.join(dir, 'bridge.sqlite3'));
  db.exec('PRAGMA journal_mode = WAL');
  t.after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const lines = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) }));
  // Anything escaping the engine would surface here instead of crashing the test process.
  const escaped = [];
  const onEscape = err => escaped.push(err);
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
  t.after(() => {
    process.off('unhandledRejection', onEscape);
    process.off('uncaughtException', onEscape);
  });
  return { authDb: new AuthDb(db, { quarantineDir: path.join(dir, 'quarantine') }), log, lines, escaped };
}

/** Records every callback of one connection. */
function recorder() {
  const calls = { qr: [], open: [], close: [], activity: 0, messageIn: [], ack: [] };
  let onClose = () => {};
  const closed = new Promise(resolve => (onClose = resolve));
  const on = {
    qr: q => calls.qr.push(q),
    open: me => calls.open.push(me),
    close: info => {
      calls.close.push(info);
      onClose(info);
    },
    activity: () => calls.activity++,
    messageIn: m => calls.messageIn.push(m),
    ack: a => calls.ack.push(a),
  };
  return { calls, on, closed };
}

async function listen(server) {
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return server.address().port;
}

/** A TCP server that accepts and never says a word; tracks its open sockets. */
async function silentTcpServer(t) {
  const sockets = new Set();
  const server = net.createServer(s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    s.resume(); // read and drop the upgrade request, so the client's FIN is seen
  });
  const port = await listen(server);
  t.after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  return { port, sockets };
}

/** A WebSocket server; `onConnection` decides what each accepted socket gets. */
async function wsServer(t, onConnection) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', onConnection);
  await new Promise(resolve => wss.on('listening', resolve));
  t.after(() => {
    for (const c of wss.clients) c.terminate();
    wss.close();
  });
  return { port: wss.address().port, wss };
}

/** Waits a little longer to prove nothing else is reported after the close. */
const settle = ms => new Promise(resolve => setTimeout(resolve, ms));

async function expectTransientClose(t, ctx, url, { linked = false, reason } = {}) {
  const auth = ctx.authDb.forSession('acc-1');
  if (linked) {
    // Creds of a linked device: the socket tries to log in (and buffers events) instead of pairing.
    auth.writeCreds({ ...initAuthCreds(), me: { id: '628123456789:5@s.whatsapp.net', name: 'Toko' }, account: { details: Buffer.alloc(8) } });
  }
  const rec = recorder();
  const started = Date.now();
  let conn;
  assert.doesNotThrow(() => {
    conn = createConnection({ sessionId: 'acc-1', options: { ws_url: url, connect_timeout_ms: 400 }, log: ctx.log, auth, on: rec.on });
  });
  assert.equal(typeof conn.close, 'function');
  const info = await rec.closed;
  const elapsed = Date.now() - started;
  await settle(300);
  assert.equal(rec.calls.close.length, 1, 'close reported exactly once');
  assert.ok(TRANSIENT.has(info.code), `transient close code, got ${JSON.stringify(info)}`);
  assert.equal(typeof info.message, 'string');
  assert.equal(info.reason, reason, reason ? `the cause is named: ${reason}` : 'a close from the peer carries no local reason');
  assert.deepEqual(rec.calls.open, [], 'never open');
  assert.deepEqual(rec.calls.qr, [], 'never a QR');
  assert.deepEqual(ctx.escaped, [], 'nothing escaped the engine');
  // Closing an already closed connection is harmless and reports nothing new.
  await conn.close();
  assert.equal(rec.calls.close.length, 1);
  await assert.rejects(conn.send({ to: '628123456789', text: 'x' }), err => err.code === 'not_connected');
  return { info, elapsed, rec };
}

test('WebSocket server that accepts then closes at once → transient close (428)', async t => {
  const ctx = setup(t);
  const { port } = await wsServer(t, ws => ws.close());
  const { info, elapsed } = await expectTransientClose(t, ctx, `ws://127.0.0.1:${port}/ws/chat`);
  assert.equal(info.code, 428);
  assert.ok(elapsed < 2000, `reported promptly (${elapsed} ms)`);
});

test('same, for a linked session (login path, event buffering)', async t => {
  const ctx = setup(t);
  const { port } = await wsServer(t, ws => ws.close());
  const { info } = await expectTransientClose(t, ctx, `ws://127.0.0.1:${port}/ws/chat`, { linked: true });
  assert.equal(info.code, 428);
});

test('WebSocket server that accepts and never answers the handshake → timed out (408)', async t => {
  const ctx = setup(t);
  const { port } = await wsServer(t, () => {});
  const { info, elapsed } = await expectTransientClose(t, ctx, `ws://127.0.0.1:${port}/ws/chat`);
  assert.equal(info.code, 408);
  assert.ok(elapsed >= 350 && elapsed < 3000, `after the connect timeout (${elapsed} ms)`);
});

test('TCP server that never completes the WebSocket upgrade → timed out (408), socket released', async t => {
  const ctx = setup(t);
  const { port, sockets } = await silentTcpServer(t);
  const { info } = await expectTransientClose(t, ctx, `ws://127.0.0.1:${port}/ws/chat`);
  assert.equal(info.code, 408);
  assert.equal(sockets.size, 0, 'the engine closed its TCP connection');
});

test('nothing listening (connection refused) → transient close, said as no network', async t => {
  const ctx = setup(t);
  const probe = net.createServer();
  const port = await listen(probe);
  await new Promise(resolve => probe.close(resolve)); // a port that was free a moment ago
  const { info } = await expectTransientClose(t, ctx, `ws://127.0.0.1:${port}/ws/chat`, { reason: 'network_unreachable' });
  assert.match(info.message, /ECONNREFUSED/, 'the cause as Baileys reports it (WebSocket Error (connect ECONNREFUSED …))');
  assert.ok(ctx.lines.some(l => /no network to WhatsApp/.test(l) && /ECONNREFUSED/.test(l)), 'the log names the cause');
});

test('a host name that does not resolve (no DNS, as without internet) → network_unreachable', async t => {
  const ctx = setup(t);
  // .invalid never resolves (RFC 2606), with or without internet.
  const { info } = await expectTransientClose(t, ctx, 'wss://web.whatsapp.invalid/ws/chat', { reason: 'network_unreachable' });
  assert.match(info.message, /ENOTFOUND|EAI_AGAIN/);
});

test('networkProbe: reachable once something listens, unreachable before', async t => {
  const { networkProbe } = await import('../../../src/engines/baileys/index.js');
  const server = net.createServer(s => s.destroy());
  const port = await listen(server);
  t.after(() => server.close());
  const up = networkProbe({ ws_url: `ws://127.0.0.1:${port}/ws/chat` });
  assert.equal(up.key, `baileys:127.0.0.1:${port}`);
  assert.equal(await up.probe(), true);
  const free = net.createServer();
  const freePort = await listen(free);
  await new Promise(resolve => free.close(resolve));
  assert.equal(await networkProbe({ ws_url: `ws://127.0.0.1:${freePort}/` }).probe(), false);
  assert.equal(await networkProbe({ ws_url: 'wss://web.whatsapp.invalid/ws/chat' }).probe(), false);
  assert.equal(networkProbe({}).key, 'baileys:web.whatsapp.com:443', 'WhatsApp by default');
});

test('close() on a connection stuck in the handshake resolves promptly, once, with stopped_by_request', async t => {
  const ctx = setup(t);
  const { port, sockets } = await silentTcpServer(t);
  const rec = recorder();
  const conn = createConnection({
    sessionId: 'acc-1',
    options: { ws_url: `ws://127.0.0.1:${port}/ws/chat`, connect_timeout_ms: 60_000 },
    log: ctx.log,
    auth: ctx.authDb.forSession('acc-1'),
    on: rec.on,
  });
  // Wait until the server really holds the TCP connection.
  for (let i = 0; i < 100 && sockets.size === 0; i++) await settle(10);
  assert.equal(sockets.size, 1);
  const started = Date.now();
  await conn.close();
  assert.ok(Date.now() - started < 2000, 'close did not wait for the 60 s connect timeout');
  assert.equal(rec.calls.close.length, 1);
  assert.equal(rec.calls.close[0].reason, 'stopped_by_request');
  await settle(200);
  assert.equal(rec.calls.close.length, 1);
  assert.equal(sockets.size, 0, 'TCP connection released');
  assert.deepEqual(ctx.escaped, []);
});

test('a WebSocket server that sends garbage frames cannot crash the process', async t => {
  const ctx = setup(t);
  const { port } = await wsServer(t, ws => {
    ws.on('message', () => {
      // Not a valid noise handshake: random bytes, a frame length that lies, then more junk.
      ws.send(Buffer.from([0x00, 0x00, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x00]));
      ws.send(Buffer.from([0xff, 0xff, 0xff]));
      ws.send('text frame');
    });
  });
  const { rec } = await expectTransientClose(t, ctx, `ws://127.0.0.1:${port}/ws/chat`);
  assert.ok(rec.calls.activity >= 1, 'received frames count as activity');
});

test('a peer that completes the upgrade then goes dead does not hold close() for the 30 s ws close handshake', async t => {
  const ctx = setup(t);
  // Hand-rolled upgrade: the server says 101 and then ignores everything, close frames included.
  const sockets = new Set();
  const server = net.createServer(s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    let head = '';
    const onData = chunk => {
      head += chunk.toString('latin1');
      const m = /sec-websocket-key:\s*(\S+)/i.exec(head);
      if (!head.includes('\r\n\r\n') || !m) return;
      s.off('data', onData);
      const accept = createHash('sha1').update(`${m[1]}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      s.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      s.resume();
    };
    s.on('data', onData);
  });
  const port = await listen(server);
  t.after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  const rec = recorder();
  const conn = createConnection({
    sessionId: 'acc-1',
    // Long enough that a close within 2.5 s can only be ours; short because Baileys leaves its
    // handshake timer running after the socket ended (it holds the event loop that long).
    options: { ws_url: `ws://127.0.0.1:${port}/ws/chat`, connect_timeout_ms: 3000 },
    log: ctx.log,
    auth: ctx.authDb.forSession('acc-1'),
    on: rec.on,
  });
  // Wait for the upgrade to complete (Baileys then sends its hello and waits).
  for (let i = 0; i < 100 && sockets.size === 0; i++) await settle(10);
  await settle(100);
  const started = Date.now();
  await conn.close();
  const took = Date.now() - started;
  assert.ok(took < 2500, `close took ${took} ms`);
  assert.equal(rec.calls.close.length, 1);
  assert.equal(rec.calls.close[0].reason, 'stopped_by_request');
  await settle(100);
  assert.equal(sockets.size, 0, 'TCP connection destroyed after the grace');
  assert.deepEqual(ctx.escaped, []);
});
