"""The outbox's repository: what the dispatcher and the owner's commands read and write of
outgoing messages (table `messages`), answered as ChatMessage views (app/domain/window_views.py),
never rows. The same queries as before, behind one object: the send path gains no query and
no commit. It implements app.runtime.repos.Outbox (structurally: storage never imports runtime)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from app.domain.media import Media
from app.domain.outbox import SendOptions, quote_body
from app.domain.store_error import ClientIdTaken
from app.domain.window_views import ChatMessage
from app.storage import message_edges
from app.storage.store import Store


def _view(row: object | None) -> ChatMessage | None:
    return None if row is None else ChatMessage.of(row)


class StoredOutbox:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- the dispatcher's ------------------------------------------------------------

    def due(self, connected: set[str], now: datetime) -> list[ChatMessage]:
        """The head of each chat's queue for the connected numbers, if it is due and no
        limit on new contacts holds it (app.storage.message_edges.not_held)."""
        rows = self._store.due_messages(connected, now)
        return [ChatMessage.of(m) for m in message_edges.not_held(self._store, rows, now)]

    def next_retry_at(self) -> datetime | None:
        return self._store.next_retry_at()

    def known_chats(self, account_id: str, chats: Iterable[str]) -> set[str]:
        """Those of the chats the number already talks to."""
        return message_edges.known_chats(self._store, account_id, chats)

    def new_contacts_reached(self, account_id: str, since: datetime) -> int:
        """People the number reached for the first time since then (safe sending's cap)."""
        return message_edges.new_contacts_reached(self._store, account_id, since)

    def quote_of(self, message: ChatMessage) -> dict[str, Any] | None:
        """The bridge's `quoted` for an outgoing reply, or None when it answers nothing."""
        if not message.reply_to:
            return None
        quoted = self._store.chat_message(message.account_id, message.chat, message.reply_to)
        # the quoted row was merged away or removed: the reply goes plain
        return None if quoted is None else quote_body(quoted)

    def mark_sent(self, message_ids: Iterable[int]) -> None:
        self._store.mark_sent(message_ids)

    def mark_retry(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        self._store.mark_retry(message_id, error, next_attempt_at)

    def mark_later(self, message_id: int, at: datetime) -> None:
        self._store.mark_later(message_id, at)

    def mark_failed(self, message_id: int, error: str) -> None:
        self._store.mark_failed(message_id, error)

    # --- the owner's commands' -------------------------------------------------------

    def queue(
        self,
        account_id: str,
        chat: str,
        text: str,
        client_id: str,
        options: SendOptions | None = None,
        *,
        media: Media | None = None,
    ) -> ChatMessage:
        """Accepts an outgoing message (durable from here). ClientIdTaken: another caller
        queued this client id at the same moment; StoreError: the number cannot take it."""
        try:
            row = self._store.queue_message(account_id, chat, text, client_id, options, media=media)
        except IntegrityError:
            raise ClientIdTaken("That message was already accepted.") from None
        return ChatMessage.of(row)

    def outgoing(self, account_id: str, client_id: str) -> ChatMessage | None:
        """The outgoing message queued with this client id, if any (a caller's retry)."""
        return _view(self._store.outgoing(account_id, client_id))

    def chat_message(self, account_id: str, chat: str, message_id: str) -> ChatMessage | None:
        """One message of a chat by its WhatsApp id (the one a reply quotes)."""
        return _view(self._store.chat_message(account_id, chat, message_id))

    def media_message(self, account_id: str, sha256: str) -> ChatMessage | None:
        """A message of the number whose file (or thumbnail) has these bytes."""
        return _view(self._store.media_message(account_id, sha256))

    def resend(self, message_id: int) -> None:
        self._store.resend(message_id)
