"""The seed systems' strategies, re-enacted against the same bridge (design: failures 3, 7).

- Detection: a poller that asks `GET /health` and `GET /sessions` every 5 minutes
  (300 s), with a 5 s request timeout. A crash at a random moment is noticed at the next
  poll: the delay is uniform over 0-300 s. The poller is run against the real bridge with
  the interval scaled down (`SCALED_INTERVAL_S`); each measured delay is split into the
  wait for the next poll (scaled back up by 300 / interval) and the poll's own time (kept
  as measured). Figures for 300 s are therefore *derived*, and say so.
- Restart: a process manager restarts the bridge the moment it exits ("restart: always",
  no delay) — the seed's best case.
- Restoration: when the service (re)starts it sleeps a fixed 5 s, then starts every
  session, retrying 1, 2, 4 s on connection refused (then gives up, as the seed did).
  "All connected" is seen by an observer polling the bridge every 20 ms (the seed's own
  view would only learn it at its next poll; the benchmark gives it the truth).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.harness import TOKEN_VALUE, BenchError, eventually, ms

REAL_INTERVAL_S = 300.0
SCALED_INTERVAL_S = 1.0
POLL_TIMEOUT_S = 5.0
RESTORE_SLEEP_S = 5.0
RESTORE_RETRIES_S = (1.0, 2.0, 4.0)
OBSERVE_STEP_S = 0.02


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SeedBridge:
    """The bridge under a plain process manager: fixed port, restarted at once on exit."""

    def __init__(self, data_dir: Path) -> None:
        from app.bridge.node import bridge_entry, resolve_node

        node = resolve_node()
        if node is None:
            raise BenchError("node not found")
        self.command = [str(node), str(bridge_entry())]
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.generation = 0
        self.spawned_at: dict[int, float] = {}
        self.ready_at: dict[int, float] = {}
        self.exited_at: dict[int, float] = {}
        self.auto_restart = False
        self.on_spawn: Any = None
        self._manager: asyncio.Task[None] | None = None
        self._log = open(data_dir / "seed-bridge.log", "ab")  # noqa: SIM115 (closed in stop)
        self.http = httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{self.port}",
            headers={"Authorization": f"Bearer {TOKEN_VALUE}"},
            timeout=POLL_TIMEOUT_S,
            trust_env=False,
        )

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JAGA_")}
        env.update(
            JAGA_BRIDGE_TOKEN=TOKEN_VALUE,
            JAGA_BRIDGE_DATA=str(self.data_dir / "bridge"),
            JAGA_BRIDGE_HOST="127.0.0.1",
            JAGA_BRIDGE_PORT=str(self.port),
            JAGA_SIM_CONTROL="1",
        )
        return env

    def spawn(self) -> None:
        self.generation += 1
        generation = self.generation
        self.spawned_at[generation] = time.monotonic()
        proc = subprocess.Popen(
            self.command,
            env=self._env(),
            stdin=subprocess.PIPE,  # kept open: the bridge exits on stdin EOF
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        self.proc = proc

        def read_stdout() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith(b"JAGA_READY "):
                    self.ready_at.setdefault(generation, time.monotonic())

        threading.Thread(target=read_stdout, daemon=True).start()
        if self.on_spawn is not None:
            self.on_spawn(generation)

    async def _manage(self) -> None:
        """The process manager: notices an exit within 5 ms and restarts at once."""
        while True:
            await asyncio.sleep(0.005)
            proc = self.proc
            if proc is not None and proc.poll() is not None:
                if self.generation not in self.exited_at:
                    self.exited_at[self.generation] = time.monotonic()
                if self.auto_restart:
                    self.spawn()

    async def start(self) -> None:
        self.spawn()
        self._manager = asyncio.ensure_future(self._manage())
        await self.wait_ready(self.generation)

    async def wait_ready(self, generation: int, timeout: float = 20) -> float:
        await eventually(lambda: generation in self.ready_at, timeout, 0.005, "seed bridge READY")
        return self.ready_at[generation]

    def signal(self, sig: int) -> float:
        if self.proc is None:
            raise BenchError("no seed bridge")
        at = time.monotonic()
        os.kill(self.proc.pid, sig)
        return at

    async def respawn(self) -> None:
        """Kills what runs (also a stopped process) and starts a fresh one by hand."""
        proc = self.proc
        if proc is not None and proc.poll() is None:
            proc.kill()  # SIGKILL ends a stopped process too
        await eventually(lambda: proc is None or proc.poll() is not None, 10, 0.005, "exit")
        self.spawn()
        await self.wait_ready(self.generation)

    async def sessions(self) -> dict[str, str]:
        response = await self.http.get("/sessions")
        response.raise_for_status()
        return {s["id"]: s["status"] for s in response.json()["sessions"]}

    async def link(self, n: int) -> list[str]:
        ids = [f"seed-{i:03d}" for i in range(n)]
        have = await self.sessions()
        limit = asyncio.Semaphore(8)

        async def link_one(i: int, sid: str) -> None:
            if have.get(sid) == "connected":
                return
            async with limit:
                response = await self.http.put(f"/sessions/{sid}", json={"engine": "sim"})
                response.raise_for_status()

                async def qr() -> bool:
                    return (await self.sessions()).get(sid) == "qr"

                await eventually(qr, 30, 0.05, f"seed QR {sid}")
                response = await self.http.post(
                    f"/sim/sessions/{sid}/scan", json={"phone": f"6282{i:09d}"}
                )
                response.raise_for_status()

        await asyncio.gather(*(link_one(i, sid) for i, sid in enumerate(ids)))

        async def all_connected() -> bool:
            now = await self.sessions()
            return all(now.get(sid) == "connected" for sid in ids)

        await eventually(all_connected, 60, 0.05, "seed sessions connected")
        return ids

    async def stop(self) -> None:
        if self._manager is not None:
            self._manager.cancel()
            await asyncio.gather(self._manager, return_exceptions=True)
        self.auto_restart = False
        proc = self.proc
        if proc is not None and proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)
            assert proc.stdin is not None
            proc.stdin.close()  # graceful: EOF on stdin
            try:
                await eventually(lambda: proc.poll() is not None, 10, 0.02, "seed exit")
            except AssertionError:  # eventually's timeout: still running after 10 s
                proc.kill()
        await self.http.aclose()
        self._log.close()


class SeedPoller:
    """GET /health + GET /sessions every `interval` s; the first failure marks all down."""

    def __init__(self, bridge: SeedBridge, interval: float) -> None:
        self.bridge = bridge
        self.interval = interval
        self.up = False
        self.polls = 0
        self.last_started = 0.0
        #: (poll started, poll failed) for every up → down transition.
        self.detections: list[tuple[float, float]] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        # A fresh client: the seed's poller does not share a connection with anyone.
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{self.bridge.port}",
            headers={"Authorization": f"Bearer {TOKEN_VALUE}"},
            timeout=POLL_TIMEOUT_S,
            trust_env=False,
        ) as http:
            next_at = time.monotonic()
            while True:
                started = self.last_started = time.monotonic()
                try:
                    (await http.get("/health")).raise_for_status()
                    (await http.get("/sessions")).raise_for_status()
                    self.up = True
                except httpx.HTTPError:
                    if self.up:
                        self.detections.append((started, time.monotonic()))
                    self.up = False
                self.polls += 1
                next_at = max(next_at + self.interval, time.monotonic())
                await asyncio.sleep(next_at - time.monotonic())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)


async def at_random_phase(poller: SeedPoller) -> None:
    """Returns at a uniformly random moment of the poll cycle (a crash "at any time").

    Qt's coarse timers may fire a few % early or late, so the last 50 ms are waited out
    exactly (busy), which keeps the phases uniform; the figures use the real times anyway.
    """
    interval = poller.interval
    target = poller.last_started + random.uniform(0, interval)
    while target < time.monotonic() + 0.06:
        target += interval
    await asyncio.sleep(target - time.monotonic() - 0.05)
    while time.monotonic() < target:
        pass


async def seed_detection(
    workdir: Path, *, kills: int, hangs: int, log: Any = print
) -> dict[str, Any]:
    """Seed crash and hang detection by polling, measured at SCALED_INTERVAL_S."""
    bridge = SeedBridge(workdir / "seed-detect")
    await bridge.start()
    poller = SeedPoller(bridge, SCALED_INTERVAL_S)
    poller.start()
    scale = REAL_INTERVAL_S / SCALED_INTERVAL_S
    out: dict[str, list[float]] = {
        "crash_measured_ms": [],
        "crash_derived_ms": [],
        "crash_wait_ms": [],  # until the next poll, as measured (scaled interval)
        "crash_own_ms": [],  # the failing poll itself
        "hang_measured_ms": [],
        "hang_derived_ms": [],
        "hang_wait_ms": [],
        "hang_own_ms": [],
    }
    try:
        for kind, count, sig in (
            ("crash", kills, signal.SIGKILL),
            ("hang", hangs, signal.SIGSTOP),
        ):
            for i in range(count):
                await eventually(lambda: poller.up, 10, 0.005, "seed poller sees the bridge")
                await at_random_phase(poller)
                seen = len(poller.detections)
                at = bridge.signal(sig)
                await eventually(
                    lambda seen=seen: len(poller.detections) > seen,
                    SCALED_INTERVAL_S + POLL_TIMEOUT_S + 5,
                    0.002,
                    "seed poller notices",
                )
                poll_started, failed = poller.detections[-1]
                wait = max(0.0, poll_started - at)  # until the next poll: scales
                own = failed - max(poll_started, at)  # the poll itself: does not
                out[f"{kind}_measured_ms"].append(ms(failed - at))
                out[f"{kind}_derived_ms"].append(ms(wait * scale + own))
                out[f"{kind}_wait_ms"].append(ms(wait))
                out[f"{kind}_own_ms"].append(ms(own))
                log(f"  seed {kind} {i + 1}/{count}: noticed after {ms(failed - at):.0f} ms")
                await bridge.respawn()
    finally:
        await poller.stop()
        await bridge.stop()
    return out


async def seed_restore(workdir: Path, *, sizes: dict[int, int], log: Any = print) -> dict[str, Any]:
    """Crash → READY and crash → all N connected under the seed's restart and restore."""
    bridge = SeedBridge(workdir / "seed-restore")
    await bridge.start()
    by_n: dict[int, dict[str, list[float]]] = {}
    refused = 0
    restores: list[asyncio.Task[Any]] = []
    ids: list[str] = []

    async def restore(generation: int) -> dict[str, int]:
        """The seed service's start-up: a fixed sleep, then 1-2-4 s retries when refused."""
        await asyncio.sleep(RESTORE_SLEEP_S)
        refused = 0
        for sid in ids:
            for delay in (*RESTORE_RETRIES_S, None):
                try:
                    r = await bridge.http.put(f"/sessions/{sid}", json={"engine": "sim"})
                    r.raise_for_status()
                    break
                except httpx.ConnectError:
                    refused += 1
                    if delay is None:
                        break  # gave up: this session is not restored (the seed's failure 3)
                    await asyncio.sleep(delay)
        return {"generation": generation, "refused": refused}

    def on_spawn(generation: int) -> None:
        if generation > 1 and ids:
            restores.append(asyncio.ensure_future(restore(generation)))

    bridge.on_spawn = on_spawn
    try:
        for n, count in sizes.items():
            ids[:] = await bridge.link(n)
            ready_ms: list[float] = []
            all_ms: list[float] = []
            for i in range(count):
                await asyncio.sleep(random.uniform(0.3, 0.8))
                bridge.auto_restart = True
                generation = bridge.generation + 1
                at = bridge.signal(signal.SIGKILL)
                ready = await bridge.wait_ready(generation, 30)

                async def all_connected() -> bool:
                    try:
                        now = await bridge.sessions()
                    except httpx.HTTPError:
                        return False
                    return all(now.get(sid) == "connected" for sid in ids)

                done = await eventually(
                    all_connected, 60, OBSERVE_STEP_S, f"seed: {n} connected again"
                )
                ready_ms.append(ms(ready - at))
                all_ms.append(ms(done - at))
                bridge.auto_restart = False
                log(
                    f"  seed N={n} kill {i + 1}/{count}: READY {ms(ready - at):.0f} ms, "
                    f"all connected {ms(done - at):.0f} ms"
                )
            by_n[n] = {"ready_ms": ready_ms, "all_connected_ms": all_ms}
        outcomes = await asyncio.gather(*restores)
        refused = sum(o["refused"] for o in outcomes)
    finally:
        for task in restores:
            task.cancel()
        await bridge.stop()
    return {"by_n": by_n, "connection_refused_retries": refused}
