"""The data folder is this user's alone (app/system/permissions.py): what an older Jaga, a
copy or a restore left readable by the group is narrowed too, not only what others read.

Seen failing against: `_narrow` acting only on modes open to others (`& 0o007`): 0640
files and 0750 folders stayed group-readable; the older test (tests/chaos/
test_hardening_app.py) starts from a 0755 folder only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.system.permissions import keep_private

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_group_readable_files_and_folders_are_narrowed_keeping_the_owner_s_bits(tmp_path):
    root = tmp_path / "data"
    (root / "bridge" / "media" / "ab").mkdir(parents=True)
    layout = {
        root: 0o750,
        root / "bridge": 0o770,
        root / "bridge" / "media": 0o755,
        root / "bridge" / "media" / "ab": 0o710,
        root / "app.sqlite3": 0o640,
        root / "settings.ini": 0o660,
        root / "bridge" / "bridge.sqlite3": 0o604,
        root / "bridge" / "media" / "ab" / "photo": 0o440,
        root / "already.txt": 0o600,
    }
    for path, wanted in layout.items():
        if not path.exists():
            path.write_text("x")
        path.chmod(wanted)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not ours to change")
    elsewhere.chmod(0o644)
    (root / "link").symlink_to(elsewhere)

    assert keep_private(root) == 8
    for path, was in layout.items():
        narrowed = 0o700 if path.is_dir() else 0o600
        assert mode(path) == was & narrowed, f"{path} {mode(path):o}"
    assert mode(elsewhere) == 0o644  # a link is not followed
    assert keep_private(root) == 0  # nothing left to narrow
