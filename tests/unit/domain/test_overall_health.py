"""The worst health across numbers and bridge: what the tray icon shows."""

from __future__ import annotations

from app.domain.bridge_policy import State
from app.domain.overall_health import counts, worst
from app.domain.status import Health
from app.domain.status import SessionStatus as S


def test_all_connected_is_ok():
    assert worst([S.CONNECTED, S.CONNECTED], State.RUNNING) is Health.OK


def test_no_numbers_is_idle():
    assert worst([], State.RUNNING) is Health.IDLE


def test_something_reconnecting_is_busy():
    assert worst([S.CONNECTED, S.RECONNECTING], State.RUNNING) is Health.BUSY


def test_a_number_that_needs_the_owner_beats_reconnecting():
    assert worst([S.RECONNECTING, S.LOGGED_OUT, S.CONNECTED], State.UNHEALTHY) is (
        Health.NEEDS_OWNER
    )


def test_a_down_bridge_beats_everything():
    for state in (State.BACKOFF, State.FATAL):
        assert worst([S.LOGGED_OUT, S.CONNECTED], state) is Health.BRIDGE_DOWN
    assert worst([], State.FATAL) is Health.BRIDGE_DOWN


def test_a_starting_bridge_is_busy_not_down():
    assert worst([S.CONNECTED], State.STARTING) is Health.BUSY
    assert worst([], State.STARTING) is Health.BUSY


def test_counts_by_health():
    tally = counts([S.CONNECTED, S.CONNECTED, S.FAILED, S.STOPPED])
    assert tally[Health.OK] == 2 and tally[Health.NEEDS_OWNER] == 1 and tally[Health.IDLE] == 1
