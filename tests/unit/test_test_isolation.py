"""The test run's own guards: an isolated home, and ERROR logs that fail a test."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

from app.system.autostart import xdg_autostart_folder
from app.system.data_folders import DataPaths
from tests.conftest import ISOLATED_HOME, ErrorLog


def test_home_config_and_data_folders_are_the_runs_own():
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        assert Path(os.environ[name]).is_relative_to(ISOLATED_HOME), name
    assert Path(platformdirs.user_data_dir("Jaga")).is_relative_to(ISOLATED_HOME)
    assert DataPaths.default().root.is_relative_to(ISOLATED_HOME)
    assert xdg_autostart_folder().is_relative_to(ISOLATED_HOME)


def test_settings_default_to_the_isolated_config_folder(qapp):
    from app.ui.settings.preferences import default_settings_path

    assert default_settings_path().is_relative_to(ISOLATED_HOME)


def logged(*records: tuple[int, str]) -> ErrorLog:
    handler = ErrorLog()
    logger = logging.getLogger("tests.isolation")
    logger.addHandler(handler)
    logger.propagate = False  # kept from this test's own guard, which would fail it
    try:
        for level, text in records:
            logger.log(level, text)
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    return handler


def test_an_error_record_is_unexpected_until_the_test_expects_it():
    handler = logged((logging.ERROR, "could not store 3 messages"))
    assert [r.getMessage() for r in handler.unexpected()] == ["could not store 3 messages"]
    handler.expect(r"could not store \d+")
    assert handler.unexpected() == []


def test_warnings_are_not_collected():
    handler = logged((logging.WARNING, "slow"), (logging.CRITICAL, "down"))
    assert [r.getMessage() for r in handler.records] == ["down"]
