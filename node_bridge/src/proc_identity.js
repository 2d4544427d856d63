// Who a pid is, not just whether it exists. After a power cut or a kill -9 the pid in a
// lock file may belong to another program by now; kill(pid, 0) then says "alive" and a
// lock would be held for ever. A process is named by (boot, start time), which no later
// process can share: on Linux from /proc, on macOS from `ps`, elsewhere unknown (null).
import fs from 'node:fs';
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
