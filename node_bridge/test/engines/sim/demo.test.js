// The demo's controls in the sim: WhatsApp refuses a number's next message, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from '../../helpers.js';

test('refuse-next: the next message fails with the code, the one after it goes', async (t) => {
  const h = harness(t);
  const b = await h.start();
  const events = await b.events();
  await b.linkedSession('shop');
  const set = await b.api('POST', '/sim/sessions/shop/refuse-next', { code: 463 });
  assert.deepEqual([set.status, set.body], [200, { refuse_next: 463 }]);
  // A send is answered on WhatsApp's ack: the refusal comes in the answer, then the next goes.
  const answers = [];
  for (const id of ['first', 'second']) {
    const res = await b.api('POST', '/sessions/shop/messages', { to: '628200000001', text: 'halo', client_id: id });
    answers.push([res.status, res.body.error?.error_code]);
  }
  assert.deepEqual(answers, [[422, '463'], [200, undefined]]);
  const refused = await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'first');
  assert.deepEqual([refused.data.status, refused.data.error_code], ['failed', '463']);
  await events.next((e) => e.type === 'message.ack' && e.data.client_id === 'second' && e.data.status === 'sent');
  const bad = await b.api('POST', '/sim/sessions/shop/refuse-next', { code: 500 });
  assert.equal(bad.status, 400);
});
