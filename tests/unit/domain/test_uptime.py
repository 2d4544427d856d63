"""Uptime over the last 24 hours from a status history, with fixed times."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.uptime import Change, uptime

NOW = datetime(2026, 11, 23, 12, 0, 0)


def ago(hours: float = 0, minutes: float = 0) -> datetime:
    return NOW - timedelta(hours=hours, minutes=minutes)


def test_no_history_has_no_uptime():
    assert uptime([], NOW) is None


def test_a_number_never_connected_has_no_uptime_yet():
    assert uptime([Change(ago(2), "starting"), Change(ago(1), "qr")], NOW) is None


def test_connected_all_day_is_full():
    assert uptime([Change(ago(30), "connected")], NOW) == 1.0


def test_time_before_the_first_connection_does_not_count():
    history = [
        Change(ago(5), "starting"),
        Change(ago(4.5), "qr"),
        Change(ago(4), "connected"),
        Change(ago(1), "reconnecting"),
    ]
    assert uptime(history, NOW) == pytest.approx(0.75)


def test_six_hours_away_in_the_last_day_is_seventy_five_percent():
    history = [
        Change(ago(48), "connected"),
        Change(ago(10), "reconnecting"),
        Change(ago(7), "logged_out"),
        Change(ago(4), "connected"),
    ]
    assert uptime(history, NOW) == pytest.approx(18 / 24)


def test_what_happened_before_the_window_only_sets_the_starting_status():
    history = [Change(ago(40), "connected"), Change(ago(30), "failed")]
    assert uptime(history, NOW) == 0.0


def test_the_order_of_the_entries_does_not_matter():
    history = [Change(ago(2), "reconnecting"), Change(ago(4), "connected")]
    assert uptime(history, NOW) == pytest.approx(0.5)


def test_a_custom_window():
    history = [Change(ago(3), "connected"), Change(ago(1), "stopped")]
    assert uptime(history, NOW, window=timedelta(hours=2)) == pytest.approx(0.5)


def test_a_number_just_linked_has_no_uptime_yet_not_97_percent():
    # Linked 30 s ago, one second's drop: too little service to say anything yet.
    history = [
        Change(NOW - timedelta(seconds=30), "connected"),
        Change(NOW - timedelta(seconds=10), "reconnecting"),
        Change(NOW - timedelta(seconds=9), "connected"),
    ]
    assert uptime(history, NOW) is None
    assert uptime([Change(NOW, "connected")], NOW) is None
    # An hour on, the same second is what it is: a rounding error, not 3 %.
    later = NOW + timedelta(hours=1)
    assert uptime(history, later) == pytest.approx(1 - 1 / 3630)


def test_connected_this_very_moment_is_full_without_settling():
    assert uptime([Change(NOW, "connected")], NOW, settling=timedelta(0)) == 1.0


def test_entries_in_the_future_are_ignored():
    history = [Change(ago(2), "connected"), Change(NOW + timedelta(hours=1), "failed")]
    assert uptime(history, NOW) == 1.0
