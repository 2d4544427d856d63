"""Writing a message: the reply box under a chat, and the dialog for a new chat."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.outbox import MessageError
from app.core.store import StoreError
from app.service import JagaService
from app.ui.error_words import error_words
from app.ui.formatting import tr
from app.ui.retranslating import Retranslating
from app.ui.screen_fit import OpensOnScreen

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = (
    "QLabel#offlineNote { background: #fff6e0; border: 1px solid #ecd08a; border-radius: 6px;"
    " padding: 6px 10px; }"
)


class ReplyBox(QPlainTextEdit):
    """Enter sends, Shift+Enter starts a new line; grows with the text up to a few lines."""

    submitted = Signal()
    MAX_LINES = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _fit(self) -> None:
        lines = int(self.document().documentLayout().documentSize().height())
        lines = max(2, min(self.MAX_LINES, lines))
        margins = self.contentsMargins()
        chrome = 2 * self.document().documentMargin() + margins.top() + margins.bottom()
        self.setFixedHeight(int(lines * self.fontMetrics().lineSpacing() + chrome + 2))


class NewMessageDialog(OpensOnScreen, Retranslating, QDialog):
    """To whom (a phone number) and what; the service checks both and says what is wrong."""

    sent = Signal(object)  # the Message, queued

    def __init__(
        self, service: JagaService, account_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.account_id = account_id
        self.setMinimumWidth(440)
        self.to_label = QLabel()
        self.to_edit = QLineEdit()
        self.to_label.setBuddy(self.to_edit)
        self.text_label = QLabel()
        self.text_edit = ReplyBox()
        self.text_label.setBuddy(self.text_edit)
        self.text_edit.submitted.connect(self.send)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.buttons = QDialogButtonBox()
        self.send_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.to_edit.returnPressed.connect(self.text_edit.setFocus)
        # A refusal is about what was typed: it goes as soon as the owner types again.
        self.to_edit.textEdited.connect(lambda _text: self.error_label.hide())
        self.text_edit.textChanged.connect(self.error_label.hide)
        form = QFormLayout()
        form.addRow(self.to_label, self.to_edit)
        form.addRow(self.text_label, self.text_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("New message"))
        self.to_label.setText(tr("&To (phone number):"))
        self.to_edit.setPlaceholderText(tr("for example 0812-3456-7890 or +62 812-3456-7890"))
        # Wide enough for the whole example in every language (Indonesian is longer).
        margins = self.to_edit.textMargins()
        self.to_edit.setMinimumWidth(
            self.to_edit.fontMetrics().horizontalAdvance(self.to_edit.placeholderText())
            + margins.left()
            + margins.right()
            + 24
        )
        self.text_label.setText(tr("&Message:"))
        self.send_button.setText(tr("Send"))
        self.cancel_button.setText(tr("Cancel"))

    def send(self) -> None:
        try:
            message = self.service.send_message(
                self.account_id, self.to_edit.text(), self.text_edit.toPlainText()
            )
        except (MessageError, StoreError) as error:
            self.error_label.setText(error_words(error))
            self.error_label.show()
            self.error_label.setAccessibleName(self.error_label.text())
            return
        self.error_label.hide()
        self.sent.emit(message)
        self.accept()
