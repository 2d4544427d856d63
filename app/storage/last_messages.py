"""The newest message in and out of a number, for the table's "last message" columns.

A read-only query on the store's messages table (one indexed lookup per direction), kept
here until the store offers it itself.
"""

from __future__ import annotations

from sqlalchemy import select

from app.domain.window_views import LastMessage, LastMessages
from app.storage.store import Store
from app.storage.tables import Message


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
