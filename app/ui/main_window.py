"""The main window: every number, its health, and the actions that fix it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.supervision import State
from app.service import JagaService, Progress
from app.ui.accounts_model import AccountIdRole, AccountsModel, Column
from app.ui.formatting import tr
from app.ui.qr_dialog import QrDialog
from app.ui.tasks import run_async

log = logging.getLogger(__name__)

BRIDGE_WORDS = {
    State.STOPPED: "Bridge stopped",
    State.STARTING: "Starting the bridge…",
    State.RUNNING: "Bridge running",
    State.UNHEALTHY: "Bridge not responding…",
    State.BACKOFF: "Bridge restarting…",
    State.STOPPING: "Stopping the bridge…",
    State.FATAL: "Bridge stopped after repeated failures",
}


class MainWindow(QMainWindow):
    def __init__(self, service: JagaService, *, demo: bool = False) -> None:
        super().__init__()
        self.service = service
        self.demo = demo
        self.qr_dialogs: dict[str, QrDialog] = {}
        self._demo_phone_counter = 0
        self.add_dialog: QInputDialog | None = None
        self.setWindowTitle(tr("Jaga — WhatsApp numbers") + (tr(" (demo)") if demo else ""))
        self.resize(900, 520)

        self.model = AccountsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(
            Column.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setSectionResizeMode(
            Column.STATUS, QHeaderView.ResizeMode.Stretch
        )
        self.table.setAccessibleName(tr("WhatsApp numbers"))
        self.table.doubleClicked.connect(lambda _index: self.reconnect_selected())

        self.add_button = QPushButton(tr("Add number"))
        self.add_button.setAccessibleName(tr("Add a WhatsApp number"))
        self.add_button.clicked.connect(self.add_number)
        self.reconnect_button = QPushButton(tr("Reconnect"))
        self.reconnect_button.clicked.connect(self.reconnect_selected)
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.clicked.connect(self.stop_selected)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)

        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.reconnect_button,
            self.stop_button,
            self.remove_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        # An empty list guides the first step instead of showing an empty grid.
        self.empty_state = QWidget()
        empty_layout = QVBoxLayout(self.empty_state)
        empty_title = QLabel(tr("Add your WhatsApp number"))
        empty_title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        empty_text = QLabel(
            tr(
                "Jaga keeps your shop's WhatsApp numbers connected "
                "and tells you the moment one drops."
            )
        )
        empty_text.setWordWrap(True)
        self.empty_add_button = QPushButton(tr("Add your first number"))
        self.empty_add_button.clicked.connect(self.add_number)
        for widget in (empty_title, empty_text, self.empty_add_button):
            widget.setParent(self.empty_state)
            empty_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.insertStretch(0, 1)
        empty_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.table)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.bridge_label = QLabel()
        self.progress_label = QLabel()
        self.statusBar().addWidget(self.bridge_label)
        self.statusBar().addPermanentWidget(self.progress_label)

        add_action = QAction(tr("Add number"), self)
        add_action.setShortcut(QKeySequence.StandardKey.New)
        add_action.triggered.connect(self.add_number)
        self.addAction(add_action)

        service.accounts_changed.connect(self.refresh_accounts)
        service.account_updated.connect(self.refresh_account)
        service.bridge_state_changed.connect(self.show_bridge_state)
        service.restore_progress.connect(self.show_restore_progress)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh_accounts()
        self.show_bridge_state(service.supervisor.state.value)

    # --- keeping the view current ---------------------------------------------------------

    def refresh_accounts(self) -> None:
        self.model.set_accounts(self.service.store.accounts())
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty_state)
        self._update_buttons()

    def refresh_account(self, account_id: str) -> None:
        account = self.service.store.account(account_id)
        if account is not None:
            self.model.update_account(account)
        self._update_buttons()

    def show_bridge_state(self, state: str) -> None:
        self.model.set_bridge_up(self.service.bridge_up or state == State.RUNNING.value)
        words = tr(BRIDGE_WORDS[State(state)])
        if state == State.FATAL.value and self.service.supervisor.machine.fatal_reason:
            words += " — " + self.service.supervisor.machine.fatal_reason
        self.bridge_label.setText(words)

    def show_restore_progress(self, progress: Progress) -> None:
        if progress.done >= progress.total:
            self.progress_label.setText("")
        else:
            text = tr("Restoring %1 of %2").replace("%1", str(progress.done + 1))
            self.progress_label.setText(text.replace("%2", str(progress.total)))

    def selected_account_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(AccountIdRole)

    def _update_buttons(self) -> None:
        selected = self.selected_account_id() is not None
        for button in (self.reconnect_button, self.stop_button, self.remove_button):
            button.setEnabled(selected)

    # --- the owner's actions --------------------------------------------------------------

    def add_number(self) -> QInputDialog:
        """Asks for a name (non-blocking), then adds the number and shows its QR."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Add number"))
        dialog.setLabelText(tr("A name for this number (for example “Shop front”):"))
        dialog.setOkButtonText(tr("Add and show QR code"))
        dialog.textValueSelected.connect(self._add_named)
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_named(self, label: str) -> None:
        if label.strip():
            run_async(self._add(label.strip()), self.show_error)

    async def _add(self, label: str) -> None:
        account = await self.service.add_account(label)
        self.open_qr_dialog(account.id)

    def open_qr_dialog(self, account_id: str) -> QrDialog:
        dialog = self.qr_dialogs.get(account_id)
        if dialog is None:
            dialog = QrDialog(self.service, account_id, demo=self.demo, parent=self)
            dialog.simulate_scan_requested.connect(self.simulate_scan)
            dialog.finished.connect(lambda _result, a=account_id: self.qr_dialogs.pop(a, None))
            self.qr_dialogs[account_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def simulate_scan(self, account_id: str) -> None:
        self._demo_phone_counter += 1
        phone = f"62812000{self._demo_phone_counter:04d}"
        run_async(self.service.simulate_scan(account_id, phone, "Demo phone"), self.show_error)

    def reconnect_selected(self) -> None:
        account_id = self.selected_account_id()
        if account_id is None:
            return
        run_async(self.service.reconnect(account_id), self.show_error)
        self.open_qr_dialog(account_id)

    def stop_selected(self) -> None:
        account_id = self.selected_account_id()
        if account_id is not None:
            run_async(self.service.stop_account(account_id), self.show_error)

    def remove_selected(self) -> None:
        account_id = self.selected_account_id()
        account = self.service.store.account(account_id) if account_id else None
        if account is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Remove number"),
            tr("Remove “%s” from Jaga? The phone stays linked until you log it out.").replace(
                "%s", account.label
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            run_async(self.service.remove_account(account.id), self.show_error)

    def show_error(self, error: Exception) -> None:
        log.warning("action failed: %s", error)
        QMessageBox.warning(self, tr("Something went wrong"), str(error))

    def closeEvent(self, event: QCloseEvent) -> None:
        for dialog in list(self.qr_dialogs.values()):
            dialog.close()
        super().closeEvent(event)
