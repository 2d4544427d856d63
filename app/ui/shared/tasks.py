"""Running the service's coroutines from Qt slots, without losing their errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

_running: set[asyncio.Task[Any]] = set()


def run_async(
    coroutine: Coroutine[Any, Any, Any], on_error: Callable[[Exception], None] | None = None
) -> asyncio.Task[Any]:
    task = asyncio.ensure_future(coroutine)
    _running.add(task)

    def done(finished: asyncio.Task[Any]) -> None:
        _running.discard(finished)
        if finished.cancelled():
            return
        error = finished.exception()
        if error is None:
            return
        if on_error is not None and isinstance(error, Exception):
            on_error(error)
        else:
            log.error("action failed: %r", error, exc_info=error)

    task.add_done_callback(done)
    return task


async def finish_actions() -> None:
    """Jaga is closing: the owner's actions still under way (a request to the bridge, a
    send) are cancelled and end before the service they use closes. Left pending, one
    mid-request was destroyed with the loop later, closing its HTTP response from outside
    its task (anyio: "exit cancel scope in a different task")."""
    while _running:
        tasks = list(_running)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
