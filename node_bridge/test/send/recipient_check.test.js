// A new recipient is asked about once: is the phone on WhatsApp (rc14 onWhatsApp, a usync
// contact query, socket.js:222-246: [{jid, exists: true}] for a phone on WhatsApp, nothing
// listed for one that is not)? A "no" fails the message at once, in words, and is remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { managedBaileys } from '../engines/baileys/baileys_manager.js';
import { harness } from '../helpers.js';

/** rc14's answers: a phone listed only when it is on WhatsApp. */
function usync(sock, notOnWhatsApp) {
  sock.asked = [];
  sock.onWhatsApp = async (...jids) => {
    sock.asked.push(...jids);
    return jids.filter((j) => !notOnWhatsApp.has(j.split('@')[0])).map((jid) => ({ jid, exists: true }));
  };
}

test('a phone not on WhatsApp fails the message in words, takes no pacing slot, and is asked about once', async (t) => {
  // Seen failing against main: nothing asked; the message was "sent" and stayed so forever.
  const env = await managedBaileys(t);
  const sock = await env.connect();
  usync(sock, new Set(['628999000001']));
  const send = (to, id, extra = {}) => env.manager.send('acc', { to, text: 'halo', client_id: id, ...extra });
  await assert.rejects(send('628999000001', 'a'), (err) => err.statusCode === 422 && err.code === 'not_on_whatsapp'
    && err.message === 'The number 628999000001 is not on WhatsApp; the message was not sent.');
  await assert.rejects(send('628999000001', 'b'), (err) => err.code === 'not_on_whatsapp');
  assert.deepEqual(sock.asked, ['628999000001@s.whatsapp.net'], 'asked once, then remembered');
  assert.equal(sock.sent.length, 0);
  assert.equal(env.manager.pacing.pacers.get('acc')?.newContacts ?? 0, 0, 'no new-contact slot used');

  assert.equal((await send('628999000002', 'c')).status, 'sent');
  assert.equal((await send('628999000002', 'd')).status, 'sent');
  assert.equal((await send('628999000003', 'e', { new_contact: false })).status, 'sent', 'a chat it already has');
  assert.equal((await send('120363000000000001@g.us', 'f')).status, 'sent', 'a group');
  assert.deepEqual(sock.asked, ['628999000001@s.whatsapp.net', '628999000002@s.whatsapp.net']);

  // Remembered in bridge.sqlite3: a restarted bridge does not ask again.
  await env.restart();
  const next = await env.connect();
  usync(next, new Set());
  await assert.rejects(env.manager.send('acc', { to: '628999000001', text: 'halo', client_id: 'g' }), (err) => err.code === 'not_on_whatsapp');
  assert.equal((await env.manager.send('acc', { to: '628999000002', text: 'halo', client_id: 'h' })).status, 'sent');
  assert.deepEqual(next.asked, []);
});

test('a question WhatsApp does not answer lets the message go (and is asked again next time)', async (t) => {
  const env = await managedBaileys(t);
  const sock = await env.connect();
  let calls = 0;
  sock.onWhatsApp = async () => {
    calls += 1;
    return undefined; // rc14's onWhatsApp answers undefined when the usync query gives nothing
  };
  assert.equal((await env.manager.send('acc', { to: '628999000004', text: 'halo', client_id: 'x' })).status, 'sent');
  sock.onWhatsApp = async () => {
    calls += 1;
    throw new Error('timed out');
  };
  assert.equal((await env.manager.send('acc', { to: '628999000004', text: 'again', client_id: 'y' })).status, 'sent');
  assert.equal(calls, 2);
});

test('sim: a phone not on WhatsApp fails the message (422 not_on_whatsapp), asked once per phone', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  await b.api('POST', '/sim/recipients', { phone: '628777000001', on_whatsapp: false });
  const first = await b.api('POST', '/sessions/shop/messages', { to: '628777000001', text: 'halo', client_id: 'n1' });
  assert.deepEqual([first.status, first.body.error.code], [422, 'not_on_whatsapp']);
  const again = await b.api('POST', '/sessions/shop/messages', { to: '628777000001', text: 'halo', client_id: 'n2' });
  assert.equal(again.status, 422);
  const ok = await b.api('POST', '/sessions/shop/messages', { to: '628777000002', text: 'halo', client_id: 'y1' });
  assert.equal(ok.status, 200);
  const { body } = await b.api('GET', '/sim/network');
  assert.deepEqual(body.whatsapp_checks.map((c) => c.phone), ['628777000001', '628777000002']);
  assert.deepEqual(body.sent.map((m) => m.to), ['628777000002']);
});
