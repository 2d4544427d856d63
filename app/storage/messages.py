"""app.sqlite3's messages: the durable outbox, inbound copies, and the chats' views.

A part of Store (a mixin): every method runs in the store's own transactions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.bridge_messages import Ack, Inbound
from app.domain.media import Media
from app.domain.outbox import SendOptions, advance, new_client_id
from app.domain.store_error import StoreError
from app.domain.whatsapp_edges import ChatMerge, is_refusal
from app.storage.message_edges import apply_ack, merge_chat
from app.storage.tables import Account, Message, utcnow
from app.storage.write_hooks import WriteHooks, Written

#: An inbound message that came but could not be decrypted (`message.undecryptable`).
UNREADABLE = "unreadable"


def media_columns(media: Media | None) -> dict[str, object]:
    """A message row's media columns (all NULL for a text message)."""
    return {
        "media_type": media.type if media else None,
        "media_mimetype": media.mimetype if media else None,
        "media_size": media.size if media else None,
        "media_sha256": media.sha256 if media else None,
        "media_file_name": media.file_name if media else None,
        "media_state": media.state if media else None,
        "media_error": media.error if media else None,
        "media_thumb_sha256": media.thumb_sha256 if media else None,
    }


class MessageStore:
    #: Store.session: one transaction, its errors as StoreError sentences.
    session: Callable[[], AbstractContextManager[Session]]
    #: Run inside the transactions that store messages and move their status.
    write_hooks: WriteHooks

    # --- messages: the durable outbox and the inbound copies --------------------------

    def queue_message(
        self,
        account_id: str,
        chat: str,
        text: str,
        client_id: str,
        options: SendOptions | None = None,
        *,
        media: Media | None = None,
    ) -> Message:
        """Accepts an outgoing message: from this commit on it is never lost (its delay and
        the message it answers too; a media
        message's bytes are in the media store before this is called)."""
        options = options or SendOptions()
        with self.session() as s:
            account = s.get(Account, account_id)
            if account is None:
                raise StoreError("That number no longer exists.")
            if account.phone is None:
                raise StoreError(f"“{account.label}” is not linked to a phone yet.")
            message = Message(
                account_id=account_id,
                direction="out",
                chat=chat,
                message_id=client_id,
                text=text,
                status="queued",
                attempts=0,
                next_attempt_at=options.not_before,
                reply_to=options.reply_to,
                **media_columns(media),
            )
            s.add(message)
        return message

    def outgoing(self, account_id: str, client_id: str) -> Message | None:
        """The outgoing message queued with this client id, if any (a caller's retry)."""
        with self.session() as s:
            query = select(Message).where(
                Message.account_id == account_id,
                Message.message_id == client_id,
                Message.direction == "out",
            )
            return s.scalars(query).first()

    def due_messages(self, account_ids: set[str], now: datetime, limit: int = 64) -> list[Message]:
        """The head of each chat's queue, for the given (connected) numbers, if it is due.

        Only the oldest queued message of a chat is ever handed out, so a chat's messages
        leave in the order they were accepted, retries included.
        """
        if not account_ids:
            return []
        with self.session() as s:
            heads = (
                select(func.min(Message.id))
                .where(
                    Message.direction == "out",
                    Message.status == "queued",
                    Message.account_id.in_(account_ids),
                )
                .group_by(Message.account_id, Message.chat)
            )
            query = (
                select(Message)
                .where(Message.id.in_(heads))
                .where((Message.next_attempt_at.is_(None)) | (Message.next_attempt_at <= now))
                .order_by(Message.id)
                .limit(limit)
            )
            return list(s.scalars(query))

    def chat_message(self, account_id: str, chat: str, message_id: str) -> Message | None:
        """One message of a chat by its WhatsApp id (the one a reply quotes)."""
        with self.session() as s:
            query = select(Message).where(
                Message.account_id == account_id,
                Message.chat == chat,
                Message.message_id == message_id,
            )
            return s.scalars(query).first()

    def queued_ahead(self, account_id: str, row_id: int) -> int:
        """How many of the number's queued messages leave before this one (any chat)."""
        with self.session() as s:
            query = select(func.count()).where(
                Message.account_id == account_id,
                Message.direction == "out",
                Message.status == "queued",
                Message.id < row_id,
            )
            return int(s.scalar(query) or 0)

    def last_left_at(self, account_id: str) -> datetime | None:
        """When the number's newest message that reached WhatsApp left (pacing counts from it)."""
        with self.session() as s:
            query = select(func.max(Message.updated_at)).where(
                Message.account_id == account_id,
                Message.direction == "out",
                Message.status.in_(("sent", "delivered", "read")),
            )
            return s.scalar(query)

    def next_retry_at(self) -> datetime | None:
        with self.session() as s:
            query = select(func.min(Message.next_attempt_at)).where(
                Message.direction == "out", Message.status == "queued"
            )
            return s.scalar(query)

    def mark_sent(self, message_ids: Iterable[int]) -> None:
        """The bridge took these messages: one commit for a whole dispatch round. What the
        bridge will tell again (its journaled `sent` ack), so no fsync of its own: it held
        the event loop a few ms each round, which the next message's send waited for."""
        with self.session(durable=False) as s:
            moved = []
            for message in s.scalars(select(Message).where(Message.id.in_(list(message_ids)))):
                before = message.status
                message.status = advance(message.status, "sent")
                if message.status != "failed":  # a refusal may have come before this commit
                    message.error = None
                if message.status != before:
                    moved.append(message)
            self.write_hooks.run(s, Written(moved=moved))

    def mark_retry(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        with self.session() as s:
            message = s.get(Message, message_id)
            if message is not None and message.status == "queued":
                message.attempts += 1
                message.error = error
                message.next_attempt_at = next_attempt_at

    def mark_later(self, message_id: int, at: datetime) -> None:
        """Not before `at` (safe sending's turn, a caller's delay): no attempt is used up."""
        with self.session() as s:
            message = s.get(Message, message_id)
            if message is not None and message.status == "queued":
                message.next_attempt_at = at

    def mark_failed(self, message_id: int, error: str) -> None:
        with self.session() as s:
            message = s.get(Message, message_id)
            if message is not None and message.status == "queued":
                message.status = "failed"
                message.error = error
                self.write_hooks.run(s, Written(moved=[message]))

    def resend(self, message_id: int) -> None:
        """The owner asks again for a message that failed: back in the queue, fresh budget."""
        with self.session() as s:
            message = s.get(Message, message_id)
            if message is not None and message.status == "failed":
                if is_refusal(message.error):
                    # WhatsApp saw the refused one: the same id would be answered "sent"
                    # from the bridge's record without going out again.
                    message.message_id = new_client_id()
                message.status = "queued"
                message.attempts = 0
                message.next_attempt_at = None
                message.error = None

    def _apply_acks(
        self, s: Session, acks: list[Ack], moved: list[Message]
    ) -> list[Message | None]:
        """Advances the outgoing rows the acks name, looked up by (number, id): the unique
        index, a few lookups each, however many messages the table holds (by id alone,
        every ack batch read the whole table)."""
        wanted: dict[str, set[str]] = {}
        for ack in acks:
            wanted.setdefault(ack.account_id, set()).add(ack.message_id)
        rows: dict[tuple[str, str], Message] = {}
        for account_id, ids in wanted.items():
            ordered = sorted(ids)
            for start in range(0, len(ordered), 500):
                query = select(Message).where(
                    Message.account_id == account_id,
                    Message.message_id.in_(ordered[start : start + 500]),
                )
                outgoing = (m for m in s.scalars(query) if m.direction == "out")
                rows.update({(m.account_id, m.message_id): m for m in outgoing})
        changed: list[Message | None] = []
        for ack in acks:
            message = rows.get((ack.account_id, ack.message_id))
            if message is not None:
                before = message.status
                apply_ack(message, ack)
                if message.status != before and message not in moved:
                    moved.append(message)
            changed.append(message)
        return changed

    def store_inbound(
        self, account_id: str, message_id: str, chat: str, text: str, at: datetime | None
    ) -> int | None:
        """The new row's id, or None when it was already there (a replay) or has no account."""
        with self.session() as s:
            added = self._store_inbounds(s, [Inbound(account_id, message_id, chat, text, at)])
        return added[0] if added else None

    def _store_inbounds(self, s: Session, items: list[Inbound]) -> list[int]:
        """Inserts a burst in one statement; ids of the new rows (replays and messages of
        numbers that no longer exist are skipped)."""
        if not items:
            return []
        account_ids = {item.account_id for item in items}
        known = set(s.scalars(select(Account.id).where(Account.id.in_(account_ids))))
        now = utcnow()
        rows = [
            {
                "account_id": item.account_id,
                "direction": "in",
                "chat": item.chat,
                "message_id": item.message_id,
                "text": item.text,
                "status": UNREADABLE if item.unreadable else "received",
                "attempts": 0,
                "created_at": item.at or now,
                "updated_at": now,
                "author": item.author,
                **media_columns(item.media),
            }
            for item in items
            if item.account_id in known
        ]
        if not rows:
            return []
        table = Message.__table__
        insert = sqlite_insert(table)
        replaced = ("text", "status", "created_at", "updated_at", "author", *media_columns(None))
        # A replay changes nothing; a readable copy takes the place of its unreadable one.
        statement = insert.on_conflict_do_update(
            index_elements=["account_id", "message_id"],
            set_={name: insert.excluded[name] for name in replaced},
            where=(table.c.status == UNREADABLE) & (insert.excluded.status != UNREADABLE),
        ).returning(table.c.id)
        connection = s.connection()
        return sorted(connection.execute(statement, rows).scalars())

    def store_durable(self, items: list[Any]) -> tuple[list[int], list[int]]:
        """A burst of inbound messages, acks, chat merges (and the inbox's events, for its
        write hook) in ONE transaction (one fsync).

        Returns the ids of the rows added and of the rows whose status or chat changed.
        """
        with self.session() as s:
            added = self._store_inbounds(s, [item for item in items if isinstance(item, Inbound)])
            acks = [item for item in items if isinstance(item, Ack)]
            moved: list[Message] = []
            changed = self._apply_acks(s, acks, moved)
            updated = list(dict.fromkeys(m.id for m in changed if m is not None))
            for merge in (item for item in items if isinstance(item, ChatMerge)):
                updated.extend(merge_chat(s, merge))
            if added:
                # A message nobody could read is not announced (webhooks): its readable copy is.
                rows = list(
                    s.scalars(
                        select(Message).where(Message.id.in_(added), Message.status != UNREADABLE)
                    )
                )
                self.write_hooks.run(s, Written(added=sorted(rows, key=lambda m: m.id)))
            self.write_hooks.run(s, Written(moved=moved))
            known = (Inbound, Ack, ChatMerge)  # the rest is the inbox's (app.domain.inbox.events)
            self.write_hooks.run(s, Written(events=[i for i in items if not isinstance(i, known)]))
        return added, list(dict.fromkeys(updated))

    def messages(self, account_id: str, chat: str | None = None) -> list[Message]:
        with self.session() as s:
            query = select(Message).where(Message.account_id == account_id)
            if chat is not None:
                query = query.where(Message.chat == chat)
            return list(s.scalars(query.order_by(Message.id)))

    def media_message(self, account_id: str, sha256: str) -> Message | None:
        """A message of the number whose file (or thumbnail) has these bytes."""
        with self.session() as s:
            query = select(Message).where(
                Message.account_id == account_id,
                (Message.media_sha256 == sha256) | (Message.media_thumb_sha256 == sha256),
            )
            return s.scalars(query.limit(1)).first()

    def message(self, message_id: int) -> Message | None:
        with self.session() as s:
            return s.get(Message, message_id)

    # --- chats: read-only views of the messages -------------------------------------

    def conversations(self, account_id: str, limit: int = 500) -> list[Message]:
        """The last message of each chat of a number, newest chat first.

        One query: the newest row id per chat comes from the (account, chat, id) index.
        """
        with self.session() as s:
            lasts = (
                select(func.max(Message.id))
                .where(Message.account_id == account_id)
                .group_by(Message.chat)
            )
            query = (
                select(Message)
                .where(Message.id.in_(lasts))
                .order_by(Message.id.desc())
                .limit(limit)
            )
            return list(s.scalars(query))

    def chat_messages(self, account_id: str, chat: str, limit: int = 500) -> list[Message]:
        """The newest `limit` messages of one chat, oldest first."""
        with self.session() as s:
            query = (
                select(Message)
                .where(Message.account_id == account_id, Message.chat == chat)
                .order_by(Message.id.desc())
                .limit(limit)
            )
            return list(reversed(list(s.scalars(query))))

    def messages_with_ids(self, account_id: str, ids: Iterable[int]) -> list[Message]:
        """Those of the given rows that belong to the number, in id order (a burst at once)."""
        wanted = sorted(set(ids))
        found: list[Message] = []
        with self.session() as s:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                query = (
                    select(Message)
                    .where(Message.account_id == account_id, Message.id.in_(chunk))
                    .order_by(Message.id)
                )
                found.extend(s.scalars(query))
        return found
