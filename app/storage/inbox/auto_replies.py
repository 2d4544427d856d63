"""The away message and greeting, inside the transaction that stores the customer's
message: the facts the rule needs, and the answer queued in the durable outbox.

Queued in that same transaction, an answer is never lost and never doubled: a crash
before the commit leaves neither the message nor the answer (the bridge replays the
message, and the rule decides again); after it, both are there (the replay is a
duplicate and decides nothing), and the outbox sends the answer once, with a client id
the bridge de-duplicates.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.inbox.away import AUTO_PREFIX, ChatFacts, Kind, Reply, auto_client_id
from app.domain.inbox.unread import is_group
from app.storage.inbox.tables import InboxAutoReply
from app.storage.tables import Account, Message, utcnow


def facts(s: Session, message: Message) -> ChatFacts:
    """What the store knows of the chat as this (just stored) message came in."""
    earlier = s.scalar(
        select(func.count())
        .select_from(Message)
        .where(
            Message.account_id == message.account_id,
            Message.chat == message.chat,
            Message.id < message.id,
        )
    )
    answered = s.scalar(
        select(func.max(Message.created_at)).where(
            Message.account_id == message.account_id,
            Message.chat == message.chat,
            Message.direction == "out",
            Message.message_id.not_like(AUTO_PREFIX + "%"),
        )
    )
    away = s.scalar(
        select(func.max(InboxAutoReply.at)).where(
            InboxAutoReply.account_id == message.account_id,
            InboxAutoReply.chat == message.chat,
            InboxAutoReply.kind == Kind.AWAY.value,
        )
    )
    return ChatFacts(
        is_group=is_group(message.chat),
        first_ever=not earlier,
        owner_answered_at=answered,
        away_sent_at=away,
    )


def queue(s: Session, message: Message, reply: Reply) -> int | None:
    """The answer into the outbox (and its record); its row id, None if it was there."""
    account = s.get(Account, message.account_id)
    if account is None or account.phone is None:
        return None
    client_id = auto_client_id(reply.kind, message.account_id, message.message_id)
    now = utcnow()
    statement = (
        sqlite_insert(Message.__table__)
        .values(
            account_id=message.account_id,
            direction="out",
            chat=message.chat,
            message_id=client_id,
            text=reply.text,
            status="queued",
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["account_id", "message_id"])
        .returning(Message.__table__.c.id)
    )
    row_id = s.execute(statement).scalar()
    if row_id is None:
        return None
    s.add(
        InboxAutoReply(
            account_id=message.account_id,
            chat=message.chat,
            kind=reply.kind.value,
            message_id=client_id,
            answers=message.message_id,
            at=message.created_at or now,
        )
    )
    return row_id
