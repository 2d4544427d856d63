"""The chats of one number as Qt models: conversations, and one conversation's messages.

Both change row by row as messages come in or change status (inserts, moves and
dataChanged), never by a reset; a reset happens only when another conversation is opened.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.chats import Conversations, Tick, preview, tick_for, waits_for_reconnect
from app.domain.window_views import ChatMessage
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import (
    QUEUED_NOTE,
    chat_title,
    clock_time,
    day_or_time,
    tick_words,
    tr,
    utcnow,
)
from app.ui.shared.media_text import media_preview as _media_preview
from app.ui.shared.message_look import UNREADABLE_WORDS

Index = QModelIndex | QPersistentModelIndex

MessageRole = Qt.ItemDataRole.UserRole + 1  # the ChatMessage row
TickRole = Qt.ItemDataRole.UserRole + 2  # Tick
ChatRole = Qt.ItemDataRole.UserRole + 3  # the chat (phone digits or a group's JID)
TimeRole = Qt.ItemDataRole.UserRole + 4  # the time as shown
PreviewRole = Qt.ItemDataRole.UserRole + 5  # one line of the last message
NoteRole = Qt.ItemDataRole.UserRole + 6  # under a bubble: queued note or why it failed
WaitingRole = Qt.ItemDataRole.UserRole + 7  # bool: queued while the number is not connected


def scheduled(message: ChatMessage, now: datetime) -> bool:
    """A message that waits for its time (never tried yet, due later)."""
    return (
        message.direction == "out"
        and message.status == "queued"
        and not message.attempts
        and message.next_attempt_at is not None
        and message.next_attempt_at > now
    )


#: An inbound message nobody could decrypt (the bridge's `message.undecryptable`).
def unreadable(message: ChatMessage) -> bool:
    return message.direction == "in" and message.status == "unreadable"


def media_preview(message: ChatMessage) -> str:
    """A message's words as the chats show them: its text or file, or that it could not be
    read (its readable copy, when it comes, takes its place)."""
    return tr(UNREADABLE_WORDS) if unreadable(message) else _media_preview(message)


def _failure(message: ChatMessage) -> str:
    why = error_words(Exception(message.error)) if message.error else ""
    return tr("Not sent") + (f": {why}" if why else "")


class ConversationsModel(QAbstractListModel):
    """One row per chat, newest first; a new message moves its chat to the top."""

    def __init__(
        self, parent: QObject | None = None, *, now: Callable[[], datetime] = utcnow
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._conversations: Conversations[ChatMessage] = Conversations()
        self.connected = True

    def load(self, last_messages: list[ChatMessage]) -> None:
        self.beginResetModel()
        self._conversations = Conversations(last_messages)
        self.endResetModel()

    def apply(self, message: ChatMessage) -> None:
        """A message of this number was added or changed: insert, move or update one row."""
        placement = self._conversations.place(message)
        if placement is None:
            return
        old, new = placement.old_row, placement.new_row
        if old is None:
            self.beginInsertRows(QModelIndex(), new, new)
            self._conversations.put(message, placement)
            self.endInsertRows()
            return
        if old != new:
            destination = new + 1 if new > old else new  # Qt counts before the move
            self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), destination)
            self._conversations.put(message, placement)
            self.endMoveRows()
        else:
            self._conversations.put(message, placement)
        self.dataChanged.emit(self.index(new), self.index(new))

    def set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.refresh()

    def refresh(self) -> None:
        """The clock or the language changed: every row's words again (no structure change)."""
        if len(self._conversations):
            self.dataChanged.emit(self.index(0), self.index(len(self._conversations) - 1))

    def row_of(self, chat: str) -> int | None:
        return self._conversations.row_of(chat)

    def chat_at(self, row: int) -> str | None:
        return self._conversations[row].chat if 0 <= row < len(self._conversations) else None

    def chats(self) -> list[str]:
        return self._conversations.chats()

    # --- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._conversations)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._conversations):
            return None
        last = self._conversations[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return chat_title(last.chat)
            case _ if role == ChatRole:
                return last.chat
            case _ if role == MessageRole:
                return last
            case _ if role == TickRole:
                return tick_for(last.direction, last.status)
            case _ if role == TimeRole:
                return day_or_time(last.created_at, self._now())
            case _ if role == PreviewRole:
                return self._preview(last)
            case _ if role == WaitingRole:
                return waits_for_reconnect(last.direction, last.status, self.connected)
            case Qt.ItemDataRole.ToolTipRole:
                tip = chat_title(last.chat) + "\n" + preview(media_preview(last), 300)
                if waits_for_reconnect(last.direction, last.status, self.connected):
                    tip += "\n" + tr(QUEUED_NOTE)
                return tip
            case Qt.ItemDataRole.AccessibleTextRole:
                parts = [chat_title(last.chat), day_or_time(last.created_at, self._now())]
                if last.direction == "out":
                    parts.append(tr("You: %1").replace("%1", preview(media_preview(last))))
                    waiting = waits_for_reconnect(last.direction, last.status, self.connected)
                    parts.append(tr(QUEUED_NOTE) if waiting else tick_words(last.status))
                else:
                    parts.append(preview(media_preview(last)))
                return ", ".join(p for p in parts if p)
        return None

    def _preview(self, last: ChatMessage) -> str:
        """The last words; a failed one says so (a queued one shows its clock, in amber)."""
        if last.direction == "out" and last.status == "failed":
            return tr("Not sent") + ": " + preview(media_preview(last))
        return preview(media_preview(last))


class MessagesModel(QAbstractListModel):
    """The messages of the open conversation, oldest first."""

    def __init__(
        self, parent: QObject | None = None, *, now: Callable[[], datetime] = utcnow
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._rows: list[ChatMessage] = []
        self._ids: list[int] = []
        self.chat: str | None = None
        self.connected = True
        #: Why this chat's queued messages wait while connected (a limit on new contacts).
        self.hold_note = ""

    def load(self, chat: str | None, messages: list[ChatMessage]) -> None:
        self.beginResetModel()
        self.chat = chat
        self._rows = sorted(messages, key=lambda m: m.id)
        self._ids = [m.id for m in self._rows]
        self.endResetModel()

    def apply(self, message: ChatMessage) -> int | None:
        """A message was added or changed; its row, or None when it is not in this chat."""
        if message.chat != self.chat:
            return None
        row = bisect_left(self._ids, message.id)
        if row < len(self._ids) and self._ids[row] == message.id:
            self._rows[row] = message
            self.dataChanged.emit(self.index(row), self.index(row))
            return row
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, message)
        self._ids.insert(row, message.id)
        self.endInsertRows()
        return row

    def set_connected(self, connected: bool) -> None:
        """The number came or went: the queued messages' note changes (those rows only)."""
        if connected == self.connected:
            return
        self.connected = connected
        for row, message in enumerate(self._rows):
            if message.direction == "out" and message.status == "queued":
                self.dataChanged.emit(self.index(row), self.index(row))

    def set_hold_note(self, note: str) -> None:
        """A limit on new contacts holds this chat's queued messages (or no longer does)."""
        if note != self.hold_note:
            self.hold_note = note
            self.refresh()

    def refresh(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def row_of(self, message_id: int) -> int | None:
        row = bisect_left(self._ids, message_id)
        return row if row < len(self._ids) and self._ids[row] == message_id else None

    def message_at(self, row: int) -> ChatMessage | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        message = self._rows[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return tr(UNREADABLE_WORDS) if unreadable(message) else message.text
            case _ if role == MessageRole:
                return message
            case _ if role == TickRole:
                return tick_for(message.direction, message.status)
            case _ if role == TimeRole:
                return clock_time(message.created_at, self._now())
            case _ if role == WaitingRole:
                return self._waiting(message)
            case _ if role == NoteRole:
                return self._note(message)
            case Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(message)
            case Qt.ItemDataRole.AccessibleTextRole:
                who = tr("You") if message.direction == "out" else chat_title(message.chat)
                words = media_preview(message)
                parts = [who, clock_time(message.created_at, self._now()), words]
                parts.append(self._note(message) or tick_words(message.status))
                return ", ".join(p for p in parts if p)
        return None

    def _waiting(self, message: ChatMessage) -> bool:
        return waits_for_reconnect(message.direction, message.status, self.connected)

    def _note(self, message: ChatMessage) -> str:
        if self._waiting(message):
            return tr(QUEUED_NOTE)
        if scheduled(message, self._now()):  # the API's schedule or delay (durable)
            leaves = clock_time(message.next_attempt_at, self._now())
            return tr("Scheduled: leaves at %1").replace("%1", leaves)
        if self.hold_note and message.direction == "out" and message.status == "queued":
            return self.hold_note
        if message.direction == "out" and message.status == "failed":
            return _failure(message)
        if message.direction == "in" and message.author:  # who wrote it, in a group
            return tr("From %1").replace("%1", chat_title(message.author))
        return ""

    def _tooltip(self, message: ChatMessage) -> str | None:
        if message.direction != "out":
            return message.media_error  # why a file could not be kept (the bridge's words)
        words = tick_words(message.status)
        if tick_for(message.direction, message.status) is Tick.FAILED:
            return _failure(message)
        if message.status == "queued" and message.attempts:
            return (
                words
                + " — "
                + tr("tried %1 times, trying again").replace("%1", str(message.attempts))
            )
        return words
