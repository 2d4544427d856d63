"""The demo's controls (--demo only): make happen what Jaga exists to watch for.

A Demo menu, and the same entries in each number's context menu. Each one asks the
simulated WhatsApp (app.runtime.demo) for an event; the row changes when the bridge
reports what followed, exactly as with a real phone.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QBuffer, QIODevice, QObject, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPainter
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QMessageBox, QStatusBar, QWidget

from app.domain.demo_files import DemoFile, demo_pdf
from app.domain.status import SessionStatus
from app.ui.demo.customer_dialog import CustomerDialog
from app.ui.shared.formatting import tr
from app.ui.shared.tasks import run_async

#: The demo's customer who sends photos and documents.
DEMO_CUSTOMER = "6285712345678"


def demo_photo() -> bytes:
    """A product photo as a demo customer sends it: a JPEG drawn here."""
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    painter = QPainter(image)
    painter.setPen(QColor("#ffffff"))
    font = painter.font()
    font.setPointSize(36)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "Kemeja merah · L")
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return bytes(buffer.data().data())


if TYPE_CHECKING:
    from app.ports.window import WindowPort


class DemoHost(Protocol):
    """What the controls use of the main window (window.py's MainWindow, a QMainWindow):
    named here, so that the window builds its controls without an import loop."""

    port: WindowPort

    def selected_account_id(self) -> str | None: ...
    def show_error(self, error: Exception) -> QMessageBox: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...


class DemoControls(QObject):
    def __init__(self, window: DemoHost) -> None:
        host: QMainWindow = window  # type: ignore[assignment]  # the MainWindow itself
        super().__init__(host)
        self.window = window
        self.host_widget = host
        self.port = window.port
        self.demo = self.port.demo
        self.customer_dialog: CustomerDialog | None = None

        def action(run: Callable[[str], Coroutine[Any, Any, Any]]) -> QAction:
            made = QAction(host)
            made.triggered.connect(lambda _checked=False: self._on_selected(run))
            return made

        self.drop_action = action(self.demo.drop)
        self.logout_action = action(self.demo.phone_logs_out)
        self.elsewhere_action = action(self.demo.opened_elsewhere)
        self.silent_action = action(self.demo.go_silent)
        self.damage_action = action(self.demo.damage_link_files)
        self.receipt_action = QAction(host)
        self.receipt_action.triggered.connect(lambda _checked=False: self.receipt_arrives())
        self.customer_action = QAction(host)
        self.customer_action.triggered.connect(lambda _checked=False: self.customer_writes())
        self.photo_action = action(self._customer_sends_photo)
        self.document_action = action(self._customer_sends_document)
        self.refuse_action = QAction(host)
        self.refuse_action.triggered.connect(lambda _checked=False: self.refuse_next_send())
        self.internet_action = QAction(host)
        self.internet_action.triggered.connect(lambda _checked=False: self.switch_internet())
        #: Need a live connection to act on (the bridge refuses them otherwise).
        self.connection_actions = (
            self.drop_action,
            self.logout_action,
            self.elsewhere_action,
            self.silent_action,
            self.damage_action,
        )
        self.menu = QMenu(host)
        self.fill(self.menu)
        self.menu.addSeparator()
        self.menu.addAction(self.internet_action)
        window.menuBar().addMenu(self.menu)
        # A method of this QObject, not a lambda: Qt drops the connection with the window.
        self.port.numbers.changed.connect(self._on_model_changed)
        self.retranslate()

    def fill(self, menu: QMenu) -> None:
        """The entries for one number (the Demo menu's, and each row's context menu)."""
        for entry in self.connection_actions[:4]:
            menu.addAction(entry)
        menu.addAction(self.damage_action)
        menu.addSeparator()
        menu.addAction(self.customer_action)
        menu.addAction(self.photo_action)
        menu.addAction(self.document_action)
        menu.addAction(self.receipt_action)
        menu.addAction(self.refuse_action)

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
        self.photo_action.setText(tr("A customer sends a photo"))
        self.document_action.setText(tr("A customer sends a document"))
        self.refuse_action.setText(tr("WhatsApp refuses the next send"))
        self.refresh()

    def _on_model_changed(self, _change: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        account_id = self.window.selected_account_id()
        account = self.port.numbers.account(account_id) if account_id else None
        connected = account is not None and account.status == SessionStatus.CONNECTED.value
        for entry in self.connection_actions:
            entry.setEnabled(connected)
        for entry in (
            self.customer_action,
            self.photo_action,
            self.document_action,
            self.receipt_action,
            self.refuse_action,
        ):
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

    async def _customer_sends_photo(self, account_id: str) -> None:
        photo = DemoFile("image", "image/jpeg", demo_photo())
        await self.demo.customer_sends_file(account_id, DEMO_CUSTOMER, photo, "Ini fotonya ya kak")
        self.window.statusBar().showMessage(tr("A customer sent a photo (demo)."), 8000)

    async def _customer_sends_document(self, account_id: str) -> None:
        document = DemoFile(
            "document",
            "application/pdf",
            demo_pdf("Nota pesanan 1024: 2x kemeja merah, ukuran L"),
            "nota-pesanan-1024.pdf",
        )
        await self.demo.customer_sends_file(account_id, DEMO_CUSTOMER, document)
        self.window.statusBar().showMessage(tr("A customer sent a document (demo)."), 8000)

    def refuse_next_send(self) -> None:
        account_id = self.window.selected_account_id()
        account = self.port.numbers.account(account_id) if account_id else None
        if account is None:
            return

        async def refuse() -> None:
            await self.demo.refuse_next_send(account.id)
            self.window.statusBar().showMessage(
                tr("WhatsApp will refuse the next message “%1” sends.").replace(
                    "%1", account.label
                ),
                8000,
            )

        run_async(refuse(), self.window.show_error)

    def switch_internet(self) -> None:
        async def switch() -> None:
            await self.demo.set_internet(not self.demo.internet_up)
            self.refresh()

        run_async(switch(), self.window.show_error)

    def customer_writes(self) -> CustomerDialog | None:
        account_id = self.window.selected_account_id()
        if account_id is None:
            return None
        dialog = CustomerDialog(self.port.commands.default_region, parent=self.host_widget)
        dialog.written.connect(
            lambda phone, text: run_async(
                self.demo.customer_writes(account_id, phone, text), self.window.show_error
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.customer_dialog = dialog
        dialog.open()
        return dialog
