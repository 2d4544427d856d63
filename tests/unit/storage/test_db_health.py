"""Pure rules of the hardening work: backups and the check at start."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from app.storage import db_health


def _db(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    connection.close()


def test_daily_backups_are_one_a_day_and_the_newest_few_are_kept(tmp_path):
    db = tmp_path / "app.sqlite3"
    _db(db)
    backups = tmp_path / "backups"
    day = datetime(2026, 3, 1, 9)
    made = [db_health.daily_backup(db, backups, day + timedelta(days=n), keep=3) for n in range(5)]
    assert all(made)
    assert db_health.daily_backup(db, backups, day + timedelta(days=4, hours=5), keep=3) is None
    names = [p.name for p in db_health.backups_newest_first(backups)]
    assert names == ["app-20260305.sqlite3", "app-20260304.sqlite3", "app-20260303.sqlite3"]
    copy = sqlite3.connect(backups / names[0])
    assert copy.execute("SELECT x FROM t").fetchall() == [(1,)]
    copy.close()
    assert (backups / names[0]).stat().st_mode & 0o077 == 0


def test_a_sound_file_passes_and_a_garbage_one_is_moved_aside(tmp_path, error_log):
    error_log.expect(r"^app\.sqlite3 is damaged")
    db = tmp_path / "app.sqlite3"
    backups = tmp_path / "backups"
    _db(db)
    assert db_health.check_at_start(db, backups, {"0001"}).health is db_health.Health.OK
    db.write_bytes(b"garbage" * 1000)
    check = db_health.check_at_start(db, backups, {"0001"}, now=lambda: datetime(2026, 1, 1))
    assert check.health is db_health.Health.DAMAGED
    assert check.quarantined == backups / "damaged-20260101-000000"
    assert (check.quarantined / "app.sqlite3").read_bytes() == b"garbage" * 1000
    assert not db.exists()


def test_a_database_another_program_holds_locked_is_busy_not_damaged(tmp_path):
    db = tmp_path / "app.sqlite3"
    _db(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        check = db_health.check_at_start(db, tmp_path / "backups", {"0001"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert check.health is db_health.Health.OK
    assert db.exists() and not (tmp_path / "backups").exists()
