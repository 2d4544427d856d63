"""Noticing that the app itself was held up, and by what. Pure: every call is given `now`.

A regular tick that comes far too late means the app could not run: its database was
locked by another program (the store says how long it waited), or the process was
stopped or starved. The window says so, so that a pause is not mistaken for the bridge.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Cause(StrEnum):
    DATABASE = "database"  # waited for app.sqlite3 (another program held it)
    PAUSED = "paused"  # the process did not run (stopped, suspended, starved)


@dataclass(frozen=True)
class Stall:
    seconds: float
    cause: Cause


class StallDetector:
    def __init__(self, interval: float = 1.0, tolerance: float = 3.0) -> None:
        self.interval = interval
        self.tolerance = tolerance
        self._last: float | None = None

    def observe(self, now: float, database_wait: tuple[float, float] | None) -> Stall | None:
        """`database_wait`: (end, seconds) of the store's last slow wait, on the same clock."""
        last, self._last = self._last, now
        if last is None:
            return None
        gap = now - last - self.interval
        if gap <= self.tolerance:
            return None
        if database_wait is not None:
            end, seconds = database_wait
            if end > last and seconds >= gap / 2:
                return Stall(gap, Cause.DATABASE)
        return Stall(gap, Cause.PAUSED)
