"""The facade's reads of what is not in the read model (history, audit, messages), for the
callers that still hold the facade (the tests, the launcher): each one is the window port's
part's (app.storage.number_records.StoredNumbers, app.runtime.chat_reads.StoredChats), so a
read has one implementation, answered in views (app/domain/window_views.py), never rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from app.domain.window_views import (
    AuditEntry,
    ChatMessage,
    LastMessages,
    StatusChangeView,
    WhatGoes,
)
from app.runtime.chat_reads import StoredChats
from app.storage.number_records import StoredNumbers


class StoreReads:
    """A part of JagaService (a mixin), over the parts it hands the window port."""

    number_records: StoredNumbers
    chat_reads: StoredChats

    def database_wait(self) -> tuple[float, float] | None:
        """(monotonic end, seconds) of the store's last slow wait for its file."""
        return self.number_records.database_wait()

    @property
    def data_dir(self) -> Path:
        return self.number_records.data_dir

    def history(self, account_id: str) -> list[StatusChangeView]:
        return self.number_records.history(account_id)

    def audit_events(self, limit: int = 200) -> list[AuditEntry]:
        return self.number_records.audit_events(limit=limit)

    def last_messages(self, account_id: str) -> LastMessages:
        return self.number_records.last_messages(account_id)

    def what_goes(self, account_id: str) -> WhatGoes:
        """What removing a number deletes (for the Remove dialog's words)."""
        return self.number_records.what_goes(account_id)

    def keep_copy(self, account_id: str, folder: Path, now: datetime) -> Path:
        """A copy of a number's messages and history in `folder`, before it is removed."""
        return self.number_records.keep_copy(account_id, folder, now)

    def message(self, message_id: int) -> ChatMessage | None:
        return self.chat_reads.message(message_id)

    def conversations(self, account_id: str) -> list[ChatMessage]:
        return self.chat_reads.conversations(account_id)

    def chat_messages(self, account_id: str, chat: str, limit: int = 500) -> list[ChatMessage]:
        return self.chat_reads.messages(account_id, chat, limit)

    def messages_with_ids(self, account_id: str, ids: Iterable[int]) -> list[ChatMessage]:
        return self.chat_reads.messages_with_ids(account_id, ids)
