"""Demo: a customer writes to a number — who (a phone number) and what."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.outbox import MessageError
from app.domain.recipients import from_typed
from app.ui.shared.dialog_buttons import accept_reject_buttons
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import tr
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

#: A customer's number for the demo (a valid Indonesian mobile number, nobody's).
DEMO_CUSTOMER = "+62 812-5550-1234"


class CustomerDialog(OpensOnScreen, Retranslating, QDialog):
    written = Signal(str, str)  # the customer's digits, the text

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = region
        self.setMinimumWidth(420)
        self.from_label = QLabel()
        self.from_edit = QLineEdit(DEMO_CUSTOMER)
        self.from_label.setBuddy(self.from_edit)
        self.text_label = QLabel()
        self.text_edit = QLineEdit()
        self.text_label.setBuddy(self.text_edit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        self.buttons, self.send_button, self.cancel_button = accept_reject_buttons(self)
        form = QFormLayout()
        form.addRow(self.from_label, self.from_edit)
        form.addRow(self.text_label, self.text_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.text_edit.setText(tr("Hello, is this still available?"))
        self.text_edit.selectAll()
        self.text_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("A customer writes (demo)"))
        self.from_label.setText(tr("&From (phone number):"))
        self.text_label.setText(tr("&Message:"))
        self.send_button.setText(tr("Send to this number"))
        self.cancel_button.setText(tr("Cancel"))

    def accept(self) -> None:
        try:
            recipient = from_typed(self.from_edit.text(), self.region)
            phone = recipient.chat
            if not recipient.is_phone:
                raise MessageError(f"“{self.from_edit.text().strip()}” is not a phone number.")
        except MessageError as error:
            self._refuse(error_words(error))
            return
        text = self.text_edit.text().strip()
        if not text:
            self._refuse(tr("The message is empty."))
            return
        self.written.emit(phone, text)
        super().accept()

    def _refuse(self, words: str) -> None:
        self.error_label.setText(words)
        self.error_label.show()
