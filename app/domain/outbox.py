"""Rules for messages: what may be sent, when to retry, when to give up. Pure."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.domain.whatsapp_edges import is_group

#: What the bridge takes (it publishes its own limits; these are its defaults).
MAX_TEXT_UTF16 = 60_000
MAX_BODY_BYTES = 64 * 1024
#: Room in a send request for everything but the text (recipient, client id, JSON).
SEND_OVERHEAD_BYTES = 512
MAX_ATTEMPTS = 8
GIVE_UP_AFTER = timedelta(hours=24)
RETRY_CAP = timedelta(minutes=5)

#: Outgoing statuses in the order they can only move forward.
PROGRESS = {"queued": 0, "sent": 1, "delivered": 2, "read": 3}


@dataclass(frozen=True)
class SendOptions:
    """What a send may ask besides its text (the local API)."""

    #: It leaves no earlier than this (naive UTC); kept in the outbox, so a restart keeps it.
    not_before: datetime | None = None
    #: The WhatsApp id of a message of the same chat it answers (quoted).
    reply_to: str | None = None


class MessageError(ValueError):
    """A message that cannot be accepted, with a sentence for the owner."""


def validate_text(
    text: str, *, max_utf16: int = MAX_TEXT_UTF16, max_body_bytes: int = MAX_BODY_BYTES
) -> str:
    """Refuses at the door what the bridge would refuse, so it is never queued.

    The bridge counts UTF-16 code units (JavaScript's length): an emoji counts twice.
    """
    if not text or not text.strip():
        raise MessageError("The message is empty.")
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise MessageError(
            "The message contains characters that cannot be sent; type it again."
        ) from error
    units = len(text.encode("utf-16-le")) // 2
    if units > max_utf16 or len(encoded) + SEND_OVERHEAD_BYTES > max_body_bytes:
        raise MessageError(
            f"The message is too long ({units:,} characters; WhatsApp through Jaga takes "
            f"{max_utf16:,} at most, fewer with emoji or non-Latin letters). Split it in two."
        )
    return text


def new_client_id() -> str:
    """Also the WhatsApp message id, so a retry after any crash is recognised as the same."""
    return "JAGA" + secrets.token_hex(8).upper()


def retry_delay(attempts: int) -> timedelta:
    """1 s, 2 s, 4 s … capped at 5 minutes."""
    return min(timedelta(seconds=2 ** max(0, attempts - 1)), RETRY_CAP)


def should_give_up(attempts: int, created_at: datetime, now: datetime) -> bool:
    return attempts >= MAX_ATTEMPTS or now - created_at >= GIVE_UP_AFTER


def advance(current: str, reported: str) -> str:
    """Acks can arrive late or twice: a status never moves backwards."""
    if current not in PROGRESS or reported not in PROGRESS:
        return current
    return reported if PROGRESS[reported] > PROGRESS[current] else current


def quote_body(quoted: Any) -> dict[str, Any]:
    """The bridge's `quoted` for a reply to this stored message (a row or its view):
    WhatsApp shows the quoted text above the reply; Baileys needs its key and text."""
    participant = quoted.author if is_group(quoted.chat) and quoted.direction == "in" else None
    return {
        "id": quoted.message_id,
        "from_me": quoted.direction == "out",
        "text": quoted.text,
        "participant": participant,
    }
