"""Stores webhook outcomes, the ones of the same moment in one commit.

app.sqlite3 syncs every commit to disk (an accepted message must survive a power cut), so
ten addresses answering the same event would cost ten syncs one after the other. Here a
lane hands its outcome over and waits until it is stored (so it never sends a delivery
twice); the first lane to arrive writes everything that arrived meanwhile, in one commit.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from app.gateway.retry import Next
from app.gateway.webhook_store import WebhookStore


@dataclass(frozen=True)
class Recorded:
    delivery_id: int
    step: Next
    status_code: int | None
    error: str | None
    at: datetime


class OutcomeWriter:
    def __init__(self, store: WebhookStore) -> None:
        self._store = store
        self._waiting: list[tuple[Recorded, asyncio.Future[None]]] = []
        self._writing = False

    async def record(self, outcome: Recorded) -> None:
        """Returns once `outcome` is stored; raises the store's error if it could not be."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((outcome, done))
        if not self._writing:
            self._writing = True
            try:
                await asyncio.sleep(0)  # the other lanes' answers of this moment join
                self._write_all()
            finally:
                self._writing = False
                for _outcome, left in self._waiting:  # only if cancelled mid-way
                    left.cancel()
                self._waiting = []
        await done

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
