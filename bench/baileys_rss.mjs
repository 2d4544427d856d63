#!/usr/bin/env node
// Memory of the Baileys engine: RSS of a node process holding N idle connections.
//
//   PATH=/work/main/.venv/bin:$PATH node bench/baileys_rss.mjs [--counts 0,1,20] [--settle-ms 3000]
//
// Each count runs in a fresh child process (so earlier runs cannot inflate later ones),
// against a local TCP server that accepts and never answers: the sockets stay in the
// WebSocket handshake (connect timeout set to 10 min) with fresh auth state in a temporary
// bridge.sqlite3. Nothing reaches WhatsApp. Prints one JSON object on stdout.
//
// What this measures: the engine + Baileys per-socket cost and the fixed cost of loading
// Baileys. A live linked session also holds signal sessions, app-state keys and caches that
// grow with traffic; those are not modelled here.

import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const bridgeDir = path.join(here, '..', 'node_bridge');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5]));
} else {
  await parent();
}

async function parent() {
  // -1: a bare node process (no Baileys loaded), to show what loading Baileys costs.
  const counts = arg('--counts', '-1,0,1,20').split(',').map(Number);
  const settleMs = Number(arg('--settle-ms', '3000'));
  const sockets = new Set();
  const server = net.createServer(s => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
    s.resume();
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const runs = [];
  for (const n of counts) {
    const out = await runChild(n, port, settleMs);
    runs.push(out);
  }
  for (const s of sockets) s.destroy();
  server.close();
  const base = runs.find(r => r.connections === 0);
  const one = runs.find(r => r.connections === 1);
  const many = runs.filter(r => r.connections > 1).at(-1);
  const result = {
    bench: 'baileys_rss',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    endpoint: 'local TCP server that accepts and never answers (sockets held in the WebSocket handshake)',
    settle_ms: settleMs,
    runs,
    // Average over all N (includes one-off warm-up of crypto/JIT by the first socket) ...
    per_connection_mib: base
      ? Object.fromEntries(runs.filter(r => r.connections > 0).map(r => [r.connections, round((r.rss_mib - base.rss_mib) / r.connections)]))
      : undefined,
    // ... and the marginal cost of each socket after the first.
    marginal_mib_per_extra_connection:
      one && many ? round((many.rss_mib - one.rss_mib) / (many.connections - one.connections)) : undefined,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function runChild(n, port, settleMs) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', String(n), String(port), String(settleMs)], {
      cwd: bridgeDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', d => (out += d));
    p.on('error', reject);
    p.on('exit', code => {
      if (code !== 0) return reject(new Error(`child for ${n} connections exited with ${code}`));
      resolve(JSON.parse(out));
    });
  });
}

async function child(n, port, settleMs) {
  if (n < 0) {
    await new Promise(resolve => setTimeout(resolve, 200));
    globalThis.gc?.();
    const mem = process.memoryUsage();
    process.stdout.write(JSON.stringify({ connections: 'none (bare node, Baileys not loaded)', rss_mib: round(mem.rss / 2 ** 20), heap_used_mib: round(mem.heapUsed / 2 ** 20) }));
    process.exit(0);
  }
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { DatabaseSync } = await import('node:sqlite');
  const { createRequire } = await import('node:module');
  const requireFromBridge = createRequire(path.join(bridgeDir, 'package.json'));
  const pino = requireFromBridge('pino');
  const { AuthDb } = await import(path.join(bridgeDir, 'src/storage/auth_db.js'));
  const { createConnection } = await import(path.join(bridgeDir, 'src/engines/baileys/index.js'));

  const dir = mkdtempSync(path.join(tmpdir(), 'jaga-rss-'));
  const db = new DatabaseSync(path.join(dir, 'bridge.sqlite3'));
  db.exec('PRAGMA journal_mode = WAL');
  const authDb = new AuthDb(db, { quarantineDir: path.join(dir, 'quarantine') });
  const log = pino({ level: 'silent' });

  const conns = [];
  let closes = 0;
  for (let i = 0; i < n; i++) {
    const sessionId = `acc-${i}`;
    conns.push(
      createConnection({
        sessionId,
        options: { ws_url: `ws://127.0.0.1:${port}/ws/chat`, connect_timeout_ms: 600_000 },
        log,
        auth: authDb.forSession(sessionId),
        on: { qr() {}, open() {}, close: () => closes++, activity() {}, messageIn() {}, ack() {} },
      }),
    );
  }
  await new Promise(resolve => setTimeout(resolve, settleMs));
  globalThis.gc?.();
  await new Promise(resolve => setTimeout(resolve, 200));
  globalThis.gc?.();
  const mem = process.memoryUsage();
  const result = {
    connections: n,
    still_open: n - closes,
    rss_mib: round(mem.rss / 2 ** 20),
    heap_used_mib: round(mem.heapUsed / 2 ** 20),
    external_mib: round(mem.external / 2 ** 20),
  };
  await Promise.all(conns.map(c => c.close()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

function round(x) {
  return Math.round(x * 10) / 10;
}
