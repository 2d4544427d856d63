"""Quick replies: saved answers with a short name, for every number or for one.

In a chat, typing `/` and the name puts one in the reply box, filled in with the
customer's name ({name}), number ({number}) and today's date ({today}).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.inbox.errors import InboxError
from app.domain.inbox.notices import preview
from app.domain.inbox.quick_replies import QuickReply
from app.domain.store_error import StoreError
from app.ports.inbox import InboxPort
from app.ui.inbox.dialog_parts import (
    Numbers,
    button_row,
    connected_buttons,
    error_label,
    show_error,
)
from app.ui.shared.formatting import tr
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

ReplyRole = Qt.ItemDataRole.UserRole + 1


class QuickRepliesDialog(OpensOnScreen, Retranslating, QDialog):
    def __init__(self, port: InboxPort, numbers: Numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self._numbers = numbers
        self.setMinimumSize(440, 400)
        self.replies = QListWidget()
        self.replies.currentItemChanged.connect(lambda item, _old: self._pick(item))
        self._init_form()
        layout = QVBoxLayout(self)
        layout.addWidget(self.replies, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error_label)
        layout.addLayout(self.buttons)
        port.quick_replies_changed.connect(self.show_replies)
        self.retranslate()
        self.show_replies()
        self.resize(600, 600)  # what it would like; OpensOnScreen fits it to the screen

    def _init_form(self) -> None:
        self.shortcut = QLineEdit()
        self.shortcut.setMaxLength(200)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(80)
        self.number = QComboBox()
        self.shortcut_label, self.text_label, self.number_label = QLabel(), QLabel(), QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.shortcut_label, self.shortcut)
        self.form.addRow(self.text_label, self.text)
        self.form.addRow(self.number_label, self.number)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error_label = error_label()
        self.new_button, self.save_button, self.delete_button, self.close_button = (
            connected_buttons(self.new_reply, self.save, self.delete, self.close)
        )
        self.buttons = button_row(
            [self.new_button, self.save_button, self.delete_button], [self.close_button]
        )

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Quick replies"))
        self.shortcut_label.setText(tr("&Name:"))
        self.shortcut_label.setBuddy(self.shortcut)
        self.shortcut.setPlaceholderText(tr("terima"))
        self.text_label.setText(tr("&Words:"))
        self.text_label.setBuddy(self.text)
        self.number_label.setText(tr("&For:"))
        self.number_label.setBuddy(self.number)
        self.hint.setText(
            tr(
                "In a chat, type / and the name (for example /terima) to put the words in the "
                "reply box. {name} becomes the customer's name, {number} their number, "
                "{today} today's date."
            )
        )
        self.new_button.setText(tr("&New reply"))
        self.save_button.setText(tr("&Save"))
        self.delete_button.setText(tr("&Delete"))
        self.close_button.setText(tr("Close"))
        self._fill_numbers()
        self.show_replies()

    def _fill_numbers(self) -> None:
        chosen = self.number.currentData()
        self.number.clear()
        self.number.addItem(tr("Every number"), "")
        for account_id, name in self._numbers():
            self.number.addItem(name, account_id)
        self.number.setCurrentIndex(max(0, self.number.findData(chosen or "")))

    def show_replies(self) -> None:
        chosen = self.selected()
        names = dict(self._numbers())
        self.replies.clear()
        for reply in self.port.quick_replies():
            who = names.get(reply.account_id or "", "") if reply.account_id else tr("every number")
            item = QListWidgetItem(f"/{reply.shortcut} ({who}) — {preview(reply.text, 60)}")
            item.setData(ReplyRole, reply)
            self.replies.addItem(item)
            if chosen is not None and chosen.id == reply.id:
                self.replies.setCurrentItem(item)
        self.delete_button.setEnabled(self.selected() is not None)

    def selected(self) -> QuickReply | None:
        item = self.replies.currentItem()
        reply = item.data(ReplyRole) if item is not None else None
        return reply if isinstance(reply, QuickReply) else None

    def _pick(self, item: QListWidgetItem | None) -> None:
        reply = item.data(ReplyRole) if item is not None else None
        if isinstance(reply, QuickReply):
            self.shortcut.setText(reply.shortcut)
            self.text.setPlainText(reply.text)
            self.number.setCurrentIndex(max(0, self.number.findData(reply.account_id or "")))
        self.delete_button.setEnabled(isinstance(reply, QuickReply))

    def new_reply(self) -> None:
        self.replies.setCurrentItem(None)
        self.shortcut.clear()
        self.text.clear()
        self.shortcut.setFocus()

    def save(self) -> QuickReply | None:
        chosen = self.selected()
        try:
            reply = self.port.save_quick_reply(
                chosen.id if chosen else None,
                self.shortcut.text(),
                self.text.toPlainText(),
                str(self.number.currentData() or "") or None,
            )
        except (InboxError, StoreError) as error:
            show_error(self.error_label, error)
            return None
        self.error_label.hide()
        return reply

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.port.delete_quick_reply(chosen.id)
            self.new_reply()
