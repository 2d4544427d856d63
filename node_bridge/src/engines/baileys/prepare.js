// Before a socket is made: the WhatsApp Web version it announces (versions.js). Fetched at
// the first connect of the bridge's run (and again after a 405/409 asked for it), never for
// a fixed `wa_version` option or a test endpoint (`ws_url`): those are not WhatsApp.
import { parseOptions } from './options.js';
import { versionsFor } from './versions.js';

/**
 * @param {{options?: Record<string, unknown>, meta?: any, log: import('pino').Logger, versionStale?: boolean}} ctx
 * @param {{fetch?: import('./versions.js').WaVersions['fetch']}} [deps] the version fetcher (tests)
 */
export async function prepareConnection(ctx, { fetch } = {}) {
  const opts = parseOptions(ctx.options);
  if (opts.version || opts.wsUrl || !ctx.meta) return;
  await versionsFor({ meta: ctx.meta, log: ctx.log, ...(fetch ? { fetch } : {}) }).refresh({ force: ctx.versionStale === true });
}

/**
 * The version a socket announces: the option if given, else the bridge's best known one.
 * @param {{meta?: any, log: import('pino').Logger}} ctx @param {ReturnType<typeof parseOptions>} opts
 * @returns {[number, number, number]|undefined} undefined: Baileys' built-in one
 */
export function announcedVersion(ctx, opts) {
  if (opts.version) return opts.version;
  if (opts.wsUrl || !ctx.meta) return undefined;
  return versionsFor({ meta: ctx.meta, log: ctx.log }).current();
}
