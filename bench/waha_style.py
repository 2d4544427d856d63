"""A webhook sender the way WAHA and Evolution API send: retries kept in memory.

WAHA posts each event at once and, on failure, schedules the next attempt with a timer
(its `retries` config: a policy, a delay and a number of attempts); nothing is written
down, so whatever waits for a retry when the process dies is gone. Re-enacted here for the
`api` benchmark, fed the same events as Jaga's durable sender, with the same compressed
retry times (first 0.1 s, doubling, at most 1 s apart).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import httpx

ATTEMPTS = 15
FIRST_DELAY_S = 0.1
MAX_DELAY_S = 1.0


class MemoryRetrySender:
    def __init__(self, url: str) -> None:
        self.url = url
        self._client = httpx.AsyncClient(timeout=2.0)
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def queued(self) -> int:
        """Events not delivered yet: all of them live only in this process's memory."""
        return len(self._tasks)

    def write_hook(self) -> Any:
        """Hears each stored customer message (app.storage.write_hooks), like WAHA's event."""

        def hook(_session: Any, written: Any) -> None:
            for message in written.added:
                if message.direction == "in":
                    self.emit({"event": "message", "payload": {"body": message.text}})

        return hook

    def emit(self, body: dict[str, Any]) -> None:
        task = asyncio.ensure_future(self._deliver(body))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver(self, body: dict[str, Any]) -> None:
        delay = FIRST_DELAY_S
        for _attempt in range(ATTEMPTS):
            with contextlib.suppress(httpx.HTTPError):
                answer = await self._client.post(self.url, json=body)
                if answer.is_success:
                    return
            await asyncio.sleep(delay)
            delay = min(MAX_DELAY_S, delay * 2)

    async def kill(self) -> None:
        """The process dies: every timer and every queued retry with it."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._client.aclose()

    def restart(self) -> None:
        """A new process: the same URL, an empty memory."""
        self._client = httpx.AsyncClient(timeout=2.0)
        self._tasks = set()
