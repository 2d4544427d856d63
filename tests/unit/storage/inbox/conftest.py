"""The inbox's storage on a real app.sqlite3, with its write hook as the app registers it."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.domain.bridge_messages import Inbound
from app.storage.inbox.write_hook import InboxWriteHook, Touched
from app.storage.store import Store
from tests.store_kit import linked


class Told:
    """Plays the event loop: what the hook schedules runs when the test says."""

    def __init__(self) -> None:
        self.due: list = []
        self.touched: list[Touched] = []

    def later(self, fn) -> None:
        self.due.append(fn)

    def run(self) -> Touched:
        due, self.due = self.due, []
        for fn in due:
            fn()
        merged = Touched()
        for t in self.touched:
            merged.chats |= t.chats
            merged.labels |= t.labels
            merged.queued += t.queued
        self.touched.clear()  # in place: the hook holds this list's append
        return merged


@pytest.fixture
def told() -> Told:
    return Told()


@pytest.fixture
def hooked(store: Store, told: Told) -> Store:
    """The store with the inbox's write hook; local time = UTC (the tests' shop clock)."""
    hook = InboxWriteHook(
        store.write_hooks, after=told.touched.append, later=told.later, local=lambda utc: utc
    )
    store.write_hooks.add(hook)
    return store


@pytest.fixture
def shop(hooked: Store) -> str:
    return linked(hooked, "628100000001", "Toko Depan")


def inbound(account: str, message_id: str, chat: str, text: str, at: datetime | None = None):
    return Inbound(account, message_id, chat, text, at or datetime(2026, 3, 2, 22, 0))
