"""The first of several waits to end; the rest let go (app/start/first_of.py)."""

from __future__ import annotations

import asyncio

from app.start.first_of import first_of
from tests.liveapp import run


def test_the_first_to_end_wins_and_the_rest_are_cancelled(loop):
    async def scenario() -> None:
        never = asyncio.Event()
        done, waiting = await first_of(asyncio.sleep(0), never.wait())
        assert done.done() and not done.cancelled()
        assert waiting.cancelled()

    run(loop, scenario(), timeout=10)


def test_at_the_timeout_every_wait_is_cancelled(loop):
    async def scenario() -> None:
        futures = await first_of(asyncio.Event().wait(), asyncio.Event().wait(), timeout=0.01)
        assert all(future.cancelled() for future in futures)

    run(loop, scenario(), timeout=10)
