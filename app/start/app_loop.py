"""The app's asyncio loop on Qt's event loop, counted as running from start to quit.

qasync's `run_until_complete` (0.28) turns Qt's loop once more after it has marked the
asyncio loop as stopped. A task woken at that moment (the outbox dispatcher at the end of
its wait, the event stream's response closing) then ran with no running loop, and
asyncio, anyio and httpx raised "no running event loop": an ERROR in jaga.log at quit.
Here the loop counts as running for the whole life of the app (as in the tests,
tests/conftest.py), and a local QEventLoop turns Qt's loop until what is awaited is done;
at the end every task left is cancelled and awaited before the loop is closed.

Marked running that way, the loop never passes through asyncio's `run_forever`, which is
where asyncio installs its async-generator hooks; qasync does not install them either.
Without them an async generator left at a `yield` (httpx's chain of response iterators,
when a task reading the event stream is cancelled between two events) is closed by the
garbage collector outside any task: httpcore's clean-up then awaits, and anyio raised
"Attempted to exit cancel scope in a different task" (a flaky test teardown, in CI 2
runs of 6). `running_loop` installs them, as `run_forever` would.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable
from typing import TypeVar

import qasync
from PySide6.QtCore import QCoreApplication, QEventLoop

log = logging.getLogger(__name__)

T = TypeVar("T")


def running_loop(app: QCoreApplication) -> qasync.QEventLoop:
    """The process's asyncio loop on Qt's, marked running and set as the current loop,
    with asyncio's async-generator hooks (a generator dropped at a `yield` is closed in a
    task of this loop, as on any asyncio loop)."""
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    sys.set_asyncgen_hooks(
        firstiter=loop._asyncgen_firstiter_hook, finalizer=loop._asyncgen_finalizer_hook
    )
    return loop


class AppLoop:
    def __init__(self, app: QCoreApplication) -> None:
        self.loop = running_loop(app)

    def until(self, awaitable: Awaitable[T]) -> T:
        """Turns Qt's event loop (windows, timers, sockets, tasks) until `awaitable` is done."""
        return turn_until(awaitable)

    def end_tasks(self) -> None:
        """Cancels every task still there (a window's action, a server's handler) and
        waits for them to end, while the loop still runs."""
        left = [task for task in asyncio.all_tasks(self.loop) if not task.done()]
        for task in left:
            task.cancel()
        if left:
            log.info("ending %d task(s) left at quit", len(left))
            turn_until(asyncio.gather(*left, return_exceptions=True))

    def close(self) -> None:
        self.end_tasks()
        turn_until(self.loop.shutdown_asyncgens())
        sys.set_asyncgen_hooks(None, None)
        self.loop.stop()
        self.loop.close()
        asyncio.set_event_loop(None)


def turn_until(awaitable: Awaitable[T]) -> T:
    """`awaitable` to its end on the running qasync loop, while Qt's own loop turns."""
    task = asyncio.ensure_future(awaitable)
    waiter = QEventLoop()
    task.add_done_callback(lambda _task: waiter.quit())
    while not task.done():
        if waiter.exec() != 0:
            # Someone called QCoreApplication.exit(): Qt's loops now return at once. Turn
            # the events by hand instead of spinning (the Quit event itself is caught,
            # app.start.quit_signals.QuitOnSessionEnd).
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    return task.result()
