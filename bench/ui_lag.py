"""The UI's responsiveness while something runs: how late a 10 ms Qt timer fires."""

from __future__ import annotations

import statistics
import time
from typing import Any


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class LoopLag:
    """How late a 10 ms timer fires: the UI's event-loop lag, in milliseconds."""

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
