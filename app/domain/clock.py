"""A wall clock that cannot jump: for retry schedules and give-up deadlines.

Stored timestamps are wall time (people read them, and they survive restarts). But the
computer's clock is corrected now and then (NTP, a wrong battery clock, the owner's hand):
an outbox that scheduled "retry at wall time T" would retry 15 minutes early or late after
a step, and a 24 h give-up would come too soon or never. `SteadyClock` reads the wall clock
once and then advances it by the monotonic clock, so every duration measured in one run
is true elapsed time; at the next start it takes the (corrected) wall clock again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def utcnow() -> datetime:
    """Now, in UTC without a zone: how every timestamp is stored."""
    return datetime.now(UTC).replace(tzinfo=None)


class SteadyClock:
    def __init__(
        self,
        wall: Callable[[], datetime] = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._monotonic = monotonic
        self._anchor_wall = wall()
        self._anchor_mono = monotonic()

    def now(self) -> datetime:
        """Naive UTC, like the stored timestamps; moves exactly as fast as real time."""
        return self._anchor_wall + timedelta(seconds=self._monotonic() - self._anchor_mono)
