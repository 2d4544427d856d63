"""Work that must commit with the rows it is about, in the same SQLite transaction.

The local gateway turns stored messages, acks and status changes into webhook deliveries.
Written in a second transaction, a crash between the two commits would lose the webhook:
the bridge's replay is de-duplicated against the stored message and would not bring it
back. So the store runs these hooks inside the very transaction that writes the rows:
both commit, or neither does (and the bridge replays the event, unacknowledged).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.storage.tables import Account, Message

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StatusMove:
    account: Account  # the row as now written
    old: str
    new: str


@dataclass
class Written:
    """What one transaction wrote that someone may want to hear about."""

    added: list[Message] = field(default_factory=list)  # inbound rows, new
    moved: list[Message] = field(default_factory=list)  # outgoing rows whose status moved
    statuses: list[StatusMove] = field(default_factory=list)
    # The inbox's durable events of the same batch (app.domain.inbox.events), and label
    # changes (app.domain.inbox.labels.LabelChange) for the API's webhooks.
    events: list[Any] = field(default_factory=list)
    labels: list[Any] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.moved or self.statuses or self.events or self.labels)


WriteHook = Callable[[Session, Written], None]


class WriteHooks:
    def __init__(self) -> None:
        self._hooks: list[WriteHook] = []

    def add(self, hook: WriteHook) -> None:
        self._hooks.append(hook)

    def remove(self, hook: WriteHook) -> None:
        if hook in self._hooks:
            self._hooks.remove(hook)

    def run(self, s: Session, written: Written) -> None:
        """Inside the transaction. A database error fails the whole transaction (nothing is
        half-written; the caller retries); a bug in a hook is logged and must not stop
        messages from being stored."""
        if not written:
            return
        for hook in list(self._hooks):
            try:
                hook(s, written)
            except SQLAlchemyError:
                raise
            except Exception:
                log.exception("a write hook failed; the rows are stored without it")
