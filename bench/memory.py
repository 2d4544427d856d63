"""Scenario 6: memory. The bridge's RSS with 0, 1, 20, 100 connected sim sessions, and the
app's RSS.

Bridge: one app core links 100 numbers; then for each size k, every number but the
first k is set to "stopped", the bridge is restarted (the owner's Restart) and restores
the k; 1.5 s after all k are connected, RSS is read five times 100 ms apart (median). A
fresh process per size, so one size's garbage does not inflate the next. The per-session
figure is (RSS(k) - RSS(0)) / k.
App: the real desktop app (`python -m app`, offscreen, main window shown) on folders
with 0 and 20 linked numbers, 2 s after all are connected (see bench.launch).
Baseline: an idle bridge with the real engine's code loaded, as every bridge was before it
loaded Baileys on first use (a baileys session started against a closed local port, then
stopped); goal: the idle bridge ≤ 90 MiB.
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
                out[k].append(await sample_rss(fleet))
                ctx.log(
                    f"  bridge RSS, round {r + 1}/{rounds}, {k} connected: {out[k][-1]:.1f} MiB"
                )
    finally:
        await fleet.close()
    return out


async def sample_rss(fleet: Fleet) -> float:
    """The bridge's RSS in MiB: the median of five readings 100 ms apart."""
    samples = []
    for _ in range(5):
        rss = fleet.bridge_rss()
        if rss:
            samples.append(rss / MIB)
        await asyncio.sleep(0.1)
    return statistics.median(samples)


async def bridge_rss_engine_loaded(ctx: Context, rounds: int) -> list[float]:
    """Baseline: an idle bridge once the real engine's code is loaded, as every bridge was
    before it loaded Baileys on first use. A fresh bridge with no number starts a baileys
    session aimed at a closed local port (no network), which is then stopped."""
    fleet = Fleet(ctx.folder("memory-engine"))
    out: list[float] = []
    try:
        await fleet.start()
        for r in range(rounds):
            if r:
                readies = len(fleet.view.ready_at)
                fleet.service.supervisor.restart()
                await fleet.view.until(lambda n=readies: len(fleet.view.ready_at) > n, 30, "READY")
                await fleet.wait_running()
            client = fleet.service.client
            assert client is not None
            options = {"ws_url": "ws://127.0.0.1:9/ws/chat", "backoff_base_ms": 60_000}
            await client.start_session("engine-probe", "baileys", options)
            await client.stop_session("engine-probe")
            await asyncio.sleep(SETTLE_S)
            out.append(await sample_rss(fleet))
            ctx.log(f"  bridge RSS, idle with the real engine loaded: {out[-1]:.1f} MiB")
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
    loaded = await bridge_rss_engine_loaded(ctx, rounds)
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
            # the baseline: what an idle bridge weighed with Baileys loaded at every start
            "bridge_rss_engine_loaded_mib": stats(loaded, "MiB"),
            "bridge_idle_ratio": round(statistics.median(loaded) / base, 2) if base else None,
            "bridge_idle_goal_mib": 90,
            "app_rss_mib": app_rss,
            "baileys_rss": baileys(ctx),
            "note": (
                "sim sessions are light stand-ins: a linked Baileys session also holds "
                "signal keys and caches; baileys_rss gives that engine's cost per idle socket"
            ),
        }
    }
