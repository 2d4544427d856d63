"""The linking dialog's first page: the code to scan, its countdown, how to scan it, and
what went wrong when no code can come (with Try again)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.linking import QrCode
from app.ui.linking.qr_image import QrView
from app.ui.shared.formatting import tr, tr_noop

HOW_TO = tr_noop(
    "On your phone open <b>WhatsApp</b> → <b>Settings</b> (or ⋮) → <b>Linked devices</b> → "
    "<b>Link a device</b>, then point the phone at this code."
)
WAITING = tr_noop("Connecting… A code appears here if WhatsApp asks for one.")


class QrPage(QWidget):
    retry_requested = Signal()
    use_code_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current_payload: str | None = None
        self.expires_at: datetime | None = None
        self.last_code: QrCode | None = None
        #: The bridge's number of the first code this page showed: codes count from 1 here.
        self._first_attempt: int | None = None
        #: What went wrong (words shown instead of a code), or None.
        self.problem: str | None = None
        self.qr_label = QrView()
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setWordWrap(True)
        self.how_to = QLabel()
        self.how_to.setWordWrap(True)
        self.how_to.setTextFormat(Qt.TextFormat.RichText)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("primary")
        self.retry_button.clicked.connect(self.retry_requested)
        self.retry_button.hide()
        self.use_code_button = QPushButton()
        self.use_code_button.setProperty("link", True)
        self.use_code_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.use_code_button.clicked.connect(self.use_code_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.qr_label, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.how_to)
        layout.addWidget(self.use_code_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def retranslate(self, now: datetime) -> None:
        if self.current_payload is None and self.problem is None:
            self.qr_label.show_words(tr(WAITING))
        self.qr_label.setAccessibleName(tr("QR code to scan"))
        self.how_to.setText(tr(HOW_TO))
        self.retry_button.setText(tr("Try again"))
        self.use_code_button.setText(tr("Link with phone number instead"))
        self.use_code_button.setAccessibleName(tr("Link with phone number instead"))
        self.tick(now)

    # --- what is shown ---------------------------------------------------------------------

    def show_code(self, qr: QrCode, now: datetime) -> None:
        self.problem = None
        self.retry_button.hide()
        self.how_to.show()
        self.current_payload = qr.qr
        self.last_code = qr
        self.qr_label.show_code(qr.qr)
        self.expires_at = qr.expires_at
        if self._first_attempt is None and qr.attempt:
            self._first_attempt = qr.attempt
        self.tick(now)

    def tick(self, now: datetime) -> None:
        """The countdown to the next code, and which code of how many this is."""
        if self.current_payload is None or self.expires_at is None or self.problem:
            return
        left = max(0, int((self.expires_at - now).total_seconds()))
        parts = [
            tr("New code in %1 s").replace("%1", str(left)) if left else tr("New code coming…")
        ]
        code = self.last_code
        first = self._first_attempt
        if code is not None and code.attempt and code.max and first:
            shown, most = code.attempt - first + 1, code.max - first + 1
            parts.append(tr("code %1 of %2").replace("%1", str(shown)).replace("%2", str(most)))
        self.countdown.setText(" · ".join(parts))

    def show_waiting(self) -> None:
        """Starting again: a fresh code (counted from 1 again) is on its way."""
        self.problem = None
        self._forget_code()
        self.retry_button.hide()
        self.how_to.show()
        self.countdown.setText("")
        self.qr_label.show_words(tr(WAITING))

    def show_problem(self, headline: str, detail: str) -> None:
        """No code can come: what happened, in words, and Try again."""
        self.problem = headline
        self._forget_code()
        self.qr_label.show_words("⚠\n\n" + (detail or headline))
        self.countdown.setText(tr("Try again for a new code."))
        self.how_to.hide()
        self.retry_button.show()

    def show_no_internet(self, words: str) -> None:
        """No code can come without internet; Jaga retries by itself (no button)."""
        self.problem = words
        self._forget_code()
        self.qr_label.show_words(words)
        self.countdown.setText("")
        self.retry_button.hide()

    def _forget_code(self) -> None:
        self.current_payload = None
        self.expires_at = None
        self.last_code = None
        self._first_attempt = None
