"""The pause before a dead background task starts again (app/domain/restart_pauses.py)."""

from __future__ import annotations

from app.domain.restart_pauses import RestartPauses, RestartPolicy


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_pause_doubles_from_a_second_up_to_a_minute():
    clock = Clock()
    pauses = RestartPauses(clock)
    seen = []
    for _ in range(9):
        pauses.started()
        clock.now += 0.5  # dies half a second after each start
        seen.append(pauses.failed())
    assert seen == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_task_that_ran_well_for_a_minute_starts_over_from_the_first_pause():
    clock = Clock()
    pauses = RestartPauses(clock, RestartPolicy(first_pause_s=0.5, healthy_after_s=30))
    for _ in range(3):
        pauses.started()
        pauses.failed()
    pauses.started()
    clock.now += 29.9  # not quite long enough
    assert pauses.failed() == 4.0
    pauses.started()
    clock.now += 30
    assert pauses.failed() == 0.5


def test_a_failure_before_any_start_gets_the_first_pause():
    assert RestartPauses(Clock()).failed() == 1.0
