// The bridge's own BufferJSON (src/storage/buffer_json.js) writes and reads auth state exactly as
// Baileys' does, so stored links stay readable by both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BufferJSON as baileys, initAuthCreds } from '@whiskeysockets/baileys';
import { BufferJSON as ours } from '../../src/storage/buffer_json.js';

const samples = () => [
  initAuthCreds(),
  { keyData: new Uint8Array(randomBytes(32)), fingerprint: { rawId: 7, currentIndex: 1, deviceIndexes: [0, 3] }, timestamp: '1760000000' },
  { plain: 'text', n: 5, list: [1, 2, 3], nested: { b: Buffer.from('x'), u: new Uint8Array([1, 2]) } },
  { '0': 1, '1': 2, '2': 255 }, // a Buffer that went through plain JSON once: back as bytes
  { type: 'Buffer', data: [1, 2, 3] },
  null,
  [Buffer.from('a'), 'b'],
];

test("written text is Baileys' text, and either reads the other's", () => {
  for (const value of samples()) {
    const text = JSON.stringify(value, ours.replacer);
    assert.equal(text, JSON.stringify(value, baileys.replacer));
    assert.deepEqual(JSON.parse(text, ours.reviver), JSON.parse(text, baileys.reviver));
  }
});
