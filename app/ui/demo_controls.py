"""The demo's controls (--demo only): make happen what Jaga exists to watch for.

A Demo menu, and the same entries in each number's context menu. Each one asks the
simulated WhatsApp (app.runtime.demo) for an event; the row changes when the bridge
reports what followed, exactly as with a real phone.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.core.status import SessionStatus
from app.ui.customer_dialog import CustomerDialog
from app.ui.formatting import tr
from app.ui.tasks import run_async

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class DemoControls(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.demo = window.service.demo
        self.customer_dialog: CustomerDialog | None = None

        def action(run: Callable[[str], Coroutine[Any, Any, Any]]) -> QAction:
            made = QAction(window)
            made.triggered.connect(lambda _checked=False: self._on_selected(run))
            return made

        self.drop_action = action(self.demo.drop)
        self.logout_action = action(self.demo.phone_logs_out)
        self.elsewhere_action = action(self.demo.opened_elsewhere)
        self.silent_action = action(self.demo.go_silent)
        self.damage_action = action(self.demo.damage_link_files)
        self.receipt_action = QAction(window)
        self.receipt_action.triggered.connect(lambda _checked=False: self.receipt_arrives())
        self.customer_action = QAction(window)
        self.customer_action.triggered.connect(lambda _checked=False: self.customer_writes())
        self.internet_action = QAction(window)
        self.internet_action.triggered.connect(lambda _checked=False: self.switch_internet())
        #: Need a live connection to act on (the bridge refuses them otherwise).
        self.connection_actions = (
            self.drop_action,
            self.logout_action,
            self.elsewhere_action,
            self.silent_action,
            self.damage_action,
        )
        self.menu = QMenu(window)
        self.fill(self.menu)
        self.menu.addSeparator()
        self.menu.addAction(self.internet_action)
        window.menuBar().addMenu(self.menu)
        # A method of this QObject, not a lambda: Qt drops the connection with the window.
        window.service.model.changed.connect(self._on_model_changed)
        self.retranslate()

    def fill(self, menu: QMenu) -> None:
        """The entries for one number (the Demo menu's, and each row's context menu)."""
        for entry in self.connection_actions[:4]:
            menu.addAction(entry)
        menu.addAction(self.damage_action)
        menu.addSeparator()
        menu.addAction(self.customer_action)
        menu.addAction(self.receipt_action)

    def row_menu(self, parent: QWidget) -> QMenu:
        """A "Demo" submenu for a row's context menu."""
        menu = QMenu(tr("Demo"), parent)
        self.fill(menu)
        menu.addSeparator()
        menu.addAction(self.internet_action)
        return menu

    def retranslate(self) -> None:
        self.menu.setTitle(tr("&Demo"))
        self.drop_action.setText(tr("The connection drops"))
        self.logout_action.setText(tr("The phone logs this computer out"))
        self.elsewhere_action.setText(tr("WhatsApp is opened on another computer"))
        self.silent_action.setText(tr("The connection goes silent"))
        self.damage_action.setText(tr("The link files get damaged"))
        self.customer_action.setText(tr("A customer writes…"))
        self.receipt_action.setText(tr("A receipt arrives for the last message sent"))
        self.refresh()

    def _on_model_changed(self, _change: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        account_id = self.window.selected_account_id()
        account = self.window.service.account(account_id) if account_id else None
        connected = account is not None and account.status == SessionStatus.CONNECTED.value
        for entry in self.connection_actions:
            entry.setEnabled(connected)
        for entry in (self.customer_action, self.receipt_action):
            entry.setEnabled(account is not None and bool(account.phone))
        self.internet_action.setText(
            tr("The internet goes away") if self.demo.internet_up else tr("The internet comes back")
        )

    def _on_selected(self, run: Callable[[str], Coroutine[Any, Any, Any]]) -> None:
        account_id = self.window.selected_account_id()
        if account_id is not None:
            run_async(run(account_id), self.window.show_error)

    def receipt_arrives(self) -> None:
        account_id = self.window.selected_account_id()
        if account_id is None:
            return

        async def receipt() -> None:
            if not await self.demo.receipt_arrives(account_id):
                self.window.statusBar().showMessage(
                    tr("No message sent from this number is waiting for a receipt."), 8000
                )

        run_async(receipt(), self.window.show_error)

    def switch_internet(self) -> None:
        async def switch() -> None:
            await self.demo.set_internet(not self.demo.internet_up)
            self.refresh()

        run_async(switch(), self.window.show_error)

    def customer_writes(self) -> CustomerDialog | None:
        account_id = self.window.selected_account_id()
        if account_id is None:
            return None
        dialog = CustomerDialog(self.window.service.default_region, parent=self.window)
        dialog.written.connect(
            lambda phone, text: run_async(
                self.demo.customer_writes(account_id, phone, text), self.window.show_error
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.customer_dialog = dialog
        dialog.open()
        return dialog
