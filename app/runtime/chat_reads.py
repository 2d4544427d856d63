"""A chat's reads and sends for the window (app.ports.window.ChatReads): each read one
repository call (app.runtime.repos.MessageReads), each answer a ChatMessage
(app.domain.window_views), never a row."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.outbox import SendOptions
from app.domain.whatsapp_edges import SendLimit, held
from app.domain.window_views import ChatMessage
from app.runtime.commands import OwnerCommands
from app.runtime.media_commands import MediaCommands
from app.runtime.repos import MessageReads


class StoredChats:
    def __init__(
        self, messages: MessageReads, commands: OwnerCommands, media: MediaCommands
    ) -> None:
        self._messages = messages
        self._commands = commands
        self._media = media

    def conversations(self, account_id: str) -> list[ChatMessage]:
        """The last message of each of the number's chats, newest first."""
        return self._messages.conversations(account_id)

    def messages(self, account_id: str, chat: str, limit: int = 500) -> list[ChatMessage]:
        return self._messages.chat(account_id, chat, limit)

    def message(self, message_id: int) -> ChatMessage | None:
        return self._messages.message(message_id)

    def messages_with_ids(self, account_id: str, ids: Iterable[int]) -> list[ChatMessage]:
        return self._messages.with_ids(account_id, ids)

    def send_message(
        self, account_id: str, to: str, text: str, options: SendOptions | None = None
    ) -> ChatMessage:
        """Checked at the door, then queued (app.runtime.commands)."""
        return self._commands.send_message(account_id, to, text, None, options)

    async def send_file(
        self, account_id: str, to: str, source: Path | bytes, **send: Any
    ) -> ChatMessage:
        """Checked, copied in on a worker thread, then queued (app.runtime.media_commands)."""
        return await self._media.send_file_async(account_id, to, source, **send)

    def send_hold(self, account_id: str, chat: str | None, now: datetime) -> SendLimit | None:
        """WhatsApp limits sending to new contacts, and this chat is a new contact: the
        limit that keeps its queued messages back now (app.domain.whatsapp_edges.held)."""
        account = self._commands.accounts.get(account_id)
        if account is None or chat is None or not account.limit_reason:
            return None
        limit = SendLimit(account.limit_reason, account.limited_until)
        known = chat in self._commands.outbox.known_chats(account_id, [chat])
        return limit if held(chat, limit=limit, known=known, now=now) else None
