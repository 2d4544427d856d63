// Group sends take the group's metadata from a cache (rc14 asks cachedGroupMetadata first
// and queries groupMetadata, rate-limited by WhatsApp, when it gets nothing:
// messages-send.js:498-507), fetched once and again when the group changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { managedBaileys } from './baileys/baileys_manager.js';
import { eventually, harness } from '../helpers.js';

const GROUP = '120363041234567890@g.us';

test('a group is asked about once for many sends, and again after groups.update / group-participants.update', async (t) => {
  // Seen failing against main: no cachedGroupMetadata, so rc14's default (nothing,
  // Defaults/index.js:81) made every group send query the group's metadata.
  const env = await managedBaileys(t);
  const sock = await env.connect();
  for (const id of ['g1', 'g2', 'g3']) await env.manager.send('acc', { to: GROUP, text: 'promo', client_id: id });
  assert.deepEqual(sock.metadataQueries, [GROUP], 'fetched once');
  const kept = await sock.config.cachedGroupMetadata(GROUP);
  assert.deepEqual(kept.participants.map((p) => p.id), ['628111@s.whatsapp.net'], 'what rc14 reads before a send');
  assert.equal(await sock.config.cachedGroupMetadata('120363000000000000@g.us'), undefined);

  // Shapes of rc14 process-message.js:476-492 (stub messages of a group).
  sock.ev.emit('group-participants.update', { id: GROUP, author: '628111@s.whatsapp.net', participants: [{ id: '628222@s.whatsapp.net' }], action: 'add' });
  await eventually(() => sock.metadataQueries.length === 2, { what: 'fetched again after participants changed' });
  sock.ev.emit('groups.update', [{ id: GROUP, subject: 'Promo minggu ini', author: '628111@s.whatsapp.net' }]);
  await eventually(() => sock.metadataQueries.length === 3, { what: 'fetched again after the group changed' });
  await env.manager.send('acc', { to: GROUP, text: 'promo', client_id: 'g4' });
  assert.equal(sock.metadataQueries.length, 3, 'the send used the fresh copy');

  // Kept across a reconnect of the number (the cache outlives one socket).
  env.drop(sock);
  const next = await env.reopened();
  await env.manager.send('acc', { to: GROUP, text: 'promo', client_id: 'g5' });
  assert.deepEqual(next.metadataQueries, []);
});

test('sim: one metadata question per group; a change of participants fetches it again', async (t) => {
  const h = harness(t);
  const b = await h.start();
  await b.linkedSession('shop');
  const group = (await b.api('POST', '/sim/sessions/shop/groups', { subject: 'Reseller', participants: ['628500000001'] })).body;
  for (const id of ['s1', 's2']) assert.equal((await b.api('POST', '/sessions/shop/messages', { to: group.jid, text: 'hi', client_id: id })).status, 200);
  const queries = async () => (await b.api('GET', '/sim/network')).body.group_metadata_queries.map((q) => q.group);
  assert.deepEqual(await queries(), [group.jid]);
  const changed = await b.api('POST', '/sim/sessions/shop/group-participants', { group: group.jid, add: ['628500000002'] });
  assert.deepEqual(changed.body.participants, ['628500000001', '628500000002']);
  await eventually(async () => (await queries()).length === 2, { what: 'fetched again' });
  assert.equal((await b.api('POST', '/sessions/shop/messages', { to: group.jid, text: 'hi', client_id: 's3' })).status, 200);
  assert.equal((await queries()).length, 2);
});
