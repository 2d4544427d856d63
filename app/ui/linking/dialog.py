"""Linking a number: the QR to scan (or a code to type), how to do it, and the moment it works."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.linking import QrCode, pairing_deadline
from app.domain.status import NEEDS_OWNER, SessionStatus
from app.ports.window import WindowPort
from app.ui.linking.pairing_page import HOW_TO_CODE, PairingPage, ask_other_phone
from app.ui.linking.qr_page import HOW_TO, WAITING, QrPage
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import (
    NO_INTERNET_SHORT,
    REASON_WORDS,
    format_phone,
    reason_words,
    status_words,
    tr,
    utcnow,
)
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen
from app.ui.shared.tasks import run_async

__all__ = ["HOW_TO", "HOW_TO_CODE", "WAITING", "QrDialog"]

STYLE = (
    "QLabel#headline { font-size: 16pt; font-weight: 600; }"
    " QLabel#pairingCode { letter-spacing: 4px; }"
    " QPushButton#primary { font-weight: 600; padding: 5px 16px; }"
    " QPushButton[link=true] { border: none; color: palette(link);"
    " text-decoration: underline; padding: 4px; }"
)


class QrDialog(OpensOnScreen, Retranslating, QDialog):
    #: Demo only: account id, and the phone a pairing code was asked for ("" after a QR).
    simulate_scan_requested = Signal(str, str)
    reconnect_requested = Signal(str)  # account id: the owner wants a fresh code

    def __init__(
        self,
        port: WindowPort,
        account_id: str,
        *,
        demo: bool = False,
        now: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.account_id = account_id
        self.demo = demo
        self._now = now
        self.connected = False
        self.confirm_box: QMessageBox | None = None  # linking to another phone: asked first
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline.setWordWrap(True)
        self._init_pages()
        self._init_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.setStyleSheet(STYLE)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self._tick.start()
        self.retranslate()
        port.changes.qr_received.connect(self._on_qr)
        port.changes.account_updated.connect(self._on_account_updated)
        existing = port.qr_codes.latest_qr.get(account_id)
        if existing is not None:
            self._on_qr(existing)
        self._on_account_updated(account_id)

    def _init_pages(self) -> None:
        """The QR page, the pairing-code page, and the success page."""
        self.qr_page = QrPage()
        self.qr_page.retry_requested.connect(self._retry)
        self.qr_page.use_code_requested.connect(self.show_pairing)
        page = self.qr_page
        self.qr_label, self.countdown, self.how_to = page.qr_label, page.countdown, page.how_to
        self.retry_button, self.use_code_button = page.retry_button, page.use_code_button
        self.pairing_page = PairingPage()
        self.pairing_page.region = self.port.commands.default_region
        self.pairing_page.code_wanted.connect(self.request_code)
        self.pairing_page.qr_wanted.connect(self.show_qr)
        pairing = self.pairing_page
        self.phone_edit, self.get_code_button = pairing.phone_edit, pairing.get_code_button
        self.code_label, self.code_how_to = pairing.code_label, pairing.code_how_to
        self.code_error, self.use_qr_button = pairing.code_error, pairing.use_qr_button
        self.success_mark = QLabel("✔")
        self.success_mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.success_mark.setStyleSheet("font-size: 48pt; color: #1e9e5a;")
        self.success_text = QLabel()
        self.success_text.setWordWrap(True)
        self.success_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.success_page = QWidget()
        success_layout = QVBoxLayout(self.success_page)
        success_layout.addStretch(1)
        success_layout.addWidget(self.success_mark)
        success_layout.addWidget(self.success_text)
        success_layout.addStretch(1)
        self.pages = QStackedWidget()
        for widget in (self.qr_page, self.pairing_page, self.success_page):
            self.pages.addWidget(widget)

    def _init_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        # Own buttons, not standard ones: those retranslate themselves with Qt's words only.
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        self.done_button: QPushButton | None = None
        self.scan_button: QPushButton | None = None
        if self.demo:
            self.scan_button = QPushButton()
            self.scan_button.clicked.connect(self._simulate_phone)
            self.buttons.addButton(self.scan_button, QDialogButtonBox.ButtonRole.ActionRole)

    @property
    def current_payload(self) -> str | None:
        return self.qr_page.current_payload

    @property
    def _problem(self) -> str | None:
        return self.qr_page.problem

    # --- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        account = self.port.numbers.account(self.account_id)
        self.setWindowTitle(tr("Link %1").replace("%1", account.label if account else ""))
        if not self.connected and self._problem is None:
            if self.pages.currentWidget() is self.pairing_page:
                self.headline.setText(tr("Link with a code instead"))
            else:
                self.headline.setText(tr("Scan this code with WhatsApp"))
        self.qr_page.retranslate(self._now())
        self.pairing_page.retranslate()
        self.close_button.setText(tr("Close"))
        if self.done_button is not None:
            self.done_button.setText(tr("Done"))
        self._name_scan_button()
        self._update_countdown()
        self._on_account_updated(self.account_id)

    # --- what the bridge says ------------------------------------------------------------

    def _on_qr(self, qr: QrCode) -> None:
        if qr.session_id != self.account_id or self.connected:
            return
        self.qr_page.show_code(qr, self._now())
        if self.pages.currentWidget() is self.qr_page:
            self.headline.setText(tr("Scan this code with WhatsApp"))
        self._name_scan_button()

    def _update_countdown(self) -> None:
        now = self._now()
        self.qr_page.tick(now)
        self.pairing_page.tick(now)

    def _on_account_updated(self, account_id: str) -> None:
        if account_id != self.account_id:
            return
        account = self.port.numbers.account(account_id)
        if account is None:
            self.reject()
            return
        status = SessionStatus.parse(account.status)
        if status is SessionStatus.CONNECTED:
            self._show_success(account.phone, account.display_name)
        elif status in NEEDS_OWNER or status is SessionStatus.STOPPED:
            self._show_problem(
                status_words(status, reason=account.reason),
                reason_words(account.reason, account.status_message, account.status),
            )
        elif account.reason == "network_unreachable":
            self._show_no_internet()
        elif self._problem is not None:
            self._clear_problem()  # starting again: a fresh code is on its way

    def _show_problem(self, headline: str, detail: str) -> None:
        """What happened, in words, with Try again; nothing to scan meanwhile."""
        if self.connected:
            return
        self.pairing_page.clear_code()
        self.qr_page.show_problem(headline, detail)
        self.headline.setText(headline)
        self.pages.setCurrentWidget(self.qr_page)
        self._name_scan_button()

    def _show_no_internet(self) -> None:
        """No code can come without internet: said instead of "Connecting…" (it retries)."""
        if self.connected:
            return
        self.qr_page.show_no_internet(tr(REASON_WORDS["network_unreachable"]))
        self.headline.setText(tr(NO_INTERNET_SHORT))
        self._name_scan_button()

    def _show_success(self, phone: str | None, name: str | None) -> None:
        self.connected = True
        self._tick.stop()
        self.headline.setText(tr("Connected as %1").replace("%1", format_phone(phone)))
        who = f"{name}\n\n" if name else ""
        self.success_text.setText(
            who + tr("This number is ready. Jaga keeps it connected from now on.")
        )
        self.pages.setCurrentWidget(self.success_page)
        if self.scan_button is not None:
            self.scan_button.setEnabled(False)
            self.scan_button.hide()
        if self.done_button is None:
            self.buttons.removeButton(self.close_button)
            self.close_button.hide()
            self.done_button = self.buttons.addButton(
                tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.done_button.setDefault(True)
            self.done_button.setFocus()

    # --- the owner's choices ---------------------------------------------------------------

    def _clear_problem(self) -> None:
        self.qr_page.show_waiting()
        self.headline.setText(tr("Scan this code with WhatsApp"))
        self._name_scan_button()

    def _retry(self) -> None:
        self._clear_problem()
        self.reconnect_requested.emit(self.account_id)

    def show_pairing(self) -> None:
        self.pages.setCurrentWidget(self.pairing_page)
        self.headline.setText(tr("Link with a code instead"))
        self.phone_edit.setFocus()
        self._name_scan_button()

    def show_qr(self) -> None:
        """Back to the QR. Once a code was asked for, WhatsApp stopped offering QRs on
        this attempt: linking starts again at once, and the next QR shows when it comes."""
        self.pages.setCurrentWidget(self.qr_page)
        self.headline.setText(tr("Scan this code with WhatsApp"))
        account = self.port.numbers.account(self.account_id)
        asked = self.pairing_page.code is not None or (
            account is not None and account.status == SessionStatus.PAIRING_CODE.value
        )
        if asked and self._problem is None:
            self.pairing_page.clear_code()
            self.qr_page.show_waiting()
            self.reconnect_requested.emit(self.account_id)
        self._name_scan_button()

    @property
    def pairing_code(self) -> str | None:
        return self.pairing_page.code

    def request_code(self, digits: str) -> None:
        account = self.port.numbers.account(self.account_id)
        if account is None or not account.phone or account.phone == digits:
            run_async(self._request_code(digits), self._code_failed)
            return
        box = self.confirm_box = ask_other_phone(self, account.label, account.phone, digits)

        def answered() -> None:
            if box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.AcceptRole:
                run_async(self._request_code(digits), self._code_failed)
            else:
                self.pairing_page.clear_code()
                self.get_code_button.setEnabled(True)

        box.finished.connect(lambda _result: answered())
        box.open()

    async def _request_code(self, digits: str) -> None:
        code = await self.port.commands.request_pairing_code(self.account_id, digits)
        self.show_code(code)

    def show_code(self, code: str) -> None:
        """The code to type, counting down to the end of this link attempt."""
        qr = self.qr_page.last_code
        deadline = None
        if qr is not None:
            rotation = self.port.commands.qr_rotation_s
            deadline = pairing_deadline(qr.expires_at, qr.attempt, qr.max, rotation, self._now())
        self.pairing_page.show_code(code, deadline)
        self.pairing_page.tick(self._now())
        self._name_scan_button()

    def _code_failed(self, error: Exception) -> None:
        self.pairing_page.code_failed(error_words(error))
        self._name_scan_button()

    # --- the demo's phone ----------------------------------------------------------------

    def _pairing_shown(self) -> bool:
        return self.pages.currentWidget() is self.pairing_page and self.pairing_code is not None

    def _name_scan_button(self) -> None:
        if self.scan_button is None:
            return
        if self._pairing_shown():
            self.scan_button.setText(tr("Simulate typing the code on the phone (demo)"))
            self.scan_button.setAccessibleName(tr("Simulate typing the code on the phone"))
        else:
            self.scan_button.setText(tr("Simulate phone scan (demo)"))
            self.scan_button.setAccessibleName(tr("Simulate phone scan"))
        # A code on screen is typed on the pairing page; nothing to scan while failed.
        scannable = self.current_payload is not None and self.pairing_code is None
        self.scan_button.setEnabled(not self.connected and (self._pairing_shown() or scannable))

    def _simulate_phone(self) -> None:
        phone = self.pairing_page.phone if self.pairing_code is not None else None
        self.simulate_scan_requested.emit(self.account_id, phone or "")
