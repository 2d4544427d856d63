"""The messages' repository for the faces: what they read of `messages`, as MessageView
(app/domain/views.py), never as rows. The outbox's writes stay in messages.py."""

from __future__ import annotations

from datetime import datetime

from app.domain.views import MessageView
from app.storage.message_edges import held_until
from app.storage.store import Store
from app.storage.tables import Message
from app.storage.view_of import view_of


def message_view(row: Message) -> MessageView:
    """A snapshot of one stored message (read while its session is open)."""
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
