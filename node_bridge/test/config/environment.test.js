import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/environment.js';

const TOKEN = 'x'.repeat(32);

test('config: defaults and parsing', () => {
  const c = loadConfig({ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: 'rel/dir', JAGA_SIM_QR_MAX: '3', JAGA_SIM_AUTO_ACK: '0' });
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 0);
  assert.equal(c.simControl, false);
  assert.equal(c.heartbeatMs, 1000);
  assert.ok(path.isAbsolute(c.dataDir));
  assert.deepEqual(c.simDefaults, { qr_max: 3, auto_ack: false });
  assert.equal(loadConfig({ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: '/d', JAGA_BRIDGE_HOST: 'localhost', JAGA_SIM_CONTROL: '1' }).simControl, true);
});

test('config: refuses what would make an unsafe or broken bridge', () => {
  const bad = [
    [{ JAGA_BRIDGE_DATA: '/d' }, /TOKEN/],
    [{ JAGA_BRIDGE_TOKEN: 'short', JAGA_BRIDGE_DATA: '/d' }, /16/],
    [{ JAGA_BRIDGE_TOKEN: TOKEN }, /DATA/],
    [{ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: '/d', JAGA_BRIDGE_HOST: '0.0.0.0' }, /refused/],
    [{ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: '/d', JAGA_BRIDGE_HOST: '192.168.1.5' }, /refused/],
    [{ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: '/d', JAGA_BRIDGE_PORT: '70000' }, /PORT/],
    [{ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: '/d', JAGA_BRIDGE_PORT: 'abc' }, /PORT/],
    [{ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: '/d', JAGA_SIM_QR_MAX: '-1' }, /QR_MAX/],
    [{ JAGA_BRIDGE_TOKEN: TOKEN, JAGA_BRIDGE_DATA: '/d', JAGA_LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ];
  for (const [env, pattern] of bad) {
    assert.throws(() => loadConfig(env), (err) => err instanceof ConfigError && pattern.test(err.message), JSON.stringify(env));
  }
});
