"""What the window shows, as frozen values: built inside storage and the runtime from rows,
never in the UI (style.md §2, §3). The window's port (app/ports/window.py) hands these out."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any


def _same_names(view: type, row: Any) -> dict[str, Any]:
    """A row's attributes named as the view's fields (the views keep the rows' names)."""
    return {f.name: getattr(row, f.name) for f in fields(view)}


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
        return cls(**_same_names(cls, row))


@dataclass(frozen=True)
class ChatMessage:
    """One message of a chat, in or out, as last stored (the Message row's attribute names)."""

    id: int
    account_id: str
    direction: str  # "in" or "out"
    chat: str
    message_id: str
    text: str
    status: str
    error: str | None
    attempts: int
    next_attempt_at: datetime | None
    created_at: datetime
    updated_at: datetime
    author: str | None  # who wrote it in a group
    reply_to: str | None
    media_type: str | None
    media_mimetype: str | None
    media_size: int | None
    media_sha256: str | None
    media_file_name: str | None
    media_state: str | None
    media_error: str | None
    media_thumb_sha256: str | None

    @classmethod
    def of(cls, row: Any) -> ChatMessage:
        """From a Message row (app.storage.tables), read where the row is: the runtime."""
        return cls(**_same_names(cls, row))


@dataclass(frozen=True)
class AccountChange:
    id: str
    old: AccountView | None  # None: the account was added
    new: AccountView | None  # None: the account was removed
    reason: str
    at: datetime


@dataclass(frozen=True)
class BridgeRecovery:
    """What the bridge lost when its bridge.sqlite3 was damaged and set aside at start."""

    problem: str
    quarantine: str
    kept: tuple[str, ...]
    lost: tuple[str, ...]
    links_unknown: bool
    tables_damaged: tuple[str, ...]

    def summary(self) -> str:
        """For the audit log (English, like every audit detail)."""
        return (
            f"{self.problem}; set aside in {self.quarantine}; links kept {len(self.kept)}, "
            f"lost {len(self.lost)}{' (and unknown others)' if self.links_unknown else ''}; "
            f"damaged tables: {', '.join(self.tables_damaged) or 'none'}"
        )


@dataclass(frozen=True)
class WhatGoes:
    """What removing a number deletes (the Remove dialog's words)."""

    messages: int
    queued: int  # outgoing, not sent yet: they will never be sent
    history: int  # status changes


@dataclass(frozen=True)
class LastMessage:
    at: datetime
    chat: str
    text: str
    status: str
    media_type: str | None = None  # a photo, document… (`text` is then its caption)
    file_name: str | None = None


@dataclass(frozen=True)
class LastMessages:
    incoming: LastMessage | None = None
    outgoing: LastMessage | None = None


@dataclass(frozen=True)
class StatusChangeView:
    """One change of a number's status, as stored (its history)."""

    account_id: str
    status: str
    reason: str | None
    at: datetime


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log: what happened, to which number (None: to Jaga), when."""

    at: datetime
    kind: str
    account_id: str | None
    detail: str


@dataclass(frozen=True)
class Progress:
    """How far the restore at start is: numbers done of all."""

    done: int
    total: int
