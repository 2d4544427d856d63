"""New-message notices: whether a message is told, and how they group per number. Pure.

Told: a customer's message on a number whose notices are on, outside its quiet hours.
Never the owner's own messages (sent from the phone or from Jaga); a group's messages
only when the owner asked for them. Notices group per number: one notice says how many
messages came to that number from how many chats since the owner last looked, with the
start of the newest one; a click opens that newest chat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.inbox.unread import is_group

PREVIEW = 80


@dataclass(frozen=True)
class NoticeRules:
    """One number's settings."""

    on: bool = True
    quiet_from: int | None = None  # minutes after midnight, local
    quiet_to: int | None = None
    groups: bool = False


@dataclass(frozen=True)
class Arrival:
    account_id: str
    chat: str
    direction: str  # in | out
    text: str
    sender: str  # the customer's name or number, as shown


def quiet(rules: NoticeRules, local: datetime) -> bool:
    """Inside the quiet hours; they may run past midnight (22:00 to 07:00)."""
    start, end = rules.quiet_from, rules.quiet_to
    if start is None or end is None or start == end:
        return False
    minute = local.hour * 60 + local.minute
    return start <= minute < end if start < end else minute >= start or minute < end


def tells(rules: NoticeRules, arrival: Arrival, local: datetime) -> bool:
    if arrival.direction != "in" or not rules.on:
        return False
    if is_group(arrival.chat) and not rules.groups:
        return False
    return not quiet(rules, local)


def preview(text: str, limit: int = PREVIEW) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass
class NumberNotice:
    """What one number's notice says now."""

    account_id: str
    count: int = 0
    chats: dict[str, str] = field(default_factory=dict)  # chat → sender, in arrival order
    last_chat: str = ""
    last_text: str = ""

    @property
    def senders(self) -> int:
        return len(self.chats)


class NoticeGroups:
    """The notices of every number, one each; a number's notice ends when it is opened."""

    def __init__(self) -> None:
        self._numbers: dict[str, NumberNotice] = {}

    def add(self, arrival: Arrival) -> NumberNotice:
        notice = self._numbers.setdefault(arrival.account_id, NumberNotice(arrival.account_id))
        notice.count += 1
        notice.chats.pop(arrival.chat, None)
        notice.chats[arrival.chat] = arrival.sender
        notice.last_chat = arrival.chat
        notice.last_text = preview(arrival.text)
        return notice

    def seen(self, account_id: str) -> None:
        self._numbers.pop(account_id, None)

    def current(self) -> list[NumberNotice]:
        return list(self._numbers.values())

    def of(self, account_id: str) -> NumberNotice | None:
        return self._numbers.get(account_id)
