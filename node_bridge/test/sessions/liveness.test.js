// The keep-alive window on an injected clock: when a silent connection is judged dead is
// a rule, checked here without waiting; sessions_sim.test.js checks the same rule end to
// end (a silenced sim connection reconnects with keepalive_timeout), and the bench times it.
// Seen failing against a window checked with `<` instead of `<=` (dead at exactly 600 ms
// quiet) and against a watch that is not stopped once it has told (told again and again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Liveness } from '../../src/sessions/liveness.js';

/** A Liveness on a clock the test moves, its checks run by Node's mock timers. */
function stepped(t, windowMs) {
  t.mock.timers.enable({ apis: ['setInterval'] });
  let now = 1_000;
  const liveness = new Liveness(() => now);
  const silent = [];
  liveness.opened();
  liveness.arm(windowMs, () => true, (quiet) => silent.push(quiet));
  t.after(() => liveness.stop());
  const advance = (ms) => {
    now += ms;
    t.mock.timers.tick(ms);
  };
  return { liveness, silent, advance };
}

test('a connection with frames inside the window is never judged dead', (t) => {
  const { liveness, silent, advance } = stepped(t, 600);
  for (let i = 0; i < 20; i += 1) {
    advance(200); // a frame every 200 ms, as the sim sends them (keepalive / 3)
    liveness.activity();
  }
  assert.deepEqual(silent, []);
});

test('silence up to the window is tolerated; past it, dead once, with how long it was quiet', (t) => {
  const { liveness, silent, advance } = stepped(t, 600);
  advance(150);
  liveness.activity(); // the last frame
  advance(600); // checks every 150 ms: quiet 150, 300, 450, 600 ms: not yet past the window
  assert.deepEqual(silent, []);
  advance(150);
  assert.deepEqual(silent, [750]);
  advance(3_000);
  assert.deepEqual(silent, [750], 'told once: the watch stops');
});

test('a connection no longer watched (replaced, closed) is never judged dead', (t) => {
  t.mock.timers.enable({ apis: ['setInterval'] });
  let now = 0;
  const liveness = new Liveness(() => now);
  const silent = [];
  liveness.opened();
  liveness.arm(600, () => false, (quiet) => silent.push(quiet));
  now += 5_000;
  t.mock.timers.tick(5_000);
  assert.deepEqual(silent, []);
  liveness.stop();
});
