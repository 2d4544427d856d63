// Who a pid is, not just whether it exists. After a power cut or a kill -9 the pid in a
// lock file may belong to another program by now; kill(pid, 0) then says "alive" and a
// lock would be held for ever. A process is named by (boot, start time), which no later
// process can share: on Linux from /proc, on macOS from `ps`, elsewhere unknown (null).
// And what a pid is: a Jaga bridge of a given data folder, or some other program.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** @returns {string} this boot's id ('' where the OS does not tell) */
function bootId() {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * A token that names the process `pid` for as long as it lives, or null if unknown
 * (no such process, or a platform where we cannot tell).
 * @param {number} pid
 * @returns {string|null}
 */
export function processStartToken(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 22 (starttime, clock ticks since boot) counts from after the ")" that ends
      // the command name, which may itself contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const start = fields[19];
      return start ? `linux:${bootId()}:${start}` : null;
    } catch {
      return null;
    }
  }
  if (process.platform === 'darwin') {
    const ps = spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 });
    const start = ps.status === 0 ? ps.stdout.trim() : '';
    return start ? `darwin:${start}` : null;
  }
  return null;
}

/** `…/src/main.js`: the bridge's entry, from a checkout or a frozen app. @param {string} arg */
const isBridgeEntry = (arg) => path.basename(arg) === 'main.js' && path.basename(path.dirname(arg)) === 'src';

/** @param {string} a @param {string} b */
function samePath(a, b) {
  const real = (/** @type {string} */ p) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Is the process `pid` a Jaga bridge serving `dataDir`? true, false, or null where this
 * platform cannot tell. On Linux from /proc (its command line and its JAGA_BRIDGE_DATA;
 * another user's process shows only its command line), on macOS from `ps` (the command).
 * @param {number} pid @param {string} dataDir
 * @returns {boolean|null}
 */
export function isBridgeOf(pid, dataDir) {
  if (process.platform === 'linux') {
    let argv;
    try {
      argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      return null;
    }
    if (!argv.some(isBridgeEntry)) return false;
    let environ;
    let cwd;
    try {
      environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      return true; // not ours to read: its command line is all we know
    }
    const data = environ.find((entry) => entry.startsWith('JAGA_BRIDGE_DATA='))?.slice('JAGA_BRIDGE_DATA='.length);
    return data !== undefined && samePath(path.resolve(cwd, data), dataDir);
  }
  if (process.platform === 'darwin') {
    const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 });
    if (ps.status !== 0) return null;
    return ps.stdout.trim().split(/\s+/).some(isBridgeEntry);
  }
  return null;
}
