"""Noticing that the computer slept: the clocks jump between two regular ticks. Pure."""

from __future__ import annotations


class WakeDetector:
    """Fed every `interval` seconds with both clocks; says when a tick came far too late.

    On Linux and macOS the monotonic clock stops during sleep while the wall clock runs on;
    on Windows both run on but the tick itself arrives late. Either gap means "just woke".
    A wall clock set by hand can look the same: the cost is only a quiet period.
    """

    def __init__(self, interval: float, tolerance: float = 10.0) -> None:
        self.interval = interval
        self.tolerance = tolerance
        self._last: tuple[float, float] | None = None

    def observe(self, monotonic: float, wall: float) -> bool:
        last, self._last = self._last, (monotonic, wall)
        if last is None:
            return False
        late = self.interval + self.tolerance
        return monotonic - last[0] > late or wall - last[1] > late
