"""Pure rules of the hardening work: the steady clock."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.clock import SteadyClock


def test_the_steady_clock_ignores_wall_clock_steps():
    wall = [datetime(2026, 5, 1, 12, 0)]
    mono = [1000.0]
    clock = SteadyClock(wall=lambda: wall[0], monotonic=lambda: mono[0])
    start = clock.now()
    for step in (timedelta(minutes=15), timedelta(minutes=-30)):
        wall[0] += step  # NTP or the owner's hand
        assert clock.now() == start
    mono[0] += 90
    assert clock.now() - start == timedelta(seconds=90)
