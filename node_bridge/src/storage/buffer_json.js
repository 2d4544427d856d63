// How auth state is written as text: Baileys' BufferJSON, byte for byte
// (node_modules/@whiskeysockets/baileys/lib/Utils/generics.js:8-32, 7.0.0-rc14), kept here
// so that reading and writing stored auth does not load Baileys itself (60 MiB and half a
// second at every bridge start, also for a bridge with no real number to run).
// test/buffer_json.test.js checks that both read and write the same text.

export const BufferJSON = {
  /** @param {string} _key @param {any} value */
  replacer: (_key, value) => {
    if (Buffer.isBuffer(value) || value instanceof Uint8Array || value?.type === 'Buffer') {
      return { type: 'Buffer', data: Buffer.from(value?.data || value).toString('base64') };
    }
    return value;
  },
  /** @param {string} _key @param {any} value */
  reviver: (_key, value) => {
    if (typeof value === 'object' && value !== null && value.type === 'Buffer' && typeof value.data === 'string') {
      return Buffer.from(value.data, 'base64');
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length > 0 && keys.every((k) => !Number.isNaN(parseInt(k, 10)))) {
        const values = Object.values(value);
        if (values.every((v) => typeof v === 'number')) return Buffer.from(values);
      }
    }
    return value;
  },
};
