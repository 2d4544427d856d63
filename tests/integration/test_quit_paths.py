"""Every quit of the source app is clean (tests/quit_paths.py; the frozen app's twin is
tests/package/test_frozen_quit.py).

Seen failing against: the launcher's `loop.run_until_complete` (qasync 0.28 turns Qt's
loop once more after marking the asyncio loop stopped): "ERROR app.service: background
task failed: RuntimeError('no running event loop')" in jaga.log after menu, tray, close
and SIGTERM; and the session's Quit event, which ended Qt's loop under the launcher.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.app_process import AppProcess
from tests.quit_paths import QUIT_PATHS, copy_folder, link_a_number, quit_by, write_settings


def source_app(data_dir: Path, home: Path) -> AppProcess:
    return AppProcess([sys.executable, "-m", "app"], data_dir, home)


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> tuple[Path, str]:
    """A data folder with a linked number, copied for each quit path."""
    root = tmp_path_factory.mktemp("quit")
    write_settings(root / "data")
    account = link_a_number(source_app(root / "data", root / "home"))
    return root / "data", account


@pytest.mark.parametrize("path", QUIT_PATHS)
def test_every_quit_is_clean(path, linked, tmp_path):
    template, account = linked
    copy_folder(template, tmp_path / "data")
    quit_by(source_app(tmp_path / "data", tmp_path / "home"), path, account)
