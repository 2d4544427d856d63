"""Where the inbox meets a chats window (one call in ChatsWindow): quick replies on `/name`
in the reply box, labels and names in the chat list's menu, and a chat shown is a chat read.
The main window's part: app/ui/main_window/inbox_hooks.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtWidgets import QListView, QMenu, QPlainTextEdit, QWidget

from app.ui.inbox.completer import QuickReplyCompleter
from app.ui.inbox.conversation_menu import conversation_menu

if TYPE_CHECKING:
    from app.ports.window import WindowPort
    from app.ui.chats.model import ConversationsModel, MessagesModel
    from app.ui.chats.reply_box import ReplyPane


class ChatsHost(Protocol):
    """What the extras use of a chats window (window.py's ChatsWindow, a QWidget): named
    here, so that the window installs them without an import loop."""

    port: WindowPort
    account_id: str
    reply: QPlainTextEdit
    reply_pane: ReplyPane
    conversations: QListView
    conversations_model: ConversationsModel
    messages_model: MessagesModel

    @property
    def chat(self) -> str | None: ...
    def isActiveWindow(self) -> bool: ...


class ChatExtras(QObject):
    """A chats window's part of the inbox: quick replies, and reading what is shown."""

    def __init__(self, chats: ChatsHost) -> None:
        widget: QWidget = chats  # type: ignore[assignment]  # the ChatsWindow itself
        super().__init__(widget)
        self.chats = chats
        self.widget = widget
        self.port = chats.port.inbox
        self.completer = QuickReplyCompleter(
            chats.reply, self.port, chats.account_id, lambda: chats.chat
        )
        pane = chats.reply_pane.layout()
        if pane is not None:
            pane.insertWidget(max(0, pane.count() - 1), self.completer.list)  # type: ignore[attr-defined]
        chats.messages_model.modelReset.connect(self.read_shown)
        chats.messages_model.rowsInserted.connect(self._rows_in)
        # Labels and the customer's name, from the chat's own list too.
        chats.conversations.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        chats.conversations.customContextMenuRequested.connect(self._menu)
        self.read_shown()  # the chat the window opened with

    def read_shown(self) -> None:
        if self.chats.chat is not None:
            self.port.mark_read(self.chats.account_id, self.chats.chat)

    def menu_at(self, position: QPoint) -> QMenu | None:
        """The menu of the conversation under `position` in the chats window's list."""
        index = self.chats.conversations.indexAt(position)
        chat = self.chats.conversations_model.chat_at(index.row()) if index.isValid() else None
        found = self.port.conversation(self.chats.account_id, chat) if chat else None
        if found is None:
            return None
        return conversation_menu(self.widget, self.port, found)

    def _menu(self, position: QPoint) -> None:
        menu = self.menu_at(position)
        if menu is not None:
            menu.popup(self.chats.conversations.viewport().mapToGlobal(position))

    def _rows_in(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        if self.chats.isActiveWindow():
            self.read_shown()  # the owner has the chat in front of them


def install_chat_extras(chats: ChatsHost) -> ChatExtras:
    return ChatExtras(chats)
