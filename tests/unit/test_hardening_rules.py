"""Pure rules of the hardening work: names, the steady clock, log redaction, backups."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta

import pytest

from app.domain.account_labels import LabelError, clean_label
from app.domain.clock import SteadyClock
from app.domain.log_redaction import redact
from app.storage import db_health


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("  Shop front \t", "Shop front"), ("A&B <3", "A&B <3"), ("Toko 🙂", "Toko 🙂")],
)
def test_names_are_trimmed_and_markup_is_just_text(raw, clean):
    assert clean_label(raw) == clean


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("Shop\x00front", "control characters"),
        ("Shop\nfront", "line breaks"),
        ("\u200b\u200d\u2060", "Give the number a name"),
        ("   ", "Give the number a name"),
        ("x" * 101, "too long"),
    ],
)
def test_bad_names_are_refused_with_a_reason(raw, why):
    with pytest.raises(LabelError, match=why):
        clean_label(raw)


def test_the_steady_clock_ignores_wall_clock_steps():
    wall = [datetime(2026, 5, 1, 12, 0)]
    mono = [1000.0]
    clock = SteadyClock(wall=lambda: wall[0], monotonic=lambda: mono[0])
    start = clock.now()
    for step in (timedelta(minutes=15), timedelta(minutes=-30)):
        wall[0] += step  # NTP or the owner's hand
        assert clock.now() == start
    mono[0] += 90
    assert clock.now() - start == timedelta(seconds=90)


def test_phone_numbers_are_masked_in_any_log_text():
    line = "send to 628123456789@s.whatsapp.net failed (+6281234567890); pid 4242 at 2026-11-30"
    out = redact(line)
    assert "628123456789" not in out and "6281234567890" not in out
    assert out.endswith("pid 4242 at 2026-11-30")
    assert "••89@s.whatsapp.net" in out


def test_a_bridge_json_line_stays_json_and_its_phones_are_masked():
    # The bridge's READY line carries byte limits of 8-10 digits as bare JSON numbers.
    line = '{"limits":{"media_max_total_bytes":2147483648},"to":"628123456789","msg":"ready"}'
    out = json.loads(redact(line))
    assert out["limits"]["media_max_total_bytes"] == 2147483648
    assert out["to"].endswith("89") and "628123456789" not in out["to"]


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
