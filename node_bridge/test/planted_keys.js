// Key material the tests plant (the sim's libsignal model prints it, test/safe_log.test.js
// hands it to the real libsignal): none of it may ever reach a log. Every bridge the
// harness starts is checked for it when its test ends (helpers.js).

export const PLANTED_KEYS = Object.freeze({
  root: '9f1c2e3d4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5',
  private: '5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060',
  chain: 'c0ffee00deadbeef1234567890abcdef0fedcba9876543210badc0de600dd00d',
});

/**
 * The ways a key could appear in a log line: hex (as is, or spaced as util.inspect prints
 * a Buffer), base64, and the byte list of a Buffer turned to JSON. Prefixes of 8 bytes, so
 * a cut line still counts.
 * @param {string} hex
 */
export function keyForms(hex) {
  const bytes = Buffer.from(hex, 'hex');
  const head = bytes.subarray(0, 8);
  return [
    head.toString('hex'),
    [...head].map((b) => b.toString(16).padStart(2, '0')).join(' '),
    bytes.toString('base64').slice(0, 12),
    [...head].join(','),
  ];
}

/** The planted key forms found in `text` (none, if all is well). @param {string} text */
export function plantedKeysIn(text) {
  const lower = text.toLowerCase();
  return Object.entries(PLANTED_KEYS).flatMap(([name, hex]) =>
    keyForms(hex).filter((form) => (/^[0-9a-f ]+$/.test(form) ? lower : text).includes(form)).map((form) => `${name}: ${form}`));
}
