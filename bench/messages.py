"""Message benchmarks (issue 7): outbox drain after a reconnect, and an inbound burst.

python -m bench.messages [--queued 10000] [--rate 2000] [--seconds 5]
Prints one JSON object. Runs the real app core, the real bridge (sim engine) and, for the
burst, the real main window (offscreen) so the event-loop lag is the UI's lag.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.harness import Fleet, eventually, qt_loop, run


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class LoopLag:
    """Samples how late a 10 ms timer fires: the UI's responsiveness, in milliseconds."""

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

    def summary(self) -> dict[str, float]:
        if not self.samples:
            return {"p50_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0, "n": 0}
        return {
            "p50_ms": round(statistics.median(self.samples), 2),
            "p99_ms": round(percentile(self.samples, 0.99), 2),
            "max_ms": round(max(self.samples), 2),
            "n": len(self.samples),
        }


def _outgoing_states(service: Any, account_id: str) -> dict[str, int]:
    """Counts by status in SQL: polling must not slow down what it measures."""
    from sqlalchemy import func, select

    from app.core.models import Message

    with service.store.session() as s:
        query = (
            select(Message.status, func.count())
            .where(Message.account_id == account_id)
            .group_by(Message.status)
        )
        return {status: count for status, count in s.execute(query)}


async def outbox_drain(folder: Path, queued: int, chats: int = 50) -> dict[str, Any]:
    """10,000 messages wait while the number is away; how fast do they leave once it is back?"""
    fleet = Fleet(folder)
    fleet.service.start()
    await fleet.wait_running()
    try:
        await fleet.link(1)
        service = fleet.service
        (account,) = service.store.accounts()
        await service.stop_account(account.id)
        await eventually(
            lambda: service.store.account(account.id).status == "stopped", 10, what="stopped"
        )
        began = time.monotonic()
        for i in range(queued):
            service.send_message(account.id, f"62812{i % chats:07d}", f"drain {i}")
        accept_s = time.monotonic() - began

        reconnect_at = time.monotonic()
        await service.reconnect(account.id)

        def left(status_set: set[str]) -> bool:
            counts = _outgoing_states(service, account.id)
            return sum(counts.get(s, 0) for s in status_set) == queued

        await eventually(lambda: left({"sent", "delivered", "read"}), 600, 0.2, "all sent")
        sent_s = time.monotonic() - reconnect_at
        await eventually(lambda: left({"delivered", "read"}), 600, 0.2, "all delivered")
        delivered_s = time.monotonic() - reconnect_at
        network = (await service.client._call("GET", "/sim/network"))["sent"]
        ids = [row["client_id"] for row in network]
        return {
            "queued": queued,
            "chats": chats,
            "accept_per_s": round(queued / accept_s, 1),
            "reconnect_to_all_sent_s": round(sent_s, 2),
            "reconnect_to_all_delivered_s": round(delivered_s, 2),
            "drain_per_s": round(queued / sent_s, 1),
            "network_sends": len(ids),
            "duplicates": len(ids) - len(set(ids)),
        }
    finally:
        await fleet.close()


async def inbound_burst(folder: Path, rate: int, seconds: float) -> dict[str, Any]:
    """The network delivers `rate` messages a second for `seconds`, with the window open."""
    from app.ui.main_window import MainWindow

    fleet = Fleet(folder)
    fleet.service.start()
    await fleet.wait_running()
    window = None
    try:
        await fleet.link(1)
        service = fleet.service
        (account,) = service.store.accounts()
        window = MainWindow(service)
        window.show()
        lag = LoopLag()
        total = int(rate * seconds)
        batch = max(1, rate // 20)  # one network push every 50 ms
        lag.start()
        began = time.monotonic()
        for start in range(0, total, batch):
            messages = [
                {"from": "6281234567890", "text": f"burst {i}", "message_id": f"B{i:07d}"}
                for i in range(start, min(total, start + batch))
            ]
            await service.client.sim(f"sessions/{account.id}/inbound", {"messages": messages})
            due = began + (start + batch) / rate
            await asyncio.sleep(max(0.0, due - time.monotonic()))
        offered_s = time.monotonic() - began

        def stored() -> int:
            return _outgoing_states(service, account.id).get("received", 0)

        await eventually(lambda: stored() == total, 600, 0.1, "all stored")
        persisted_s = time.monotonic() - began
        lag.stop()
        return {
            "messages": total,
            "offered_rate_per_s": round(total / offered_s, 1),
            "persisted_rate_per_s": round(total / persisted_s, 1),
            "burst_to_all_stored_s": round(persisted_s, 2),
            "ui_loop_lag": lag.summary(),
        }
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        await fleet.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queued", type=int, default=10_000)
    parser.add_argument("--rate", type=int, default=2_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    qt_loop()
    with tempfile.TemporaryDirectory(prefix="jaga-bench-") as folder:
        report = {
            "outbox_drain": run(outbox_drain(Path(folder, "drain"), args.queued)),
            "inbound_burst": run(inbound_burst(Path(folder, "burst"), args.rate, args.seconds)),
        }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
