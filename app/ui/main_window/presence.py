"""How the main window comes and goes: its place on the screen, notices, closing, quitting."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.notify_policy import Notice, NoticeKind
from app.domain.placement import Box
from app.domain.window_views import BridgeRecovery
from app.ui.main_window.recovery_banner import recovery_banner
from app.ui.shared.formatting import tr
from app.ui.shared.notices import notice_text
from app.ui.shared.screen_fit import bring_back_on_screen, open_on_screen

log = logging.getLogger(__name__)

#: The first window's size, where the screen has room for it.
DEFAULT_SIZE = (1040, 640)
#: The narrowest the window gets (the height: what the list and the details need).
MIN_WIDTH = 720


class WindowPresence:
    """Part of MainWindow (a mixin): on the screen, in front, closed, quit."""

    # --- place ------------------------------------------------------------------------------

    def _init_geometry(self) -> None:
        """The last place and size, brought onto today's screen; else a roomy window."""
        self.setMinimumWidth(MIN_WIDTH)
        saved = self.settings.window_place
        if saved is not None:
            bring_back_on_screen(self, saved)
        else:
            open_on_screen(self, *DEFAULT_SIZE)
        if self.settings.window_maximized:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def remember_place(self) -> None:
        """Kept for the next start (the normal size when maximised)."""
        self.settings.window_maximized = self.isMaximized()
        normal = self.normalGeometry() if self.isMaximized() else self.geometry()
        if normal.isValid():
            self.settings.window_place = Box(
                normal.x(), normal.y(), normal.width(), normal.height()
            )

    # --- notices ---------------------------------------------------------------------------

    def present_notice(self, notice: Notice) -> None:
        """In the tray where there is one, else as a banner in this window."""
        self.notices.append(notice)
        text = notice_text(notice, self.port.numbers.account, self.port.bridge.view().fatal_reason)
        if self.tray.available:
            self.tray.show_notice(notice, text)
        else:  # no tray: a banner here, and the taskbar asks for the owner's eye
            self.notice_board.add(notice, text)
            QApplication.alert(self)

    def open_fix(self, notice: Notice) -> None:
        """What a click on a notice opens: the fix of each number it names (a new link, a
        reconnect here), or the bridge panel."""
        self.bring_to_front()
        if notice.kind is NoticeKind.BRIDGE_FATAL:
            self.open_bridge_panel()
            return
        present = [a for a in notice.account_ids if self.port.numbers.account(a) is not None]
        if not present:
            return
        self.select(present[0])
        if notice.kind is NoticeKind.RECONNECTING:
            return  # Jaga is on it; the details show what happens
        for account_id in present:
            self.reconnect(account_id)  # the QR dialog where a new link is needed

    def _show_what_came_before(self) -> None:
        """What the core told before this window listened (kept in the read model): a
        damaged bridge database set aside at this start, a trouble that still holds."""
        model = self.port.numbers
        if model.bridge_recovery is not None:
            self._show_bridge_recovery(model.bridge_recovery)
        if model.problem is not None:
            self.show_problem(model.problem)

    def _show_bridge_recovery(self, recovery: BridgeRecovery) -> None:
        if self.recovery_banner is not None:
            self.recovery_banner.deleteLater()
        self.recovery_banner = recovery_banner(recovery)
        self.banners.add(self.recovery_banner, self.banners.index_of(self.notice_board) + 1)
        self.recovery_banner.show()

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # --- closing ---------------------------------------------------------------------------

    def quit(self) -> None:
        if not self._quitting:
            self._quitting = True
            self.quit_requested.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close keeps Jaga watching: in the tray where there is one (and the owner wants
        it), else on the taskbar. Only Quit (or Close with the tray option off) ends it."""
        self.remember_place()
        if not self._quitting and self.tray.available and self.settings.close_to_tray:
            event.ignore()
            self.hide()
            self._tell_about_tray()
            return
        if not self._quitting and not self.tray.available:
            event.ignore()
            self._to_taskbar()
            return
        for dialog in list(self.qr_dialogs.values()):
            dialog.close()
        for window in list(self.chat_windows.values()):
            window.close()
        self.tray.hide()
        super().closeEvent(event)
        if not self._quitting:
            self._quitting = True
            self.quit_requested.emit()  # closed for good: the app ends with it

    def _tell_about_tray(self) -> None:
        if self.settings.told_about_tray:  # once: the owner might think it quit
            return
        self.settings.told_about_tray = True
        self.tray.tell(
            tr("Jaga keeps watching from the tray"),
            tr(
                "Your numbers stay connected and Jaga tells you when one drops. "
                "To stop Jaga, choose Quit Jaga in the tray menu."
            ),
        )

    def _to_taskbar(self) -> QMessageBox | None:
        """No tray to live in: minimised to the taskbar; the first time, said first."""
        if self.settings.told_about_taskbar:
            self.showMinimized()
            return None
        self.settings.told_about_taskbar = True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr("Jaga keeps watching"))
        box.setText(tr("Jaga keeps watching from the taskbar"))
        box.setInformativeText(
            tr(
                "This desktop has no tray, so closing the window puts Jaga on the taskbar. "
                "Your numbers stay connected and Jaga tells you when one drops. To stop "
                "Jaga, choose Jaga → Quit Jaga."
            )
        )
        box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(lambda _result: self.showMinimized())
        self.taskbar_note = box
        box.open()
        return box
