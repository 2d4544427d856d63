"""Writing a message: the reply box under a chat, and the dialog for a new chat."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
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

from app.domain.outbox import MessageError
from app.domain.recipients import Recipient, country_name, from_typed
from app.domain.store_error import StoreError
from app.ports.window import WindowPort
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import tr
from app.ui.shared.message_look import ERROR_STYLE
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

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

    sent = Signal(object)  # the ChatMessage, queued

    def __init__(self, port: WindowPort, account_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
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
        # Who it goes to, as Jaga reads it: seen before anything leaves.
        self.resolved_label = QLabel()
        self.resolved_label.setWordWrap(True)
        self.resolved_label.hide()
        self.to_edit.textChanged.connect(lambda _text: self._show_resolved())
        #: A number abroad the owner has seen and confirmed (the first send there asks).
        self._confirmed: str | None = None
        self.text_edit.textChanged.connect(self.error_label.hide)
        form = QFormLayout()
        form.addRow(self.to_label, self.to_edit)
        form.addRow("", self.resolved_label)
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

    def _resolved(self) -> Recipient:
        return from_typed(self.to_edit.text(), self.port.commands.default_region)

    def _show_resolved(self) -> None:
        """'→ +65 9123 4567 (Singapore)' as the owner types; nothing while it is no number."""
        try:
            recipient = self._resolved()
        except MessageError:
            self.resolved_label.hide()
            return
        self.resolved_label.setText(tr("Goes to %1").replace("%1", _where(recipient)))
        self.resolved_label.show()

    def _first_abroad(self, recipient: Recipient) -> bool:
        """A number in another country that this number never wrote with: ask once."""
        if not recipient.abroad(self.port.commands.default_region):
            return False
        if self._confirmed == recipient.chat:
            return False
        return not self.port.chats.messages(self.account_id, recipient.chat, 1)

    def send(self) -> None:
        try:
            recipient = self._resolved()
            if self._first_abroad(recipient):
                self._confirmed = recipient.chat
                self._refuse(
                    tr(
                        "This number is in another country: %1. Press Send again to send there."
                    ).replace("%1", _where(recipient))
                )
                return
            message = self.port.chats.send_message(
                self.account_id,
                "+" + recipient.chat if recipient.is_phone else recipient.chat,
                self.text_edit.toPlainText(),
            )
        except (MessageError, StoreError) as error:
            self._refuse(error_words(error))
            return
        self.error_label.hide()
        self.sent.emit(message)
        self.accept()

    def _refuse(self, words: str) -> None:
        self.error_label.setText(words)
        self.error_label.show()
        self.error_label.setAccessibleName(words)


def _where(recipient: Recipient) -> str:
    """'+65 9123 4567 (Singapore)', the country in the window's language."""
    country = country_name(recipient.region, QLocale().name().split("_")[0])
    return f"{recipient.international()} ({country})" if country else recipient.international()
