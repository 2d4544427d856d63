"""A database error inside a write hook fails the whole write (app/storage/write_hooks.py):
a message is never stored without the webhook that tells of it.

Seen failing against: WriteHooks.run catching every Exception (the `except SQLAlchemyError:
raise` removed): the message was stored, its webhook lost, and the bridge's replay, being
de-duplicated against the stored message, never brought it back. The older test
(tests/unit/storage/test_webhook_writes.py) injects a BaseException only, which no hook catches.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

import app.storage.webhook_writes as publisher_module  # the publisher writes deliveries here
from app.gateway.publisher import WebhookPublisher
from app.storage.store import Inbound, Store, StoreError
from app.storage.tables import WebhookDelivery
from app.storage.webhooks import WebhookStore
from tests.store_kit import linked


def deliveries(store: Store) -> list[str]:
    with store.session() as s:
        return [row.event for row in s.scalars(select(WebhookDelivery))]


def test_a_database_error_writing_the_webhook_fails_the_message_write_too(store, monkeypatch):
    account_id = linked(store)
    WebhookStore(store).add_target("http://shop.test/hook", ["message"], None)
    publisher = WebhookPublisher(lambda: None, bridge_up=lambda: True)
    store.write_hooks.add(publisher.in_transaction)
    inbound = Inbound(account_id, "IN-1", "628555", "halo", datetime(2026, 11, 30, 12))
    real_enqueue = publisher_module.enqueue_in

    def disk_trouble(*args, **kwargs):
        real_enqueue(*args, **kwargs)
        raise OperationalError(
            "INSERT INTO webhook_deliveries", {}, sqlite3.OperationalError("disk I/O error")
        )

    monkeypatch.setattr(publisher_module, "enqueue_in", disk_trouble)
    with pytest.raises(StoreError):
        store.store_durable([inbound])
    assert store.messages(account_id) == [] and deliveries(store) == []

    monkeypatch.setattr(publisher_module, "enqueue_in", real_enqueue)
    added, _ = store.store_durable([inbound])  # the bridge's replay: both, once
    assert len(added) == 1 and deliveries(store) == ["message"]


def test_a_bug_in_a_hook_is_logged_and_the_rows_are_stored_without_it(store, error_log):
    error_log.expect("a write hook failed")
    account_id = linked(store)

    def buggy(_session, _written):
        raise KeyError("a bug, not the database")

    store.write_hooks.add(buggy)
    inbound = Inbound(account_id, "IN-2", "628555", "halo", datetime(2026, 11, 30, 12))
    added, _ = store.store_durable([inbound])
    assert len(added) == 1
    assert any("a write hook failed" in r.getMessage() for r in error_log.records)
