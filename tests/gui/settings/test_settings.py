"""Settings persist in an injectable INI file; the dialog applies them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.system.autostart import FileAutostart, desktop_entry
from app.ui.settings.dialog import SettingsDialog
from app.ui.settings.preferences import AppSettings


def test_defaults_and_persistence_across_restarts(tmp_path):
    path = tmp_path / "conf" / "jaga.ini"
    first = AppSettings(path)
    assert first.close_to_tray is True
    assert first.start_minimized is False and first.start_at_login is False
    assert first.language == "" and first.data_dir is None

    first.close_to_tray = False
    first.start_minimized = True
    first.language = "id"
    first.data_dir = tmp_path / "elsewhere"

    again = AppSettings(path)  # a new start of the app
    assert again.close_to_tray is False
    assert again.start_minimized is True
    assert again.language == "id"
    assert again.data_dir == tmp_path / "elsewhere"
    assert path.is_file()

    again.data_dir = None
    assert AppSettings(path).data_dir is None


def test_the_dialog_saves_choices_and_writes_the_autostart_entry(qtbot, tmp_path, settings):
    autostart = FileAutostart(tmp_path / "autostart" / "jaga.desktop", desktop_entry)
    dialog = SettingsDialog(
        settings,
        autostart=autostart,
        current_data_dir=Path("/data/now"),
        tray_available=True,
        start_command=["jaga"],
    )
    qtbot.addWidget(dialog)
    assert "/data/now" in dialog.data_note.text()
    assert "next start" in dialog.data_note.text()

    dialog.close_to_tray.setChecked(False)
    dialog.start_minimized.setChecked(True)
    dialog.start_at_login.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    assert dialog.region.currentData() == "ID"  # Indonesia until the owner says otherwise
    dialog.region.setCurrentIndex(dialog.region.findData("MY"))
    dialog.accept()

    reread = AppSettings(settings.path)
    assert (reread.close_to_tray, reread.start_minimized, reread.start_at_login) == (
        False,
        True,
        True,
    )
    assert reread.language == "id"
    assert reread.default_region == "MY"
    assert autostart.is_enabled()
    assert "Exec=" in autostart.path.read_text(encoding="utf-8")

    again = SettingsDialog(
        reread,
        autostart=autostart,
        current_data_dir=Path("/d"),
        tray_available=True,
        start_command=["jaga"],
    )
    qtbot.addWidget(again)
    assert again.start_at_login.isChecked() and again.start_minimized.isChecked()
    again.start_at_login.setChecked(False)
    again.accept()
    assert not autostart.is_enabled()
    assert AppSettings(settings.path).start_at_login is False


def test_without_a_tray_close_to_tray_cannot_be_chosen(qtbot, settings):
    dialog = SettingsDialog(
        settings,
        autostart=None,
        current_data_dir=Path("/d"),
        tray_available=False,
        start_command=["jaga"],
    )
    qtbot.addWidget(dialog)
    assert not dialog.close_to_tray.isEnabled()
    assert not dialog.start_at_login.isEnabled()


def test_a_chosen_data_folder_is_used_from_the_next_start(tmp_path):
    from argparse import Namespace

    from app.start.launcher import data_paths_for

    settings = AppSettings(tmp_path / "s.ini")
    settings.data_dir = tmp_path / "chosen"
    args = Namespace(data_dir=None, demo=False, settings=None)
    assert data_paths_for(args, settings).root == tmp_path / "chosen"
    args = Namespace(data_dir=tmp_path / "cli", demo=False, settings=None)
    assert data_paths_for(args, settings).root == tmp_path / "cli"  # the command line wins


def test_the_default_region_decides_how_local_numbers_are_read(qtbot, tmp_path, offline_service):
    from app.domain.recipients import from_typed
    from app.ui.main_window.window import MainWindow

    settings = AppSettings(tmp_path / "region.ini")
    settings.default_region = "MY"
    window = MainWindow(offline_service.window, settings=settings)
    qtbot.addWidget(window)
    assert offline_service.default_region == "MY"
    assert from_typed("012-345 6789", offline_service.default_region).chat == "60123456789"
    with pytest.raises(ValueError):
        settings.default_region = "XX"
