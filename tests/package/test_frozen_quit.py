"""Every quit of the frozen app is clean (tests/quit_paths.py; the source app's twin is
tests/integration/test_quit_paths.py).

Seen failing against: the launcher's `loop.run_until_complete` (qasync 0.28 turns Qt's
loop once more after marking the asyncio loop stopped): "ERROR app.service: background
task failed: RuntimeError('no running event loop')" in the frozen app's jaga.log at quit
(the CI run of issue 23).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_process import frozen_app
from tests.quit_paths import QUIT_PATHS, copy_folder, link_a_number, quit_by, write_settings


@pytest.fixture(scope="module")
def linked(unpacked, tmp_path_factory) -> tuple[Path, str]:
    """A data folder with a linked number, copied for each quit path."""
    root = tmp_path_factory.mktemp("quit")
    write_settings(root / "data")
    account = link_a_number(frozen_app(unpacked, root / "data", root / "home"))
    return root / "data", account


@pytest.mark.parametrize("path", QUIT_PATHS)
def test_every_quit_of_the_frozen_app_is_clean(path, unpacked, linked, tmp_path):
    template, account = linked
    copy_folder(template, tmp_path / "data")
    quit_by(frozen_app(unpacked, tmp_path / "data", tmp_path / "home"), path, account)
