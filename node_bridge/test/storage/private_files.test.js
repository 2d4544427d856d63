// The bridge's folder is this user's alone (src/storage/private_files.js): what it finds there
// readable by the group (0640 files, 0750 folders, as an older version or a copy left
// them) is narrowed at start, and what it makes itself (its database, lock, media, the
// link keys inside) is 0600/0700 even when it was started with the desktop's usual umask.
//
// Seen failing against: the umask line removed from keepPrivate (new files 0644), and a
// narrowing only of modes open to others (`mode & 0o007`): the existing check used 0755.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { harness } from '../helpers.js';

/** Every entry under `root` whose mode lets the group or others in. @param {string} root */
function opened(root) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink() || st.isSocket()) continue;
      if (st.mode & 0o077) found.push(`${path.relative(root, full)} ${(st.mode & 0o777).toString(8)}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  if (fs.statSync(root).mode & 0o077) found.push(`. ${(fs.statSync(root).mode & 0o777).toString(8)}`);
  walk(root);
  return found;
}

test('group-readable leftovers are narrowed and the bridge\'s own new files are private', { skip: process.platform === 'win32' }, async (t) => {
  const h = harness(t);
  const previous = process.umask(0o022); // the bridge inherits a desktop's umask from its parent
  t.after(() => process.umask(previous));
  const dataDir = h.tempDir();
  fs.chmodSync(dataDir, 0o750);
  fs.writeFileSync(path.join(dataDir, 'left-by-a-copy.json'), '{}');
  fs.chmodSync(path.join(dataDir, 'left-by-a-copy.json'), 0o640);
  fs.mkdirSync(path.join(dataDir, 'older'));
  fs.chmodSync(path.join(dataDir, 'older'), 0o750);
  fs.writeFileSync(path.join(dataDir, 'older', 'notes.txt'), 'x');
  fs.chmodSync(path.join(dataDir, 'older', 'notes.txt'), 0o660);
  assert.equal(opened(dataDir).length, 4, 'the leftovers are open to the group');

  const b = await h.start({ dataDir, env: { JAGA_BRIDGE_MEDIA: path.join(dataDir, 'media') } });
  const events = await b.events();
  await b.linkedSession('shop');
  const photo = { type: 'image', mimetype: 'image/jpeg', data_b64: randomBytes(5_000).toString('base64') };
  await b.api('POST', '/sim/sessions/shop/inbound', { messages: [{ from: '628111000222', message_id: 'P1', media: photo }] });
  await events.next((e) => e.type === 'message.in' && e.data.message_id === 'P1', 15_000);

  const names = fs.readdirSync(dataDir);
  for (const made of ['bridge.sqlite3', 'bridge.lock', 'media']) assert.ok(names.includes(made), made);
  assert.deepEqual(opened(dataDir), [], 'nothing in the bridge folder is open to the group or others');
  await b.closeStdin();
  assert.deepEqual(opened(dataDir), []);
});
