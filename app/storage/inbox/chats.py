"""The inbox's chats: conversations across numbers, unread counts, reads and names.

Reads return app.domain.inbox.views; the in-transaction parts (`count_added`,
`apply_read`, `apply_name`) run inside the store's write transactions (a write hook), so
a message and its unread count commit together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, and_, func, select, update
from sqlalchemy.orm import Session

from app.domain.inbox.events import ChatName, ChatRead
from app.domain.inbox.labels import MAX_NAME, id_order
from app.domain.inbox.unread import ReadState, after_inbound, after_read, read_point
from app.domain.inbox.views import Conversation, MessageSeen
from app.storage.inbox.tables import InboxChat, InboxChatLabel
from app.storage.store import Store
from app.storage.tables import Account, Message

_COLUMNS = (
    InboxChat.account_id,
    InboxChat.chat,
    InboxChat.owner_name,
    InboxChat.name,
    InboxChat.unread,
    InboxChat.last_in_id,
    InboxChat.last_answer_id,
    Message.id,
    Message.direction,
    Message.text,
    Message.status,
    Message.created_at,
    Message.media_type,
)


def _conversation(row: Row[Any], labels: dict[tuple[str, str], list[str]]) -> Conversation:
    (account_id, chat, owner_name, name, unread, last_in, last_answer) = row[:7]
    (row_id, direction, text, status, at, media) = row[7:]
    return Conversation(
        account_id=account_id,
        chat=chat,
        name=owner_name or name,
        unread=unread,
        last_row_id=row_id,
        last_direction=direction,
        last_text=text,
        last_status=status,
        last_at=at,
        last_media=media,
        last_in_id=last_in,
        last_answer_id=last_answer,
        labels=tuple(sorted(labels.get((account_id, chat), ()), key=id_order)),
    )


class ChatsRepo:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- reads ------------------------------------------------------------------------

    def conversations(
        self,
        account_ids: Iterable[str] | None = None,
        *,
        before: int | None = None,
        limit: int | None = None,
    ) -> list[Conversation]:
        """Every chat (of the given numbers), newest first, with its last message; or a page
        of them: `limit` chats whose last message is older than row `before`."""
        query = (
            select(*_COLUMNS)
            .join(Message, and_(Message.id == InboxChat.last_id, Message.chat == InboxChat.chat))
            .order_by(InboxChat.last_id.desc())
        )
        if account_ids is not None:
            query = query.where(InboxChat.account_id.in_(list(account_ids)))
        if before is not None:
            query = query.where(InboxChat.last_id < before)
        if limit is not None:
            query = query.limit(limit)
        with self._store.session() as s:
            rows = s.execute(query).all()
            labels = _chat_labels(s, None)
        return [_conversation(row, labels) for row in rows]

    def conversation(self, account_id: str, chat: str) -> Conversation | None:
        query = (
            select(*_COLUMNS)
            .join(Message, and_(Message.id == InboxChat.last_id, Message.chat == InboxChat.chat))
            .where(InboxChat.account_id == account_id, InboxChat.chat == chat)
        )
        with self._store.session() as s:
            row = s.execute(query).first()
            labels = _chat_labels(s, (account_id, chat))
        return _conversation(row, labels) if row is not None else None

    def unread_totals(self) -> dict[str, int]:
        """Unread messages per number (numbers with none are left out)."""
        query = (
            select(InboxChat.account_id, func.sum(InboxChat.unread))
            .where(InboxChat.unread > 0)
            .group_by(InboxChat.account_id)
        )
        with self._store.session() as s:
            return {account_id: int(n) for account_id, n in s.execute(query)}

    def message_seen(self, row_id: int) -> MessageSeen | None:
        """A stored message with its chat's name (for a notice)."""
        found = self.messages_seen([row_id], incoming_only=False)
        return found[0] if found else None

    def messages_seen(
        self, row_ids: Iterable[int], *, incoming_only: bool = True
    ) -> list[MessageSeen]:
        """Stored messages with their chat's names, in id order: a burst in few queries."""
        wanted = sorted(set(row_ids))
        found: list[MessageSeen] = []
        with self._store.session() as s:
            for start in range(0, len(wanted), 500):
                query = (
                    select(Message, InboxChat.owner_name, InboxChat.name)
                    .outerjoin(
                        InboxChat,
                        and_(
                            InboxChat.account_id == Message.account_id,
                            InboxChat.chat == Message.chat,
                        ),
                    )
                    .where(Message.id.in_(wanted[start : start + 500]))
                    .order_by(Message.id)
                )
                if incoming_only:
                    query = query.where(Message.direction == "in")
                found += [_seen(m, owner, name) for m, owner, name in s.execute(query)]
        return found

    def chats_of(self, row_ids: Iterable[int]) -> set[tuple[str, str]]:
        """The (number, chat) of these messages: a burst of rows in one query per 500."""
        wanted = sorted(set(row_ids))
        found: set[tuple[str, str]] = set()
        with self._store.session() as s:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                query = select(Message.account_id, Message.chat).where(Message.id.in_(chunk))
                found.update((account_id, chat) for account_id, chat in s.execute(query))
        return found

    # --- the owner's writes -----------------------------------------------------------

    def mark_read(self, account_id: str, chat: str) -> list[tuple[str, str | None]]:
        """The owner read the chat in Jaga: the (message id, writer) of what was unread."""
        with self._store.session() as s:
            row = s.get(InboxChat, (account_id, chat))
            if row is None or row.unread == 0:
                return []
            query = select(Message.message_id, Message.author).where(
                Message.account_id == account_id,
                Message.chat == chat,
                Message.direction == "in",
                Message.id > row.read_upto,
            )
            unread = [(m, author) for m, author in s.execute(query.order_by(Message.id))]
            row.read_upto, row.unread = row.last_id, 0
            return unread

    def set_owner_name(self, account_id: str, chat: str, name: str | None) -> None:
        """The owner's name for a customer (None or empty: WhatsApp's name again)."""
        clean = " ".join((name or "").split())[:MAX_NAME] or None
        with self._store.session() as s:
            s.execute(
                update(InboxChat)
                .where(InboxChat.account_id == account_id, InboxChat.chat == chat)
                .values(owner_name=clean)
            )


def _seen(message: Message, owner_name: str | None, name: str | None) -> MessageSeen:
    return MessageSeen(
        row_id=message.id,
        account_id=message.account_id,
        chat=message.chat,
        direction=message.direction,
        text=message.text,
        name=owner_name or name,
        media=message.media_type,
    )


def _chat_labels(s: Session, only: tuple[str, str] | None) -> dict[tuple[str, str], list[str]]:
    query = select(InboxChatLabel.account_id, InboxChatLabel.chat, InboxChatLabel.label_id).where(
        InboxChatLabel.labeled
    )
    if only is not None:
        query = query.where(InboxChatLabel.account_id == only[0], InboxChatLabel.chat == only[1])
    found: dict[tuple[str, str], list[str]] = {}
    for account_id, chat, label_id in s.execute(query):
        found.setdefault((account_id, chat), []).append(label_id)
    return found


# --- inside the store's write transactions (the inbox's write hook) ---------------------


def count_added(s: Session, rows: Sequence[Message]) -> set[tuple[str, str]]:
    """Incoming rows just stored: each one unread (the triggers made the chat's row).

    A burst is counted per chat: one read of the chats' rows, one write per chat."""
    incoming: dict[tuple[str, str], list[int]] = {}
    for message in rows:
        if message.direction == "in":
            incoming.setdefault((message.account_id, message.chat), []).append(message.id)
    if not incoming:
        return set()
    accounts = {account_id for account_id, _chat in incoming}
    chats = {chat for _account_id, chat in incoming}
    query = select(InboxChat).where(InboxChat.account_id.in_(accounts), InboxChat.chat.in_(chats))
    touched: set[tuple[str, str]] = set()
    with s.no_autoflush:
        for row in s.scalars(query):
            row_ids = incoming.get((row.account_id, row.chat))
            if row_ids is None:
                continue
            state = ReadState(row.unread, row.read_upto)
            for row_id in row_ids:
                state = after_inbound(state, row_id)
            row.unread, row.read_upto = state.unread, state.read_upto
            touched.add((row.account_id, row.chat))
    return touched


def apply_read(s: Session, event: ChatRead) -> bool:
    """Read on the phone: up to the messages named, or all of it. True if it changed."""
    chat = s.get(InboxChat, (event.account_id, event.chat))
    if chat is None:
        return False
    if event.message_ids is None:
        upto = chat.last_id
    else:
        named = select(Message.id).where(
            Message.account_id == event.account_id,
            Message.chat == event.chat,
            Message.message_id.in_(list(event.message_ids)),
        )
        upto = read_point(s.scalars(named))
    after_point = select(Message.id).where(
        Message.account_id == event.account_id,
        Message.chat == event.chat,
        Message.direction == "in",
        Message.id > chat.read_upto,
    )
    state = after_read(ReadState(chat.unread, chat.read_upto), upto, s.scalars(after_point))
    changed = (state.unread, state.read_upto) != (chat.unread, chat.read_upto)
    chat.unread, chat.read_upto = state.unread, state.read_upto
    return changed


def apply_name(s: Session, event: ChatName) -> bool:
    """The name a customer gave themselves on WhatsApp (kept even before a message)."""
    name = " ".join(event.name.split())[:MAX_NAME]
    if not name or s.get(Account, event.account_id) is None:
        return False
    chat = s.get(InboxChat, (event.account_id, event.chat))
    if chat is None:
        s.add(InboxChat(account_id=event.account_id, chat=event.chat, name=name))
        return True
    if chat.name == name:
        return False
    chat.name = name
    return True
