"""The timings the design promises (/work/shared/design.md, docs/app-core.md, docs/api.md),
written here as the figures themselves, not read from the code's constants: a constant
changed by mistake fails here instead of moving the test along with it.

- a late heartbeat (stall): "bridge not responding" after 3 s (the heartbeat comes every
  second);
- a hang: no bytes on the event stream for 6 s, then 1 s more for bytes already waiting,
  then the bridge is killed: a hung bridge is replaced within 10 s (issue 27);
- FATAL tries again by itself after 5 minutes;
- a webhook is given up 24 hours after it was written; the longest gap between two tries
  is one hour.

Seen failing against: Policy(stall_timeout=8.0, hang_timeout=20.0, fatal_retry=600.0),
GIVE_UP_AFTER of 12 hours and MAX_DELAY_S of two hours (tests/unit/domain/test_webhook_retry.py
reads the last two from the code, and stayed green).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from app.application import Options, create_supervisor
from app.domain.bridge_policy import (
    CancelTimer,
    Effect,
    Kill,
    Spawn,
    StartTimer,
    State,
    Supervision,
    Timer,
)
from app.domain.webhook_retry import Outcome, after_attempt, backoff_s
from app.system.data_folders import DataPaths
from app.system.secrets import BridgeToken


class Timeline:
    """The app's supervision as built (create_supervisor), its timers run on a test clock."""

    def __init__(self, machine: Supervision) -> None:
        self.machine = machine
        self.now = 0.0
        self.due: dict[Timer, float] = {}
        self.kills: list[tuple[float, str]] = []
        self.spawns: list[float] = []

    def apply(self, effects: list[Effect]) -> None:
        for effect in effects:
            match effect:
                case StartTimer(timer=timer, seconds=seconds):
                    self.due[timer] = self.now + seconds
                case CancelTimer(timer=timer):
                    self.due.pop(timer, None)
                case Kill(reason=reason):
                    self.kills.append((self.now, reason))
                case Spawn():
                    self.spawns.append(self.now)

    def until(self, moment: float) -> None:
        """Every timer due up to `moment` fires, in order."""
        while True:
            due = [(at, timer) for timer, at in self.due.items() if at <= moment]
            if not due:
                break
            at, timer = min(due)
            del self.due[timer]
            self.now = at
            self.apply(self.machine.timer_fired(timer, at))
        self.now = moment

    def running_at(self, moment: float) -> None:
        self.apply(self.machine.start(moment))
        self.now = moment
        self.apply(self.machine.ready(moment))


def app_supervision(tmp_path) -> Supervision:
    token = BridgeToken("design-figures-token-0123456789", persistent=True)
    supervisor, _token = create_supervisor(DataPaths(tmp_path / "data"), Options(token=token))
    return supervisor.machine


def test_a_late_heartbeat_is_told_after_3_seconds(qapp, tmp_path):
    line = Timeline(app_supervision(tmp_path))
    line.running_at(0.0)
    line.until(2.99)
    assert line.machine.state is State.RUNNING
    line.until(3.0)
    assert line.machine.state is State.UNHEALTHY


def test_a_bridge_silent_for_6_seconds_is_killed_after_1_second_more(qapp, tmp_path):
    line = Timeline(app_supervision(tmp_path))
    line.running_at(0.0)
    line.until(2.0)
    line.apply(line.machine.activity(2.0))  # bytes: the silence counts from here
    line.until(2.0 + 6.0 + 0.99)
    assert line.kills == []
    line.until(2.0 + 6.0 + 1.0)
    assert [at for at, _reason in line.kills] == [9.0]


def test_fatal_tries_again_by_itself_after_5_minutes(qapp, tmp_path):
    line = Timeline(app_supervision(tmp_path))
    line.running_at(0.0)
    while line.machine.state is not State.FATAL:  # crashes at once, again and again
        line.apply(line.machine.exited(line.now, 1, False))
        line.until(line.due.get(Timer.BACKOFF, line.now))
        if line.machine.state is State.STARTING:
            line.apply(line.machine.ready(line.now))
    fatal_at = line.now
    assert line.machine.retry_at == fatal_at + 300.0
    spawns = len(line.spawns)
    line.until(fatal_at + 299.9)
    assert line.machine.state is State.FATAL and len(line.spawns) == spawns
    line.until(fatal_at + 300.0)
    assert line.machine.state is State.STARTING and len(line.spawns) == spawns + 1


T0 = datetime(2026, 11, 30, 8, 0, 0)


def test_a_webhook_is_tried_for_24_hours_and_no_gap_is_longer_than_an_hour():
    rng = random.Random(23)
    almost = after_attempt(
        None, attempt=40, created_at=T0, now=T0 + timedelta(hours=24, seconds=-1), rng=rng
    )
    assert almost.outcome is Outcome.RETRY and almost.at == T0 + timedelta(hours=24)
    done = after_attempt(None, attempt=41, created_at=T0, now=T0 + timedelta(hours=24), rng=rng)
    assert done.outcome is Outcome.EXPIRED
    gaps = [backoff_s(attempt, rng) for attempt in range(1, 60) for _ in range(20)]
    assert max(gaps) <= 3600.0
    assert max(gaps) >= 1800.0  # the late tries do wait up to an hour (jitter: half to all)
    assert backoff_s(1, rng, retry_after_s=5 * 3600) == 3600.0  # even when asked to wait longer
