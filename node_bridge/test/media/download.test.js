// Opening an inbound file: which errors mean "expired, ask the phone again" (every shape an
// engine throws, Baileys' Boom first), and the stall guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import pino from 'pino';
import { MediaUnavailableError, guardIdle, httpStatusOf, openMedia } from '../../src/media/download.js';
import { sendTimeoutMs } from '../../src/sessions/util.js';
import { boom } from '../engines/baileys/fake_baileys.js';

const log = pino({ level: 'silent' });

/** A connection whose first download fails with `first`, then serves bytes. @param {unknown} first @param {{reupload?: () => Promise<any>}} [o] */
function conn(first, { reupload = async () => 'new-ref' } = {}) {
  const calls = [];
  return {
    calls,
    async downloadMedia(/** @type {any} */ ref) {
      calls.push(`download:${ref}`);
      if (ref === 'old-ref') throw first;
      return Readable.from([Buffer.from('bytes')]);
    },
    async reuploadMedia(/** @type {any} */ ref) {
      calls.push(`reupload:${ref}`);
      return reupload();
    },
  };
}

/** @param {AsyncIterable<Buffer>} s */
const read = async (s) => { const out = []; for await (const c of s) out.push(c); return Buffer.concat(out).toString(); };

test('404/410 in any shape (Boom output.statusCode, status, statusCode) asks for a re-upload, then downloads again', async () => {
  for (const err of [boom(410, 'Failed to fetch stream'), boom(404, 'x'), Object.assign(new Error('x'), { status: 410 }),
    Object.assign(new Error('x'), { statusCode: 404 })]) {
    const c = conn(err);
    const saved = [];
    const bytes = await read(await openMedia(c, { ref: 'old-ref', type: 'image' }, { log, onReuploaded: (m) => saved.push(m.ref) }));
    assert.equal(bytes, 'bytes');
    assert.deepEqual(c.calls, ['download:old-ref', 'reupload:old-ref', 'download:new-ref']);
    assert.deepEqual(saved, ['new-ref'], 'the new place is saved before the second download');
  }
  assert.equal(httpStatusOf(boom(410, 'x')), 410);
  assert.equal(httpStatusOf(new Error('plain')), null);
});

test('other failures are not re-uploaded; a failed re-upload or a second 410 makes it unavailable', async () => {
  const c = conn(boom(500, 'server error'));
  await assert.rejects(openMedia(c, { ref: 'old-ref' }, { log, onReuploaded: () => {} }), /server error/);
  assert.deepEqual(c.calls, ['download:old-ref']);

  const refused = conn(boom(410, 'gone'), { reupload: async () => { throw boom(404, 'Media re-upload failed by device (NOT_FOUND)'); } });
  await assert.rejects(openMedia(refused, { ref: 'old-ref' }, { log, onReuploaded: () => {} }),
    (e) => e instanceof MediaUnavailableError && /phone did not send it again \(Media re-upload failed/.test(e.message));

  const noAnswer = conn(boom(410, 'gone'), { reupload: async () => { throw Object.assign(new Error('media re-upload timed out after 60000 ms'), { code: 'ETIMEDOUT' }); } });
  await assert.rejects(openMedia(noAnswer, { ref: 'old-ref' }, { log, onReuploaded: () => {} }),
    (e) => !(e instanceof MediaUnavailableError) && /timed out/.test(e.message), 'a phone that does not answer is tried again later');

  const stillGone = conn(boom(410, 'gone'), { reupload: async () => 'old-ref' });
  await assert.rejects(openMedia(stillGone, { ref: 'old-ref' }, { log, onReuploaded: () => {} }),
    (e) => e instanceof MediaUnavailableError && /even after the phone sent it again \(HTTP 410\)/.test(e.message));
});

test('a download that stalls fails after the idle time and its source is stopped', async () => {
  let destroyed = false;
  const stalled = new Readable({ read() {} });
  stalled.push(Buffer.from('first'));
  stalled.destroy = /** @type {any} */ (() => { destroyed = true; return stalled; });
  const got = [];
  await assert.rejects(async () => { for await (const c of guardIdle(stalled, 50)) got.push(String(c)); }, /no data for 0 s/);
  assert.deepEqual(got, ['first']);
  assert.ok(destroyed);
});

test('a media send is given time to upload its file on a slow line; a text send keeps the base timeout', () => {
  assert.equal(sendTimeoutMs({}, 30_000), 30_000);
  assert.equal(sendTimeoutMs({ media: { size: 0 } }, 30_000), 30_000);
  assert.equal(sendTimeoutMs({ media: { size: 20 * 1024 * 1024 } }, 30_000), 30_000 + 640_000);
});
