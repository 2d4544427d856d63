"""Scenario 4: the bridge hangs (SIGSTOP) while numbers are connected.

Jaga's supervisor kills a bridge whose event stream (events or the heartbeat, every
second) has been silent for `hang_timeout` (default policy: 6 s) and 1 s of grace, so
detection takes 6-7 s by design (goal: replaced, every number connected again, within
10 s). Measured: SIGSTOP → the supervisor's kill took effect (process gone), → truthful
status, → all numbers connected again.
Baseline: the 5-minute poller, whose request to a frozen bridge times out after 5 s.
"""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
from typing import Any

import psutil

from bench import baseline
from bench.context import Context
from bench.crash import ratio
from bench.harness import Fleet, ms, stats

NAME = "hang"
NUMBERS = 20
NUMBERS_QUICK = 5


async def measure(ctx: Context) -> dict[str, Any]:
    runs = ctx.count(5, 1)
    n = NUMBERS_QUICK if ctx.quick else NUMBERS
    fleet = Fleet(ctx.folder("hang-jaga"))
    rows: dict[str, list[float]] = {"detected_ms": [], "truthful_ms": [], "all_connected_ms": []}
    reasons = []
    try:
        await fleet.start()
        await fleet.link(n)
        view = fleet.view
        for i in range(runs):
            # A random moment of the bridge's heartbeat period (and of its keep-alives).
            await fleet.settle(0.5, 2.5)
            downs = len(view.down_at)
            pid, at = await fleet.kill(signal.SIGSTOP)
            try:
                truthful = await view.until(view.truthful_down, 40, "hang detected")
                back = await view.until(
                    lambda: view.all_connected(n) and fleet.service.bridge_up, 60, "back"
                )
            finally:
                if psutil.pid_exists(pid):
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGCONT)
            view.verify()
            reasons.append(fleet.service.supervisor.machine.last_exit or "")
            rows["detected_ms"].append(ms(view.down_at[downs] - at))
            rows["truthful_ms"].append(ms(truthful - at))
            rows["all_connected_ms"].append(ms(back - at))
            ctx.log(
                f"  jaga hang {i + 1}/{runs}: killed after {rows['detected_ms'][-1]:.0f} ms "
                f"({reasons[-1]}), all connected {rows['all_connected_ms'][-1]:.0f} ms"
            )
    finally:
        await fleet.close()
    if not all("hung" in r for r in reasons):
        raise AssertionError(f"the bridge was not killed as hung: {reasons}")
    ctx.log("  seed: hang detection by polling (interval scaled down)")
    seed = await baseline.seed_detection(
        ctx.folder("hang-seed"), kills=ctx.count(10, 3), hangs=ctx.count(3, 1), log=ctx.log
    )
    # A hang is noticed at the next poll, like a crash, but that poll then waits for its
    # timeout. Every measured wait-for-poll (crash and hang runs alike: the crash moment is
    # uniform over the cycle either way), scaled up, plus the median poll time measured on
    # the frozen bridge.
    scale = baseline.REAL_INTERVAL_S / baseline.SCALED_INTERVAL_S
    own = statistics.median(seed["hang_own_ms"])
    waits = seed["crash_wait_ms"] + seed["hang_wait_ms"]
    jaga = stats(rows["detected_ms"], "ms", 0)
    seed_derived = stats([w * scale + own for w in waits], "ms", 0)
    return {
        "hang_detected": {
            "title": "hang (SIGSTOP) → detected and killed",
            "numbers_connected": n,
            "jaga": jaga,
            "jaga_truthful": stats(rows["truthful_ms"], "ms", 0),
            "jaga_all_connected": stats(rows["all_connected_ms"], "ms", 0),
            "policy": "stall 3 s, hang 6 s + 1 s grace (default), bridge heartbeat 1 s (default)",
            "goal_all_connected_ms": 10_000,
            "seed": seed_derived,
            "seed_label": (
                f"derived for a {baseline.REAL_INTERVAL_S:g} s poll with a "
                f"{baseline.POLL_TIMEOUT_S:g} s request timeout: {len(waits)} measured "
                f"waits for the next {baseline.SCALED_INTERVAL_S:g} s poll scaled x{scale:g}, "
                f"plus the measured poll time on a frozen bridge ({own:.0f} ms, n="
                f"{len(seed['hang_own_ms'])}); the seed only notices, it does not replace "
                "the process"
            ),
            "seed_measured_at_scaled_interval": stats(seed["hang_measured_ms"], "ms", 0),
            "ratio": ratio(seed_derived["median"], jaga["median"]),
        }
    }
