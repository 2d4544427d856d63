"""Scenarios 1-3: SIGKILL the bridge while N numbers are connected.

For every kill, against the real app core:
- crash → truthful: until `service.bridge_up` is False and no account is stored as
  connected (the time of the service's own signal after the last status write);
- crash → READY: until the supervisor has read the new bridge's READY line;
- crash → all N connected: until every account is stored as connected again (restored
  from stored auth, no rescan).
Baselines (bench.baseline): detection by 5-minute polling, restart by a process manager,
restoration after a fixed 5 s sleep.
"""

from __future__ import annotations

import signal
from typing import Any

from bench import baseline
from bench.context import Context
from bench.harness import Fleet, ms, stats

NAME = "crash"
#: Kills per fleet size (numbers connected); scenario 1 and 2 headline figures use N=20.
FULL_SIZES = {1: 10, 20: 20, 100: 10}
QUICK_SIZES = {1: 3, 20: 3}
HEADLINE_N = 20
SEED_FULL = {1: 3, 20: 3, 100: 3}
SEED_QUICK = {1: 2, 20: 2}


def sizes(ctx: Context, full: dict[int, int], quick: dict[int, int]) -> dict[int, int]:
    chosen = quick if ctx.quick else full
    if ctx.repeat is not None:
        return dict.fromkeys(chosen, ctx.repeat)
    return dict(chosen)


async def kill_once(fleet: Fleet, n: int) -> dict[str, float]:
    view = fleet.view
    readies = len(view.ready_at)
    old_pid, at = await fleet.kill(signal.SIGKILL)
    truthful = await view.until(view.truthful_down, 10, "truthful status after the kill")
    ready = await view.until(lambda: len(view.ready_at) > readies, 30, "READY after the kill")
    back = await view.until(
        lambda: view.all_connected(n) and fleet.service.bridge_up, 120, f"{n} connected again"
    )
    view.verify()
    if fleet.pid == old_pid:
        raise AssertionError("the bridge was not replaced")
    return {
        "truthful_ms": ms(truthful - at),
        "ready_ms": ms(ready - at),
        "all_connected_ms": ms(back - at),
    }


async def run_jaga(ctx: Context, plan: dict[int, int]) -> dict[int, dict[str, list[float]]]:
    fleet = Fleet(ctx.folder("crash-jaga"))
    out: dict[int, dict[str, list[float]]] = {}
    try:
        await fleet.start()
        for n, kills in sorted(plan.items()):
            ctx.log(f"  jaga: linking {n} numbers")
            await fleet.link(n)
            rows: dict[str, list[float]] = {}
            for i in range(kills):
                await fleet.settle()
                result = await kill_once(fleet, n)
                for key, value in result.items():
                    rows.setdefault(key, []).append(value)
                ctx.log(
                    f"  jaga N={n} kill {i + 1}/{kills}: truthful {result['truthful_ms']:.1f} ms,"
                    f" READY {result['ready_ms']:.0f} ms,"
                    f" all connected {result['all_connected_ms']:.0f} ms"
                )
            out[n] = rows
    finally:
        await fleet.close()
    return out


def ratio(seed: float | None, jaga: float | None) -> float | None:
    if not seed or not jaga:
        return None
    return round(seed / jaga, 1)


async def measure(ctx: Context) -> dict[str, Any]:
    plan = sizes(ctx, FULL_SIZES, QUICK_SIZES)
    headline = HEADLINE_N if HEADLINE_N in plan else max(plan)
    jaga = await run_jaga(ctx, plan)
    ctx.log("  seed: detection by polling (interval scaled down)")
    detection = await baseline.seed_detection(
        ctx.folder("crash-seed"), kills=ctx.count(30, 5), hangs=0, log=ctx.log
    )
    seed_plan = sizes(ctx, SEED_FULL, SEED_QUICK)
    ctx.log("  seed: restart by a process manager, restore after a fixed 5 s sleep")
    restore = await baseline.seed_restore(ctx.folder("crash-seed"), sizes=seed_plan, log=ctx.log)

    truthful = stats(jaga[headline]["truthful_ms"])
    seed_truthful = stats(detection["crash_derived_ms"], "ms", 0)
    ready = stats(jaga[headline]["ready_ms"])
    seed_ready_samples = [v for r in restore["by_n"].values() for v in r["ready_ms"]]
    seed_ready = stats(seed_ready_samples)
    restore_rows = {}
    for n in sorted(plan):
        row: dict[str, Any] = {"jaga": stats(jaga[n]["all_connected_ms"])}
        if n in restore["by_n"]:
            row["seed"] = stats(restore["by_n"][n]["all_connected_ms"])
            row["ratio"] = ratio(row["seed"]["median"], row["jaga"]["median"])
        restore_rows[str(n)] = row
    return {
        "crash_truthful": {
            "title": "crash → truthful status",
            "numbers_connected": headline,
            "jaga": truthful,
            "jaga_by_n": {str(n): stats(jaga[n]["truthful_ms"]) for n in sorted(plan)},
            "seed": seed_truthful,
            "seed_label": (
                f"derived for a {baseline.REAL_INTERVAL_S:g} s poll: measured with a "
                f"{baseline.SCALED_INTERVAL_S:g} s poll, wait-for-poll scaled x"
                f"{baseline.REAL_INTERVAL_S / baseline.SCALED_INTERVAL_S:g}"
            ),
            "seed_measured_at_scaled_interval": stats(detection["crash_measured_ms"]),
            "seed_expected_median_ms": baseline.REAL_INTERVAL_S / 2 * 1000,
            "ratio": ratio(seed_truthful["median"], truthful["median"]),
        },
        "crash_ready": {
            "title": "crash → bridge READY again",
            "numbers_connected": headline,
            "jaga": ready,
            "jaga_by_n": {str(n): stats(jaga[n]["ready_ms"]) for n in sorted(plan)},
            "seed": seed_ready,
            "seed_label": "process manager restarting at once (all seed N pooled)",
            "ratio": ratio(seed_ready["median"], ready["median"]),
        },
        "crash_restore": {
            "title": "crash → all N connected again",
            "by_n": restore_rows,
            "seed_label": (
                f"restart at once, fixed {baseline.RESTORE_SLEEP_S:g} s sleep, then start "
                "every session (1-2-4 s retries on connection refused: "
                f"{restore['connection_refused_retries']} needed)"
            ),
        },
    }
