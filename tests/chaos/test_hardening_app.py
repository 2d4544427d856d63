"""app.sqlite3 and the data folder under a power cut, a newer Jaga, an empty file, other
local users and a squatter, through the real app core and bridge: the owner is told in
words, the damaged file is kept, nothing accepted is lost that a backup or the bridge
still holds, and neither the files nor the start are another user's to take."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from app.application import instance_key, setup_app_logging
from app.runtime.db_upkeep import DatabaseUpkeep
from app.start.db_start import (
    Dialogs,
    Words,
    check_database,
    damaged_words,
    newer_words,
    offer_rebuild,
)
from app.start.single_instance import SingleInstance
from app.storage import db_health
from app.storage.db_health import Health
from app.system.data_folders import DataPaths
from tests.liveapp import eventually, make_service, run, status_of, until_bridge_ready

pytestmark = [pytest.mark.chaos, pytest.mark.integration]


class RecordingDialogs(Dialogs):
    """The dialogs' texts, and the owner's answer to the one question."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.shown: list[Words] = []

    def inform(self, words, parent=None) -> None:
        self.shown.append(words)

    def refuse(self, words, parent=None) -> None:
        self.shown.append(words)

    def ask(self, words, yes, no, parent=None) -> bool:
        self.shown.append(words)
        return self.answer


async def link(service, count: int) -> list[str]:
    ids = [(await service.add_account(f"Stall {i}")).id for i in range(count)]
    for i, account_id in enumerate(ids):
        await eventually(lambda a=account_id: status_of(service, a) == "qr", timeout=15)
        await service.simulate_scan(account_id, f"62816{i:08d}")
    await eventually(lambda: all(status_of(service, a) == "connected" for a in ids), timeout=30)
    return ids


def quit_app(loop, service, data_dir: Path) -> None:
    """What the window's Quit does (app/start/launcher.py): stop, close, fold the WAL."""
    upkeep = DatabaseUpkeep(service.store, DataPaths(data_dir))
    run(loop, service.aclose())
    upkeep.finish()
    service.supervisor.logs.close()
    service.deleteLater()


def running_app(loop, data_dir: Path, count: int = 2, messages: int = 5):
    """A linked app core with messages queued and sent; returns (service, ids)."""
    service = make_service(data_dir)
    service.start()
    run(loop, until_bridge_ready(service))
    ids = run(loop, link(service, count))
    for n in range(messages):
        service.send_message(ids[0], "628111222333", f"order {n}")
    run(
        loop,
        eventually(
            lambda: all(m.status != "queued" for m in service.store.messages(ids[0])), timeout=20
        ),
    )
    return service, ids


def rows(db: Path, table: str) -> int:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_after_quit_app_sqlite3_alone_holds_every_row(loop, data_dir, tmp_path, chaos_counts):
    service, _ids = running_app(loop, data_dir)
    expected = {t: rows(data_dir / "app.sqlite3", t) for t in ("accounts", "messages")}
    assert expected == {"accounts": 2, "messages": 5}
    # While running, the periodic checkpoint folds the WAL in: the main file is current.
    DatabaseUpkeep(service.store, DataPaths(data_dir)).checkpoint()
    running_copy = tmp_path / "running" / "app.sqlite3"
    running_copy.parent.mkdir()
    shutil.copy(data_dir / "app.sqlite3", running_copy)
    assert {t: rows(running_copy, t) for t in expected} == expected
    quit_app(loop, service, data_dir)
    wal = data_dir / "app.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    alone = tmp_path / "copy" / "app.sqlite3"
    alone.parent.mkdir()
    shutil.copy(data_dir / "app.sqlite3", alone)  # the file the README names, nothing else
    assert {t: rows(alone, t) for t in expected} == expected
    chaos_counts(app_db_damages=0, messages_out=5)


def damage(db: Path, how: str) -> None:
    if how == "truncated":
        with db.open("r+b") as f:
            f.truncate(db.stat().st_size // 2)
    elif how == "bad_header":
        with db.open("r+b") as f:
            f.write(b"NOT SQLITE AT ALL")
    elif how == "history_page":
        connection = sqlite3.connect(db)
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'status_history'"
        ).fetchone()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
        connection.close()
        with db.open("r+b") as f:
            f.seek((root - 1) * size)
            f.write(b"\xa5" * size)


@pytest.mark.parametrize("how", ["truncated", "bad_header", "history_page"])
@pytest.mark.parametrize("backup", [True, False], ids=["with_backup", "no_backup"])
def test_a_damaged_app_database_is_set_aside_and_told_in_words(
    loop, data_dir, how, backup, chaos_counts, error_log
):
    error_log.expect(r"^app\.sqlite3 is damaged")
    service, ids = running_app(loop, data_dir)
    paths = DataPaths(data_dir)
    if backup:
        assert db_health.daily_backup(paths.database, paths.backups, datetime(2026, 1, 2))
    quit_app(loop, service, data_dir)
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    damage(paths.database, how)
    damaged_bytes = paths.database.read_bytes()

    check = check_database(paths)
    assert check.health is Health.DAMAGED
    assert check.quarantined is not None and check.quarantined.parent == paths.backups
    kept = check.quarantined / "app.sqlite3"
    assert kept.read_bytes() == damaged_bytes, "the damaged file is kept byte for byte"
    assert hashlib.sha256(damaged_bytes).hexdigest() != before
    words = damaged_words(check)
    assert str(check.quarantined) in words.text  # what was kept
    assert "copy a file from the backups folder over app.sqlite3" in words.text  # how to restore
    if backup:
        assert check.restored_from is not None and "app-20260102.sqlite3" in words.text
    else:
        assert "no backup yet" in words.text

    # Jaga starts on what it has, the links are the bridge's: numbers come back connected
    # (from the backup, or on the owner's yes from the bridge's links).
    dialogs = RecordingDialogs(answer=True)
    service = make_service(data_dir)
    rebuilt = offer_rebuild(check, paths, service.store, "sim", dialogs)
    assert rebuilt == (0 if backup else 2)
    service.start()
    try:
        run(loop, until_bridge_ready(service))
        run(
            loop,
            eventually(lambda: all(status_of(service, a) == "connected" for a in ids), timeout=30),
        )
        if backup:  # the messages up to the backup are back
            assert len(service.store.messages(ids[0])) == 5
    finally:
        quit_app(loop, service, data_dir)
    chaos_counts(app_db_damages=1)


def test_a_database_from_a_newer_jaga_is_refused_in_words_and_left_untouched(
    loop, data_dir, chaos_counts, error_log
):
    error_log.expect(r"newer than this Jaga; refused")
    service, _ids = running_app(loop, data_dir, count=1, messages=0)
    quit_app(loop, service, data_dir)
    paths = DataPaths(data_dir)
    connection = sqlite3.connect(paths.database)
    connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.commit()
    connection.close()
    before = paths.database.read_bytes()
    check = check_database(paths)
    assert (check.health, check.detail) == (Health.NEWER, "0099")
    words = newer_words(check, paths)
    assert "newer version of Jaga" in words.text and "0099" in words.text
    assert "has not changed anything" in words.text
    assert paths.database.read_bytes() == before
    assert not any(paths.backups.glob("damaged-*"))
    chaos_counts(app_db_damages=1)


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_empty_app_database_with_links_left_in_the_bridge_offers_them_back(
    loop, data_dir, how, chaos_counts
):
    service, ids = running_app(loop, data_dir, messages=0)
    quit_app(loop, service, data_dir)
    paths = DataPaths(data_dir)
    if how == "empty":
        paths.database.write_bytes(b"")
    else:
        paths.database.unlink()
    check = check_database(paths)
    assert check.health is (Health.EMPTY if how == "empty" else Health.MISSING)
    dialogs = RecordingDialogs(answer=True)
    service = make_service(data_dir)
    assert offer_rebuild(check, paths, service.store, "sim", dialogs) == 2
    [question] = dialogs.shown
    assert "still holds the WhatsApp links of 2 numbers" in question.text
    service.start()
    try:
        run(loop, until_bridge_ready(service))
        run(  # the same numbers, linked as before: no QR
            loop,
            eventually(lambda: all(status_of(service, a) == "connected" for a in ids), timeout=30),
        )
        assert all(service.store.account(a).phone for a in ids)
    finally:
        quit_app(loop, service, data_dir)
    chaos_counts(app_db_damages=1)


def test_no_other_user_can_read_the_data_files(loop, data_dir, chaos_counts):
    os.chmod(data_dir, 0o755)  # as an older Jaga left it
    service, _ids = running_app(loop, data_dir)
    try:
        db_health.daily_backup(data_dir / "app.sqlite3", data_dir / "backups", datetime(2026, 1, 3))
        checked = 0
        for folder, _dirs, files in os.walk(data_dir):
            mode = stat.S_IMODE(os.stat(folder).st_mode)
            assert mode & 0o077 == 0, f"{folder} is {mode:o}"
            for name in files:
                path = Path(folder) / name
                st = os.lstat(path)
                if stat.S_ISSOCK(st.st_mode):
                    continue
                assert stat.S_IMODE(st.st_mode) & 0o077 == 0, f"{path} is {st.st_mode:o}"
                checked += 1
        names = {p.name for p in data_dir.rglob("*")}
        assert {"app.sqlite3", "app.sqlite3-wal", "bridge.sqlite3", "bridge.log"} <= names
    finally:
        quit_app(loop, service, data_dir)
    chaos_counts(private_files=checked)


def test_a_squatter_neither_blocks_the_start_nor_is_obeyed(qapp, data_dir, chaos_counts):
    paths = DataPaths(data_dir).ensure()
    key = instance_key(paths)
    # 1. Someone listens at the old predictable name in the shared temporary folder.
    squatter = QLocalServer()
    QLocalServer.removeServer(f"jaga-{key}")
    assert squatter.listen(f"jaga-{key}")
    first = SingleInstance.for_data_folder(paths.root, key)
    assert first.activate_running() is False, "a listener at the old name is not obeyed"
    assert first.listen()
    squatter.close()
    # 2. The real first instance is found by a second launch (the positive control).
    second = SingleInstance.for_data_folder(paths.root, key)
    assert second.activate_running() is True
    first.deleteLater()
    # 3. A foreign file at the new place: detected, reported, replaced.
    socket_path = Path(first.name)
    first._server.close()
    socket_path.unlink(missing_ok=True)
    socket_path.write_text("not a socket")
    third = SingleInstance.for_data_folder(paths.root, key)
    assert third.activate_running() is False
    assert third.squatter is not None and "not a socket" in third.squatter
    assert third.listen()
    assert stat.S_ISSOCK(os.lstat(socket_path).st_mode)
    third._server.close()
    chaos_counts(squatters=2)


def test_logs_hold_no_message_text_or_phone_number(data_dir, chaos_counts, error_log):
    error_log.expect(r"^storing failed for")
    paths = DataPaths(data_dir).ensure()
    setup_app_logging(paths)
    root = logging.getLogger()
    handler = root.handlers[-1]
    try:
        from sqlalchemy import insert

        from app.storage.store import Store
        from app.storage.tables import Message

        store = Store(paths.database)
        try:
            with store.engine.begin() as connection:
                connection.execute(
                    insert(Message).values(
                        account_id="no-such-number",
                        direction="out",
                        chat="628123456789@s.whatsapp.net",
                        message_id="M1",
                        text="secret order: 3 kg rice",
                        status="queued",
                    )
                )
        except Exception:
            logging.getLogger("app.test").exception("storing failed for 628123456789")
        finally:
            store.close()
    finally:
        root.removeHandler(handler)
        handler.close()
    text = (paths.logs / "jaga.log").read_text(encoding="utf-8")
    assert "IntegrityError" in text and "FOREIGN KEY" in text  # the failure is logged…
    assert "secret order" not in text  # …without the message text
    assert "628123456789" not in text and "6281234567" not in text
    chaos_counts(redacted_logs=1)
