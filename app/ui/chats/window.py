"""A number's chats: its conversations, the open one as bubbles, a reply box, New message.
The window only shows and asks its port (app/ports/window.py): sending, queueing and
resending are the runtime's; the models change row by row on the port's message signals."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.chats import recipient_of
from app.domain.outbox import MessageError
from app.domain.status import SessionStatus, health_of
from app.domain.store_error import StoreError
from app.domain.window_views import AccountView, ChatMessage
from app.ports.window import WindowPort
from app.ui.chats.delegates import CHAT_BACKGROUND, ConversationDelegate, WidthReflow
from app.ui.chats.hold_note import hold_note
from app.ui.chats.inbox_extras import install_chat_extras
from app.ui.chats.media_delegate import MediaBubbleDelegate, ThumbnailCache
from app.ui.chats.message_actions import MessageActions
from app.ui.chats.model import ConversationsModel, MessageRole, MessagesModel
from app.ui.chats.new_message import NOTE_STYLE, NewMessageDialog
from app.ui.chats.reply_box import ReplyPane
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import chat_title, format_phone, status_words, tr, utcnow
from app.ui.shared.icons import health_icon
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

#: How often "14:05" may become "21/11" (times are shown to the minute).
REFRESH_MS = 60_000
#: Message signals are gathered this long, then read from the store in one query.
BATCH_MS = 50


class ChatsWindow(OpensOnScreen, MessageActions, Retranslating, QWidget):
    def __init__(
        self,
        port: WindowPort,
        account_id: str,
        *,
        now: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.port = port
        self.account_id = account_id
        self._now = now
        self.connected = False
        self.new_dialog: NewMessageDialog | None = None
        self.run_question: QMessageBox | None = None  # before opening a program
        self.resize(960, 640)
        self.setMinimumSize(640, 360)
        header = self._init_header()
        self._init_conversations(now)
        chat_page = self._init_chat_page(port, now)
        self._init_layout(header, chat_page)
        self._init_keeping_current(port)
        self.conversations_model.load(port.chats.conversations(account_id))
        self.retranslate()
        if self.conversations_model.rowCount():
            self.open_chat(self.conversations_model.chat_at(0))
        else:
            self.open_chat(None)
        self.inbox_extras = install_chat_extras(self)  # quick replies; a chat shown is read

    def _init_header(self) -> QHBoxLayout:
        """Which number, how it is, New message; a note while it is not connected."""
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the owner's name for it
        self.title.setObjectName("chatsTitle")
        self.status_icon = QLabel()
        self.status_line = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_message)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(12)
        header.addWidget(self.status_icon)
        header.addWidget(self.status_line, 1)
        header.addWidget(self.new_button)
        self.offline_note = QLabel()
        self.offline_note.setObjectName("offlineNote")
        self.offline_note.setTextFormat(Qt.TextFormat.RichText)  # names inside are escaped
        self.offline_note.setWordWrap(True)
        self.offline_note.hide()
        return header

    def _init_conversations(self, now: Callable[[], datetime]) -> None:
        self.conversations_model = ConversationsModel(self, now=now)
        self.conversations = QListView()
        self.conversations.setModel(self.conversations_model)
        self.conversations.setItemDelegate(ConversationDelegate(self.conversations))
        self.conversations.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conversations.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conversations.setMinimumWidth(240)
        self.conversations.selectionModel().currentChanged.connect(
            lambda current, _previous: self._conversation_chosen(current)
        )
        # Rows are as wide as the list (names elided): never a sideways scroll.
        self.conversations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _init_chat_page(self, port: WindowPort, now: Callable[[], datetime]) -> QWidget:
        """The open conversation: its bubbles, and the reply box under them."""
        self.chat_title = QLabel()
        self.chat_title.setObjectName("chatTitle")
        self.chat_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages_model = MessagesModel(self, now=now)
        self.messages = QListView()
        self.messages.setObjectName("messages")
        self.messages.setModel(self.messages_model)
        self.thumbnails = ThumbnailCache(port.media.path_of, self)
        self.bubbles = MediaBubbleDelegate(self.messages, self.thumbnails)
        self.bubbles.resend_requested.connect(self.resend)
        self.bubbles.open_requested.connect(self.open_media)
        self.messages.doubleClicked.connect(
            lambda index: self.open_media(index.data(MessageRole).id)
        )
        self.messages.setItemDelegate(self.bubbles)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.messages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.messages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Bubbles wrap to the list's width: a sideways scroll bar has nothing to show, and
        # a narrower list (its scroll bar came) wraps them again at once.
        self.messages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        WidthReflow(self.messages)
        self.messages.setResizeMode(QListView.ResizeMode.Adjust)
        self.messages.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.messages.customContextMenuRequested.connect(self._message_menu)
        self.messages.setStyleSheet(
            f"QListView#messages {{ background: {CHAT_BACKGROUND}; border: none; }}"
        )
        # A status change can change a bubble's height (a note comes or goes).
        self.messages_model.dataChanged.connect(
            lambda top, _bottom, _roles=(): self.bubbles.sizeHintChanged.emit(top)
        )
        self.reply_pane = ReplyPane()  # words, and a file to go with them (reply_box.py)
        self.reply_pane.submitted.connect(self.send_reply)
        self.reply_pane.take_drops_from(self.messages.viewport())  # drop a file on the chat
        self.reply, self.send_button = self.reply_pane.box, self.reply_pane.send_button
        self.error_label = self.reply_pane.error_label
        chat_page = QWidget()
        chat_layout = QVBoxLayout(chat_page)
        chat_layout.setContentsMargins(0, 0, 0, 0)
        chat_layout.addWidget(self.chat_title)
        chat_layout.addWidget(self.messages, 1)
        chat_layout.addWidget(self.reply_pane)
        return chat_page

    def _init_layout(self, header: QHBoxLayout, chat_page: QWidget) -> None:
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setObjectName("chatHint")
        self.right = QStackedWidget()
        self.right.addWidget(self.hint)
        self.right.addWidget(chat_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.conversations)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 660])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.offline_note)
        layout.addWidget(self.splitter, 1)
        self.setStyleSheet(
            "QLabel#chatsTitle { font-size: 14pt; font-weight: 600; }"
            " QLabel#chatTitle { font-size: 12pt; font-weight: 600; padding: 2px 4px; }"
            " QLabel#chatHint { color: #667781; }"
            " QPushButton#primary { font-weight: 600; padding: 5px 16px; }" + NOTE_STYLE
        )
        QWidget.setTabOrder(self.new_button, self.conversations)
        QWidget.setTabOrder(self.conversations, self.reply)
        QWidget.setTabOrder(self.reply, self.send_button)
        QWidget.setTabOrder(self.send_button, self.messages)

    def _init_keeping_current(self, port: WindowPort) -> None:
        """Message signals gathered and applied in one read; times refreshed."""
        self._pending: set[int] = set()
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._apply_pending)
        port.changes.message_added.connect(self._message_changed)
        port.changes.message_updated.connect(self._message_changed)
        port.changes.account_updated.connect(self._account_changed)
        port.changes.bridge_state_changed.connect(self._bridge_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(self._refresh_times)
        self._clock.start()

    # --- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.new_button.setText(tr("&New message"))
        self.new_button.setToolTip(tr("Write to a phone number"))
        self.reply_pane.retranslate()
        self.conversations.setAccessibleName(tr("Conversations"))
        self.messages.setAccessibleName(tr("Messages"))
        self.hint.setText(
            tr("Choose a conversation on the left, or start one with <b>New message</b>.")
        )
        self.conversations_model.refresh()
        self.messages_model.refresh()
        self.show_account()
        self._show_chat_title()

    # --- the number ------------------------------------------------------------------------

    def _account_changed(self, account_id: str) -> None:
        if account_id == self.account_id:
            self.show_account()

    def _bridge_changed(self, _state: str) -> None:
        self.show_account()

    def show_account(self) -> None:
        account = self.port.numbers.account(self.account_id)
        if account is None:
            return  # removed: the main window closes this window
        bridge = self.port.bridge.view()
        up = bridge.overlay is None
        status = SessionStatus.parse(account.status)
        self.connected = up and status is SessionStatus.CONNECTED
        phone = format_phone(account.phone)
        self.setWindowTitle(tr("Chats — %1").replace("%1", account.label))
        self.title.setText(f"{account.label}   {phone}" if phone else account.label)
        words = status_words(account.status, reason=account.reason, bridge=bridge)
        health = health_of(status, bridge_up=up, reason=account.reason)
        self.status_icon.setPixmap(health_icon(health).pixmap(18, 18))
        self.status_line.setText(words)
        self.offline_note.setText(self._offline_words(account, words))
        self.offline_note.setVisible(not self.connected)
        self.conversations_model.set_connected(self.connected)
        self.messages_model.set_connected(self.connected)
        self._show_hold(self.chat)

    def _show_hold(self, chat: str | None) -> None:
        now = utcnow()
        limit = self.port.chats.send_hold(self.account_id, chat, now)
        self.messages_model.set_hold_note(hold_note(limit, now))

    def _offline_words(self, account: AccountView, words: str) -> str:
        if self.connected:
            return ""
        if not account.phone:
            return tr(
                "“%1” is not linked to a phone yet. Link it from the main window "
                "(Reconnect) before sending."
            ).replace("%1", html.escape(account.label))  # this note is rich text
        return tr(
            "<b>Not connected now</b> (%1). Messages you send wait in the queue and go out "
            "by themselves when the number reconnects."
        ).replace("%1", words)

    # --- conversations ---------------------------------------------------------------------

    def _conversation_chosen(self, current: QModelIndex) -> None:
        chat = self.conversations_model.chat_at(current.row()) if current.isValid() else None
        if chat is not None and chat != self.messages_model.chat:
            self.open_chat(chat)

    def open_chat(self, chat: str | None) -> None:
        """Shows one conversation (or the hint when there is none) and selects it on the left."""
        messages = self.port.chats.messages(self.account_id, chat) if chat else []
        self.messages_model.load(chat, messages)
        self._show_hold(chat)
        self.error_label.hide()
        self.right.setCurrentIndex(1 if chat else 0)
        self._show_chat_title()
        self.reply_pane.set_open(
            chat is not None
        )  # groups answer back too (app.domain.whatsapp_edges)
        row = self.conversations_model.row_of(chat) if chat else None
        if row is not None:
            index = self.conversations_model.index(row)
            if self.conversations.currentIndex() != index:
                self.conversations.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        self.messages.scrollToBottom()

    @property
    def chat(self) -> str | None:
        return self.messages_model.chat

    def _show_chat_title(self) -> None:
        self.chat_title.setText(chat_title(self.chat) if self.chat else "")

    def _message_changed(self, row_id: int) -> None:
        """A message came in, was queued, or changed status: shown within BATCH_MS.

        A burst (an offline backlog, a thousand acks) is read in one query and applied row
        by row, so the window stays responsive.
        """
        self._pending.add(row_id)
        if not self._batch.isActive():
            self._batch.start()

    def _apply_pending(self) -> None:
        row_ids, self._pending = self._pending, set()
        for message in self.port.chats.messages_with_ids(self.account_id, row_ids):
            self.show_message(message)

    def show_message(self, message: ChatMessage) -> None:
        """One message added or changed: its conversation's row, and its bubble if open."""
        scroll = self.messages.verticalScrollBar()
        at_bottom = scroll.value() >= scroll.maximum() - 4
        self.conversations_model.apply(message)
        count = self.messages_model.rowCount()
        row = self.messages_model.apply(message)
        appended = row is not None and self.messages_model.rowCount() > count
        if appended and row == count and (at_bottom or message.direction == "out"):
            self.messages.scrollToBottom()
        if self.chat is None and self.conversations_model.rowCount() == 1:
            self.open_chat(message.chat)  # the first conversation of this number

    def _refresh_times(self) -> None:
        self.conversations_model.refresh()
        self.messages_model.refresh()

    # --- the owner's actions ---------------------------------------------------------------

    def send_reply(self) -> ChatMessage | None:
        """The reply's words; or the attached file with them as its caption, copied in
        off the window's thread (then None here: it shows once queued). The focus stays
        in the reply box, whatever happened: the next words go where the owner types."""
        message = self._send_reply()
        self.reply.setFocus()
        return message

    def _send_reply(self) -> ChatMessage | None:
        text, attachment = self.reply.toPlainText(), self.reply_pane.attachment
        if self.chat is None or self.reply_pane.busy or not (text.strip() or attachment):
            return None
        if attachment is not None:
            self.send_attachment(recipient_of(self.chat), text.strip(), attachment)
            return None
        try:
            message = self.port.chats.send_message(self.account_id, recipient_of(self.chat), text)
        except (MessageError, StoreError) as error:
            self.show_error(error)  # the words stay: nothing is lost
            return None
        self.reply_pane.sent()
        self.show_message(message)  # at once; the service's signal follows
        return message

    def show_error(self, error: Exception) -> None:
        self.error_label.setText(error_words(error))
        self.error_label.setAccessibleName(self.error_label.text())
        self.error_label.show()

    def new_message(self) -> NewMessageDialog:
        dialog = self.new_dialog
        if dialog is None:
            dialog = NewMessageDialog(self.port, self.account_id, parent=self)
            dialog.sent.connect(self._new_sent)
            dialog.finished.connect(lambda _result: self._new_closed())
            self.new_dialog = dialog
        dialog.open()
        dialog.to_edit.setFocus()
        return dialog

    def _new_sent(self, message: ChatMessage) -> None:
        self.show_message(message)
        self.open_chat(message.chat)

    def _new_closed(self) -> None:
        if self.new_dialog is not None:
            self.new_dialog.deleteLater()
            self.new_dialog = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.thumbnails.close()
        if self.new_dialog is not None:
            self.new_dialog.close()
        super().closeEvent(event)
