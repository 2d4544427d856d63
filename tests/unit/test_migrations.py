"""Schema migrations: an older database upgrades in place and keeps its rows."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.core.models import Base
from app.core.store import MIGRATIONS, Store, migrate, open_engine


def revisions() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_a_database_from_the_first_revision_upgrades_to_head_and_keeps_its_data(tmp_path):
    script = revisions()
    first = script.get_base()
    assert first is not None
    path = tmp_path / "app.sqlite3"
    old = open_engine(path)
    migrate(old, first)
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
            assert version == script.get_current_head()
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
