"""A full disk under app.sqlite3, simulated portably with SQLite's `max_page_count`.

The limit is set on every new connection of the store's engine (the pool is emptied
first), so the database cannot grow by a single page: the next write that needs space
fails exactly as it does when the disk is full (SQLITE_FULL).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, text

from app.storage.store import Store, StoreError
from tests.liveapp import eventually, run, status_of, until_bridge_ready

pytestmark = pytest.mark.chaos


class DiskFull:
    """Caps the database at its current size; `release()` gives the space back."""

    def __init__(self, store: Store) -> None:
        self.store = store
        with store.engine.connect() as connection:
            self.pages = connection.execute(text("PRAGMA page_count")).scalar_one()
        self.active = True
        event.listen(store.engine, "connect", self._limit)
        store.engine.dispose()  # pooled connections would not have the limit

    def _limit(self, dbapi_connection, _record) -> None:
        if self.active:
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA max_page_count={self.pages}")
            cursor.close()

    def saturate(self) -> int:
        """Uses up the free room inside the pages too; returns the writes it took."""
        writes = 0
        for size in (4000, 1000, 200, 40, 1):
            for _ in range(10_000):
                try:
                    self.store.audit("filler", "f" * size)
                except Exception as error:
                    assert "full" in str(error).lower(), repr(error)
                    break
                writes += 1
        return writes

    def release(self) -> None:
        self.active = False
        event.remove(self.store.engine, "connect", self._limit)
        self.store.engine.dispose()


def fill(store: Store, account_id: str, limit: int = 5000) -> tuple[list[str], Exception]:
    """Queues messages until the store refuses one; returns the accepted ids and the error."""
    accepted = []
    for i in range(limit):
        client_id = f"fill-{i}"
        try:
            store.queue_message(account_id, "628222000111", "x" * 1500, client_id)
        except Exception as error:
            return accepted, error
        accepted.append(client_id)
    raise AssertionError(f"{limit} messages fitted: the disk never filled up")


def linked_store(path: Path, messages: int) -> tuple[Store, str, list[str]]:
    store = Store(path)
    account = store.create_account("Shop", "sim")
    store.record_observed(
        account.id, status="connected", reason=None, message=None, phone="628111000222"
    )
    ids = [f"before-{i}" for i in range(messages)]
    for client_id in ids:
        store.queue_message(account.id, "628222000111", f"order {client_id}", client_id)
    return store, account.id, ids


def stored_ids(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return [r[0] for r in db.execute("SELECT message_id FROM messages ORDER BY id")]


def test_a_full_disk_refuses_the_write_and_loses_nothing_accepted(tmp_path, chaos_counts):
    path = tmp_path / "app.sqlite3"
    store, account_id, before = linked_store(path, 50)
    full = DiskFull(store)
    accepted, error = fill(store, account_id)
    # Refused loudly, as a full disk, not swallowed.
    assert "full" in str(error).lower(), repr(error)
    # Every other kind of write is refused the same way or fits; none corrupts anything.
    refused = 1
    for attempt in (
        lambda: store.audit("probe", "x" * 4000),
        lambda: store.create_account("Another till " + "y" * 80, "sim"),
        lambda: store.record_observed(
            account_id, status="reconnecting", reason="bridge_crashed", message="z" * 4000
        ),
        lambda: store.queue_message(account_id, "628222000111", "after", "after-full"),
    ):
        try:
            attempt()
        except Exception as refusal:
            assert "full" in str(refusal).lower(), repr(refusal)
            refused += 1
    chaos_counts(disk_full_refusals=refused)
    # The store still reads while full.
    assert [m.message_id for m in store.messages(account_id)][: len(before)] == before
    full.release()
    store.close()
    # Everything accepted is there, the refused write is not, and the file is sound.
    ids = stored_ids(path)
    assert ids[: len(before) + len(accepted)] == before + accepted
    assert error_id(accepted) not in ids
    # With space again, the store takes writes as before.
    reopened = Store(path)
    reopened.queue_message(account_id, "628222000111", "space again", "after-space")
    reopened.close()
    assert stored_ids(path)[-1] == "after-space"


def error_id(accepted: list[str]) -> str:
    return f"fill-{len(accepted)}"


def test_a_full_disk_is_reported_in_words_for_people(tmp_path):
    store, account_id, _before = linked_store(tmp_path / "app.sqlite3", 5)
    DiskFull(store)
    _accepted, error = fill(store, account_id)
    store.close()
    assert isinstance(error, StoreError), repr(error)
    assert "INSERT" not in str(error) and "x" * 50 not in str(error)


@pytest.mark.qt_no_exception_capture  # counted below instead
def test_a_full_disk_does_not_break_supervision_and_loses_nothing(
    loop, service, monkeypatch, caplog, chaos_counts, error_log
):
    """Full disk while the bridge crashes: the app keeps supervising and connected to the
    new bridge, reports the problem, and catches up at once when space returns."""
    error_log.expect(r"disk is full")  # the app's own report of the trouble, as it should
    raised: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, value, _tb: raised.append(value))
    problems: list[str] = []

    async def scenario():
        account = await service.add_account("Shop")
        await eventually(lambda: status_of(service, account.id) == "qr")
        await service.simulate_scan(account.id, "628111000333")
        await eventually(lambda: status_of(service, account.id) == "connected")
        queued = [
            service.store.queue_message(account.id, "6282", f"keep {i}", f"keep-{i}").message_id
            for i in range(5)
        ]
        full = DiskFull(service.store)
        try:
            full.saturate()
            boot = service.boot_id
            os.kill(service.supervisor.pid, signal.SIGKILL)
            await eventually(lambda: service.boot_id not in (None, boot), timeout=20)
            await until_bridge_ready(service)
            await asyncio.sleep(2.0)
            if service.event_stream is None:
                problems.append("no event stream to the new bridge while the disk is full")
        finally:
            full.release()
        await service.reconcile("test")  # what the periodic reconcile does every 30 s
        try:
            await eventually(lambda: status_of(service, account.id) == "connected", timeout=5)
        except AssertionError:
            problems.append("not connected again 5 s after space returned")
        return account.id, queued

    account_id, queued = run(loop, scenario(), timeout=60)
    chaos_counts(kills=1)
    kept = {m.message_id for m in service.store.messages(account_id)}
    if not set(queued) <= kept:
        problems.append(f"accepted messages lost: {sorted(set(queued) - kept)}")
    if raised:
        problems.append(f"{len(raised)} exceptions escaped into Qt's event loop: {raised[0]!r}")
    failed_tasks = [r for r in caplog.records if "background task failed" in r.getMessage()]
    if failed_tasks:
        problems.append(f"{len(failed_tasks)} background tasks died")
    assert not problems, "\n".join(problems)
