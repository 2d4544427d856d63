// Engine registry: name → module. Baileys is imported on first use only, so a
// bridge that runs only sim sessions (tests, demo) never loads it.
import fs from 'node:fs';
import { ApiError } from '../server/api_error.js';
import * as sim from './sim/index.js';

const BAILEYS_URL = new URL('./baileys/index.js', import.meta.url);

/** Defaults the session manager applies per engine (before the caller's options). */
const BAILEYS_DEFAULTS = {
  // Baileys pings every 20 s and gives up itself after ~25 s of silence; this is
  // the outer guard in case a socket dies without Baileys noticing.
  keepalive_ms: 60_000,
};

/**
 * @typedef {object} LoadedEngine
 * @property {string} name
 * @property {(ctx: object) => any} createConnection
 * @property {(ctx: object) => Promise<void>} [prepare]  awaited before each createConnection
 * @property {(options: Record<string, unknown>) => void} checkOptions  throws ApiError 400
 * @property {(options: Record<string, unknown>) => {key: string, probe: () => Promise<boolean>}} [networkProbe]
 *   how to tell, cheaply, that this engine's servers are reachable again
 */

export class EngineRegistry {
  /** @param {{simNetwork: sim.SimNetwork}} deps */
  constructor({ simNetwork }) {
    this.simNetwork = simNetwork;
    /** @type {Map<string, LoadedEngine>} */
    this.loaded = new Map();
  }

  /** @returns {string[]} */
  names() {
    return ['sim', 'baileys'];
  }

  /** @param {string} name */
  knows(name) {
    return this.names().includes(name);
  }

  /** Engines whose code is present (the READY line lists them). */
  available() {
    return this.names().filter((n) => n !== 'baileys' || fs.existsSync(BAILEYS_URL));
  }

  /**
   * @param {string} name
   * @returns {Record<string, unknown>}
   */
  defaults(name) {
    return name === 'sim' ? this.simNetwork.sessionDefaults() : { ...BAILEYS_DEFAULTS };
  }

  /**
   * @param {string} name
   * @returns {Promise<LoadedEngine>}
   */
  async load(name) {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    /** @type {LoadedEngine} */
    let engine;
    if (name === 'sim') {
      const network = this.simNetwork;
      engine = {
        name,
        createConnection: (ctx) => sim.createConnection({ ...ctx, network }),
        checkOptions: () => {},
        // The sim's network switch is the whole "internet" of its numbers.
        networkProbe: () => ({ key: 'sim', probe: async () => network.networkUp }),
      };
    } else if (name === 'baileys') {
      engine = await loadBaileys();
    } else {
      throw new ApiError(400, 'unknown_engine', `engine must be one of ${this.names().join(', ')}`);
    }
    this.loaded.set(name, engine);
    return engine;
  }
}

/** @returns {Promise<LoadedEngine>} */
async function loadBaileys() {
  if (!fs.existsSync(BAILEYS_URL)) {
    throw new ApiError(503, 'engine_unavailable', 'The baileys engine is not installed in this bridge.');
  }
  let mod;
  try {
    mod = await import(BAILEYS_URL.href);
  } catch (err) {
    throw new ApiError(503, 'engine_unavailable',
      `The baileys engine could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    name: 'baileys',
    createConnection: (ctx) => mod.createConnection(ctx),
    // Before each socket: the WhatsApp Web version to announce (engines/baileys/versions.js).
    prepare: (ctx) => mod.prepareConnection(ctx),
    networkProbe: (options) => mod.networkProbe(options),
    checkOptions: (options) => {
      if (typeof mod.parseOptions !== 'function') return;
      try {
        mod.parseOptions(options);
      } catch (err) {
        throw new ApiError(400, 'bad_options', err instanceof Error ? err.message : String(err));
      }
    },
  };
}
