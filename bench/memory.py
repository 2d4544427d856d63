"""Scenario 6: memory. The bridge's RSS with 0, 1, 20, 100 connected sim sessions, and the
app's RSS.

Bridge: one app core links 100 numbers; then for each size k, every number but the
first k is set to "stopped", the bridge is restarted (the owner's Restart) and restores
the k; 1.5 s after all k are connected, RSS is read five times 100 ms apart (median). A
fresh process per size, so one size's garbage does not inflate the next. The per-session
figure is (RSS(k) - RSS(0)) / k.
App: the real desktop app (`python -m app`, offscreen, main window shown) on folders
with 0 and 20 linked numbers, 2 s after all are connected (see bench.launch).
Also bench/baileys_rss.mjs: the Baileys engine's own cost per idle connection.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
from typing import Any

from bench.context import Context
from bench.harness import ROOT, Fleet, stats
from bench.launch import launch_once, prepare

NAME = "memory"
SIZES = (0, 1, 20, 100)
SIZES_QUICK = (0, 1, 20)
APP_SIZES = (0, 20)
APP_SIZES_QUICK = (0, 5)
MIB = 2**20
SETTLE_S = 1.5


async def bridge_rss(ctx: Context, sizes: tuple[int, ...], rounds: int) -> dict[int, list[float]]:
    fleet = Fleet(ctx.folder("memory-jaga"))
    service = fleet.service
    out: dict[int, list[float]] = {k: [] for k in sizes}
    try:
        await fleet.start()
        await fleet.link(max(sizes))
        ids = list(fleet.view.status)
        for r in range(rounds):
            for k in sizes:
                for i, account_id in enumerate(ids):
                    service.set_wanted(account_id, i < k)
                readies = len(fleet.view.ready_at)
                service.supervisor.restart()
                await fleet.view.until(lambda r=readies: len(fleet.view.ready_at) > r, 30, "READY")
                await fleet.wait_running()

                def settled(k: int = k) -> bool:
                    status = fleet.view.status
                    return all(
                        status[a] == ("connected" if i < k else "stopped")
                        for i, a in enumerate(ids)
                    )

                await fleet.view.until(settled, 120, f"{k} connected")
                await asyncio.sleep(SETTLE_S)
                samples = []
                for _ in range(5):
                    rss = fleet.bridge_rss()
                    if rss:
                        samples.append(rss / MIB)
                    await asyncio.sleep(0.1)
                out[k].append(statistics.median(samples))
                ctx.log(
                    f"  bridge RSS, round {r + 1}/{rounds}, {k} connected: {out[k][-1]:.1f} MiB"
                )
    finally:
        await fleet.close()
    return out


def baileys(ctx: Context) -> dict[str, Any] | None:
    """bench/baileys_rss.mjs in its own process (it prints one JSON object)."""
    from app.bridge.node import resolve_node

    node = resolve_node()
    if node is None:
        return None
    counts = "-1,0,1" if ctx.quick else "-1,0,1,20"
    settle = "1000" if ctx.quick else "2000"
    try:
        done = subprocess.run(
            [
                str(node),
                str(ROOT / "bench" / "baileys_rss.mjs"),
                "--counts",
                counts,
                "--settle-ms",
                settle,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
        return json.loads(done.stdout) if done.returncode == 0 else {"error": done.stderr[-500:]}
    except (OSError, subprocess.TimeoutExpired, ValueError) as error:
        return {"error": repr(error)}


async def measure(ctx: Context) -> dict[str, Any]:
    sizes = SIZES_QUICK if ctx.quick else SIZES
    rounds = ctx.count(3, 1)
    rss = await bridge_rss(ctx, sizes, rounds)
    base = statistics.median(rss[0])
    per_session = {
        str(k): round((statistics.median(v) - base) * 1024 / k, 0) for k, v in rss.items() if k
    }
    app_rss: dict[str, Any] = {}
    for n in APP_SIZES_QUICK if ctx.quick else APP_SIZES:
        folder = await prepare(ctx.folder(f"launch-{n}"), n)
        values = []
        for _ in range(ctx.count(2, 1)):
            result = await launch_once(folder, n)
            values.append(result["app_rss_mib"])
        app_rss[str(n)] = stats(values, "MiB")
        ctx.log(f"  app RSS with {n} numbers: {app_rss[str(n)]['median']} MiB")
    ctx.log("  bench/baileys_rss.mjs")
    return {
        "memory": {
            "title": "memory (RSS)",
            "bridge_rss_mib": {str(k): stats(v, "MiB") for k, v in rss.items()},
            "bridge_kib_per_session": per_session,
            "app_rss_mib": app_rss,
            "baileys_rss": baileys(ctx),
            "note": (
                "sim sessions are light stand-ins: a linked Baileys session also holds "
                "signal keys and caches; baileys_rss gives that engine's cost per idle socket"
            ),
        }
    }
