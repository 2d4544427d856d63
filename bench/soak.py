"""Scenario 8: the soak. The real window (`python -m app`, offscreen) left idle.

20 linked numbers, nothing happening: after a warm-up, the app's RSS and its count of live
Qt objects are sampled every few seconds for 10 minutes (--quick: 2); growth after the
warm-up must stay under 2 MiB and the object count flat. Then 100 restored numbers, idle:
the app's CPU share over a minute (--quick: 20 s) must stay under 5 %.

Before the tray was updated row by row, each 30 s reconcile rebuilt its menu and leaked
every submenu: +400 QMenus and +3.5 MiB every 30 s with 20 numbers.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

from bench.context import Context
from bench.harness import ROOT, BenchError, stats, stop_process
from bench.launch import _statuses, prepare

NAME = "soak"
MIB = 2**20
IDLE_NUMBERS = 20
CPU_NUMBERS = 100
CPU_NUMBERS_QUICK = 20
#: The idle CPU is also read in slices of this long (median [min-max] n).
CPU_SLICE_S = 10.0
SAMPLE_S = 5.0
OBJECTS_S = 5.0


def start_app(data_dir: Path) -> tuple[subprocess.Popen[bytes], Path]:
    markers = data_dir / "soak-markers.txt"
    markers.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("JAGA_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JAGA_BENCH_MARKERS=str(markers),
        JAGA_BENCH_OBJECTS_S=str(OBJECTS_S),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    command = [sys.executable, "-m", "bench.app_probe", "--data-dir", str(data_dir)]
    command += ["--settings", str(data_dir / "settings.ini")]
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return proc, markers


async def until_connected(proc: subprocess.Popen[bytes], data_dir: Path, n: int) -> None:
    """All n connected again after this launch's restore (the store says so)."""
    deadline = time.monotonic() + 120
    restore_seen = False
    while True:
        if proc.poll() is not None:
            raise BenchError(f"the app exited early with code {proc.returncode}")
        statuses = _statuses(data_dir / "app.sqlite3")
        if statuses is not None and len(statuses) == n:
            if any(s != "connected" for s in statuses):
                restore_seen = True
            elif restore_seen:
                return
        if time.monotonic() > deadline:
            raise BenchError(f"soak: {n} numbers not connected within 120 s")
        await asyncio.sleep(0.1)


def objects(markers: Path) -> list[int]:
    if not markers.exists():
        return []
    return [
        int(line.split()[1])
        for line in markers.read_text().splitlines()
        if line.startswith("qt_objects ")
    ]


async def idle_memory(ctx: Context, duration: float, warmup: float) -> dict[str, Any]:
    folder = await prepare(ctx.folder(f"soak-{IDLE_NUMBERS}"), IDLE_NUMBERS)
    proc, markers = start_app(folder)
    try:
        await until_connected(proc, folder, IDLE_NUMBERS)
        ctx.log(f"  {IDLE_NUMBERS} connected; warm-up {warmup:g} s")
        await asyncio.sleep(warmup)
        process = psutil.Process(proc.pid)
        seen_objects = len(objects(markers))
        rss: list[float] = []
        end = time.monotonic() + duration
        while time.monotonic() < end:
            rss.append(process.memory_info().rss / MIB)
            await asyncio.sleep(SAMPLE_S)
        rss.append(process.memory_info().rss / MIB)
        counts = objects(markers)[seen_objects:]
    finally:
        stop_process(proc)
    if not counts:
        raise BenchError("soak: the app reported no Qt object counts")
    growth = rss[-1] - rss[0]
    ctx.log(
        f"  idle {duration:g} s: RSS {rss[0]:.1f} → {rss[-1]:.1f} MiB, "
        f"Qt objects {counts[0]} → {counts[-1]}"
    )
    return {
        "numbers": IDLE_NUMBERS,
        "warmup_s": warmup,
        "duration_s": duration,
        "rss_mib_first": round(rss[0], 1),
        "rss_mib_last": round(rss[-1], 1),
        "rss_growth_mib": round(growth, 2),
        "rss_mib": stats(rss, "MiB"),
        "qt_objects_first": counts[0],
        "qt_objects_last": counts[-1],
        "qt_objects_max": max(counts),
        "ok": growth < 2.0 and counts[-1] <= counts[0],
    }


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


async def cpu_shares(processes: list[psutil.Process], window: float) -> list[list[float]]:
    """Each process's CPU share (%) in each CPU_SLICE_S of the window."""
    shares: list[list[float]] = [[] for _ in processes]
    last = [cpu_seconds(p) for p in processes]
    at = time.monotonic()
    end = at + window
    while at < end:
        await asyncio.sleep(min(CPU_SLICE_S, end - at))
        now = time.monotonic()
        for i, process in enumerate(processes):
            used = cpu_seconds(process)
            shares[i].append(100.0 * (used - last[i]) / (now - at))
            last[i] = used
        at = now
    return shares


async def idle_cpu(ctx: Context, n: int, window: float, settle: float) -> dict[str, Any]:
    folder = await prepare(ctx.folder(f"soak-{n}"), n)
    proc, _markers = start_app(folder)
    try:
        await until_connected(proc, folder, n)
        await asyncio.sleep(settle)
        process = psutil.Process(proc.pid)
        # Node names its main thread "MainThread": the bridge is the child running main.js.
        bridge = next(c for c in process.children() if "main.js" in " ".join(c.cmdline()))
        before = cpu_seconds(process)
        began = time.monotonic()
        app_shares, bridge_shares = await cpu_shares([process, bridge], window)
        elapsed = time.monotonic() - began
        used = cpu_seconds(process) - before
        rss = process.memory_info().rss / MIB
    finally:
        stop_process(proc)
    share = 100.0 * used / elapsed
    ctx.log(f"  {n} restored numbers idle: app CPU {share:.2f} % over {elapsed:.0f} s")
    return {
        "numbers": n,
        "window_s": round(elapsed, 1),
        "cpu_percent": round(share, 2),
        "cpu_percent_by_slice": stats(app_shares, "%", 2),
        "bridge_cpu_percent_by_slice": stats(bridge_shares, "%", 2),
        "rss_mib": round(rss, 1),
        "goal_percent": 5.0,
        "ok": share < 5.0,
    }


async def measure(ctx: Context) -> dict[str, Any]:
    duration = 120.0 if ctx.quick else 600.0
    warmup = 30.0 if ctx.quick else 60.0
    memory = await idle_memory(ctx, duration, warmup)
    n = CPU_NUMBERS_QUICK if ctx.quick else CPU_NUMBERS
    cpu = await idle_cpu(ctx, n, 20.0 if ctx.quick else 60.0, 15.0 if ctx.quick else 30.0)
    return {
        "soak": {
            "title": "soak: the real window left idle (python -m app, offscreen)",
            "idle_memory": memory,
            "idle_cpu": cpu,
        }
    }
