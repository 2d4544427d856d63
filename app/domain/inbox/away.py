"""The away message and the greeting: whether a customer's message gets one. Pure.

- Never to a group, never to the owner's own messages.
- The greeting (if on) answers a customer's first message ever.
- The away message (if on) answers a message that came outside the opening hours, at
  most once per customer in 24 hours, and not when the owner answered that customer in
  the last hour (the owner is at work after all).
- A message gets one of the two at most: the greeting goes first.

Both go out through the durable outbox and safe sending, like any message; their client
ids start with AUTO_PREFIX so the inbox can tell them from the owner's answers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from app.domain.inbox.errors import InboxError
from app.domain.inbox.hours import CLOSED_WEEK, Week, is_open, never_open

AUTO_PREFIX = "JAGAAUTO"
AWAY_AGAIN_AFTER = timedelta(hours=24)
OWNER_ANSWER_SPARES = timedelta(hours=1)


class Kind(Enum):
    AWAY = "away"
    GREETING = "greeting"


@dataclass(frozen=True)
class AutoReplies:
    """One number's settings."""

    away_on: bool = False
    away_text: str = ""
    greeting_on: bool = False
    greeting_text: str = ""
    hours: Week = CLOSED_WEEK


@dataclass(frozen=True)
class ChatFacts:
    """What the store knows of the chat when the message arrives (times naive UTC)."""

    is_group: bool
    first_ever: bool  # no earlier message of this chat, in or out
    owner_answered_at: datetime | None  # the owner's newest answer (auto replies excluded)
    away_sent_at: datetime | None  # the newest away message to this chat


@dataclass(frozen=True)
class Reply:
    kind: Kind
    text: str


def decide(
    settings: AutoReplies, facts: ChatFacts, *, arrived_utc: datetime, arrived_local: datetime
) -> Reply | None:
    """The automatic answer this message gets, if any."""
    if facts.is_group:
        return None
    if settings.greeting_on and settings.greeting_text.strip() and facts.first_ever:
        return Reply(Kind.GREETING, settings.greeting_text)
    if not settings.away_on or not settings.away_text.strip():
        return None
    if is_open(settings.hours, arrived_local):
        return None
    if facts.away_sent_at is not None and arrived_utc - facts.away_sent_at < AWAY_AGAIN_AFTER:
        return None
    answered = facts.owner_answered_at
    if answered is not None and arrived_utc - answered < OWNER_ANSWER_SPARES:
        return None
    return Reply(Kind.AWAY, settings.away_text)


def auto_client_id(kind: Kind, account_id: str, message_id: str) -> str:
    """The outbox id of the answer to one message: the same every time it is decided (a
    replay after a crash finds the row already there)."""
    digest = hashlib.sha256(f"{kind.value}\n{account_id}\n{message_id}".encode()).hexdigest()
    return AUTO_PREFIX + kind.value[0].upper() + digest[:16].upper()


def is_auto_reply(client_id: str) -> bool:
    return client_id.startswith(AUTO_PREFIX)


def check(settings: AutoReplies, max_utf16: int) -> None:
    """What the hours dialog refuses, in words; nothing is saved then."""
    if settings.away_on and not settings.away_text.strip():
        raise InboxError("away_text_missing", "Write the away message, or turn it off.")
    if settings.away_on and never_open(settings.hours):
        raise InboxError(
            "hours_none",
            "With no opening hours the away message would answer every message: "
            "add the hours you are open, or turn the away message off.",
        )
    if settings.greeting_on and not settings.greeting_text.strip():
        raise InboxError("greeting_text_missing", "Write the greeting, or turn it off.")
    for words in (settings.away_text, settings.greeting_text):
        if len(words.encode("utf-16-le", "surrogatepass")) // 2 > max_utf16:
            raise InboxError(
                "auto_text_long", "An automatic answer is at most {max} characters.", max=max_utf16
            )
