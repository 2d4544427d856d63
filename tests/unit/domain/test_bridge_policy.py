"""The supervision policy, transition by transition, with a fake clock."""

from __future__ import annotations

import pytest

from app.domain.bridge_policy import (
    EXIT_CONFIG,
    CancelTimer,
    Kill,
    Policy,
    RequestStop,
    Spawn,
    StartTimer,
    State,
    Supervision,
    Timer,
    backoff_delay,
)

POLICY = Policy()


def running(now: float = 0.0) -> Supervision:
    machine = Supervision(policy=POLICY)
    machine.start(now)
    machine.ready(now)
    return machine


def test_start_spawns_and_arms_the_readiness_deadline():
    machine = Supervision(policy=POLICY)
    effects = machine.start(0)
    assert machine.state is State.STARTING
    assert effects == [Spawn(), StartTimer(Timer.READY, 20.0)]


def test_start_is_ignored_while_already_starting_or_running():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    assert machine.start(1) == []
    machine.ready(2)
    assert machine.start(3) == []
    assert machine.state is State.RUNNING


def test_ready_moves_to_running_and_watches_the_stream():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    effects = machine.ready(1)
    assert machine.state is State.RUNNING
    assert CancelTimer(Timer.READY) in effects
    assert StartTimer(Timer.HANG, 6.0) in effects
    assert StartTimer(Timer.STALL, 3.0) in effects


def test_the_promised_figures_a_hung_bridge_is_replaced_within_10_s():
    """README and docs/app-core.md: heartbeat every second (the bridge's default, see
    node_bridge/test/config/environment.test.js), "not responding" after 3 s, killed after 6 s
    of silence and 1 s of grace; the first restart after it is immediate."""
    policy = Policy()
    assert (policy.stall_timeout, policy.hang_timeout, policy.hang_grace) == (3.0, 6.0, 1.0)
    assert backoff_delay(1, policy) == 0.0


def test_ready_outside_starting_changes_nothing():
    machine = Supervision(policy=POLICY)
    assert machine.ready(0) == []
    assert machine.state is State.STOPPED


def test_not_ready_in_time_kills_and_counts_a_failure():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    effects = machine.timer_fired(Timer.READY, 20)
    assert effects == [Kill("not ready within 20 s")]
    effects = machine.exited(20.1, None, crashed=True)
    assert machine.last_exit == "not ready within 20 s"
    # First failure: restarted at once.
    assert machine.state is State.STARTING
    assert Spawn() in effects


def test_first_crash_restarts_at_once_then_backoff_grows_by_the_factor():
    machine = running(0)
    now = 100.0
    effects = machine.exited(now, 1, crashed=False)
    assert Spawn() in effects and machine.state is State.STARTING
    delays = []
    for _ in range(3):
        now += 0.5
        effects = machine.exited(now, 1, crashed=False)
        assert machine.state is State.BACKOFF
        (timer,) = [e for e in effects if isinstance(e, StartTimer)]
        delays.append(timer.seconds)
        now += timer.seconds
        assert machine.timer_fired(Timer.BACKOFF, now)[0] == Spawn()
    assert delays == [1.0, 1.5, 2.25]


def test_five_unstable_failures_in_a_minute_are_fatal():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    now = 0.0
    for _ in range(4):
        machine.exited(now, 1, crashed=False)
        now += 1
        if machine.state is State.BACKOFF:
            machine.timer_fired(Timer.BACKOFF, now)
    assert machine.state is State.STARTING
    effects = machine.exited(now, 1, crashed=False)
    assert machine.state is State.FATAL
    assert not any(isinstance(e, Spawn) for e in effects)
    assert "5 times in 60 seconds" in (machine.fatal_reason or "")


def test_failures_spread_over_more_than_the_window_are_not_fatal():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    now = 0.0
    for _ in range(8):
        machine.exited(now, 1, crashed=False)
        now += 20  # only 3 failures ever fall inside one 60 s window
        if machine.state is State.BACKOFF:
            machine.timer_fired(Timer.BACKOFF, now)
    assert machine.state is State.STARTING


def test_thirty_seconds_healthy_resets_the_counters():
    machine = running(0)
    machine.exited(1, 1, crashed=False)
    machine.ready(1)
    machine.exited(2, 1, crashed=False)  # second consecutive: backoff
    assert machine.state is State.BACKOFF
    machine.timer_fired(Timer.BACKOFF, 3)
    machine.ready(3)
    effects = machine.exited(3 + 30, 1, crashed=False)  # ran 30 s: stable
    assert machine.consecutive_failures == 1
    assert Spawn() in effects  # immediate again


def test_exit_78_is_fatal_at_once_with_the_bridges_words():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    effects = machine.exited(
        0.2, EXIT_CONFIG, crashed=False, detail="data folder is in use by pid 42"
    )
    assert machine.state is State.FATAL
    assert machine.fatal_reason == "data folder is in use by pid 42"
    assert not any(isinstance(e, Spawn) for e in effects)


def test_a_stop_we_asked_for_is_not_a_crash():
    machine = running(0)
    effects = machine.stop(5)
    assert machine.state is State.STOPPING
    assert RequestStop() in effects
    assert StartTimer(Timer.STOP_GRACE, 5.0) in effects
    effects = machine.exited(6, 0, crashed=False)
    assert machine.state is State.STOPPED
    assert machine.consecutive_failures == 0
    assert CancelTimer(Timer.STOP_GRACE) in effects


def test_a_stop_that_takes_too_long_is_killed():
    machine = running(0)
    machine.stop(5)
    assert machine.timer_fired(Timer.STOP_GRACE, 10) == [Kill("did not stop within 5 s")]
    machine.exited(10.1, None, crashed=True)
    assert machine.state is State.STOPPED


def test_stop_during_backoff_cancels_the_restart():
    machine = running(0)
    machine.exited(1, 1, crashed=False)
    machine.exited(1.5, 1, crashed=False)
    assert machine.state is State.BACKOFF
    assert machine.stop(2) == [CancelTimer(Timer.BACKOFF)]
    assert machine.state is State.STOPPED
    assert machine.timer_fired(Timer.BACKOFF, 5) == []


def test_late_heartbeat_is_unhealthy_and_activity_recovers():
    machine = running(0)
    machine.timer_fired(Timer.STALL, 3)
    assert machine.state is State.UNHEALTHY
    effects = machine.activity(4)
    assert machine.state is State.RUNNING
    assert StartTimer(Timer.HANG, 6.0) in effects


def test_silence_on_the_stream_is_a_hang_that_is_killed_and_restarted():
    machine = running(0)
    effects = machine.timer_fired(Timer.HANG, 6)
    assert machine.state is State.UNHEALTHY
    # Bytes that already wait unread (the app itself was held up) are read first.
    assert effects == [StartTimer(Timer.HANG, 1.0)]
    effects = machine.timer_fired(Timer.HANG, 7)
    assert Kill("hung: no heartbeat for 6 s") in effects
    effects = machine.exited(7.2, None, crashed=True)
    assert machine.last_exit == "hung: no heartbeat for 6 s"
    assert Spawn() in effects


def test_bytes_waiting_after_the_apps_own_stall_count_as_alive():
    machine = running(0)
    # The app was stopped for 30 s: its overdue timers fire on resume, the heartbeats that
    # arrived meanwhile sit unread in the socket.
    machine.timer_fired(Timer.STALL, 30)
    assert machine.timer_fired(Timer.HANG, 30) == [StartTimer(Timer.HANG, 1.0)]
    effects = machine.activity(30.01)
    assert machine.state is State.RUNNING
    assert StartTimer(Timer.HANG, 6.0) in effects
    # A later silence is judged afresh: one grace again, then the kill.
    assert machine.timer_fired(Timer.HANG, 36) == [StartTimer(Timer.HANG, 1.0)]
    assert Kill("hung: no heartbeat for 6 s") in machine.timer_fired(Timer.HANG, 37)


def test_spawn_failure_is_fatal_with_the_reason():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    machine.spawn_failed(0, "Node could not be started (path /x/node)")
    assert machine.state is State.FATAL
    assert machine.fatal_reason == "Node could not be started (path /x/node)"


def crash_loop(machine: Supervision, now: float = 0.0) -> float:
    """Five failures a second apart: FATAL. Returns the time of the last one."""
    machine.start(now)
    for _ in range(POLICY.fatal_failures):
        if machine.state is State.BACKOFF:
            machine.timer_fired(Timer.BACKOFF, now)
        machine.exited(now, 1, crashed=False)
        if machine.state is not State.FATAL:
            now += 1
    return now


def test_fatal_tries_again_by_itself_every_five_minutes_with_fresh_counters():
    machine = Supervision(policy=POLICY)
    fatal_at = crash_loop(machine)
    assert machine.state is State.FATAL
    assert machine.retry_at == fatal_at + 300
    assert machine.timer_fired(Timer.BACKOFF, fatal_at + 100) == []
    assert machine.activity(fatal_at + 100) == []
    effects = machine.timer_fired(Timer.FATAL_RETRY, fatal_at + 300)
    assert Spawn() in effects
    assert machine.state is State.STARTING and machine.retry_at is None
    assert machine.consecutive_failures == 0 and machine.recent_failures == ()
    # Crashing on: FATAL again, and again a retry five minutes on.
    again = crash_loop(machine, fatal_at + 300)
    assert machine.state is State.FATAL and machine.retry_at == again + 300


def test_every_way_into_fatal_arms_the_retry():
    for enter in (
        lambda m: m.exited(0, EXIT_CONFIG, crashed=False),
        lambda m: m.spawn_failed(0, "Node could not be started"),
    ):
        machine = Supervision(policy=POLICY)
        machine.start(0)
        effects = enter(machine)
        assert machine.state is State.FATAL
        assert StartTimer(Timer.FATAL_RETRY, 300.0) in effects


def test_the_owner_can_leave_fatal_at_once_which_resets_the_counters_and_the_retry():
    machine = Supervision(policy=POLICY)
    machine.start(0)
    machine.exited(0, EXIT_CONFIG, crashed=False)
    effects = machine.restart(100)
    assert machine.state is State.STARTING
    assert Spawn() in effects and CancelTimer(Timer.FATAL_RETRY) in effects
    assert machine.consecutive_failures == 0 and machine.recent_failures == ()
    assert machine.retry_at is None


def test_stopping_in_fatal_cancels_the_retry():
    machine = Supervision(policy=POLICY)
    crash_loop(machine)
    assert CancelTimer(Timer.FATAL_RETRY) in machine.stop(70)
    assert machine.state is State.STOPPED and machine.retry_at is None
    assert machine.timer_fired(Timer.FATAL_RETRY, 400) == []


def test_an_exit_we_asked_for_is_marked_asked_a_crash_is_not():
    machine = running(0)
    machine.restart(10)
    machine.exited(10.1, None, crashed=True)
    assert machine.last_exit_asked and machine.last_exit == "restart requested"
    machine.ready(11)
    machine.exited(12, None, crashed=True)
    assert not machine.last_exit_asked
    machine.timer_fired(Timer.BACKOFF, 12)
    machine.ready(13)
    machine.stop(14)
    machine.exited(14.5, 0, crashed=False)
    assert machine.last_exit_asked


def test_manual_restart_of_a_running_bridge_is_not_a_failure():
    """A graceful stop first, so the bridge releases its lock (seen failing against: main
    at 583a38a, which killed it: the next bridge logged "stale bridge lock taken over")."""
    machine = running(0)
    effects = machine.restart(10)
    assert RequestStop() in effects and not any(isinstance(e, Kill) for e in effects)
    assert StartTimer(Timer.STOP_GRACE, POLICY.stop_grace) in effects
    effects = machine.exited(10.1, None, crashed=True)
    assert Spawn() in effects
    assert machine.state is State.STARTING
    assert machine.consecutive_failures == 0


def test_a_restart_that_does_not_stop_in_time_is_killed_and_still_restarts():
    machine = running(0)
    machine.restart(10)
    assert machine.timer_fired(Timer.STOP_GRACE, 15) == [Kill("did not stop within 5 s")]
    assert Spawn() in machine.exited(15.1, None, crashed=True)
    assert machine.last_exit_asked == "restart" and machine.consecutive_failures == 0


def test_timers_that_fire_late_in_another_state_are_ignored():
    machine = running(0)
    assert machine.timer_fired(Timer.READY, 20) == []
    assert machine.timer_fired(Timer.BACKOFF, 20) == []
    assert machine.timer_fired(Timer.STOP_GRACE, 20) == []
    assert machine.state is State.RUNNING


@pytest.mark.parametrize(
    ("failures", "delay"), [(1, 0.0), (2, 1.0), (3, 1.5), (4, 2.25), (10, 15.0), (50, 15.0)]
)
def test_backoff_delay(failures, delay):
    assert backoff_delay(failures, POLICY) == pytest.approx(delay)
