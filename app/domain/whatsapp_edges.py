"""The real world's edges, as rules: refused sends, limits on new contacts, LID chats. Pure.

- A send WhatsApp refuses (463 reach-out restricted, 479, a time lock) is `failed` with its
  reason, and never retried by Jaga: a retry counts as another reach-out and deepens the
  restriction. "Send again" stays the owner's choice.
- While WhatsApp limits a number's new contacts (a reach-out time lock or a cap on new
  chats), the outbox holds messages to people the number does not talk to yet, until the
  limit ends, and keeps sending to the others.
- WhatsApp names some people by a LID ("123@lid") instead of their phone. A person is one
  chat: the phone's digits once the pair is known; a chat kept under the LID until then is
  merged into the phone's when the bridge tells the pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

LID_SUFFIX = "@lid"
GROUP_SUFFIX = "@g.us"

#: Reasons of a refused send (the bridge's `message.ack` with status "failed").
REFUSAL_SENTENCES = {
    "reachout_restricted": (
        "WhatsApp refused this message: the number may not start new chats right now "
        "(error %1). Jaga does not send it again by itself."
    ),
    "reachout_timelocked": (
        "WhatsApp refused this message: sending to new contacts is locked for a while "
        "(error %1). Jaga does not send it again by itself."
    ),
    "rejected_by_server": (
        "WhatsApp rejected this message (error %1). Jaga does not send it again by itself."
    ),
}


def refusal_sentence(reason: str | None, code: str | None) -> str:
    """What the chat shows under a refused message (English; the UI translates it)."""
    template = REFUSAL_SENTENCES.get(reason or "", REFUSAL_SENTENCES["rejected_by_server"])
    return template.replace("%1", code or "?")


def is_refusal(error: str | None) -> bool:
    """Was this failure WhatsApp refusing the message (it saw it), not a send that never left?"""
    if not error:
        return False
    return any(error.startswith(t.split("%1")[0]) for t in REFUSAL_SENTENCES.values())


def is_lid(chat: str) -> bool:
    return chat.endswith(LID_SUFFIX)


def is_group(chat: str) -> bool:
    return chat.endswith(GROUP_SUFFIX)


@dataclass(frozen=True)
class ChatMerge:
    """The bridge learned who a LID is: the LID's chat becomes the phone's."""

    account_id: str
    lid: str  # "123@lid"
    phone: str  # digits

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> ChatMerge | None:
        lid, phone = str(data.get("lid") or ""), str(data.get("phone") or "")
        if not is_lid(lid) or not phone.isdigit():
            return None
        return cls(str(data.get("session_id") or ""), lid, phone)


@dataclass(frozen=True)
class SendLimit:
    """WhatsApp limits a number's new contacts (reason code) until `until` (None: until lifted)."""

    reason: str
    until: datetime | None


def limit_active(limit: SendLimit | None, now: datetime) -> bool:
    if limit is None:
        return False
    return limit.until is None or limit.until > now


def held(chat: str, *, limit: SendLimit | None, known: bool, now: datetime) -> bool:
    """Does the outbox keep this message back for now?

    Only a message to a person the number does not talk to yet (`known` False) while a
    limit holds. Groups the number is in are never new contacts.
    """
    return limit_active(limit, now) and not known and not is_group(chat)


def author_of(data: dict[str, Any]) -> str | None:
    """The writer of a group message (`message.in`); for a person's chat the chat says who."""
    chat = str(data.get("chat") or "")
    return str(data["from"]) if is_group(chat) and data.get("from") else None


def refusal_of(data: dict[str, Any]) -> str | None:
    """The sentence a `message.ack` with status "failed" leaves on the message."""
    if data.get("status") != "failed":
        return None
    return refusal_sentence(data.get("reason"), data.get("error_code"))
