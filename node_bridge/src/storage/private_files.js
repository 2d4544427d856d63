// The bridge's folder holds the WhatsApp link keys: nobody but this user may read it.
// The umask makes every new file 0600 and folder 0700; what older versions (or the app,
// creating bridge/ first) left wider is narrowed at start. On Windows the user's profile
// ACLs do this job and POSIX modes mean little, so nothing is changed there.
import fs from 'node:fs';
import path from 'node:path';

/** @param {string} dataDir */
export function keepPrivate(dataDir) {
  if (process.platform === 'win32') return;
  process.umask(0o077);
  fs.chmodSync(dataDir, 0o700);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    const full = path.join(dataDir, entry.name);
    try {
      if (entry.isDirectory()) {
        fs.chmodSync(full, 0o700);
        // a folder inside (media/ab/ when the media store lives here) must stay enterable
        for (const inner of fs.readdirSync(full, { withFileTypes: true })) {
          fs.chmodSync(path.join(full, inner.name), inner.isDirectory() ? 0o700 : 0o600);
        }
      } else if (entry.isFile()) {
        fs.chmodSync(full, 0o600);
      }
    } catch {
      // vanished meanwhile, or not ours: the next start tries again
    }
  }
}
