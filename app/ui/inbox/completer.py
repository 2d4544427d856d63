"""Quick replies in the reply box: typing `/` lists them, `/ter` narrows the list, and
Enter (or Tab, or a click) puts the chosen reply in the box, filled in for this customer.

The list sits just above the box (not a pop-up window), so the box keeps the keyboard:
Up and Down move in the list, Escape closes it. While the list shows, Enter chooses a
reply instead of sending; the owner reads the words and sends them with the next Enter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit

from app.domain.inbox.notices import preview
from app.domain.inbox.quick_replies import QuickReply, matching, replace_typed, typed_shortcut
from app.ports.inbox import InboxPort
from app.ui.shared.formatting import tr

ReplyRole = Qt.ItemDataRole.UserRole + 1
SHOWN_ROWS = 5
_CHOOSE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


class QuickReplyCompleter(QObject):
    def __init__(
        self,
        box: QPlainTextEdit,
        port: InboxPort,
        account_id: str,
        chat: Callable[[], str | None],
    ) -> None:
        super().__init__(box)
        self.box = box
        self.port = port
        self.account_id = account_id
        self._chat = chat
        self._replies: list[QuickReply] | None = None
        self.list = QListWidget()
        self.list.setObjectName("quickReplies")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the keyboard
        self.list.itemClicked.connect(self.choose)
        self.list.hide()
        self.retranslate()
        box.textChanged.connect(self.update)
        box.cursorPositionChanged.connect(self.update)
        box.installEventFilter(self)
        port.quick_replies_changed.connect(self._forget)

    def retranslate(self) -> None:
        self.list.setAccessibleName(tr("Quick replies: Up and Down choose, Enter puts it in"))

    def _forget(self) -> None:
        self._replies = None

    def replies(self) -> list[QuickReply]:
        if self._replies is None:
            self._replies = self.port.quick_replies()
        return self._replies

    def update(self) -> None:
        typed = typed_shortcut(self._before_cursor())
        found = [] if typed is None else matching(self.replies(), typed, self.account_id)
        if not found or self._chat() is None:
            self.list.hide()
            return
        self.list.clear()
        chat = self._chat() or ""
        for reply in found:
            # As it would go to this customer, names filled in.
            words = self.port.expand_quick_reply(reply, self.account_id, chat)
            item = QListWidgetItem(f"/{reply.shortcut}  —  {preview(words, 70)}")
            item.setData(ReplyRole, reply)
            item.setToolTip(reply.text[:500])
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        rows = min(SHOWN_ROWS, len(found))
        self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth())
        self.list.show()

    def _before_cursor(self) -> str:
        cursor = self.box.textCursor()
        return self.box.toPlainText()[: cursor.position()]

    def choose(self, item: QListWidgetItem | None = None) -> str | None:
        """The reply filled in for this customer, in place of the typed `/name`."""
        item = item or self.list.currentItem()
        chat = self._chat()
        reply = item.data(ReplyRole) if item is not None else None
        if not isinstance(reply, QuickReply) or chat is None:
            return None
        words = self.port.expand_quick_reply(reply, self.account_id, chat)
        text = self.box.toPlainText()
        position = self.box.textCursor().position()
        head = replace_typed(text[:position], words)
        self.list.hide()
        self.box.setPlainText(head + text[position:])
        cursor = self.box.textCursor()
        cursor.setPosition(len(head))
        self.box.setTextCursor(cursor)
        self.list.hide()  # the new text may end in another "/word": it is the reply's own
        return words

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.box or event.type() != QEvent.Type.KeyPress or self.list.isHidden():
            return False
        if not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in _CHOOSE:
            self.choose()
            return True
        if key == Qt.Key.Key_Escape:
            self.list.hide()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return True
        return False
