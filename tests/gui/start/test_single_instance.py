"""The single-instance socket of a deep data folder, without XDG_RUNTIME_DIR, lives in a
folder of /tmp that must be this user's own and 0700 (app/start/single_instance.py).

Seen failing against: `mkdir(mode=0o700, exist_ok=True)` taking /tmp/jaga-<uid> as it was:
another user's 0777 folder was used, every socket in it counted as squatted, and a second
Jaga started on the same data folder instead of waking the first.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.start import single_instance
from app.start.single_instance import SingleInstance, server_name

pytestmark = pytest.mark.skipif(os.name == "nt", reason="named pipes on Windows")


@pytest.fixture
def temp_root(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(single_instance, "TEMP_ROOT", root)
    return root


def deep_folder(tmp_path: Path) -> Path:
    folder = tmp_path / ("toko-" * 20) / "data"
    assert len(str(folder / "jaga.sock")) > single_instance.MAX_SOCKET_PATH
    return folder


def owned_by_someone_else(monkeypatch, folder: Path) -> None:
    """`folder` reads as another user's (no root needed to make one)."""
    real = os.lstat

    def lstat(path, *args, **kwargs):
        found = real(path, *args, **kwargs)
        if Path(path) == folder:
            fields = list(found)
            fields[stat.ST_UID] = os.getuid() + 4242
            return os.stat_result(fields)
        return found

    monkeypatch.setattr(single_instance.os, "lstat", lstat)


def test_with_nothing_there_the_folder_is_made_ours_and_0700(qapp, tmp_path, temp_root):
    name = Path(server_name(deep_folder(tmp_path), "k1"))
    assert name.parent == temp_root / f"jaga-{os.getuid()}"
    assert stat.S_IMODE(name.parent.stat().st_mode) == 0o700


def test_another_user_s_open_folder_is_passed_over_and_two_launches_still_meet(
    qapp, tmp_path, temp_root, monkeypatch
):
    squatted = temp_root / f"jaga-{os.getuid()}"
    squatted.mkdir()
    squatted.chmod(0o777)
    owned_by_someone_else(monkeypatch, squatted)
    data = deep_folder(tmp_path)
    first = SingleInstance.for_data_folder(data, "k2")
    assert Path(first.name).parent == temp_root / f"jaga-{os.getuid()}-1"
    assert first.listen()
    try:
        second = SingleInstance.for_data_folder(data, "k2")
        assert second.name == first.name
        assert second.activate_running() is True  # the second launch wakes the first
    finally:
        first._server.close()


def test_our_own_folder_left_open_is_passed_over_too(qapp, tmp_path, temp_root):
    (temp_root / f"jaga-{os.getuid()}").mkdir(mode=0o700)
    (temp_root / f"jaga-{os.getuid()}").chmod(0o755)
    name = Path(server_name(deep_folder(tmp_path), "k3"))
    assert name.parent == temp_root / f"jaga-{os.getuid()}-1"
