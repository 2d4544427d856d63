// Media limits: per file and for the whole store. Set at spawn from the environment,
// changed at runtime by PUT /config/media (the owner's Settings apply at once), and
// published in READY and GET /health next to the other limits.
import path from 'node:path';
import { ApiError } from '../server/api_error.js';

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;
/** Nothing larger is ever asked for (WhatsApp's own ceiling is 2 GB per file). */
const CEILING = 2 ** 50;

/**
 * @typedef {{root: string, maxFileBytes: number, maxTotalBytes: number}} MediaConfig
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} dataDir  the bridge's folder: media/ beside it is the default store
 * @param {(message: string) => Error} fail  makes the configuration error to throw
 * @returns {MediaConfig}
 */
export function loadMediaConfig(env, dataDir, fail) {
  const raw = env.JAGA_BRIDGE_MEDIA ?? '';
  return {
    root: raw ? path.resolve(raw) : path.join(dataDir, 'media'),
    maxFileBytes: sizeVar(env, 'JAGA_MEDIA_MAX_FILE_BYTES', DEFAULT_MAX_FILE_BYTES, fail),
    maxTotalBytes: sizeVar(env, 'JAGA_MEDIA_MAX_TOTAL_BYTES', DEFAULT_MAX_TOTAL_BYTES, fail),
  };
}

/** @param {NodeJS.ProcessEnv} env @param {string} name @param {number} fallback @param {(m: string) => Error} fail */
function sizeVar(env, name, fallback, fail) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > CEILING) {
    throw fail(`${name}=${value} must be a whole number of bytes, at least 1`);
  }
  return Number(value.trim());
}

export class MediaLimits {
  /** @param {{maxFileBytes: number, maxTotalBytes: number}} initial */
  constructor({ maxFileBytes, maxTotalBytes }) {
    this.maxFileBytes = maxFileBytes;
    this.maxTotalBytes = maxTotalBytes;
  }

  view() {
    return { media_max_file_bytes: this.maxFileBytes, media_max_total_bytes: this.maxTotalBytes };
  }

  /** PUT /config/media: either or both keys; nothing changes unless all are valid. @param {Record<string, unknown>} body */
  update(body) {
    const known = new Set(['max_file_bytes', 'max_total_bytes']);
    for (const key of Object.keys(body)) {
      if (!known.has(key)) throw new ApiError(400, 'bad_request', `unknown key "${key}" (known: max_file_bytes, max_total_bytes)`);
    }
    const next = { maxFileBytes: this.maxFileBytes, maxTotalBytes: this.maxTotalBytes };
    for (const [key, field] of /** @type {const} */ ([['max_file_bytes', 'maxFileBytes'], ['max_total_bytes', 'maxTotalBytes']])) {
      const value = body[key];
      if (value === undefined) continue;
      if (!Number.isSafeInteger(value) || /** @type {number} */ (value) < 1) {
        throw new ApiError(400, 'bad_request', `${key} must be a whole number of bytes, at least 1`);
      }
      next[field] = /** @type {number} */ (value);
    }
    this.maxFileBytes = next.maxFileBytes;
    this.maxTotalBytes = next.maxTotalBytes;
    return this.view();
  }
}
