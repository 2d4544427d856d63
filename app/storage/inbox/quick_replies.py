"""Saved answers (quick replies): shared by every number, or one number's own."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.inbox import quick_replies as rules
from app.domain.inbox.errors import InboxError
from app.domain.inbox.quick_replies import QuickReply
from app.storage.inbox.tables import InboxQuickReply
from app.storage.store import Store, StoreError
from app.storage.tables import Account


def _view(row: InboxQuickReply) -> QuickReply:
    return QuickReply(row.id, row.shortcut, row.text, row.account_id)


class QuickRepliesRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[QuickReply]:
        with self._store.session() as s:
            rows = s.scalars(select(InboxQuickReply).order_by(InboxQuickReply.shortcut))
            return [_view(row) for row in rows]

    def save(
        self,
        reply_id: int | None,
        shortcut: object,
        text: object,
        account_id: str | None,
        *,
        max_utf16: int,
    ) -> QuickReply:
        """A new reply (no id) or a change; InboxError says what is wrong, nothing saved."""
        name = rules.clean_shortcut(shortcut)
        words = rules.check_text(text, max_utf16)
        with self._store.session() as s:
            if account_id is not None and s.get(Account, account_id) is None:
                raise StoreError("That number no longer exists.")
            same = select(InboxQuickReply).where(
                InboxQuickReply.shortcut == name,
                (InboxQuickReply.account_id == account_id)
                if account_id is not None
                else InboxQuickReply.account_id.is_(None),
            )
            if any(row.id != reply_id for row in s.scalars(same)):
                raise InboxError(
                    "reply_exists", "There is a quick reply “/{name}” already.", name=name
                )
            row = s.get(InboxQuickReply, reply_id) if reply_id is not None else None
            if row is None:
                row = InboxQuickReply()
                s.add(row)
            row.shortcut, row.text, row.account_id = name, words, account_id
            s.flush()
            return _view(row)

    def delete(self, reply_id: int) -> None:
        with self._store.session() as s:
            row = s.get(InboxQuickReply, reply_id)
            if row is not None:
                s.delete(row)
