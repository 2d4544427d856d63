"""Which commits wait for the disk: what the bridge will say again (observed statuses) is
committed without an fsync of its own; messages, acks, the audit log and anything a write
hook adds to an observation (a webhook) are made durable at once. Real SQLite file; the
commits and fsyncs are watched where they happen."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from app.storage.store import Store
from app.storage.tables import AuditEvent
from tests.store_kit import linked

NORMAL, FULL = 1, 2


@pytest.fixture
def commits(store: Store, monkeypatch) -> Iterator[list[int | str]]:
    """The `synchronous` setting of each commit that wrote, and "fsync" for each fsync
    of the WAL the store makes itself, in order."""
    seen: list[int | str] = []

    def at_commit(connection) -> None:
        raw = connection.connection.dbapi_connection
        if raw.in_transaction:  # a commit with nothing written is no commit to SQLite
            seen.append(raw.execute("PRAGMA synchronous").fetchone()[0])

    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        seen.append("fsync")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    event.listen(store.engine, "commit", at_commit)
    yield seen
    event.remove(store.engine, "commit", at_commit)


def test_an_observation_commits_without_its_own_fsync_and_a_message_with_one(store, commits):
    account = linked(store)
    commits.clear()
    assert store.record_observed(account, status="qr", reason=None, message=None)
    store.record_gone([account], status="reconnecting", reason="bridge_crashed", message=None)
    assert commits == [NORMAL, NORMAL]
    store.queue_message(account, "6281234567890", "halo", "JAGA0000000000000001")
    store.audit("bridge_ready", "pid 1")
    assert commits[2:] == [FULL, FULL], "the pooled connection went back at FULL"
    assert [h.status for h in store.history(account)] == ["connected", "qr", "reconnecting"]


def test_an_observation_that_a_write_hook_adds_to_is_as_durable_as_a_message(store, commits):
    account = store.create_account("Shop", "sim")

    def webhook_like(s, written) -> None:
        if written.statuses:
            s.add(AuditEvent(kind="hooked", account_id=account.id, detail="a delivery"))

    store.write_hooks.add(webhook_like)
    commits.clear()
    store.record_observed(account.id, status="connected", reason=None, message=None)
    store.record_observed(account.id, status="connected", reason=None, message="same status")
    assert commits == [NORMAL, "fsync", NORMAL], "the hook wrote with the first only"
    assert [e.kind for e in store.audit_events() if e.kind == "hooked"] == ["hooked"]
