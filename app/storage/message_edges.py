"""Store operations for the real world's edges (app.domain.whatsapp_edges): refused sends,
LID chat merges, limits on new contacts, and who a number already talks to.

It is handed the store as the small `AccountRows` it needs, not as `Store`: store.py builds
on messages.py, which uses this module, so naming Store here would close an import loop."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.bridge_messages import Ack
from app.domain.outbox import advance
from app.domain.views import MessageView
from app.domain.whatsapp_edges import ChatMerge, SendLimit, held
from app.storage.tables import Account, AuditEvent, Message, utcnow


class AccountRows(Protocol):
    """What these operations use of the store (app.storage.store.Store)."""

    def session(self, *, durable: bool = True) -> AbstractContextManager[Session]: ...

    def accounts(self) -> list[Account]: ...

    def account(self, account_id: str) -> Account | None: ...


def merge_chat(s: Session, merge: ChatMerge) -> list[int]:
    """The LID's chat becomes the phone's: every row moves, ids (the order) stay."""
    query = select(Message).where(
        Message.account_id == merge.account_id,
        (Message.chat == merge.lid) | (Message.author == merge.lid),
    )
    moved = []
    for message in s.scalars(query):
        if message.chat == merge.lid:
            message.chat = merge.phone
        if message.author == merge.lid:
            message.author = merge.phone
        moved.append(message.id)
    return moved


def record_limit(store: AccountRows, account_id: str, limit: SendLimit | None) -> bool:
    """Stores the number's limit on new contacts; True when it changed (the bridge says it
    again with every status: no fsync of its own, app.storage.store.Store.session)."""
    with store.session(durable=False) as s:
        account = s.get(Account, account_id)
        if account is None:
            return False
        reason = limit.reason if limit else None
        until = limit.until if limit else None
        if (account.limit_reason, account.limited_until) == (reason, until):
            return False
        account.limit_reason, account.limited_until = reason, until
        kind = "send_limit_set" if limit else "send_limit_lifted"
        detail = f"{reason} until {until:%Y-%m-%d %H:%M} UTC" if limit and until else reason or ""
        s.add(AuditEvent(kind=kind, account_id=account_id, detail=detail))
        return True


def known_chats(store: AccountRows, account_id: str, chats: Iterable[str]) -> set[str]:
    """Those of the chats the number already talks to: a message came in from them, or
    one of ours reached WhatsApp."""
    wanted = sorted(set(chats))
    if not wanted:
        return set()
    with store.session() as s:
        query = select(Message.chat).where(
            Message.account_id == account_id,
            Message.chat.in_(wanted),
            (Message.direction == "in") | Message.status.in_(("sent", "delivered", "read")),
        )
        return set(s.scalars(query.distinct()))


def apply_ack(message: Message, ack: Ack) -> None:
    """A refusal is final (only the owner sends again); other acks only move forward."""
    if ack.status == "failed":
        if message.status != "failed":
            message.status = "failed"
            message.error = ack.error
            message.next_attempt_at = None
        return
    message.status = advance(message.status, ack.status)


def not_held(store: AccountRows, due: list[Message], now: datetime) -> list[Message]:
    """The due messages that may leave now: under a limit on new contacts, those to new
    contacts wait (app.domain.whatsapp_edges.held); the rest go."""
    limited = {a.id: a for a in store.accounts() if a.limit_reason}
    if not limited:
        return due
    waiting: set[int] = set()
    for account_id, account in limited.items():
        mine = [m for m in due if m.account_id == account_id]
        if not mine:
            continue
        limit = SendLimit(account.limit_reason or "", account.limited_until)
        known = known_chats(store, account_id, [m.chat for m in mine])
        waiting.update(
            m.id for m in mine if held(m.chat, limit=limit, known=m.chat in known, now=now)
        )
    return [m for m in due if m.id not in waiting]


def held_until(
    store: AccountRows, message: Message | MessageView, now: datetime | None = None
) -> datetime | None:
    """Until when a limit on new contacts holds this queued message (None: it does not)."""
    account = store.account(message.account_id)
    if account is None or not account.limit_reason:
        return None
    moment = now or utcnow()
    limit = SendLimit(account.limit_reason, account.limited_until)
    known = message.chat in known_chats(store, message.account_id, [message.chat])
    if not held(message.chat, limit=limit, known=known, now=moment):
        return None
    return limit.until


def new_contacts_reached(store: AccountRows, account_id: str, since: datetime) -> int:
    """People the number reached for the first time since then: chats whose first known
    message (one that came in, or one of ours WhatsApp took) is ours and left since then.
    Groups are not contacts. Safe sending's daily cap counts these (they outlive a bridge
    restart, whose own count starts again at 0). "Left" is the row's last change: one that
    left late yesterday and was read today counts for today too (the safe side)."""
    with store.session() as s:
        firsts = (
            select(func.min(Message.id).label("first_id"))
            .where(
                Message.account_id == account_id,
                (Message.direction == "in") | Message.status.in_(("sent", "delivered", "read")),
            )
            .group_by(Message.chat)
            .subquery()
        )
        query = (
            select(func.count())
            .select_from(Message)
            .join(firsts, Message.id == firsts.c.first_id)
            .where(
                Message.direction == "out",
                Message.updated_at >= since,
                Message.chat.not_like("%@g.us"),
            )
        )
        return int(s.scalar(query) or 0)
