"""The main window's actions: what the owner asks, and the dialogs that ask."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QInputDialog,
    QMessageBox,
)

from app.domain.account_labels import LabelError, clean_label
from app.domain.status import SessionStatus
from app.domain.store_error import StoreError
from app.domain.window_views import AccountView
from app.ui.bridge_status.panel import BridgePanel
from app.ui.linking.dialog import QrDialog
from app.ui.main_window.removal_text import removal_words
from app.ui.settings.dialog import SettingsDialog
from app.ui.shared.banner import Banner
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import tr, utcnow
from app.ui.shared.tasks import run_async

if TYPE_CHECKING:
    from app.ui.chats.window import ChatsWindow

log = logging.getLogger(__name__)


class OwnerActions:
    """Part of MainWindow (a mixin): the owner's actions and their dialogs."""

    # --- the owner's actions --------------------------------------------------------------

    def add_number(self) -> QInputDialog:
        """Asks for a name (non-blocking), then adds the number and shows its QR."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Add number"))
        dialog.setLabelText(tr("A name for this number (for example “Shop front”):"))
        dialog.setOkButtonText(tr("Add and show QR code"))
        dialog.setCancelButtonText(tr("Cancel"))
        dialog.textValueSelected.connect(self._add_named)
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_named(self, label: str) -> None:
        try:
            clean_label(label)
        except LabelError as error:  # asked again, saying why (an empty name, a line break)
            dialog = self.add_number()
            dialog.setTextValue(label)
            dialog.setLabelText(error_words(error) + "\n\n" + dialog.labelText())
            return
        run_async(self._add(label.strip()), self.show_error)

    async def _add(self, label: str) -> None:
        account = await self.port.commands.add_account(label)
        self.select(account.id)
        self.open_qr_dialog(account.id)

    def open_qr_dialog(self, account_id: str) -> QrDialog:
        dialog = self.qr_dialogs.get(account_id)
        if dialog is None:
            dialog = QrDialog(self.port, account_id, demo=self.demo, parent=self)
            dialog.simulate_scan_requested.connect(self.simulate_scan)
            dialog.reconnect_requested.connect(self._start_again)
            dialog.finished.connect(lambda _result, a=account_id: self._qr_closed(a))
            self.qr_dialogs[account_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def _qr_closed(self, account_id: str) -> None:
        dialog = self.qr_dialogs.pop(account_id, None)
        if dialog is not None:
            dialog.deleteLater()

    def simulate_scan(self, account_id: str, phone: str = "") -> None:
        """Demo: the phone scans the QR, or types the pairing code asked for `phone`."""
        if not phone:
            self._demo_phone_counter += 1
            phone = f"62812000{self._demo_phone_counter:04d}"
        run_async(
            self.port.commands.simulate_scan(account_id, phone, "Demo phone"), self.show_error
        )

    def _start_again(self, account_id: str) -> None:
        self.notifier.owner_acted(account_id)
        run_async(self.port.commands.reconnect(account_id), self.show_error)

    def reconnect(self, account_id: str) -> None:
        """Start again, and show the QR dialog (a code appears if WhatsApp wants one)."""
        account = self.port.numbers.account(account_id)
        if account is None:
            return
        self._start_again(account_id)
        if SessionStatus.parse(account.status) is not SessionStatus.CONNECTED:
            self.open_qr_dialog(account_id)

    def link_again(self, account_id: str) -> None:
        """A new link for a number whose words ask for one: the QR dialog, with a fresh code."""
        self.select(account_id)
        self.reconnect(account_id)

    def link_selected(self) -> None:
        account_id = self.selected_account_id()
        if account_id is not None:
            self.link_again(account_id)

    def reconnect_selected(self) -> None:
        account_id = self.selected_account_id()
        if account_id is not None:
            self.reconnect(account_id)

    def toggle_selected(self) -> None:
        account = self._selected_account()
        if account is None:
            return
        self.notifier.owner_acted(account.id)
        if account.desired_state == "running":
            run_async(self.port.commands.stop_account(account.id), self.show_error)
        elif account.phone:
            run_async(self.port.commands.reconnect(account.id), self.show_error)
        else:
            self.reconnect(account.id)  # never linked: it will need a QR

    def logout_selected(self) -> QMessageBox | None:
        account = self._selected_account()
        if account is None:
            return None
        box = self._question(
            QMessageBox.Icon.Warning,
            tr("Log out"),
            tr("Log out “%1”?").replace("%1", account.label),
            tr(
                "This computer is unlinked from the phone. To use this number in Jaga again "
                "you scan a new QR code."
            ),
        )
        confirm = box.addButton(tr("Log out"), QMessageBox.ButtonRole.DestructiveRole)

        def done(clicked: QAbstractButton | None) -> None:
            if clicked is confirm:
                self.notifier.owner_acted(account.id)
                run_async(self.port.commands.logout_account(account.id), self.show_error)

        return self._open_with_cancel(box, done)

    def remove_selected(self) -> QMessageBox | None:
        account = self._selected_account()
        if account is None:
            return None
        goes = self.port.records.what_goes(account.id)
        box = self._question(
            QMessageBox.Icon.Question,
            tr("Remove number"),
            tr("Remove “%1” from Jaga?").replace("%1", account.label),
            removal_words(goes),
        )
        keep = QCheckBox(tr("First keep a copy of its messages and history in the backups folder"))
        keep.setChecked(goes.messages > 0)
        box.setCheckBox(keep)
        remove = box.addButton(tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        logout_remove = None
        if account.phone and self.port.bridge.view().up:
            logout_remove = box.addButton(
                tr("Log out and remove"), QMessageBox.ButtonRole.DestructiveRole
            )

        def done(clicked: QAbstractButton | None) -> None:
            leaving = clicked is not None and clicked in (remove, logout_remove)
            if leaving and keep.isChecked():
                try:
                    self.port.records.keep_copy(account.id, self._backups_folder(), utcnow())
                except (OSError, StoreError) as error:
                    self.show_error(error)  # nothing is removed without the copy asked for
                    return
            if clicked is remove:
                run_async(self.port.commands.remove_account(account.id), self.show_error)
            elif clicked is not None and clicked is logout_remove:
                self.notifier.owner_acted(account.id)
                run_async(self._logout_and_remove(account.id), self.show_error)

        return self._open_with_cancel(box, done)

    def _selected_account(self) -> AccountView | None:
        account_id = self.selected_account_id()
        return self.port.numbers.account(account_id) if account_id else None

    def _question(
        self, icon: QMessageBox.Icon, title: str, text: str, informative: str
    ) -> QMessageBox:
        """A question about one number, in plain text (its name is the owner's text)."""
        box = QMessageBox(self)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setInformativeText(informative)
        return box

    @staticmethod
    def _open_with_cancel(
        box: QMessageBox, done: Callable[[QAbstractButton | None], None]
    ) -> QMessageBox:
        """Cancel last and by default; `done` gets the button clicked once the box closes."""
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.finished.connect(lambda _result: done(box.clickedButton()))
        box.open()
        return box

    def _backups_folder(self) -> Path:
        return self.port.records.data_dir / "backups"

    async def _logout_and_remove(self, account_id: str) -> None:
        await self.port.commands.logout_account(account_id)
        await self.port.commands.remove_account(account_id)

    def open_chats(self, account_id: str) -> ChatsWindow | None:
        """The number's chats, in a window of their own (one per number)."""
        if self.port.numbers.account(account_id) is None:
            return None
        window = self.chat_windows.get(account_id)
        if window is None:
            # Loaded with the first chats window, not on the way to the first window shown.
            from app.ui.chats.window import ChatsWindow

            window = ChatsWindow(self.port, account_id, now=self._now, parent=self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _obj=None, a=account_id: self.chat_windows.pop(a, None))
            self.chat_windows[account_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_chats_selected(self) -> ChatsWindow | None:
        account_id = self.selected_account_id()
        return self.open_chats(account_id) if account_id is not None else None

    def open_bridge_panel(self) -> BridgePanel:
        if self.bridge_panel is None:
            self.bridge_panel = BridgePanel(self.port.bridge, parent=self)
        self.bridge_panel.show()
        self.bridge_panel.raise_()
        return self.bridge_panel

    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is None:
            computer = self.port.settings
            dialog = SettingsDialog(
                self.settings,
                autostart=self.autostart if self.autostart is not None else computer.autostart(),
                current_data_dir=self.data_dir,
                tray_available=self.tray.available,
                start_command=(
                    self.start_command
                    if self.start_command is not None
                    else computer.launch_command()
                ),
                parent=self,
            )
            dialog.accepted.connect(self._settings_saved)
            dialog.finished.connect(lambda _result: self._settings_closed())
            self.settings_dialog = dialog
        self.settings_dialog.open()
        return self.settings_dialog

    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    def _settings_saved(self) -> None:
        self.port.commands.default_region = self.settings.default_region
        self.port.media.set_limits(self.settings.media_limits)
        if self.translations is not None:
            self.translations.apply(self.settings.language)

    def show_problem(self, sentence: str) -> None:
        """A background error (full disk, read-only file, a message put aside): a banner
        with the sentence, which says what to do. The same trouble again does not stack."""
        words = error_words(Exception(sentence))
        if self.problem_banner is not None:
            if self.problem_banner.body.text() == words:
                return
            self._dismiss_problem()
        banner = Banner(tr("Jaga needs your attention"), words, None, tone="error")
        banner.dismissed.connect(self._dismiss_problem)
        self.banners.add(banner, self.banners.index_of(self.notice_board) + 1)
        banner.setVisible(True)  # a child added to a shown window is hidden until shown
        self.problem_banner = banner
        self._problem_sentence = sentence

    def trouble_gone(self, sentence: str) -> None:
        """The database takes writes again: a banner about that trouble has nothing left
        to ask of the owner (everything since was saved)."""
        if self.problem_banner is not None and sentence in self._problem_sentence:
            self._dismiss_problem()

    def _dismiss_problem(self) -> None:
        banner, self.problem_banner = self.problem_banner, None
        self._problem_sentence = ""
        if banner is not None:
            banner.hide()
            banner.deleteLater()

    def show_error(self, error: Exception) -> QMessageBox:
        log.warning("action failed: %s", error)
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Something went wrong"), error_words(error), parent=self
        )
        box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.open()
        return box
