"""What the window shows, as frozen values: built inside storage and the runtime from rows,
never in the UI (style.md §2, §3). The window's port (app/ports/window.py) hands these out."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class AccountView:
    """One number, as last stored (the same attribute names as the Account row)."""

    id: str
    label: str
    phone: str | None
    display_name: str | None
    engine: str
    desired_state: str
    status: str
    reason: str | None
    status_message: str | None
    status_since: datetime | None
    last_activity_at: datetime | None
    created_at: datetime | None
    limit_reason: str | None  # WhatsApp limits sending to new contacts …
    limited_until: datetime | None  # … until then

    @classmethod
    def of(cls, row: Any) -> AccountView:
        """From an Account row (app.storage.tables), read where the row is: the read model."""
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class AccountChange:
    id: str
    old: AccountView | None  # None: the account was added
    new: AccountView | None  # None: the account was removed
    reason: str
    at: datetime
