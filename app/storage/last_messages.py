"""The newest message in and out of a number, for the table's "last message" columns.

A read-only query on the store's messages table (one indexed lookup per direction), kept
here until the store offers it itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.storage.store import Store
from app.storage.tables import Message


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


def last_messages(store: Store, account_id: str) -> LastMessages:
    found: dict[str, LastMessage | None] = {}
    with store.session() as s:
        for direction in ("in", "out"):
            query = (
                select(Message)
                .where(Message.account_id == account_id, Message.direction == direction)
                .order_by(Message.id.desc())
                .limit(1)
            )
            row = s.scalars(query).first()
            found[direction] = (
                LastMessage(
                    row.created_at,
                    row.chat,
                    row.text,
                    row.status,
                    row.media_type,
                    row.media_file_name,
                )
                if row
                else None
            )
    return LastMessages(found["in"], found["out"])
