"""The inbox's part of every write transaction (app.storage.write_hooks), run on its session
(storage's own: it reads and writes the tables); the one inbox (app.runtime.one_inbox) is told
afterwards.

In the transaction that stores a batch of the bridge's durable events:
- each new incoming message counts as unread;
- reads on the phone, customers' names and WhatsApp's label changes are applied;
- a customer's message that the away rule answers gets its answer queued in the outbox
  (app.storage.inbox.auto_replies: never lost, never doubled).

What changed is told after the transaction (signals, a wake of the outbox), not inside it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.inbox import away
from app.domain.inbox.events import ChatName, ChatRead, LabelChat, LabelEdit
from app.storage.inbox import auto_replies
from app.storage.inbox.chats import apply_name, apply_read, count_added
from app.storage.inbox.labels import apply_chat, apply_edit
from app.storage.inbox.settings import view_of
from app.storage.inbox.tables import InboxSettings
from app.storage.tables import Message
from app.storage.write_hooks import WriteHooks, Written

log = logging.getLogger(__name__)


def system_local(utc: datetime) -> datetime:
    """Naive UTC (as stored) → the computer's local time, naive (the shop's clock)."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


@dataclass
class Touched:
    """What one or more transactions changed, to be told once they are over."""

    chats: set[tuple[str, str]] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)  # account ids
    queued: list[int] = field(default_factory=list)  # outbox rows of automatic answers

    def __bool__(self) -> bool:
        return bool(self.chats or self.labels or self.queued)


class InboxWriteHook:
    def __init__(
        self,
        hooks: WriteHooks,
        *,
        after: Callable[[Touched], None],
        later: Callable[[Callable[[], None]], None],
        local: Callable[[datetime], datetime] = system_local,
    ) -> None:
        self._hooks = hooks
        self._after = after
        self._later = later
        self._local = local
        self._touched = Touched()
        self._scheduled = False

    def __call__(self, s: Session, written: Written) -> None:
        if not (written.added or written.events):
            return
        touched = self._touched
        if written.added:
            touched.chats |= count_added(s, written.added)
            answering = _answering(s, written.added)  # numbers with an automatic answer on
            for message in written.added:
                if message.direction == "in" and message.account_id in answering:
                    self._answer(s, message, answering[message.account_id], touched)
        for event in written.events:
            self._apply(s, event, touched)
        if touched and not self._scheduled:
            self._scheduled = True
            self._later(self._flush)

    def _answer(
        self, s: Session, message: Message, settings: away.AutoReplies, touched: Touched
    ) -> None:
        arrived = message.created_at
        reply = away.decide(
            settings,
            auto_replies.facts(s, message),
            arrived_utc=arrived,
            arrived_local=self._local(arrived),
        )
        if reply is None:
            return
        row_id = auto_replies.queue(s, message, reply)
        if row_id is not None:
            log.info("%s message queued for a chat of %s", reply.kind.value, message.account_id)
            touched.queued.append(row_id)
            touched.chats.add((message.account_id, message.chat))

    def _apply(self, s: Session, event: object, touched: Touched) -> None:
        match event:
            case ChatRead():
                if apply_read(s, event):
                    touched.chats.add((event.account_id, event.chat))
            case ChatName():
                if apply_name(s, event):
                    touched.chats.add((event.account_id, event.chat))
            case LabelEdit():
                self._labels(s, apply_edit(s, event), touched, event.account_id)
            case LabelChat():
                changes = apply_chat(s, event)
                self._labels(s, changes, touched, event.account_id)
                if changes:
                    touched.chats.add((event.account_id, event.chat))

    def _labels(self, s: Session, changes: list, touched: Touched, account_id: str) -> None:
        touched.labels.add(account_id)
        if changes:
            self._hooks.run(s, Written(labels=changes))  # the API's webhooks, same transaction

    def _flush(self) -> None:
        touched, self._touched = self._touched, Touched()
        self._scheduled = False
        if touched:
            self._after(touched)


def _answering(s: Session, rows: list[Message]) -> dict[str, away.AutoReplies]:
    """The settings of the numbers (among these rows') whose away message or greeting is on:
    one query for a burst."""
    accounts = {m.account_id for m in rows if m.direction == "in"}
    if not accounts:
        return {}
    query = select(InboxSettings).where(
        InboxSettings.account_id.in_(accounts),
        InboxSettings.away_on | InboxSettings.greeting_on,
    )
    return {row.account_id: view_of(row, row.account_id).auto for row in s.scalars(query)}
