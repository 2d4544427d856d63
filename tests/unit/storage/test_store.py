"""app.sqlite3 through the real SQLAlchemy store on a real file."""

from __future__ import annotations

import sqlite3

import pytest

from app.storage.store import StoreError
from tests.store_kit import linked


def test_database_is_wal_with_full_sync(store, tmp_path):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_create_account_validates_the_label(store):
    with pytest.raises(StoreError):
        store.create_account("   ", "sim")
    with pytest.raises(StoreError):
        store.create_account("x" * 101, "sim")
    assert store.accounts() == []


def test_status_changes_are_recorded_in_history_once(store):
    account = store.create_account("Shop", "sim")
    assert store.record_observed(account.id, status="qr", reason=None, message=None)
    assert not store.record_observed(account.id, status="qr", reason=None, message=None)
    assert store.record_observed(account.id, status="connected", reason=None, message=None)
    assert [h.status for h in store.history(account.id)] == ["qr", "connected"]


def test_one_row_per_phone_linking_a_known_phone_folds_the_twin_in(store):
    old = store.create_account("Shop", "sim")
    store.record_observed(old.id, status="connected", reason=None, message=None, phone="6281")
    new = store.create_account("WhatsApp 2", "sim")
    store.record_observed(new.id, status="connected", reason=None, message=None, phone="6281")
    accounts = store.accounts()
    assert [(a.id, a.phone) for a in accounts] == [(new.id, "6281")]
    assert accounts[0].label == "Shop"
    # The twin's history now belongs to the surviving account.
    assert len(store.history(new.id)) == 2


def test_the_database_itself_refuses_a_second_row_for_a_phone(store, tmp_path):
    store.create_account("A", "sim")
    connection = sqlite3.connect(tmp_path / "app.sqlite3")
    connection.execute(
        "INSERT INTO accounts (id,label,phone,engine,desired_state,status,status_since,created_at) "
        "VALUES ('x','X','62','sim','running','stopped','2026-01-01','2026-01-01')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO accounts (id,label,phone,engine,desired_state,status,status_since,"
            "created_at) VALUES ('y','Y','62','sim','running','stopped','2026-01-01','2026-01-01')"
        )
    connection.close()


def test_desired_state_and_audit(store):
    account = store.create_account("Shop", "sim")
    store.set_desired_state(account.id, "stopped")
    assert store.account(account.id).desired_state == "stopped"
    with pytest.raises(StoreError):
        store.set_desired_state(account.id, "sideways")
    kinds = [e.kind for e in store.audit_events()]
    assert kinds[:2] == ["owner_stopped", "account_added"]


def test_removing_an_account_removes_its_history(store):
    account = store.create_account("Shop", "sim")
    store.record_observed(account.id, status="qr", reason=None, message=None)
    store.remove_account(account.id)
    assert store.accounts() == []
    assert store.history(account.id) == []


def test_conversations_give_the_last_message_of_each_chat_newest_first(store):
    shop = linked(store)
    other = linked(store, "6281300000002")
    store.store_inbound(shop, "IN1", "6281111", "halo", None)
    store.queue_message(shop, "6282222", "pesanan siap", "C1")
    store.queue_message(shop, "6281111", "ada, kak", "C2")
    store.store_inbound(other, "IN2", "6283333", "not this number", None)
    store.store_inbound(shop, "IN3", "120363025246125486@g.us", "grup", None)

    lasts = store.conversations(shop)
    assert [(m.chat, m.text) for m in lasts] == [
        ("120363025246125486@g.us", "grup"),
        ("6281111", "ada, kak"),
        ("6282222", "pesanan siap"),
    ]
    assert [m.chat for m in store.conversations(shop, limit=2)] == [
        "120363025246125486@g.us",
        "6281111",
    ]
    assert store.conversations("acc-nope") == []


def test_conversations_use_the_chat_index_not_a_table_scan(store):
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if "max(messages.id)" in statement:
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.conversations(linked(store))
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    ((statement, parameters),) = seen
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        plan = " | ".join(row[3] for row in rows)
    assert "COVERING INDEX ix_messages_account_chat" in plan
    assert "SCAN messages" not in plan


def test_chat_messages_are_the_newest_of_one_chat_oldest_first(store):
    shop = linked(store)
    for i in range(5):
        store.store_inbound(shop, f"IN{i}", "6281111", f"in {i}", None)
        store.queue_message(shop, "6282222", f"other {i}", f"C{i}")
    assert [m.text for m in store.chat_messages(shop, "6281111")] == [f"in {i}" for i in range(5)]
    assert [m.text for m in store.chat_messages(shop, "6281111", limit=2)] == ["in 3", "in 4"]
    assert store.chat_messages(shop, "6289999") == []


def test_messages_with_ids_gives_a_numbers_rows_in_order_in_chunks(store):
    shop = linked(store)
    other = linked(store, "6281300000002")
    ids = [store.queue_message(shop, "6281111", f"m {i}", f"C{i}").id for i in range(1200)]
    theirs = store.store_inbound(other, "IN1", "6283333", "not this number", None)
    found = store.messages_with_ids(shop, [*reversed(ids), theirs, 999_999, ids[0]])
    assert [m.id for m in found] == ids
    assert store.messages_with_ids(shop, []) == []


def test_a_durable_burst_stores_each_message_once_and_advances_acks(store):
    from app.storage.store import Ack, Inbound

    shop = store.create_account("Shop", "sim")
    store.record_observed(shop.id, status="connected", reason=None, message=None, phone="6281")
    outgoing = store.queue_message(shop.id, "6282222", "halo", "CID1")
    store.mark_sent([outgoing.id])
    first = store.store_inbound(shop.id, "IN1", "6281111", "halo", None)
    burst = [
        Inbound(shop.id, "IN1", "6281111", "halo", None),  # a replay of a stored one
        Inbound(shop.id, "IN2", "6281111", "dua", None),
        Inbound(shop.id, "IN2", "6281111", "dua", None),  # the same twice in one burst
        Inbound("gone", "IN3", "6281111", "of a removed number", None),
        Ack(shop.id, "CID1", "delivered"),
        Ack(shop.id, "CID1", "read"),
        Ack(shop.id, "CID1", "delivered"),  # late and out of order: never goes back
        Ack(shop.id, "NOPE", "read"),
        Inbound(shop.id, "IN4", "6281111", "empat", None),
    ]
    added, updated = store.store_durable(burst)
    rows = store.messages(shop.id)
    by_id = {m.message_id: m for m in rows}
    assert added == [by_id["IN2"].id, by_id["IN4"].id]
    assert first == by_id["IN1"].id
    assert updated == [outgoing.id]
    assert by_id["CID1"].status == "read"
    assert sorted(m.message_id for m in rows) == ["CID1", "IN1", "IN2", "IN4"]


def test_merging_a_twin_moves_every_message_and_queued_row_to_the_survivor(store):
    old = store.create_account("Shop", "sim")
    store.record_observed(old.id, status="connected", reason=None, message=None, phone="6281")
    store.store_inbound(old.id, "IN1", "6289", "halo", None)
    store.store_inbound(old.id, "IN2", "6289", "also received by the new link", None)
    queued = store.queue_message(old.id, "6289", "still to send", "CIDQ")
    sent = store.queue_message(old.id, "6289", "already out", "CIDS")
    store.mark_sent([sent.id])
    new = store.create_account("WhatsApp 2", "sim")
    store.store_inbound(new.id, "IN2", "6289", "also received by the new link", None)
    store.record_observed(new.id, status="connected", reason=None, message=None, phone="6281")
    moved = {m.message_id: m for m in store.messages(new.id)}
    assert sorted(moved) == ["CIDQ", "CIDS", "IN1", "IN2"]
    assert (moved["CIDQ"].id, moved["CIDQ"].status) == (queued.id, "queued")
    assert moved["CIDS"].status == "sent"
    assert store.messages(old.id) == []
    assert [a.id for a in store.accounts()] == [new.id]


def test_the_bridge_gone_is_recorded_for_many_numbers_in_one_go(store):
    ids = [store.create_account(f"Till {i}", "sim").id for i in range(3)]
    for account_id in ids[:2]:
        store.record_observed(account_id, status="connected", reason=None, message=None)
    seen = store.record_gone(
        [*ids[:2], "acc-gone"], status="reconnecting", reason="bridge_crashed", message="x"
    )
    assert [bool(o) for o in seen] == [True, True, False]
    assert [o.account.status if o.account else None for o in seen] == [
        "reconnecting",
        "reconnecting",
        None,
    ]
    assert [h.reason for h in store.history(ids[0])] == [None, "bridge_crashed"]
    assert store.account(ids[2]).status == "stopped"
