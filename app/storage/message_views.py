"""The messages' repository for the faces: what they read of `messages`, as MessageView
(app/domain/views.py, the local API's) or ChatMessage (app/domain/window_views.py, the
window's), never as rows. The outbox's writes are app/storage/outbox.py's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.domain.views import MessageView
from app.domain.window_views import ChatMessage
from app.storage.message_edges import held_until
from app.storage.store import Store
from app.storage.tables import Message
from app.storage.view_of import view_of


def message_view(row: Message | ChatMessage) -> MessageView:
    """A snapshot of one stored message (a row read while its session is open, or the
    window's view of it that the owner's commands answer)."""
    return view_of(MessageView, row)


class MessageViews:
    """Reads of one store's messages for a face's port (app/ports/api.py)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def chat(self, account_id: str, chat: str, limit: int) -> list[MessageView]:
        """The newest `limit` messages of one chat, oldest first."""
        return [message_view(m) for m in self._store.chat_messages(account_id, chat, limit)]

    def queued_ahead(self, message: MessageView) -> int:
        """How many of the number's queued messages leave before this one (any chat)."""
        return self._store.queued_ahead(message.account_id, message.id)

    def last_left_at(self, account_id: str) -> datetime | None:
        """When the number's newest message that reached WhatsApp left."""
        return self._store.last_left_at(account_id)

    def held_until(self, message: MessageView) -> datetime | None:
        """Until when a limit on new contacts holds this queued message (None: it does not)."""
        return held_until(self._store, message)


class ChatMessages:
    """Reads of one store's messages for the window's chats (app.runtime.chat_reads) and the
    demo's controls; it implements app.runtime.repos.MessageReads."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def of_number(self, account_id: str) -> list[ChatMessage]:
        """Every message of the number, in and out, oldest first."""
        return [ChatMessage.of(row) for row in self._store.messages(account_id)]

    def conversations(self, account_id: str) -> list[ChatMessage]:
        """The last message of each of the number's chats, newest first."""
        return [ChatMessage.of(row) for row in self._store.conversations(account_id)]

    def chat(self, account_id: str, chat: str, limit: int = 500) -> list[ChatMessage]:
        """The newest `limit` messages of one chat, oldest first."""
        return [ChatMessage.of(row) for row in self._store.chat_messages(account_id, chat, limit)]

    def message(self, message_id: int) -> ChatMessage | None:
        row = self._store.message(message_id)
        return None if row is None else ChatMessage.of(row)

    def with_ids(self, account_id: str, ids: Iterable[int]) -> list[ChatMessage]:
        """Those of the given rows that belong to the number, in id order."""
        return [ChatMessage.of(row) for row in self._store.messages_with_ids(account_id, ids)]
