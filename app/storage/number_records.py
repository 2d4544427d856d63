"""The numbers' records repository: what is stored about them beyond the read model, for
the window (app.ports.window.NumberRecords) and the facade's reads: history, audit, last
messages, what a removal deletes. Read on demand, by the view that shows them, never per
event; answered in domain views (app/domain/window_views.py), never rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.domain.window_views import AuditEntry, LastMessages, StatusChangeView, WhatGoes
from app.storage.last_messages import last_messages
from app.storage.removal import keep_copy, what_goes
from app.storage.store import Store


class StoredNumbers:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def data_dir(self) -> Path:
        return self._store.path.parent

    def database_wait(self) -> tuple[float, float] | None:
        """(monotonic end, seconds) of the store's last slow wait for its file."""
        return self._store.slow_wait

    def history(self, account_id: str) -> list[StatusChangeView]:
        return [
            StatusChangeView(c.account_id, c.status, c.reason, c.at)
            for c in self._store.history(account_id)
        ]

    def audit_events(self, limit: int = 200) -> list[AuditEntry]:
        return [
            AuditEntry(e.at, e.kind, e.account_id, e.detail)
            for e in self._store.audit_events(limit=limit)
        ]

    def last_messages(self, account_id: str) -> LastMessages:
        return last_messages(self._store, account_id)

    def what_goes(self, account_id: str) -> WhatGoes:
        """What removing a number deletes (for the Remove dialog's words)."""
        return what_goes(self._store, account_id)

    def keep_copy(self, account_id: str, folder: Path, now: datetime) -> Path:
        """A copy of a number's messages and history in `folder`, before it is removed."""
        return keep_copy(self._store, account_id, folder, now)
