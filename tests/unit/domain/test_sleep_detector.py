"""Noticing a sleep from two clocks fed at regular ticks."""

from __future__ import annotations

from app.domain.sleep_detector import WakeDetector


def test_regular_ticks_are_not_a_wake():
    detector = WakeDetector(interval=5.0)
    assert not detector.observe(0.0, 1000.0)
    for tick in range(1, 20):
        assert not detector.observe(tick * 5.0, 1000.0 + tick * 5.0)


def test_the_wall_clock_jumping_ahead_of_the_monotonic_one_is_a_wake():
    detector = WakeDetector(interval=5.0)
    detector.observe(0.0, 1000.0)
    assert detector.observe(5.0, 1000.0 + 3600.0)  # slept an hour (Linux, macOS)
    assert not detector.observe(10.0, 1000.0 + 3605.0)


def test_a_tick_that_comes_far_too_late_is_a_wake():
    detector = WakeDetector(interval=5.0)
    detector.observe(0.0, 1000.0)
    assert detector.observe(600.0, 1600.0)  # both clocks ran on (Windows)


def test_a_slightly_late_tick_is_not_a_wake():
    detector = WakeDetector(interval=5.0, tolerance=10.0)
    detector.observe(0.0, 0.0)
    assert not detector.observe(14.0, 14.0)
