// The HTTP gates and error shapes, against the real process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from '../helpers.js';

// The gates are stateless: most tests share one bridge (each leaves nothing running).
const files = harness({ after });
/** @type {import('../helpers.js').Bridge} */
let b;
before(async () => {
  b = await files.start();
});

/** @param {any} body @param {string} code */
const isError = (body, code) => body?.error?.code === code && typeof body.error.message === 'string' && body.error.message.length > 0;

test('no token or a wrong token → 401 and nothing changes', async () => {
  const before401 = (await b.api('GET', '/sessions')).body;
  const put = JSON.stringify({ engine: 'sim' });
  const attempts = [
    {},
    { authorization: `Bearer ${b.token}x` },
    { authorization: `Bearer ${b.token.slice(0, -1)}` },
    { authorization: `Basic ${Buffer.from(`u:${b.token}`).toString('base64')}` },
    { authorization: b.token },
    { authorization: 'Bearer ' },
  ];
  for (const auth of attempts) {
    const res = await b.raw({
      method: 'PUT', path: '/sessions/acc-1', body: put,
      headers: { host: `127.0.0.1:${b.port}`, 'content-type': 'application/json', ...auth },
    });
    assert.equal(res.status, 401, JSON.stringify(auth));
    assert.ok(isError(res.body, 'unauthorized'));
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  }
  const unknownRoute = await b.raw({ path: '/nope', headers: { host: `127.0.0.1:${b.port}` } });
  assert.equal(unknownRoute.status, 401, 'routes are not even revealed without the token');
  const shutdown = await b.raw({ method: 'POST', path: '/shutdown', headers: { host: `127.0.0.1:${b.port}` } });
  assert.equal(shutdown.status, 401);

  const snapshot = await b.api('GET', '/sessions');
  assert.equal(snapshot.status, 200);
  assert.deepEqual(snapshot.body, before401, 'no session was created, no event happened');
  assert.equal((await b.api('GET', '/health')).status, 200, 'still running');
  assert.ok(!b.stderr.includes(b.token), 'the token is never logged');
});

test('a Host other than 127.0.0.1:<port> or localhost:<port> is refused (421), even with the token', async () => {
  const auth = { authorization: `Bearer ${b.token}` };
  for (const host of ['evil.example', `evil.example:${b.port}`, `127.0.0.1:${b.port + 1}`, '127.0.0.1', `0.0.0.0:${b.port}`]) {
    const res = await b.raw({ path: '/sessions', headers: { ...auth, host } });
    assert.equal(res.status, 421, host);
    assert.ok(isError(res.body, 'bad_host'));
  }
  for (const host of [`127.0.0.1:${b.port}`, `localhost:${b.port}`, `LOCALHOST:${b.port}`]) {
    assert.equal((await b.raw({ path: '/sessions', headers: { ...auth, host } })).status, 200, host);
  }
});

test('no CORS headers, even when a browser origin asks', async () => {
  const res = await b.api('GET', '/sessions', undefined, { headers: { origin: 'https://evil.example' } });
  assert.equal(res.status, 200);
  for (const name of res.headers.keys()) assert.ok(!name.startsWith('access-control-'), name);
  const preflight = await b.raw({
    method: 'OPTIONS', path: '/sessions',
    headers: { host: `127.0.0.1:${b.port}`, origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
  });
  assert.equal(preflight.status, 401);
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
});

test('bad JSON → 400 bad_json; oversized → 413; wrong type → 415; unknown route → 404; all JSON', async () => {
  const badJson = await b.api('PUT', '/sessions/acc-1', undefined, { raw: '{"engine": "sim",' });
  assert.equal(badJson.status, 400);
  assert.ok(isError(badJson.body, 'bad_json'));
  const proto = await b.api('PUT', '/sessions/acc-1', undefined, { raw: '{"engine":"sim","__proto__":{"x":1}}' });
  assert.equal(proto.status, 400);
  assert.ok(isError(proto.body, 'bad_json'));

  const big = await b.api('POST', '/sessions/acc-1/messages', { to: '628123', text: 'x'.repeat(70 * 1024), client_id: 'c1' });
  assert.equal(big.status, 413);
  assert.ok(isError(big.body, 'payload_too_large'));

  const form = await b.api('PUT', '/sessions/acc-1', undefined, { raw: 'engine=sim', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  assert.ok(isError(form.body, 'unsupported_media_type'));

  const notFound = await b.api('GET', '/nope');
  assert.equal(notFound.status, 404);
  assert.ok(isError(notFound.body, 'not_found'));

  const notObject = await b.api('PUT', '/sessions/acc-1', [1, 2]);
  assert.equal(notObject.status, 400);
  assert.ok(isError(notObject.body, 'bad_request'));

  assert.equal(await b.session('acc-1'), null, 'none of it created a session');
});

test('bad session ids → 400 bad_session_id on every session route', async () => {
  const ids = ['a'.repeat(65), 'has%20space', 'dot.dot', '%C3%A9t%C3%A9', 'x'.repeat(300)];
  for (const id of ids) {
    for (const [method, suffix, body] of [['PUT', '', { engine: 'sim' }], ['GET', ''], ['DELETE', ''],
      ['POST', '/logout'], ['POST', '/messages', { to: '628123', text: 'x', client_id: 'c' }],
      ['POST', '/pairing-code', { phone: '628123456789' }]]) {
      const res = await b.api(method, `/sessions/${id}${suffix}`, body);
      assert.equal(res.status, 400, `${method} ${id}${suffix}`);
      assert.ok(isError(res.body, 'bad_session_id'));
    }
  }
  const longest = 'a'.repeat(64);
  assert.equal((await b.api('PUT', `/sessions/${longest}`, { engine: 'sim' })).status, 200, '64 characters are fine');
  assert.equal((await b.api('DELETE', `/sessions/${longest}`)).body.status, 'stopped');
});

test('a body that is not a JSON object → 400 bad_request on every route that takes one; null or none is {}', async () => {
  // seen failing against: the shared objectBody schema (server/schemas.js) typed ['object', 'array', 'null']
  const routes = [['PUT', '/sessions/obj'], ['PUT', '/sessions'], ['POST', '/sessions/obj/messages'],
    ['POST', '/sessions/obj/messages/batch'], ['POST', '/sessions/obj/seen'], ['POST', '/sessions/obj/pairing-code'],
    ['PUT', '/sessions/obj/labels/1'], ['PUT', '/sessions/obj/labels/1/chats'], ['POST', '/events/ack'],
    ['PUT', '/config/pacing'], ['PUT', '/config/media']];
  for (const [method, path] of routes) {
    for (const body of ['[]', '[{"id":"a"}]', '"text"', '7', 'true']) {
      const res = await b.raw({ method, path, body, headers: {
        host: `127.0.0.1:${b.port}`, authorization: `Bearer ${b.token}`, 'content-type': 'application/json' } });
      assert.equal(res.status, 400, `${method} ${path} ${body}`);
      assert.deepEqual(res.body, { error: { code: 'bad_request', message: 'The body must be a JSON object.' } });
    }
  }
  const pacing = (await b.api('GET', '/config/pacing')).body;
  for (const body of ['null', undefined]) {
    const res = await b.raw({ method: 'PUT', path: '/config/pacing', body, headers: {
      host: `127.0.0.1:${b.port}`, authorization: `Bearer ${b.token}`, ...(body ? { 'content-type': 'application/json' } : {}) } });
    assert.equal(res.status, 200, String(body));
    assert.deepEqual(res.body, pacing, 'no body changes nothing');
  }
});

test('PUT validates engine and options', async () => {
  const engine = await b.api('PUT', '/sessions/a', { engine: 'telegram' });
  assert.equal(engine.status, 400);
  assert.ok(isError(engine.body, 'unknown_engine'));
  const typo = await b.api('PUT', '/sessions/a', { engine: 'sim', options: { qr_maxx: 3 } });
  assert.equal(typo.status, 400);
  assert.ok(isError(typo.body, 'bad_options'));
  const range = await b.api('PUT', '/sessions/a', { engine: 'sim', options: { keepalive_ms: 1 } });
  assert.equal(range.status, 400);
  assert.ok(isError(range.body, 'bad_options'));
  assert.equal(await b.session('a'), null);
});

test('sim routes exist only with JAGA_SIM_CONTROL=1', async (t) => {
  const h = harness(t);
  const off = await h.start({ simControl: false });
  for (const [method, p] of [['GET', '/sim/network'], ['POST', '/sim/config'], ['POST', '/sim/sessions/a/scan']]) {
    const res = await off.api(method, p, method === 'POST' ? {} : undefined);
    assert.equal(res.status, 404, p);
    assert.ok(isError(res.body, 'not_found'));
  }
  const on = await h.start();
  assert.equal((await on.api('GET', '/sim/network')).status, 200);
});

test('DELETE of an unknown session → 404 session_not_found', async () => {
  const res = await b.api('DELETE', '/sessions/ghost');
  assert.equal(res.status, 404);
  assert.ok(isError(res.body, 'session_not_found'));
});

// Requests that never become a route: Node's HTTP parser, the router and CONNECT refuse
// them before any handler. They still get the contract's JSON error, then the socket closes.
test('malformed HTTP → a JSON error on the raw socket, then close; the token is not logged', async () => {
  const auth = `Authorization: Bearer ${b.token}\r\n`;
  const host = 'Host: 127.0.0.1:{port}\r\n';
  const cases = [
    ['unknown method', `FOO /health HTTP/1.1\r\n${host}${auth}\r\n`, 400, 'bad_request'],
    ['lower-case method', `get /health HTTP/1.1\r\n${host}${auth}\r\n`, 400, 'bad_request'],
    ['binary garbage', '\x00\x01\x02\xff garbage\r\n\r\n', 400, 'bad_request'],
    ['Transfer-Encoding with Content-Length', `PUT /sessions/smuggled HTTP/1.1\r\n${host}${auth}Content-Type: application/json\r\n`
      + 'Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n', 400, 'bad_request'],
    ['20 KB header', `GET /health HTTP/1.1\r\n${host}${auth}X-Pad: ${'p'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
    ['HTTP/1.1 without Host', `POST /shutdown HTTP/1.1\r\n${auth}\r\n`, 400, 'bad_request'],
    ['HTTP/1.0 without Host', `POST /shutdown HTTP/1.0\r\n${auth}\r\n`, 421, 'bad_host'],
  ];
  for (const [label, bytes, status, code] of cases) {
    const res = await b.wire(/** @type {string} */ (bytes));
    assert.equal(res.status, status, `${label}: ${res.text}`);
    assert.ok(isError(res.body, /** @type {string} */ (code)), label);
    assert.match(res.headers['content-type'], /^application\/json/, label);
    assert.equal(res.headers.connection, 'close', label);
  }
  assert.equal((await b.api('GET', '/health')).status, 200, 'still running');
  assert.ok(!b.stderr.includes(b.token), 'the token is never logged');
  assert.ok(!b.stderr.includes('rawPacket'), "nor the parser error's raw bytes (they hold the Authorization header)");
});

test('bad percent-encoding → 400 bad_url; URLs over 2048 characters → 414 uri_too_long; the gates still come first', async () => {
  const auth = `Authorization: Bearer ${b.token}\r\n`;
  const host = 'Host: 127.0.0.1:{port}\r\n';
  const long = 'c'.repeat(3000);
  const cases = [
    ['%ff in an id', `DELETE /sessions/acc-1%ff HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, 400, 'bad_url'],
    ['3000-character id', `DELETE /sessions/${long} HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, 414, 'uri_too_long'],
    ['3000-character query', `GET /health?q=${long} HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, 414, 'uri_too_long'],
    ['3000-character unknown path', `GET /${long} HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`, 414, 'uri_too_long'],
    ['%ff without the token', `DELETE /sessions/acc-1%ff HTTP/1.1\r\n${host}Connection: close\r\n\r\n`, 401, 'unauthorized'],
    ['long id without the token', `DELETE /sessions/${long} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`, 401, 'unauthorized'],
    ['%ff with a wrong Host', `DELETE /sessions/acc-1%ff HTTP/1.1\r\nHost: evil.example\r\n${auth}Connection: close\r\n\r\n`, 421, 'bad_host'],
  ];
  for (const [label, bytes, status, code] of cases) {
    const res = await b.wire(/** @type {string} */ (bytes));
    assert.equal(res.status, status, `${label}: ${res.text}`);
    assert.ok(isError(res.body, /** @type {string} */ (code)), label);
  }
  const longestOk = await b.api('DELETE', `/sessions/${'b'.repeat(2000)}`);
  assert.equal(longestOk.status, 400, 'a long id under the limit is still our own 400');
  assert.ok(isError(longestOk.body, 'bad_session_id'));
});

test('CONNECT → 405 method_not_allowed after the gates; the socket is closed, not tunnelled', async () => {
  const connect = (headers) => b.wire(`CONNECT 127.0.0.1:22 HTTP/1.1\r\n${headers}\r\nSSH-2.0-probe\r\n`);
  const host = 'Host: 127.0.0.1:{port}\r\n';
  const refused = await connect(`${host}Authorization: Bearer ${b.token}\r\n`);
  assert.equal(refused.status, 405);
  assert.ok(isError(refused.body, 'method_not_allowed'));
  assert.ok(refused.headers.allow);
  const noToken = await connect(host);
  assert.equal(noToken.status, 401);
  assert.ok(isError(noToken.body, 'unauthorized'));
  assert.equal(noToken.headers['www-authenticate'], 'Bearer');
  const wrongHost = await connect(`Host: evil.example\r\nAuthorization: Bearer ${b.token}\r\n`);
  assert.equal(wrongHost.status, 421);
  assert.ok(isError(wrongHost.body, 'bad_host'));
  assert.equal((await b.api('GET', '/health')).status, 200, 'still running');
});

test('only application/json bodies: text/plain → 415; no body and no Content-Type is still fine', async () => {
  const text = await b.api('PUT', '/sessions/typed', undefined, { raw: '{"engine":"sim"}', headers: { 'content-type': 'text/plain' } });
  assert.equal(text.status, 415);
  assert.ok(isError(text.body, 'unsupported_media_type'));
  const untyped = await b.wire(`PUT /sessions/typed HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer ${b.token}\r\n`
    + 'Content-Length: 16\r\nConnection: close\r\n\r\n{"engine":"sim"}');
  assert.equal(untyped.status, 415, 'a body without a Content-Type is not guessed at');
  assert.equal(await b.session('typed'), null);
  const charset = await b.api('PUT', '/sessions/typed', undefined, { raw: '{"engine":"sim"}', headers: { 'content-type': 'application/json; charset=utf-8' } });
  assert.equal(charset.status, 200);
  const bare = await b.wire(`DELETE /sessions/typed HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer ${b.token}\r\nConnection: close\r\n\r\n`);
  assert.equal(bare.status, 200, bare.text);
  assert.equal(bare.body.status, 'stopped');
});
