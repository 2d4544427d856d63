"""What of a Business number's labels WhatsApp has not heard yet, and marking it heard."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.storage.inbox.tables import InboxChatLabel, InboxLabel
from app.storage.store import Store


@dataclass(frozen=True)
class LabelPush:
    label_id: str
    name: str
    color: int
    deleted: bool


@dataclass(frozen=True)
class ChatPush:
    label_id: str
    chat: str
    labeled: bool


class LabelSyncRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    def unsynced(self, account_id: str) -> tuple[list[LabelPush], list[ChatPush]]:
        """Labels first (a chat's label must exist on WhatsApp before it is put on)."""
        with self._store.session() as s:
            labels = s.scalars(
                select(InboxLabel).where(
                    InboxLabel.account_id == account_id, InboxLabel.synced.is_(False)
                )
            )
            label_pushes = [LabelPush(r.label_id, r.name, r.color, r.deleted) for r in labels]
            chats = s.scalars(
                select(InboxChatLabel).where(
                    InboxChatLabel.account_id == account_id, InboxChatLabel.synced.is_(False)
                )
            )
            chat_pushes = [ChatPush(r.label_id, r.chat, r.labeled) for r in chats]
        return label_pushes, chat_pushes

    def label_pushed(self, account_id: str, push: LabelPush) -> None:
        """WhatsApp took it; a change made meanwhile stays to be pushed."""
        with self._store.session() as s:
            row = s.get(InboxLabel, (account_id, push.label_id))
            if row is None or (row.name, row.color, row.deleted) != (
                push.name,
                push.color,
                push.deleted,
            ):
                return
            if row.deleted:
                s.delete(row)
            else:
                row.synced = True

    def chat_pushed(self, account_id: str, push: ChatPush) -> None:
        with self._store.session() as s:
            row = s.get(InboxChatLabel, (account_id, push.label_id, push.chat))
            if row is None or row.labeled != push.labeled:
                return
            if row.labeled:
                row.synced = True
            else:
                s.delete(row)

    def accounts_waiting(self) -> set[str]:
        """Numbers with something not yet on WhatsApp."""
        with self._store.session() as s:
            labels = select(InboxLabel.account_id).where(InboxLabel.synced.is_(False))
            chats = select(InboxChatLabel.account_id).where(InboxChatLabel.synced.is_(False))
            return set(s.scalars(labels)) | set(s.scalars(chats))
