"""The linking dialog's second page: a code typed on the phone instead of scanning a QR."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.outbox import MessageError
from app.domain.recipients import from_typed
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import format_phone, tr, tr_noop

HOW_TO_CODE = tr_noop(
    "On your phone open <b>WhatsApp</b> → <b>Linked devices</b> → <b>Link a device</b> → "
    "<b>Link with phone number instead</b>, then type this code."
)


def ask_other_phone(parent: QWidget, label: str, old: str, new: str) -> QMessageBox:
    """Before a number is linked to a different phone than before: both named, Cancel first."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Link another phone?"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the owner's text
    box.setText(
        tr("“%1” was linked to %2. Link it to %3 instead?")
        .replace("%1", label)
        .replace("%2", format_phone(old))
        .replace("%3", format_phone(new))
    )
    box.setInformativeText(
        tr(
            "Its name and its messages stay in Jaga; from now on it sends and receives as %1."
        ).replace("%1", format_phone(new))
    )
    box.addButton(tr("Link %1").replace("%1", format_phone(new)), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
    return box


class PairingPage(QWidget):
    code_wanted = Signal(str)  # the phone's digits, checked like a chat recipient
    qr_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = "ID"  # the owner's country, for numbers typed without +62
        self.phone_label = QLabel()
        self.phone_edit = QLineEdit()
        self.phone_label.setBuddy(self.phone_edit)
        self.get_code_button = QPushButton()
        self.get_code_button.clicked.connect(self.request_code)
        self.phone_edit.returnPressed.connect(self.request_code)
        self.code_label = QLabel()
        self.code_label.setObjectName("pairingCode")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = QFont("monospace")
        code_font.setStyleHint(QFont.StyleHint.Monospace)
        code_font.setPointSize(28)
        code_font.setBold(True)
        self.code_label.setFont(code_font)
        self.code_deadline = QLabel()
        self.code_deadline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_how_to = QLabel()
        self.code_how_to.setWordWrap(True)
        self.code_how_to.setTextFormat(Qt.TextFormat.RichText)
        self.code_error = QLabel()
        self.code_error.setWordWrap(True)
        self.code_error.setStyleSheet("color: #d2372c;")
        self.use_qr_button = QPushButton()
        self.use_qr_button.setProperty("link", True)
        self.use_qr_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.use_qr_button.clicked.connect(self.qr_wanted)
        #: The code on screen and the number it was asked for (None: no code).
        self.code: str | None = None
        self.phone: str | None = None
        #: When the code on screen stops working (None: not known).
        self.expires_at: datetime | None = None
        row = QHBoxLayout()
        row.addWidget(self.phone_edit, 1)
        row.addWidget(self.get_code_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.phone_label)
        layout.addLayout(row)
        layout.addWidget(self.code_error)
        layout.addSpacing(12)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code_deadline)
        layout.addWidget(self.code_how_to)
        layout.addStretch(1)
        layout.addWidget(self.use_qr_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def retranslate(self) -> None:
        self.phone_label.setText(tr("The &phone number of this WhatsApp:"))
        self.phone_edit.setPlaceholderText(tr("0812-3456-7890 or +62 812-3456-7890"))
        self.phone_edit.setAccessibleName(tr("Phone number"))
        self.get_code_button.setText(tr("Get code"))
        self.code_label.setAccessibleName(tr("Pairing code"))
        self.code_how_to.setText(tr(HOW_TO_CODE) if self.code else "")
        self.use_qr_button.setText(tr("Scan a QR code instead"))

    def request_code(self) -> None:
        """Checks the number as a chat's recipient is checked; a refusal clears the old code
        (it was for another number, or for this one typed wrong)."""
        typed = self.phone_edit.text()
        try:
            recipient = from_typed(typed, self.region)
            digits = recipient.chat
            if not recipient.is_phone:
                raise MessageError(f"“{typed.strip()}” is not a phone number.")
        except MessageError as error:
            self.clear_code()
            self.code_error.setText(error_words(error))
            return
        self.code_error.setText("")
        self.get_code_button.setEnabled(False)
        self.phone = digits
        self.code_wanted.emit(digits)

    def show_code(self, code: str, expires_at: datetime | None = None) -> None:
        self.get_code_button.setEnabled(True)
        self.code = code
        self.expires_at = expires_at
        self.code_label.setText(f"{code[:4]}-{code[4:]}" if len(code) == 8 else code)
        self.code_how_to.setText(tr(HOW_TO_CODE))
        self.code_deadline.setText("")

    def tick(self, now: datetime) -> None:
        """How long the code on screen still works, to the second."""
        if self.code is None or self.expires_at is None:
            self.code_deadline.setText("")
            return
        left = max(0, math.ceil((self.expires_at - now).total_seconds()))
        if left == 0:
            self.code_deadline.setText(tr("This code has run out. Get a new one."))
            return
        minutes, seconds = divmod(left, 60)
        self.code_deadline.setText(
            tr("Type it on the phone within %1").replace("%1", f"{minutes}:{seconds:02d}")
        )

    def clear_code(self) -> None:
        self.code = None
        self.phone = None
        self.expires_at = None
        self.code_label.setText("")
        self.code_how_to.setText("")
        self.code_deadline.setText("")

    def code_failed(self, words: str) -> None:
        self.get_code_button.setEnabled(True)
        self.clear_code()
        self.code_error.setText(tr("Could not get a code: %1").replace("%1", words))
