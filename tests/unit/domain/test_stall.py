"""The app's own stalls, told apart from the bridge's: by their clock and their cause."""

from __future__ import annotations

from app.domain.stall import Cause, Stall, StallDetector


def test_regular_ticks_are_no_stall():
    detector = StallDetector(interval=1.0, tolerance=3.0)
    assert [detector.observe(t, None) for t in (0.0, 1.0, 2.1, 5.9)] == [None] * 4


def test_a_tick_far_too_late_is_a_pause_unless_the_database_held_the_app():
    detector = StallDetector(interval=1.0, tolerance=3.0)
    detector.observe(0.0, None)
    assert detector.observe(31.0, None) == Stall(30.0, Cause.PAUSED)
    # The store waited 12 s for a lock within the gap: the database held the app up.
    assert detector.observe(45.0, (44.5, 12.0)) == Stall(13.0, Cause.DATABASE)
    # An old wait, before the gap, explains nothing.
    assert detector.observe(60.0, (44.5, 12.0)) == Stall(14.0, Cause.PAUSED)
