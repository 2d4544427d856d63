"""Scenario 7: messages. Outbox drain after a reconnect, and an inbound burst.

Outbox drain: one number is linked, then stopped by its owner; 10,000 messages to 50 chats
are accepted into the outbox while it is away; it is reconnected, and the clock runs from
the reconnect until every message is sent (the bridge took it) and then delivered (the sim
network's receipt is stored). Sends per second are also sampled each second of the drain.
The sim network's journal is then checked: every message on the wire exactly once.
Seed strategy (no outbox): the same messages handed straight to the bridge while the
number is away — a sample of them, counting how many the bridge accepts.

Inbound burst, as capacity: bench.inject, in its own process, pushes messages for 5 s (a
batch every 50 ms) to a linked number while the main window is shown, at rising rates
(500, 1,000, 2,000, ... a second) until storage falls behind (the last message is in the
database more than 1 s after the last push). Measured per rate: the rate offered, the rate
at which the app's database holds them (from the first push until the last is stored) and
how late a 10 ms Qt timer fires in the app meanwhile (the UI's event-loop lag, p50/p99).
The capacity is the highest rate held with a UI lag p99 within 50 ms.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any

from bench.context import Context
from bench.harness import ROOT, TOKEN_VALUE, BenchError, Fleet, eventually, stats

CHATS = 50
#: Offered rates, rising until storage falls behind (messages a second).
RATES = (500, 1_000, 2_000, 4_000, 8_000, 16_000)
RATES_QUICK = (1_000, 4_000, 16_000)
BURST_SECONDS = 5.0
HELD_BEHIND_MS = 1_000
LAG_P99_GOAL_MS = 50.0
SEED_SAMPLE = 100


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class LoopLag:
    """How late a 10 ms timer fires: the UI's responsiveness, in milliseconds."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.samples: list[float] = []
        self._interval = interval_ms / 1000
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        self.samples.append(max(0.0, (now - self._last - self._interval) * 1000))
        self._last = now


def lag_summary(samples: list[float]) -> dict[str, Any]:
    if not samples:
        return {"p50_ms": None, "p99_ms": None, "max_ms": None, "n": 0}
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p99_ms": round(percentile(samples, 0.99), 2),
        "max_ms": round(max(samples), 2),
        "n": len(samples),
    }


def _counts(service: Any, account_id: str) -> dict[str, int]:
    """Rows by status, counted in SQL: polling must not slow down what it measures."""
    from sqlalchemy import func, select

    from app.core.models import Message

    with service.store.session() as s:
        query = (
            select(Message.status, func.count())
            .where(Message.account_id == account_id)
            .group_by(Message.status)
        )
        return {status: count for status, count in s.execute(query)}


async def seed_direct_sends(fleet: Fleet, account_id: str, tries: int) -> dict[str, int]:
    """The seed had no outbox: a send while the number is away goes straight to the bridge."""
    from app.bridge.client import BridgeError

    client = fleet.service.client
    if client is None:
        raise BenchError("no bridge client for the seed re-enactment")
    accepted, refused = 0, {}
    for i in range(tries):
        try:
            await client.send_message(account_id, f"62813{i:07d}", f"seed {i}", f"SEED{i:06d}")
            accepted += 1
        except BridgeError as error:
            refused[error.code] = refused.get(error.code, 0) + 1
    return {"tried": tries, "accepted": accepted, **{f"refused_{k}": v for k, v in refused.items()}}


async def outbox_drain(ctx: Context, queued: int) -> dict[str, Any]:
    fleet = Fleet(ctx.folder("messages-drain"))
    service = fleet.service
    try:
        await fleet.start()
        await fleet.link(1)
        (account,) = service.store.accounts()
        await service.stop_account(account.id)
        await eventually(
            lambda: service.store.account(account.id).status == "stopped", 10, what="stopped"
        )
        seed = await seed_direct_sends(fleet, account.id, SEED_SAMPLE)
        began = time.monotonic()
        for i in range(queued):
            service.send_message(account.id, f"62812{i % CHATS:07d}", f"drain {i}")
        accept_s = time.monotonic() - began
        ctx.log(f"  {queued} accepted into the outbox in {accept_s:.1f} s; reconnecting")

        reconnect_at = time.monotonic()
        await service.reconnect(account.id)
        per_second: list[float] = []
        last_sent, last_at = 0, reconnect_at
        sent_s = delivered_s = None
        while delivered_s is None:
            await asyncio.sleep(1.0)
            counts = _counts(service, account.id)
            now = time.monotonic()
            sent = sum(counts.get(s, 0) for s in ("sent", "delivered", "read"))
            delivered = sum(counts.get(s, 0) for s in ("delivered", "read"))
            if sent_s is None:
                per_second.append((sent - last_sent) / (now - last_at))
                last_sent, last_at = sent, now
                if sent == queued:
                    sent_s = now - reconnect_at
            if delivered == queued:
                delivered_s = now - reconnect_at
            if now - reconnect_at > 900:
                raise BenchError(f"outbox not drained in 900 s ({counts})")
        network = await service.client.sim_network()
        ids = [
            row["client_id"]
            for row in network
            if row["session_id"] == account.id and not str(row["client_id"]).startswith("SEED")
        ]
        assert sent_s is not None
        result = {
            "queued": queued,
            "chats": CHATS,
            "accepted_per_s": round(queued / accept_s, 1),
            "reconnect_to_all_sent_s": round(sent_s, 1),
            "reconnect_to_all_delivered_s": round(delivered_s, 1),
            "drain_per_s": round(queued / sent_s, 1),
            # the first and last seconds are partial: the steady rate is the middle
            "sent_per_second": stats(per_second[1:-1] or per_second, "msg/s"),
            "network_sends": len(ids),
            "network_duplicates": len(ids) - len(set(ids)),
            "seed_direct_sends_while_away": seed,
        }
        if result["network_sends"] != queued or result["network_duplicates"]:
            raise BenchError(f"the sim network did not get each message once: {result}")
        ctx.log(
            f"  drained {queued} in {sent_s:.1f} s ({result['drain_per_s']}/s), "
            f"all delivered after {delivered_s:.1f} s, duplicates 0"
        )
        return result
    finally:
        await fleet.close()


def _inject(port: int, session: str, rate: int, seconds: float, prefix: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.inject",
            "--port",
            str(port),
            "--session",
            session,
            "--rate",
            str(rate),
            "--seconds",
            str(seconds),
            "--prefix",
            prefix,
        ],
        cwd=ROOT,
        env={**os.environ, "JAGA_TOKEN": TOKEN_VALUE},
        stdout=subprocess.PIPE,
        text=True,
    )


def held(step: dict[str, Any]) -> bool:
    """Storage kept up with what was offered: all in the database within 1 s of the last
    push. A rate is held *well* when the window also kept its UI lag p99 within 50 ms."""
    return step["behind_ms"] <= HELD_BEHIND_MS


async def inbound_bursts(ctx: Context, rates: tuple[int, ...]) -> dict[str, Any]:
    """Capacity: the offered rate rises, a burst of BURST_SECONDS each, until storage falls
    behind; the answer is the highest rate held with the UI's lag p99 ≤ 50 ms."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from app.ui.main_window import MainWindow

    fleet = Fleet(ctx.folder("messages-burst"))
    service = fleet.service
    window = None
    steps: list[dict[str, Any]] = []
    lags: list[float] = []
    sent = 0
    try:
        await fleet.start()
        await fleet.link(1)
        (account,) = service.accounts()
        window = MainWindow(service)
        window.show()
        for run, rate in enumerate(rates):
            total = int(rate * BURST_SECONDS)
            await asyncio.sleep(0.5)  # the window painted, the loop idle
            before = _counts(service, account.id).get("received", 0)
            info = service.supervisor.ready_info
            if info is None:
                raise BenchError("the bridge is not ready")
            lag = LoopLag()
            lag.start()
            injector = _inject(info.port, account.id, rate, BURST_SECONDS, f"R{run}-")
            while injector.poll() is None:
                await asyncio.sleep(0.05)
            out, _ = injector.communicate()
            if injector.returncode != 0:
                raise BenchError(f"bench.inject exited with {injector.returncode}")
            offered_end = time.monotonic()
            report = json.loads(out.strip().splitlines()[-1])

            def stored(before: int = before, total: int = total) -> bool:
                return _counts(service, account.id).get("received", 0) - before == total

            await eventually(stored, 300, 0.05, "all stored")
            done = time.monotonic()
            lag.stop()
            sent += total
            first_push = offered_end - report["offered_s"]  # not the injector's start-up
            step = {
                "asked_rate_per_s": rate,
                "offered_rate_per_s": round(report["offered_rate_per_s"]),
                "persisted_rate_per_s": round(total / (done - first_push)),
                "behind_ms": round((done - offered_end) * 1000),
                "ui_lag_p50_ms": round(statistics.median(lag.samples), 2),
                "ui_lag_p99_ms": round(percentile(lag.samples, 0.99), 2),
            }
            step["held"] = held(step)
            step["held_with_lag_ok"] = step["held"] and step["ui_lag_p99_ms"] <= LAG_P99_GOAL_MS
            steps.append(step)
            lags.extend(lag.samples)
            ctx.log(
                f"  burst at {rate}/s: offered {step['offered_rate_per_s']}/s, stored "
                f"{step['persisted_rate_per_s']}/s ({step['behind_ms']} ms behind), UI lag "
                f"p50 {step['ui_lag_p50_ms']} ms p99 {step['ui_lag_p99_ms']} ms"
            )
            if not step["held"]:
                break  # storage fell behind: the capacity is below this rate
        received = _counts(service, account.id).get("received", 0)
        if received != sent:
            raise BenchError(f"{received} stored, {sent} sent")
    finally:
        await fleet.close()  # first: nothing may reach the window once it is gone
        if window is not None:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    good = [s for s in steps if s["held_with_lag_ok"]]
    best = max(good, key=lambda s: s["offered_rate_per_s"]) if good else None
    return {
        "seconds": BURST_SECONDS,
        "steps": steps,
        "capacity_per_s": best["offered_rate_per_s"] if best else None,
        "capacity_step": best,
        "fell_behind_at_per_s": None if steps[-1]["held"] else steps[-1]["asked_rate_per_s"],
        "ui_loop_lag": lag_summary(lags),
    }


async def measure(ctx: Context) -> dict[str, Any]:
    queued = 1_000 if ctx.quick else 10_000
    drain = await outbox_drain(ctx, queued)
    bursts = await inbound_bursts(ctx, RATES_QUICK if ctx.quick else RATES)
    return {
        "outbox_drain": {"title": "outbox drain after reconnect", **drain},
        "inbound_burst": {"title": "inbound burst with the window shown", **bursts},
    }
