// Start-up configuration from the environment. Anything wrong here is a
// configuration error: main.js prints it and exits 78 so the supervisor goes
// straight to FATAL instead of restarting a bridge that can never start.
import path from 'node:path';
import { loadMediaConfig } from '../media/limits.js';
import { pacingFromEnv } from '../pacing/rules.js';

export const EXIT_CONFIG = 78;

export class ConfigError extends Error {
  name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Sim defaults the environment may override (JAGA_SIM_<KEY upper-case>). */
export const SIM_ENV_KEYS = /** @type {const} */ ([
  'qr_first_ms', 'qr_rotate_ms', 'qr_max', 'connect_ms', 'keepalive_ms', 'send_ms', 'ack_ms', 'media_bps',
]);

/**
 * @typedef {object} Config
 * @property {string} token
 * @property {string} dataDir        absolute
 * @property {string} host           always 127.0.0.1 (the only address we bind)
 * @property {number} port           0 = OS picks
 * @property {boolean} simControl
 * @property {number} heartbeatMs
 * @property {string} logLevel
 * @property {Record<string, number|boolean>} simDefaults  overrides from JAGA_SIM_*
 * @property {import('../media/limits.js').MediaConfig} media  JAGA_BRIDGE_MEDIA, JAGA_MEDIA_MAX_*
 * @property {typeof import('../pacing/rules.js').PACING_DEFAULTS} pacing  safe sending, from JAGA_PACING_*
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {Config}
 */
export function loadConfig(env) {
  const token = env.JAGA_BRIDGE_TOKEN ?? '';
  if (token.length < 16) {
    throw new ConfigError('JAGA_BRIDGE_TOKEN must be set to a secret of at least 16 characters');
  }
  if (/\s/.test(token)) throw new ConfigError('JAGA_BRIDGE_TOKEN must not contain whitespace');

  const dataRaw = env.JAGA_BRIDGE_DATA ?? '';
  if (!dataRaw) throw new ConfigError('JAGA_BRIDGE_DATA must name the bridge data folder');

  const hostRaw = (env.JAGA_BRIDGE_HOST ?? '127.0.0.1').trim().toLowerCase();
  // Only loopback over IPv4: the Host check and the app both speak 127.0.0.1.
  if (hostRaw !== '127.0.0.1' && hostRaw !== 'localhost') {
    throw new ConfigError(`JAGA_BRIDGE_HOST=${hostRaw} refused: the bridge only listens on 127.0.0.1`);
  }

  const simDefaults = {};
  for (const key of SIM_ENV_KEYS) {
    const name = `JAGA_SIM_${key.toUpperCase()}`;
    if (env[name] !== undefined && env[name] !== '') simDefaults[key] = intVar(env, name, 0, 0, 86_400_000);
  }
  if (env.JAGA_SIM_AUTO_ACK !== undefined && env.JAGA_SIM_AUTO_ACK !== '') {
    simDefaults.auto_ack = env.JAGA_SIM_AUTO_ACK === '1';
  }

  const logLevel = env.JAGA_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`JAGA_LOG_LEVEL=${logLevel} is not one of ${LOG_LEVELS.join(', ')}`);
  }

  let pacing;
  try {
    pacing = pacingFromEnv(env);
  } catch (err) {
    throw new ConfigError(`JAGA_PACING_*: ${/** @type {Error} */ (err).message}`);
  }

  const dataDir = path.resolve(dataRaw);
  return {
    token,
    dataDir,
    host: '127.0.0.1',
    port: intVar(env, 'JAGA_BRIDGE_PORT', 0, 0, 65535),
    simControl: env.JAGA_SIM_CONTROL === '1',
    heartbeatMs: intVar(env, 'JAGA_HEARTBEAT_MS', 1000, 50, 600_000),
    logLevel,
    simDefaults,
    media: loadMediaConfig(env, dataDir, (message) => new ConfigError(message)),
    pacing,
  };
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function intVar(env, name, fallback, min, max) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name}=${raw} is not a whole number`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(`${name}=${raw} is outside ${min}..${max}`);
  return value;
}
