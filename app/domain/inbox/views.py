"""The inbox as the faces see it: frozen views, built by storage, never rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.inbox.away import AutoReplies
from app.domain.inbox.notices import NoticeRules
from app.domain.inbox.unread import is_group, waiting_for_answer


@dataclass(frozen=True)
class Conversation:
    """One chat of one number, with its last message."""

    account_id: str
    chat: str  # phone digits, a group's JID, or a LID
    name: str | None  # the owner's name for the customer, else WhatsApp's, else None
    unread: int
    last_row_id: int
    last_direction: str
    last_text: str
    last_status: str
    last_at: datetime
    last_media: str | None = None
    last_in_id: int | None = None
    last_answer_id: int | None = None
    labels: tuple[str, ...] = ()  # label ids of this number

    @property
    def key(self) -> tuple[str, str]:
        return (self.account_id, self.chat)

    @property
    def is_group(self) -> bool:
        return is_group(self.chat)

    @property
    def waiting(self) -> bool:
        return waiting_for_answer(self.chat, self.last_in_id, self.last_answer_id)


@dataclass(frozen=True)
class SearchHit:
    """A message (or, for a name or number, a chat's newest message) that matched."""

    account_id: str
    chat: str
    name: str | None
    row_id: int
    direction: str
    text: str
    at: datetime
    by_name: bool = False  # the chat matched by name or number, not by the words


@dataclass(frozen=True)
class MessageSeen:
    """A stored message as the notices need it."""

    row_id: int
    account_id: str
    chat: str
    direction: str
    text: str
    name: str | None
    media: str | None = None


@dataclass(frozen=True)
class NumberSettings:
    """One number's inbox settings (opening hours inside `auto`)."""

    account_id: str
    auto: AutoReplies = field(default_factory=AutoReplies)
    notices: NoticeRules = field(default_factory=NoticeRules)
    #: Reading a chat in Jaga sends read receipts (blue ticks) to the customer.
    blue_ticks: bool = False
    #: A WhatsApp Business number: its labels are WhatsApp's, kept in step both ways.
    business: bool = False
