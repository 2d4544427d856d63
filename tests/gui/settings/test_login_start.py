""" "Start Jaga when I log in" starts the same Jaga (data folder, settings file, mode), and
an entry another Jaga made is neither replaced nor removed without asking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.__main__ import parse_args
from app.domain.login_start import Launch, launch_of
from app.start.launcher import open_window
from app.system.autostart import FileAutostart, desktop_entry, launch_command
from app.system.data_folders import DataPaths
from app.ui.settings.dialog import SettingsDialog
from app.ui.shared.i18n import Translations

OURS = ["/opt/jaga/jaga", "--data-dir", "/srv/toko", "--settings", "/srv/toko.ini", "--demo"]
OTHER = ["/opt/jaga/jaga", "--data-dir", "/home/kasir/jaga"]


@pytest.fixture
def autostart(tmp_path) -> FileAutostart:
    return FileAutostart(tmp_path / "autostart" / "jaga.desktop", desktop_entry)


def settings_dialog(qtbot, settings, autostart, command=OURS) -> SettingsDialog:
    dialog = SettingsDialog(
        settings,
        autostart=autostart,
        current_data_dir=Path("/srv/toko"),
        tray_available=True,
        start_command=command,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_the_running_jagas_folder_settings_and_mode_go_into_the_entry(
    qtbot, tmp_path, offline_service, settings, autostart
):
    """Seen failing against: main at 583a38a (the entry was `jaga` alone)."""
    data, ini = tmp_path / "toko data", tmp_path / "toko.ini"
    args = parse_args(["--data-dir", str(data), "--settings", str(ini), "--demo"])
    face = open_window(offline_service, args, settings, Translations(), DataPaths(data))
    window = face.window
    qtbot.addWidget(window)
    window.autostart = autostart
    dialog = window.open_settings()
    dialog.start_at_login.setChecked(True)
    dialog.accept()
    written = autostart.command()
    assert written == [*launch_command(), "--data-dir", str(data), "--settings", str(ini), "--demo"]
    assert launch_of(written) == Launch(str(data), str(ini), True)


def test_our_entry_shows_ticked_and_unticking_removes_it(qtbot, settings, autostart):
    autostart.enable(["/old/place/jaga", *OURS[1:]])  # ours, from before an update
    dialog = settings_dialog(qtbot, settings, autostart)
    assert dialog.start_at_login.isChecked() and dialog.login.note.isHidden()
    dialog.start_at_login.setChecked(False)
    dialog.accept()
    assert autostart.command() is None


def test_another_jagas_entry_is_said_and_kept_unless_the_owner_replaces_it(
    qtbot, settings, autostart
):
    """Seen failing against: main at 583a38a (ticking wrote over the other entry)."""
    autostart.enable(OTHER)
    dialog = settings_dialog(qtbot, settings, autostart)
    assert not dialog.start_at_login.isChecked()
    assert "/home/kasir/jaga" in dialog.login.note.text() and not dialog.login.note.isHidden()

    dialog.start_at_login.setChecked(True)
    box = dialog.login.question
    assert isinstance(box, QMessageBox) and "/home/kasir/jaga" in box.informativeText()
    assert box.defaultButton().text() == "Keep the other"
    box.defaultButton().click()
    assert not dialog.start_at_login.isChecked()
    dialog.accept()
    assert autostart.command() == OTHER  # unticked: the other Jaga's entry is not ours to remove

    again = settings_dialog(qtbot, settings, autostart)
    again.start_at_login.setChecked(True)
    [replace] = [b for b in again.login.question.buttons() if b.text() == "Start this one instead"]
    replace.click()
    assert again.start_at_login.isChecked()
    again.accept()
    assert autostart.command() == OURS
