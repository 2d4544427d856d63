"""The facade's reads of what is not in the read model (history, audit, messages): on
demand, by the view that shows them, never per event."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from app.storage.last_messages import LastMessages, last_messages
from app.storage.removal import WhatGoes, keep_copy, what_goes
from app.storage.store import Store
from app.storage.tables import AuditEvent, Message, StatusChange


class StoreReads:
    """A part of JagaService (a mixin): each read is one store query."""

    store: Store

    def database_wait(self) -> tuple[float, float] | None:
        """(monotonic end, seconds) of the store's last slow wait for its file."""
        return self.store.slow_wait

    @property
    def data_dir(self) -> Path:
        return self.store.path.parent

    def history(self, account_id: str) -> list[StatusChange]:
        return self.store.history(account_id)

    def audit_events(self, limit: int = 200) -> list[AuditEvent]:
        return self.store.audit_events(limit=limit)

    def last_messages(self, account_id: str) -> LastMessages:
        return last_messages(self.store, account_id)

    def what_goes(self, account_id: str) -> WhatGoes:
        """What removing a number deletes (for the Remove dialog's words)."""
        return what_goes(self.store, account_id)

    def keep_copy(self, account_id: str, folder: Path, now: datetime) -> Path:
        """A copy of a number's messages and history in `folder`, before it is removed."""
        return keep_copy(self.store, account_id, folder, now)

    def message(self, message_id: int) -> Message | None:
        return self.store.message(message_id)

    def conversations(self, account_id: str) -> list[Message]:
        return self.store.conversations(account_id)

    def chat_messages(self, account_id: str, chat: str, limit: int = 500) -> list[Message]:
        return self.store.chat_messages(account_id, chat, limit)

    def messages_with_ids(self, account_id: str, ids: Iterable[int]) -> list[Message]:
        return self.store.messages_with_ids(account_id, ids)
