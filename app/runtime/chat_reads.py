"""A chat's reads of the store for the window (app.ports.window.ChatReads): on demand, one
query each, answered in domain values, never rows."""

from __future__ import annotations

from datetime import datetime

from app.domain.whatsapp_edges import SendLimit, held
from app.storage.message_edges import known_chats
from app.storage.store import Store


class StoredChats:
    def __init__(self, store: Store) -> None:
        self._store = store

    def send_hold(self, account_id: str, chat: str | None, now: datetime) -> SendLimit | None:
        """WhatsApp limits sending to new contacts, and this chat is a new contact: the
        limit that keeps its queued messages back now (app.domain.whatsapp_edges.held)."""
        account = self._store.account(account_id)
        if account is None or chat is None or not account.limit_reason:
            return None
        limit = SendLimit(account.limit_reason, account.limited_until)
        known = chat in known_chats(self._store, account_id, [chat])
        return limit if held(chat, limit=limit, known=known, now=now) else None
