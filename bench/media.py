"""Scenario 8: media. A 20 MB document in and out through the real bridge (sim engine).

The bridge runs alone (node_bridge/src/main.js, as the app spawns it, with its own media
store) and is driven over its HTTP API and event stream, so the figures are the bridge's.
In: the sim network delivers a 20 MB document (deterministic bytes from a seed); the clock
runs from the delivery until `message.in` says the file is stored. Out: the stored file is
sent back (POST /sessions/{id}/messages with its sha256); the clock runs until the bridge
answers "sent" (the sim network has read and hashed every byte). Each direction runs on a
freshly started bridge whose RSS is sampled every 10 ms: its peak growth over its own idle
figure must stay below the file's size (streamed, never held whole). The bytes the network
received are checked against the stored file's sha256 (identical at both ends). One more
round with a 100 MB document (not with --quick) shows whether the growth follows the
file's size (buffering) or stays put (garbage the collector has not taken yet).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import select
import statistics
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.context import Context
from bench.harness import TOKEN_VALUE, BenchError, stats

NAME = "media"
FILE_BYTES = 20 * 1024 * 1024
BIG_FILE_BYTES = 100 * 1024 * 1024
MIB = 2**20
SESSION = "bench-media"
#: after start and link, before the idle RSS is read
SETTLE_S = 1.0


class BridgeProcess:
    """The bridge as the app starts it: environment, READY line on stdout, stdin kept open."""

    def __init__(self, data: Path) -> None:
        from app.bridge.node import bridge_entry, resolve_node

        node = resolve_node()
        if node is None:
            raise BenchError("no Node.js found for the bridge")
        self.media = data / "media"
        env = {k: v for k, v in os.environ.items() if not k.startswith("JAGA_")}
        env.update(
            JAGA_BRIDGE_TOKEN=TOKEN_VALUE,
            JAGA_BRIDGE_DATA=str(data / "bridge"),
            JAGA_BRIDGE_MEDIA=str(self.media),
            JAGA_BRIDGE_PORT="0",
            JAGA_SIM_CONTROL="1",
            JAGA_SIM_CONNECT_MS="20",
            JAGA_LOG_LEVEL="warn",
            # above the default 64 MiB, for the 100 MiB round
            JAGA_MEDIA_MAX_FILE_BYTES=str(256 * MIB),
        )
        self.proc = subprocess.Popen(
            [str(node), str(bridge_entry())],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.port = 0

    async def ready(self) -> None:
        assert self.proc.stdout is not None
        # Blocking, with select for the time limit: nothing else runs yet, and a worker
        # thread on the qasync loop would outlive the run ("QThread: Destroyed while…").
        readable, _, _ = select.select([self.proc.stdout], [], [], 20)
        if not readable:
            raise BenchError("the bridge did not start within 20 s")
        line = self.proc.stdout.readline()
        if not line.startswith("JAGA_READY "):
            raise BenchError(f"the bridge did not start: {line!r}")
        self.port = json.loads(line[len("JAGA_READY ") :])["port"]

    def rss(self) -> int:
        return psutil.Process(self.proc.pid).memory_info().rss

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


class RssPeak:
    """Samples a process's RSS every 10 ms while running; keeps the highest."""

    def __init__(self, bridge: BridgeProcess) -> None:
        self.bridge = bridge
        self.peak = 0
        self.samples = 0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            self.peak = max(self.peak, self.bridge.rss())
            self.samples += 1
            await asyncio.sleep(0.01)

    def __enter__(self) -> RssPeak:
        self.peak = self.bridge.rss()
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *_exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        self.peak = max(self.peak, self.bridge.rss())


async def idle_rss(bridge: BridgeProcess) -> float:
    """The bridge's RSS at rest: the median of five readings 100 ms apart."""
    samples = []
    for _ in range(5):
        samples.append(bridge.rss())
        await asyncio.sleep(0.1)
    return statistics.median(samples)


async def wait_event(lines: Any, message_id: str, timeout: float) -> dict[str, Any]:
    """The next `message.in` for this message on the SSE stream."""

    async def scan() -> dict[str, Any]:
        kind = ""
        async for line in lines:
            if line.startswith("event: "):
                kind = line[len("event: ") :]
            elif line.startswith("data: ") and kind == "message.in":
                data = json.loads(line[len("data: ") :])
                if data.get("message_id") == message_id:
                    return data
        raise BenchError("the event stream ended")

    return await asyncio.wait_for(scan(), timeout)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


async def link(http: httpx.AsyncClient) -> None:
    """Starts the sim number; scans its QR the first time (later starts log in by themselves)."""
    (await http.put(f"/sessions/{SESSION}", json={"engine": "sim"})).raise_for_status()
    for _ in range(400):
        status = (await http.get(f"/sessions/{SESSION}")).json()["status"]
        if status == "connected":
            return
        if status == "qr":
            scan = await http.post(f"/sim/sessions/{SESSION}/scan", json={"phone": "628123450000"})
            scan.raise_for_status()
        await asyncio.sleep(0.05)
    raise BenchError("the sim number did not connect")


@contextlib.asynccontextmanager
async def fresh_bridge(folder: Path) -> AsyncIterator[tuple[BridgeProcess, httpx.AsyncClient, Any]]:
    """A newly started bridge on `folder` with its number connected and the event stream open.

    Each direction is measured on a fresh process: RSS growth over its own idle figure,
    not over memory an earlier transfer already made the allocator keep.
    """
    bridge = BridgeProcess(folder)
    try:
        await bridge.ready()
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{bridge.port}",
            headers={"Authorization": f"Bearer {TOKEN_VALUE}"},
            timeout=30,
            trust_env=False,
        ) as http:
            await link(http)
            async with http.stream("GET", "/events", timeout=None) as stream:
                await asyncio.sleep(SETTLE_S)
                yield bridge, http, stream.aiter_lines()
    finally:
        bridge.stop()


async def one_round(folder: Path, n: int, size: int = FILE_BYTES) -> dict[str, float]:
    message_id = f"MEDIA{n:04d}"
    media = {
        "type": "document",
        "mimetype": "application/pdf",
        "file_name": f"katalog-{n}.pdf",
        "seed": f"bench-{n}-{time.time_ns()}",
        "size": size,
    }
    async with fresh_bridge(folder) as (bridge, http, lines):
        base_in = await idle_rss(bridge)
        with RssPeak(bridge) as peak_in:
            began = time.monotonic()
            message = {"from": "628111000222", "message_id": message_id, "media": media}
            inbound = {"messages": [message]}
            (await http.post(f"/sim/sessions/{SESSION}/inbound", json=inbound)).raise_for_status()
            event = await wait_event(lines, message_id, 120)
            stored_s = time.monotonic() - began
    got = event["media"]
    if got["state"] != "stored" or got["size"] != size:
        raise BenchError(f"the document was not stored: {got}")
    if file_sha256(bridge.media / got["sha256"][:2] / got["sha256"]) != got["sha256"]:
        raise BenchError("the stored file does not hold the bytes its name says")

    async with fresh_bridge(folder) as (bridge, http, _lines):
        base_out = await idle_rss(bridge)
        with RssPeak(bridge) as peak_out:
            began = time.monotonic()
            send = {
                "to": "628111000222",
                "client_id": f"back-{n}",
                "text": "katalog",
                "media": {
                    "type": "document",
                    "sha256": got["sha256"],
                    "mimetype": "application/pdf",
                    "file_name": media["file_name"],
                },
            }
            answer = await http.post(f"/sessions/{SESSION}/messages", json=send, timeout=120)
            answer.raise_for_status()
            sent_s = time.monotonic() - began
        network = (await http.get("/sim/network")).json()["sent"]
    row = next(r for r in network if r["client_id"] == f"back-{n}")
    if row["media"]["sha256"] != got["sha256"] or row["media"]["size"] != size:
        raise BenchError(f"the network received other bytes: {row['media']}")
    return {
        "in_ms": stored_s * 1000,
        "in_rss_growth_mib": (peak_in.peak - base_in) / MIB,
        "out_ms": sent_s * 1000,
        "out_rss_growth_mib": (peak_out.peak - base_out) / MIB,
        "idle_rss_mib": base_in / MIB,
    }


async def measure(ctx: Context) -> dict[str, Any]:
    rounds = ctx.count(3, 1)
    folder = ctx.folder("media")
    samples: dict[str, list[float]] = {}
    big: dict[str, float] | None = None
    for n in range(rounds):
        result = await one_round(folder, n)
        for key, value in result.items():
            samples.setdefault(key, []).append(value)
        ctx.log(
            f"  round {n + 1}/{rounds}: in {result['in_ms']:.0f} ms "
            f"(RSS +{result['in_rss_growth_mib']:.1f} MiB), out {result['out_ms']:.0f}"
            f" ms (RSS +{result['out_rss_growth_mib']:.1f} MiB)"
        )
    if not ctx.quick:
        big = await one_round(folder, rounds, BIG_FILE_BYTES)
        ctx.log(f"  100 MiB: {big}")
    file_mib = FILE_BYTES / MIB
    worst = max(samples["in_rss_growth_mib"] + samples["out_rss_growth_mib"])
    return {
        "media": {
            "file_mib": file_mib,
            "in_to_stored": stats(samples["in_ms"]),
            "out_to_sent": stats(samples["out_ms"]),
            "in_rss_growth_mib": stats(samples["in_rss_growth_mib"], "MiB"),
            "out_rss_growth_mib": stats(samples["out_rss_growth_mib"], "MiB"),
            "idle_rss_mib": stats(samples["idle_rss_mib"], "MiB"),
            "streamed": worst < file_mib,
            "big_file": None
            if big is None
            else {
                "file_mib": BIG_FILE_BYTES / MIB,
                "in_ms": round(big["in_ms"]),
                "out_ms": round(big["out_ms"]),
                "in_rss_growth_mib": round(big["in_rss_growth_mib"], 1),
                "out_rss_growth_mib": round(big["out_rss_growth_mib"], 1),
            },
        }
    }
