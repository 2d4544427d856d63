"""Webhook outcomes of one moment share one commit (app/gateway/webhook_outcomes.py), and
an address removed mid-way stops only its own lane.

Seen failing against: main at 583a38a (one commit per outcome: ten addresses, ten syncs
to disk, each holding the event loop); the last test against this branch's first writer,
which cancelled the other lanes' outcomes when one lane was cancelled.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from app.domain.webhook_retry import Next, Outcome
from app.gateway.webhook_outcomes import OutcomeWriter, Recorded
from tests.liveapp import run

AT = datetime(2026, 12, 7, 9, 0)


class FakeStore:
    def __init__(self) -> None:
        self.commits: list[list[int]] = []

    def record_many(self, outcomes) -> None:
        self.commits.append([o.delivery_id for o in outcomes])


def outcome(n: int) -> Recorded:
    return Recorded(n, Next(Outcome.DELIVERED), 200, None, AT)


def test_ten_answers_of_one_moment_are_one_commit(loop):
    store = FakeStore()
    writer = OutcomeWriter(store, linger_s=5.0)  # long: the answers, not the timer, end it

    async def lane(n: int) -> None:
        writer.started()
        await asyncio.sleep(0.001 * n)  # the ten addresses answer one after another
        await writer.record(outcome(n))

    async def scenario() -> None:
        await asyncio.gather(*(lane(n) for n in range(10)))

    run(loop, scenario(), timeout=10)
    assert store.commits == [list(range(10))]


def test_a_slow_request_is_not_waited_for(loop):
    store = FakeStore()
    writer = OutcomeWriter(store, linger_s=0.01)

    async def scenario() -> None:
        writer.started()  # a hanging address: no answer for a long time
        writer.started()
        await writer.record(outcome(1))

    run(loop, scenario(), timeout=10)
    assert store.commits == [[1]]


def test_a_lane_cancelled_while_gathering_leaves_the_others_stored_and_going(loop):
    store = FakeStore()
    writer = OutcomeWriter(store, linger_s=5.0)

    async def scenario() -> None:
        for _ in range(3):
            writer.started()
        first = asyncio.ensure_future(writer.record(outcome(1)))  # gathers: 2 in flight
        await asyncio.sleep(0.01)
        second = asyncio.ensure_future(writer.record(outcome(2)))
        await asyncio.sleep(0.01)
        first.cancel()  # its address was removed
        await asyncio.gather(first, return_exceptions=True)
        await second  # stored, not cancelled
        assert not second.cancelled()

    run(loop, scenario(), timeout=10)
    assert store.commits == [[1, 2]]
