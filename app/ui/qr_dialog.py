"""Linking a number: the QR to scan, how to scan it, and the moment it connects."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bridge.protocol import QrCode
from app.core.status import NEEDS_OWNER, SessionStatus
from app.service import JagaService
from app.ui.formatting import format_phone, status_words, tr
from app.ui.qr_image import qr_pixmap

HOW_TO = (
    "On your phone open <b>WhatsApp</b> → <b>Settings</b> (or ⋮) → <b>Linked devices</b> → "
    "<b>Link a device</b>, then point the phone at this code."
)


class QrDialog(QDialog):
    simulate_scan_requested = Signal(str)  # account id (demo only)

    def __init__(
        self,
        service: JagaService,
        account_id: str,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.account_id = account_id
        self.current_payload: str | None = None
        self._expires_at: datetime | None = None
        self._attempt: tuple[int | None, int | None] = (None, None)
        account = service.store.account(account_id)
        self.setWindowTitle(tr("Link %s").replace("%s", account.label if account else ""))
        self.setMinimumWidth(420)

        self.headline = QLabel(tr("Scan this code with WhatsApp"))
        self.headline.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label = QLabel(tr("Preparing a code…"))
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(320, 320)
        self.qr_label.setAccessibleName(tr("QR code to scan"))
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.how_to = QLabel(tr(HOW_TO))
        self.how_to.setWordWrap(True)
        self.how_to.setTextFormat(Qt.TextFormat.RichText)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        self.scan_button: QPushButton | None = None
        if demo:
            self.scan_button = QPushButton(tr("Simulate phone scan (demo)"))
            self.scan_button.setAccessibleName(tr("Simulate phone scan"))
            self.scan_button.clicked.connect(
                lambda: self.simulate_scan_requested.emit(self.account_id)
            )
            self.buttons.addButton(self.scan_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.qr_label, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.how_to)
        layout.addWidget(self.buttons)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self._tick.start()

        service.qr_received.connect(self._on_qr)
        service.account_updated.connect(self._on_account_updated)
        existing = service.latest_qr.get(account_id)
        if existing is not None:
            self._on_qr(existing)
        self._on_account_updated(account_id)

    def _on_qr(self, qr: QrCode) -> None:
        if qr.session_id != self.account_id:
            return
        self.current_payload = qr.qr
        self.qr_label.setPixmap(qr_pixmap(qr.qr))
        self._expires_at = qr.expires_at
        self._attempt = (qr.attempt, qr.max)
        self._update_countdown()

    def _update_countdown(self) -> None:
        if self.current_payload is None or self._expires_at is None:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        left = max(0, int((self._expires_at - now).total_seconds()))
        attempt, most = self._attempt
        parts = [tr("New code in %n s").replace("%n", str(left))]
        if attempt and most:
            parts.append(tr("code %1 of %2").replace("%1", str(attempt)).replace("%2", str(most)))
        self.countdown.setText(" · ".join(parts))

    def _on_account_updated(self, account_id: str) -> None:
        if account_id != self.account_id:
            return
        account = self.service.store.account(account_id)
        if account is None:
            self.reject()
            return
        status = SessionStatus.parse(account.status)
        if status is SessionStatus.CONNECTED:
            self._show_success(account.phone, account.display_name)
        elif status in NEEDS_OWNER:
            self.headline.setText(status_words(status))
            self.countdown.setText(account.status_message or "")

    def _show_success(self, phone: str | None, name: str | None) -> None:
        self._tick.stop()
        who = format_phone(phone)
        self.headline.setText(tr("Connected as %s").replace("%s", who))
        self.qr_label.clear()
        self.qr_label.setText("✔")
        self.qr_label.setStyleSheet("font-size: 96pt; color: #1e9e5a;")
        self.countdown.setText(name or "")
        self.how_to.setText(tr("This number is ready. Jaga keeps it connected from now on."))
        if self.scan_button is not None:
            self.scan_button.setEnabled(False)
        self.buttons.clear()
        done = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        done.setText(tr("Done"))
        done.setDefault(True)
