"""app.sqlite3 through the real SQLAlchemy store on a real file."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.store import Store, StoreError


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "app.sqlite3")
    yield s
    s.close()


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
