"""The context menu of a conversation in the inbox: open it, mark it read, put labels on
it or take them off, give the customer a name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from app.domain.inbox.errors import InboxError
from app.domain.inbox.views import Conversation
from app.domain.store_error import StoreError
from app.ports.inbox import InboxPort
from app.ui.inbox.words import inbox_words
from app.ui.shared.formatting import chat_title, tr


def conversation_menu(
    window: QWidget,
    port: InboxPort,
    conversation: Conversation,
    open_chat: Callable[[str, str], None] | None = None,
) -> QMenu:
    """The menu of one conversation; `open_chat` is what Open does (none: no Open)."""
    menu = QMenu(window)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one each time
    account_id, chat = conversation.key
    if open_chat is not None:
        open_action = menu.addAction(tr("Open the chat"))
        open_action.triggered.connect(lambda: open_chat(account_id, chat))
    read_action = menu.addAction(tr("Mark as read"))
    read_action.setEnabled(conversation.unread > 0)
    read_action.triggered.connect(lambda: _try(window, lambda: port.mark_read(account_id, chat)))
    menu.addMenu(_labels_menu(menu, window, port, conversation))
    name_action = menu.addAction(tr("Name this customer…"))
    name_action.triggered.connect(lambda: ask_name(window, port, conversation))
    return menu


def _labels_menu(parent: QMenu, window: QWidget, port: InboxPort, c: Conversation) -> QMenu:
    labels = QMenu(tr("Labels"), parent)
    on = set(c.labels)
    for label in port.labels(c.account_id):
        action = QAction(label.name, labels)
        action.setCheckable(True)
        action.setChecked(label.label_id in on)
        wanted = sorted(on ^ {label.label_id})
        action.triggered.connect(
            lambda _checked=False, ids=wanted: _try(
                window, lambda: port.set_chat_labels(c.account_id, c.chat, ids)
            )
        )
        labels.addAction(action)
    if labels.isEmpty():
        none = labels.addAction(tr("This number has no labels yet (Labels…)"))
        none.setEnabled(False)
    return labels


def ask_name(window: QWidget, port: InboxPort, conversation: Conversation) -> QInputDialog:
    dialog = QInputDialog(window)
    dialog.setWindowTitle(tr("Name this customer"))
    dialog.setLabelText(
        tr("Your name for %1 (empty: the name they gave themselves on WhatsApp):").replace(
            "%1", chat_title(conversation.chat)
        )
    )
    dialog.setTextValue(conversation.name or "")
    dialog.textValueSelected.connect(
        lambda name: _try(
            window, lambda: port.set_customer_name(conversation.account_id, conversation.chat, name)
        )
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _try(window: QWidget, action: Callable[[], object]) -> None:
    try:
        action()
    except (InboxError, StoreError) as error:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Inbox"), inbox_words(error), parent=window)
        box.finished.connect(box.deleteLater)
        box.open()
