"""The event stream tells its own drop of a connection from a stop (app/bridge/events.py).

Seen failing against: the former `_dropping` flag, set by a drop and read when the
cancel arrived; a drop and a stop in the same turn (a reconnect asked just as the app
quits) swallowed the stop, and the stream opened its next connection instead of ending.
"""

from __future__ import annotations

import asyncio

import pytest

from app.bridge.events import EventStream
from tests.liveapp import eventually, run


class _Following(EventStream):
    """A stream whose every connection waits until cancelled (no bridge needed)."""

    opened = 0

    async def _follow_once(self, http) -> None:  # type: ignore[no-untyped-def]
        self.opened += 1
        await asyncio.Event().wait()


def _stream() -> _Following:
    async def on_event(_event) -> None:  # type: ignore[no-untyped-def]
        return None

    return _Following(1, {}, on_event, lambda: None, retry_delay=0)


def test_a_drop_opens_the_next_connection(loop) -> None:
    async def scenario() -> None:
        stream = _stream()
        task = asyncio.ensure_future(stream.run())
        await eventually(lambda: stream.opened == 1)
        stream.reconnect()
        await eventually(lambda: stream.opened == 2, what="a new connection after the drop")
        assert not task.done()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run(loop, scenario(), timeout=10)


def test_a_stop_in_the_same_turn_as_a_drop_still_ends_the_stream(loop) -> None:
    async def scenario() -> None:
        stream = _stream()
        task = asyncio.ensure_future(stream.run())
        await eventually(lambda: stream.opened == 1)
        stream.reconnect()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, 5)
        assert stream.opened == 1

    run(loop, scenario(), timeout=10)
