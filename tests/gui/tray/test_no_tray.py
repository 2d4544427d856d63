"""A desktop with no tray (stock GNOME): Close keeps Jaga watching on the taskbar and says
so once; the tray option is off, greyed and explained; notices become banners and the
taskbar asks for attention; a tray that appears later is used."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from app.domain.notify_policy import Notice, NoticeKind
from tests.gui.main_window.test_window_actions import three_numbers


@pytest.fixture
def no_tray(monkeypatch):
    """Qt says there is no tray, however the test machine is set up."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))


def test_close_minimises_to_the_taskbar_and_says_so_once(
    qtbot, no_tray, offline_service, make_window, settings
):
    """Seen failing against: main at 583a38a (Close quit Jaga silently without a tray)."""
    window = make_window(offline_service, tray=None)
    assert not window.tray.available
    window.show()
    with qtbot.assertNotEmitted(window.quit_requested):
        window.close()
    note = window.taskbar_note
    assert isinstance(note, QMessageBox) and note.isVisible()
    assert note.text() == "Jaga keeps watching from the taskbar"
    assert "Jaga → Quit Jaga" in note.informativeText()
    note.buttons()[0].click()
    qtbot.waitUntil(window.isMinimized)
    assert settings.told_about_taskbar

    window.showNormal()
    window.taskbar_note = None
    with qtbot.assertNotEmitted(window.quit_requested):
        window.close()
    assert window.taskbar_note is None and window.isMinimized()  # said once only
    with qtbot.waitSignal(window.quit_requested):
        window.quit_action.trigger()  # the Jaga menu's Quit ends it
    assert window.quit_action in window.jaga_menu.actions()


def test_the_tray_option_is_off_greyed_and_explained(
    qtbot, no_tray, offline_service, make_window, settings
):
    """Seen failing against: main at 583a38a (it still read "keeps Jaga watching in the
    tray", ticked)."""
    assert settings.close_to_tray  # the owner's choice, for a desktop with a tray
    window = make_window(offline_service, tray=None)
    dialog = window.open_settings()
    assert not dialog.close_to_tray.isEnabled() and not dialog.close_to_tray.isChecked()
    assert not dialog.tray_note.isHidden()
    assert "no tray" in dialog.tray_note.text() and "taskbar" in dialog.tray_note.text()
    dialog.accept()
    assert settings.close_to_tray  # kept for the day there is a tray


def test_notices_become_banners_and_the_taskbar_asks_for_attention(
    qtbot, no_tray, offline_service, make_window, monkeypatch
):
    alerted = []
    monkeypatch.setattr(QApplication, "alert", staticmethod(lambda w, ms=0: alerted.append(w)))
    numbers = three_numbers(offline_service)
    window = make_window(offline_service, tray=None)
    window.present_notice(Notice(NoticeKind.LOGGED_OUT, numbers[2]))
    assert list(window.notice_board.banners) == [numbers[2]]
    assert alerted == [window]


# The offscreen platform has no tray to show an icon in, whatever Qt was told.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_a_tray_that_appears_later_is_used(qtbot, offline_service, make_window, monkeypatch):
    there = [False]
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: there[0]))
    window = make_window(offline_service, tray=None)
    window.show()
    assert not window.tray.available
    there[0] = True  # the panel started after Jaga (a login)
    with qtbot.waitSignal(window.tray.availability_changed):
        window.tray._look.timeout.emit()
    assert window.tray.available
    window.close()
    assert not window.isVisible() and window.taskbar_note is None  # hidden to the tray
