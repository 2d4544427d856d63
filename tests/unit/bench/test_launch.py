"""The launch benchmark's marks, read from the files a launch writes as they grow
(bench/launch.py): only what is new is read, and each mark is the one the docs name."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bench.launch import LaunchWatch, Tail

SINCE = datetime(2026, 12, 7, 14, 0, 0, tzinfo=UTC).timestamp()


def bridge_line(seconds: float, **fields: object) -> str:
    at = datetime.fromtimestamp(SINCE + seconds, tz=UTC).isoformat().replace("+00:00", "Z")
    return json.dumps({"time": at, **fields}) + "\n"


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def test_a_tail_reads_what_was_added_and_a_line_once_it_is_whole(tmp_path):
    log = tmp_path / "bridge.log"
    log.write_text("last launch\n")
    tail = Tail(log)
    assert tail.new_lines() == []  # what was there before is not this launch's
    append(log, "one\ntw")
    assert tail.new_lines() == ["one"]
    append(log, "o\n")
    assert tail.new_lines() == ["two"]
    assert tail.new_lines() == []


def test_a_tail_starts_over_on_a_rotated_file(tmp_path):
    log = tmp_path / "bridge.log"
    log.write_text("a long line of the last launch\n")
    tail = Tail(log)
    log.write_text("new\n")  # rotated: a fresh, shorter file
    assert tail.new_lines() == ["new"]


def test_a_tail_of_a_file_not_yet_written_waits_for_it(tmp_path):
    tail = Tail(tmp_path / "bench-markers.txt")
    assert tail.new_lines() == []
    (tmp_path / "bench-markers.txt").write_text("window_shown 1765116000.5\n")
    assert tail.new_lines() == ["window_shown 1765116000.5"]


def make_folder(tmp_path: Path, statuses: list[str]) -> Path:
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "bridge.log").write_text(bridge_line(-5, msg="bridge ready", pid=1))
    with sqlite3.connect(tmp_path / "app.sqlite3") as db:
        db.execute("CREATE TABLE accounts (status TEXT)")
        db.executemany("INSERT INTO accounts VALUES (?)", [(s,) for s in statuses])
    return tmp_path


def set_statuses(folder: Path, status: str) -> None:
    with sqlite3.connect(folder / "app.sqlite3") as db:
        db.execute("UPDATE accounts SET status = ?", (status,))


def test_the_watch_reads_each_mark_where_the_docs_say(tmp_path):
    folder = make_folder(tmp_path, ["connected", "connected"])  # last run's word
    qt_log = folder / "app-stderr.txt"
    watch = LaunchWatch(folder, 2, qt_log)
    watch.since = SINCE
    assert not watch.poll()
    assert "all_connected" not in watch.found  # the store's old "connected" is not it

    append(folder / "logs" / "bridge.log", bridge_line(0.5, msg="bridge ready", pid=4242))
    append(
        folder / "logs" / "bridge.log",
        bridge_line(0.7, msg="request", method="GET", url="/sessions", ms=20),
    )
    append(
        folder / "logs" / "bridge.log",
        bridge_line(0.8, msg="request", method="PUT", url="/sessions", ms=30),
    )
    set_statuses(folder, "starting")
    assert not watch.poll()
    append(
        qt_log,
        "2026-12-07T14:00:00.900 qt.widgets.showhide Setting visibility of "
        'MainWindow(0x1, name="MainWindow") with attributes [] to true via show\n',
    )
    set_statuses(folder, "connected")
    assert watch.poll()

    assert watch.bridge_pid == 4242
    found = {key: round(value - SINCE, 3) for key, value in watch.found.items()}
    assert found["bridge_ready"] == 0.5
    assert found["restore_snapshot"] == 0.68  # the request's start: logged at its end
    assert found["first_put"] == 0.77
    assert "window_shown" in found
