"""Stores webhook outcomes, the ones of the same moment in one commit.

app.sqlite3 syncs every commit to disk (an accepted message must survive a power cut), so
ten addresses answering the same event would cost ten syncs one after the other. Here a
lane hands its outcome over and waits until it is stored (so it never sends a delivery
twice); the first lane to arrive waits a moment (at most LINGER_S) for the other requests
in flight, then writes everything that arrived meanwhile, in one commit.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import datetime

from app.domain.webhook_retry import Next
from app.ports.api import WebhookQueue


@dataclass(frozen=True)
class Recorded:
    delivery_id: int
    step: Next
    status_code: int | None
    error: str | None
    at: datetime


#: How long the first outcome waits for the requests still in flight to join its commit.
LINGER_S = 0.015


class OutcomeWriter:
    def __init__(self, store: WebhookQueue, linger_s: float = LINGER_S) -> None:
        self._store = store
        self._linger_s = linger_s
        self._waiting: list[tuple[Recorded, asyncio.Future[None]]] = []
        self._writing = False
        self._in_flight = 0
        self._all_answered = asyncio.Event()

    def started(self) -> None:
        """A request is on its way; its outcome will come to `record`."""
        self._in_flight += 1
        self._all_answered.clear()

    def abandoned(self) -> None:
        """A request that will bring no outcome (its lane was cancelled)."""
        self._in_flight = max(0, self._in_flight - 1)
        if not self._in_flight:
            self._all_answered.set()

    async def record(self, outcome: Recorded) -> None:
        """Returns once `outcome` is stored; raises the store's error if it could not be."""
        self.abandoned()  # this request is answered: one fewer in flight
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((outcome, done))
        if not self._writing:
            self._writing = True
            try:
                await self._gather()
            finally:
                # Also when this lane is cancelled while gathering (its address removed):
                # the other lanes' outcomes are stored all the same, and they go on.
                self._writing = False
                self._write_all()
                if done.done() and not done.cancelled():
                    done.exception()  # seen here; re-raised below unless cancelled
        await done

    async def _gather(self) -> None:
        """The answers of this moment join one commit: the other requests in flight (ten
        addresses hearing one event) get a moment to answer; a slow one is not waited for."""
        await asyncio.sleep(0)
        if self._in_flight:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._all_answered.wait(), self._linger_s)

    def _write_all(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                self._store.record_many([outcome for outcome, _done in batch])
            except Exception as error:
                for _outcome, done in batch:
                    done.set_exception(error)
                continue
            for _outcome, done in batch:
                done.set_result(None)
