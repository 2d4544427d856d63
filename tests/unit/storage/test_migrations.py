"""Schema migrations: an older database upgrades in place and keeps its rows."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.storage import schema_revisions
from app.storage.inbox import tables as _inbox_tables  # noqa: F401  (the inbox's rows)
from app.storage.store import MIGRATIONS, Store, migrate, open_engine
from app.storage.tables import Base

FTS = "messages_fts"


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
        # The search index is an FTS5 table with shadow tables of its own (0008_inbox),
        # which SQLAlchemy's models do not describe.
        context = MigrationContext.configure(
            connection,
            opts={"include_name": lambda name, kind, _parent: not str(name).startswith(FTS)},
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_the_files_are_read_as_alembic_reads_them():
    script = revisions()
    assert schema_revisions.revisions() is not None
    assert set(schema_revisions.revisions()) == {r.revision for r in script.walk_revisions()}
    assert schema_revisions.head() == script.get_current_head()


def write_revision(folder, revision: str, down: str) -> None:
    (folder / f"{revision}.py").write_text(
        f'"""x"""\nrevision = "{revision}"\ndown_revision = {down}\n', encoding="utf-8"
    )


def test_unclear_files_leave_the_head_to_alembic(tmp_path):
    write_revision(tmp_path, "a1", "None")
    write_revision(tmp_path, "b1", '"a1"')
    assert schema_revisions.head(tmp_path) == "b1"
    two_heads = tmp_path / "two"
    two_heads.mkdir()
    for revision, down in (("a1", "None"), ("b1", '"a1"'), ("c1", '"a1"')):
        write_revision(two_heads, revision, down)
    assert schema_revisions.head(two_heads) is None
    merge = tmp_path / "merge"
    merge.mkdir()
    write_revision(merge, "a1", "None")
    write_revision(merge, "m1", '("a1", "b1")')
    assert schema_revisions.revisions(merge) is None
    assert schema_revisions.head(merge) is None


def test_only_a_database_at_head_skips_the_migrations(tmp_path):
    path = tmp_path / "app.sqlite3"
    assert not schema_revisions.at_head(path)  # no file yet
    old = open_engine(path)
    migrate(old, revisions().get_base())
    old.dispose()
    assert not schema_revisions.at_head(path)
    Store(path).close()
    assert schema_revisions.stored_revision(path) == revisions().get_current_head()
    assert schema_revisions.at_head(path)
