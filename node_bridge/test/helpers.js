// Test harness: runs the REAL bridge (node src/main.js) as a child process,
// talks to it over HTTP/SSE like the app does, and cleans up after each test
// (children killed, temp folders removed). Nothing here reaches the internet.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plantedKeysIn } from './planted_keys.js';

export const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

/** Sim timings that keep the suite fast. */
export const FAST_SIM_ENV = {
  JAGA_SIM_QR_FIRST_MS: '400',
  JAGA_SIM_QR_ROTATE_MS: '250',
  JAGA_SIM_QR_MAX: '3',
  JAGA_SIM_CONNECT_MS: '20',
  JAGA_SIM_SEND_MS: '5',
  JAGA_SIM_ACK_MS: '30',
};

/** Per-session options for quick reconnects in tests. */
export const FAST_OPTIONS = { backoff_base_ms: 50, backoff_max_ms: 200, conflict_pause_ms: 150 };

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until fn returns a truthy value (returned), or fails after timeoutMs.
 * @template T
 * @param {() => Promise<T>|T} fn
 * @param {{timeoutMs?: number, stepMs?: number, what?: string}} [opts]
 * @returns {Promise<T>}
 */
export async function eventually(fn, { timeoutMs = 5000, stepMs = 20, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await sleep(stepMs);
  }
}

/**
 * Everything one test (or, given node:test's `after`, one file) starts, torn
 * down in its after hook.
 * @param {{after: (fn: () => Promise<void>|void) => void}} t  a TestContext, or {after} from node:test
 */
export function harness(t) {
  /** @type {Bridge[]} */
  const bridges = [];
  /** @type {string[]} */
  const dirs = [];
  /** @type {SseReader[]} */
  const readers = [];
  t.after(async () => {
    for (const r of readers) r.close();
    await Promise.all(bridges.map((b) => b.kill('SIGKILL').then(() => b.drained)));
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    // Whatever a test did, key material it planted never reaches a bridge's output (the
    // app copies every line of it to bridge.log).
    const leaked = bridges.flatMap((b) => plantedKeysIn(b.stdout + b.stderr));
    if (leaked.length) throw new Error(`planted key material reached a bridge's output: ${leaked.join('; ')}`);
  });
  return {
    /** A fresh temp folder, removed after the test. */
    tempDir() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaga-bridge-test-'));
      dirs.push(dir);
      return dir;
    },
    /**
     * Starts a bridge and waits for its READY line.
     * @param {{dataDir?: string, env?: Record<string, string>, simControl?: boolean, token?: string}} [opts]
     */
    async start(opts = {}) {
      const bridge = Bridge.spawn({ ...opts, dataDir: opts.dataDir ?? this.tempDir() });
      bridges.push(bridge);
      bridge.onReader = (r) => readers.push(r);
      await bridge.ready;
      return bridge;
    },
    /**
     * Spawns without waiting for READY (for start-up failures).
     * @param {{dataDir?: string, env?: Record<string, string>, simControl?: boolean, token?: string}} [opts]
     */
    spawn(opts = {}) {
      const bridge = Bridge.spawn({ ...opts, dataDir: opts.dataDir ?? this.tempDir() });
      bridges.push(bridge);
      bridge.ready.catch(() => {});
      return bridge;
    },
  };
}

/** A token as the app would make one. */
export const newToken = () => randomBytes(24).toString('hex');

export class Bridge {
  /**
   * @param {{dataDir: string, env?: Record<string, string>, simControl?: boolean, token?: string}} opts
   */
  static spawn({ dataDir, env = {}, simControl = true, token = newToken() }) {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('JAGA_')));
    const childEnv = {
      ...base,
      ...FAST_SIM_ENV,
      JAGA_BRIDGE_TOKEN: token,
      JAGA_BRIDGE_DATA: dataDir,
      JAGA_BRIDGE_HOST: '127.0.0.1',
      JAGA_BRIDGE_PORT: '0',
      JAGA_LOG_LEVEL: 'debug',
      ...(simControl ? { JAGA_SIM_CONTROL: '1' } : {}),
      ...env,
    };
    const proc = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    return new Bridge(proc, token, dataDir);
  }

  /**
   * @param {import('node:child_process').ChildProcessWithoutNullStreams} proc
   * @param {string} token
   * @param {string} dataDir
   */
  constructor(proc, token, dataDir) {
    this.proc = proc;
    this.token = token;
    this.dataDir = dataDir;
    this.port = 0;
    this.bootId = '';
    /** @type {any} */
    this.readyInfo = null;
    this.stdout = '';
    this.stderr = '';
    /** @type {(r: SseReader) => void} */
    this.onReader = () => {};
    /** @type {Promise<{code: number|null, signal: string|null}>} */
    this.exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    /** Resolves once stdout and stderr are read to their end. */
    this.drained = new Promise((resolve) => proc.once('close', resolve));
    proc.stdin.on('error', () => {}); // the child may be gone when we close its stdin
    proc.stderr.setEncoding('utf8').on('data', (chunk) => { this.stderr += chunk; });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no READY within 10 s; stderr:\n${this.stderr}`)), 10_000);
      proc.stdout.setEncoding('utf8').on('data', (chunk) => {
        this.stdout += chunk;
        const line = this.stdout.split('\n').find((l) => l.startsWith('JAGA_READY '));
        if (line && !this.readyInfo) {
          clearTimeout(timer);
          this.readyInfo = JSON.parse(line.slice('JAGA_READY '.length));
          this.port = this.readyInfo.port;
          this.bootId = this.readyInfo.boot_id;
          resolve(this);
        }
      });
      this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`bridge exited (${code ?? signal}) before READY; stderr:\n${this.stderr}`));
      });
    });
  }

  get pid() {
    return this.proc.pid;
  }

  /**
   * An API call with the token (unless headers override it).
   * @param {string} method
   * @param {string} urlPath
   * @param {unknown} [body]
   * @param {{headers?: Record<string, string>, raw?: string}} [opts]
   * @returns {Promise<{status: number, body: any, headers: Headers}>}
   */
  async api(method, urlPath, body, { headers = {}, raw } = {}) {
    const init = {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...headers },
      /** @type {string|undefined} */ body: undefined,
    };
    if (raw !== undefined || body !== undefined) {
      init.headers = { 'content-type': 'application/json', ...init.headers };
      init.body = raw ?? JSON.stringify(body);
    }
    const res = await fetch(`http://127.0.0.1:${this.port}${urlPath}`, init);
    const text = await res.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { unparsed: text };
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /**
   * A request with full control over headers (fetch will not let us forge Host).
   * @param {{method?: string, path: string, headers?: Record<string, string>, body?: string}} req
   * @returns {Promise<{status: number, body: any, headers: import('node:http').IncomingHttpHeaders}>}
   */
  raw({ method = 'GET', path: urlPath, headers = {}, body }) {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path: urlPath, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c) => { text += c; }).on('end', () => {
          let parsed = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = { unparsed: text };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /**
   * Sends bytes exactly as given (no client to fix them up) and reads until the
   * bridge closes the connection. `{port}` in the bytes becomes the bridge's port.
   * @param {string|Buffer} bytes
   * @returns {Promise<{status: number|null, headers: Record<string, string>, body: any, text: string}>}
   */
  wire(bytes) {
    const data = typeof bytes === 'string' ? Buffer.from(bytes.replaceAll('{port}', String(this.port)), 'latin1') : bytes;
    return new Promise((resolve, reject) => {
      const chunks = [];
      const socket = net.connect(this.port, '127.0.0.1', () => socket.write(data));
      socket.setTimeout(5000, () => socket.destroy(new Error('no close within 5 s')));
      socket.on('data', (chunk) => chunks.push(chunk));
      // The bridge may answer and close before taking everything: what arrived still counts.
      socket.on('error', (err) => {
        if (!['ECONNRESET', 'EPIPE'].includes(/** @type {any} */ (err).code)) reject(err);
      });
      socket.on('close', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        if (!raw) return resolve({ status: null, headers: {}, body: null, text: '' });
        const cut = raw.indexOf('\r\n\r\n');
        const [statusLine, ...lines] = raw.slice(0, cut).split('\r\n');
        /** @type {Record<string, string>} */
        const headers = {};
        for (const line of lines) {
          const i = line.indexOf(':');
          headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
        }
        const text = raw.slice(cut + 4);
        let body = null;
        try {
          body = JSON.parse(text);
        } catch {
          body = { unparsed: text };
        }
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body, text });
      });
    });
  }

  /** GET /sessions/{id} (null when unknown). @param {string} id */
  async session(id) {
    const res = await this.api('GET', `/sessions/${id}`);
    return res.status === 200 ? res.body : null;
  }

  /**
   * Waits until the session satisfies pred (checked by polling the snapshot).
   * @param {string} id
   * @param {(s: any) => boolean} pred
   * @param {number} [timeoutMs]
   */
  async waitSession(id, pred, timeoutMs = 5000) {
    return eventually(async () => {
      const s = await this.session(id);
      return s && pred(s) ? s : null;
    }, { timeoutMs, what: `session ${id}` });
  }

  /**
   * Returns once every timer of the bridge that falls due within `ms` from now has fired
   * (a retry, a QR rotation, a receipt, a probe): a throwaway sim number is started whose
   * only QR lives `ms`, and this waits until that QR has timed out. Node fires timers in
   * the order they fall due, so whatever was due earlier has happened, and its events are
   * on every stream, however loaded the machine. The wait on an observable event that
   * replaces a sleep before a "nothing more happened" check. The number is named
   * `timers-past-<n>`: tests that count sessions or QR codes leave those out.
   * @param {number} ms
   */
  async timersPast(ms) {
    this.markers = (this.markers ?? 0) + 1;
    const id = `timers-past-${this.markers}`;
    const put = await this.api('PUT', `/sessions/${id}`, { engine: 'sim', options: { qr_first_ms: ms, qr_max: 1 } });
    if (put.status !== 200) throw new Error(`PUT failed: ${JSON.stringify(put.body)}`);
    await this.waitSession(id, (s) => s.status === 'failed', ms + 10_000);
  }

  /**
   * Returns once `reader` has read everything the bridge wrote to it before this call (a
   * replay included): a throwaway sim number is added, and its first status event, live
   * and so written after all of that on the same stream, is waited for. Its events carry
   * the id `stream-marker-<n>` (returned): tests leave them out.
   * @param {SseReader} reader
   */
  async streamMarker(reader) {
    this.markers = (this.markers ?? 0) + 1;
    const id = `stream-marker-${this.markers}`;
    const put = await this.api('PUT', `/sessions/${id}`, { engine: 'sim' });
    if (put.status !== 200) throw new Error(`PUT failed: ${JSON.stringify(put.body)}`);
    await reader.next((e) => e.type === 'session.status' && e.data.id === id);
    return id;
  }

  /**
   * Starts a sim session and links it by scanning its first QR.
   * @param {string} id
   * @param {{phone?: string, name?: string, options?: Record<string, unknown>}} [opts]
   */
  async linkedSession(id, { phone = '628123456789', name = 'Toko', options = {} } = {}) {
    const put = await this.api('PUT', `/sessions/${id}`, { engine: 'sim', options: { ...FAST_OPTIONS, ...options } });
    if (put.status !== 200) throw new Error(`PUT failed: ${JSON.stringify(put.body)}`);
    await this.waitSession(id, (s) => s.status === 'qr');
    const scan = await this.api('POST', `/sim/sessions/${id}/scan`, { phone, name });
    if (scan.status !== 200) throw new Error(`scan failed: ${JSON.stringify(scan.body)}`);
    return this.waitSession(id, (s) => s.status === 'connected');
  }

  /**
   * Opens GET /events.
   * @param {{lastEventId?: string, headers?: Record<string, string>}} [opts]
   */
  async events({ lastEventId, headers = {} } = {}) {
    const reader = new SseReader(this.port, {
      authorization: `Bearer ${this.token}`,
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      ...headers,
    });
    this.onReader(reader);
    await reader.opened;
    return reader;
  }

  /** Closes stdin (what the app's death looks like) and waits for the exit. */
  async closeStdin() {
    this.proc.stdin.end();
    return this.exited;
  }

  /** @param {NodeJS.Signals} [signal] */
  async kill(signal = 'SIGKILL') {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
    return this.exited;
  }

  /** stderr as parsed JSON lines (throws on a line that is not JSON). */
  logLines() {
    return this.stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }
}

/** A minimal SSE client that records events and heartbeat comments. */
export class SseReader {
  /**
   * @param {number} port
   * @param {Record<string, string>} headers
   */
  constructor(port, headers) {
    /** @type {{id: string, type: string, data: any, seq: number, bootId: string}[]} */
    this.events = [];
    this.comments = 0;
    this.cursor = 0;
    this.httpStatus = 0;
    this.buffer = '';
    /** @type {Set<() => void>} */
    this.listeners = new Set();
    this.ended = false;
    this.opened = new Promise((resolve, reject) => {
      this.req = http.request({ host: '127.0.0.1', port, path: '/events', headers }, (res) => {
        this.res = res;
        this.httpStatus = res.statusCode ?? 0;
        this.headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (chunk) => this.feed(chunk));
        res.on('end', () => this.finish());
        res.on('error', () => this.finish());
        res.on('close', () => this.finish());
        resolve(this);
      });
      this.req.on('error', (err) => {
        this.finish();
        reject(err);
      });
      this.req.end();
    });
  }

  /** @param {string} chunk */
  feed(chunk) {
    this.buffer += chunk;
    let cut;
    while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      const fields = { id: '', event: 'message', data: '' };
      let comment = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          comment = true;
          continue;
        }
        const i = line.indexOf(':');
        const key = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (key === 'id') fields.id = value;
        else if (key === 'event') fields.event = value;
        else if (key === 'data') fields.data += (fields.data ? '\n' : '') + value;
      }
      if (comment && !fields.data) {
        this.comments += 1;
      } else {
        const cutId = fields.id.lastIndexOf(':');
        this.events.push({
          id: fields.id,
          type: fields.event,
          data: JSON.parse(fields.data),
          bootId: fields.id.slice(0, cutId),
          seq: Number(fields.id.slice(cutId + 1)),
        });
      }
      for (const fn of this.listeners) fn();
    }
  }

  finish() {
    if (this.ended) return;
    this.ended = true;
    for (const fn of this.listeners) fn();
  }

  /**
   * The next event (after the cursor) matching pred; moves the cursor past it.
   * @param {(e: {type: string, data: any, seq: number}) => boolean} [pred]
   * @param {number} [timeoutMs]
   */
  next(pred = () => true, timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = this.cursor; i < this.events.length; i += 1) {
          if (pred(this.events[i])) {
            this.cursor = i + 1;
            done();
            resolve(this.events[i]);
            return;
          }
        }
        if (this.ended) {
          done();
          reject(new Error(`stream ended; events: ${this.describe()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching event within ${timeoutMs} ms; events: ${this.describe()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /**
   * Waits for a session.status event of this session with this status.
   * @param {string} id
   * @param {string} status
   * @param {number} [timeoutMs]
   */
  status(id, status, timeoutMs) {
    return this.next((e) => e.type === 'session.status' && e.data.id === id && e.data.status === status, timeoutMs);
  }

  /** session.status events of a session, in order, as "status/reason". @param {string} id */
  statusTrail(id) {
    return this.events
      .filter((e) => e.type === 'session.status' && e.data.id === id)
      .map((e) => (e.data.reason ? `${e.data.status}/${e.data.reason}` : e.data.status));
  }

  describe() {
    return JSON.stringify(this.events.map((e) => `${e.seq}:${e.type}:${e.data.status ?? e.data.reason ?? e.data.message_id ?? ''}`));
  }

  close() {
    this.req?.destroy();
    this.finish();
  }
}
