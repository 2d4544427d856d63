"""The one place that starts the app's background tasks and watches them.

Long-running tasks (the event stream, the outbox dispatcher, the reconciler, the webhook
sender) are *kept*: one that ends with an exception is logged with its traceback, told
to the owner in one sentence, and started again after a growing pause
(app/domain/restart_pauses.py). One-off work (a restore, an acknowledgement, telling the
bridge a setting) is *spawned*: a failure is logged with its traceback and told. No task
dies silently; at quit every task is cancelled and awaited while the loop still runs.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from app.domain.restart_pauses import (
    GENERIC_STOPPED,
    STOPPED_SENTENCES,
    WORK_FAILED,
    RestartPauses,
    RestartPolicy,
)

log = logging.getLogger(__name__)


#: What the owner is told when a kept task stopped (English; app/ui/shared/keeper_text.py).
class TaskKeeper:
    def __init__(
        self,
        tell: Callable[[str], None],
        *,
        policy: RestartPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._tell = tell
        self._policy = policy or RestartPolicy()
        self._clock = clock
        self._sleep = sleep
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        #: How many times each kept task was started again.
        self.restarts: dict[str, int] = {}

    def keep(self, name: str, start: Callable[[], Awaitable[None]]) -> asyncio.Task[None]:
        """Runs `start()` for as long as the app runs: again after it dies."""
        return self._track(self._keep(name, start), name)

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Runs one piece of work; a failure is logged and told, not retried."""
        task = self._track(coroutine, None)
        task.add_done_callback(self._work_done)
        return task

    async def stop(self, task: asyncio.Task[Any] | None) -> None:
        """Cancels one task and waits until it has ended."""
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def aclose(self) -> None:
        """Every task cancelled and ended; nothing new starts after this."""
        self._closed = True
        while self._tasks:
            tasks = list(self._tasks)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    def reopen(self) -> None:
        """The app starts again after a close (tests reuse one core)."""
        self._closed = False

    # --- internals ---------------------------------------------------------------------

    def _track(self, coroutine: Coroutine[Any, Any, Any], name: str | None) -> asyncio.Task[Any]:
        if self._closed:
            coroutine.close()  # Jaga is closing: not started, and no "never awaited"
            log.debug("not started while closing: %s", name or coroutine)
            done: asyncio.Future[Any] = asyncio.get_event_loop().create_future()
            done.cancel()
            return done  # type: ignore[return-value]
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _keep(self, name: str, start: Callable[[], Awaitable[None]]) -> None:
        pauses = RestartPauses(self._clock, self._policy)
        while True:
            pauses.started()
            error: Exception | None = None
            try:
                await start()
            except Exception as failure:  # CancelledError is not one: a stop ends the loop
                error = failure
            pause = pauses.failed()
            # Kept tasks run until stopped: ending at all is a fault, with or without error.
            why = f"stopped after an error ({error!r})" if error else "ended by itself"
            log.error("%s %s; starting it again in %g s", name, why, pause, exc_info=error)
            self._tell(STOPPED_SENTENCES.get(name, GENERIC_STOPPED))
            await self._sleep(pause)
            self.restarts[name] = self.restarts.get(name, 0) + 1
            log.info("%s started again", name)

    def _work_done(self, task: asyncio.Task[Any]) -> None:
        if task.cancelled() or task.exception() is None:
            return
        error = task.exception()
        log.error("background task failed: %r", error, exc_info=error)
        self._tell(WORK_FAILED)
