"""The one place that starts and watches background tasks (app/tasks/keeper.py).

Seen failing against: the service's old `_spawn` (a task logged once and gone, never
started again, the owner not told) and the gateway's bare `ensure_future` of the webhook
sender (a tab in a webhook address ended it with no log line at all).
"""

from __future__ import annotations

import asyncio
import logging

from app.domain.restart_pauses import RestartPolicy
from app.tasks.keeper import GENERIC_STOPPED, STOPPED_SENTENCES, WORK_FAILED, TaskKeeper
from tests.liveapp import eventually, run


class Harness:
    """A keeper with a stepped clock and sleeps that are only written down."""

    def __init__(self, policy: RestartPolicy | None = None) -> None:
        self.now = 0.0
        self.told: list[str] = []
        self.pauses: list[float] = []
        self.keeper = TaskKeeper(
            self.told.append, policy=policy, clock=lambda: self.now, sleep=self._sleep
        )

    async def _sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        await asyncio.sleep(0)


def test_a_task_killed_by_an_error_is_logged_told_and_started_again(loop, error_log):
    error_log.expect("event stream stopped after an error")
    harness = Harness()
    starts: list[int] = []
    release = asyncio.Event()

    async def stream() -> None:
        starts.append(len(starts) + 1)
        if len(starts) <= 3:
            raise RuntimeError(f"injected failure {len(starts)}")
        await release.wait()  # the fourth run stays up

    async def scenario() -> None:
        task = harness.keeper.keep("event stream", stream)
        await eventually(lambda: len(starts) == 4, timeout=5)
        assert not task.done()
        await harness.keeper.aclose()
        assert task.cancelled()

    run(loop, scenario())
    assert harness.pauses == [1.0, 2.0, 4.0]  # growing
    assert harness.keeper.restarts == {"event stream": 3}
    assert harness.told == [STOPPED_SENTENCES["event stream"]] * 3
    failures = [r for r in error_log.records if "stopped after an error" in r.getMessage()]
    assert len(failures) == 3
    assert all(r.exc_info and "injected failure" in str(r.exc_info[1]) for r in failures)


def test_a_kept_task_that_ends_by_itself_is_a_fault_too(loop, error_log):
    error_log.expect("ended by itself")
    harness = Harness()
    runs: list[int] = []
    forever = asyncio.Event()

    async def sender() -> None:
        runs.append(1)
        if len(runs) == 1:
            return
        await forever.wait()

    async def scenario() -> None:
        harness.keeper.keep("a part", sender)
        await eventually(lambda: len(runs) == 2, timeout=5)
        await harness.keeper.aclose()

    run(loop, scenario())
    assert harness.told == [GENERIC_STOPPED]
    assert any("a part ended by itself" in r.getMessage() for r in error_log.records)


def test_one_off_work_that_fails_is_logged_with_its_traceback_and_told(loop, error_log):
    error_log.expect("background task failed")
    harness = Harness()

    async def broken() -> None:
        raise ValueError("injected")

    async def fine() -> int:
        return 1

    async def scenario() -> None:
        failed = harness.keeper.spawn(broken())
        done = harness.keeper.spawn(fine())
        await asyncio.gather(failed, done, return_exceptions=True)
        await asyncio.sleep(0)  # the done callbacks

    run(loop, scenario())
    assert harness.told == [WORK_FAILED]
    [record] = [r for r in error_log.records if "background task failed" in r.getMessage()]
    assert record.exc_info is not None and isinstance(record.exc_info[1], ValueError)


def test_at_close_every_task_ends_and_nothing_new_starts(loop, caplog):
    harness = Harness()
    started: list[str] = []

    async def forever(name: str) -> None:
        started.append(name)
        await asyncio.Event().wait()

    async def scenario() -> None:
        kept = harness.keeper.keep("outbox", lambda: forever("kept"))
        work = harness.keeper.spawn(forever("work"))
        await eventually(lambda: len(started) == 2, timeout=5)
        await harness.keeper.aclose()
        assert kept.cancelled() and work.cancelled()
        late = harness.keeper.spawn(forever("late"))  # e.g. the bridge's exit at quit
        assert late.cancelled()
        await asyncio.sleep(0)

    with caplog.at_level(logging.DEBUG, "app.tasks.keeper"):
        run(loop, scenario())
    assert started == ["kept", "work"]
    assert harness.told == []  # a stop is not a failure
