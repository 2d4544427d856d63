"""What the owner does with a chat's messages: send a file, copy, send again, open or save.

A part of ChatsWindow (a mixin): it uses the window's service, views and error line.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListView, QMenu, QMessageBox, QWidget
from shiboken6 import isValid

from app.domain.chats import Tick
from app.domain.file_names import runs_code
from app.domain.outbox import MessageError
from app.domain.store_error import StoreError
from app.domain.window_views import ChatMessage
from app.ports.window import WindowPort
from app.ui.chats.media_actions import (
    MediaActionError,
    ask_before_running,
    open_media,
    open_name,
    save_media_as,
)
from app.ui.chats.model import MessageRole, TickRole
from app.ui.chats.reply_box import Attachment, ReplyPane
from app.ui.shared.formatting import tr
from app.ui.shared.tasks import run_async


class MessageActions:
    port: WindowPort
    account_id: str
    messages: QListView
    reply_pane: ReplyPane

    if TYPE_CHECKING:  # the window's own

        def show_message(self, message: ChatMessage) -> None: ...
        def show_error(self, error: Exception) -> None: ...

    def send_attachment(self, to: str, caption: str, attachment: Attachment) -> None:
        """Checked, copied in on a worker thread, then queued; the pane waits meanwhile."""
        pane = self.reply_pane
        pane.set_busy(True)
        send = self.port.chats.send_file(
            self.account_id,
            to,
            attachment.source,
            kind="voice" if pane.voice else None,
            caption=caption,
            file_name=attachment.name,
            caption_apart=True,  # words with a voice note follow it as a message
        )
        run_async(self._attachment_sent(send))

    async def _attachment_sent(self, send: Coroutine[Any, Any, ChatMessage]) -> None:
        pane = self.reply_pane
        try:
            message = await send
        except (MessageError, StoreError) as error:
            if isValid(pane):
                self.show_error(error)  # the words and the file stay: nothing is lost
            return
        finally:
            if isValid(pane):  # the window may have closed meanwhile: queued all the same
                pane.set_busy(False)
        if isValid(pane):
            pane.sent()
            self.show_message(message)

    def resend(self, message_id: int) -> None:
        self.port.commands.resend_message(message_id)
        message = self.port.chats.message(message_id)
        if message is not None:
            self.show_message(message)  # the clock at once

    def _message_menu(self, position: QPoint) -> None:
        index = self.messages.indexAt(position)
        message: ChatMessage | None = index.data(MessageRole) if index.isValid() else None
        if message is None:
            return
        menu = QMenu(self._widget())
        copy = menu.addAction(tr("Copy text"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(message.text))
        if message.media_state == "stored":
            menu.addAction(tr("Open"), lambda: self.open_media(message.id))
            menu.addAction(tr("Save as…"), lambda: self.save_media(message))
        if index.data(TickRole) is Tick.FAILED:
            again = menu.addAction(tr("Send again"))
            again.triggered.connect(lambda: self.resend(message.id))
        menu.popup(self.messages.viewport().mapToGlobal(position))

    def open_media(self, message_id: int) -> QMessageBox | None:
        """With the system's viewer; a program or launcher only after asking (its real
        extension said: a name can pretend to be a PDF)."""
        message = self.port.chats.message(message_id)
        if message is None or not message.media_type:
            return None
        name = open_name(message)
        if name is not None and runs_code(name):
            box = ask_before_running(self._widget(), name)

            def answered() -> None:
                clicked = box.clickedButton()
                role = box.buttonRole(clicked) if clicked is not None else None
                if role is QMessageBox.ButtonRole.DestructiveRole:
                    self._open_now(message)

            box.finished.connect(lambda _result: answered())
            self.run_question = box
            box.open()
            return box
        self._open_now(message)
        return None

    def _open_now(self, message: ChatMessage) -> None:
        try:
            open_media(self.port.media, message)
        except MediaActionError as error:
            self.show_error(error)

    def save_media(self, message: ChatMessage) -> None:
        try:
            save_media_as(self._widget(), self.port.media, message)
        except MediaActionError as error:
            self.show_error(error)

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
