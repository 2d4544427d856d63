"""Schema migrations: an older database upgrades in place and keeps its rows."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core.models import Base
from app.core.store import Store, migrate, open_engine


def test_a_database_from_the_previous_revision_upgrades_and_keeps_its_data(tmp_path):
    path = tmp_path / "app.sqlite3"
    old = open_engine(path)
    migrate(old, "0001")
    old.dispose()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO accounts (id,label,phone,engine,desired_state,status,status_since,created_at)"
        " VALUES ('acc-1','Shop','6281','sim','running','connected','2026-01-01','2026-01-01')"
    )
    connection.commit()
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert "messages" not in tables
    connection.close()

    store = Store(path)  # opening upgrades to head
    try:
        assert [(a.id, a.label, a.phone) for a in store.accounts()] == [("acc-1", "Shop", "6281")]
        with store.engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            assert version == "0003"
            assert conn.exec_driver_sql("SELECT count(*) FROM messages").scalar() == 0
    finally:
        store.close()


def test_migrations_and_models_describe_the_same_schema(tmp_path):
    engine = open_engine(tmp_path / "app.sqlite3")
    migrate(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
