"""What the bridge hands over durably about messages, as the store keeps it: one type each
for the decoder (app.bridge.protocol) and the store (app.storage.messages).

The bridge's session id is the account's id (one session per number), so these carry the
account id. No Qt, no SQLAlchemy here: the bridge's decoder loads before the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.media import Media


@dataclass(frozen=True)
class Inbound:
    """`message.in`: a message that came in for a number."""

    account_id: str
    message_id: str
    chat: str
    text: str
    at: datetime | None
    author: str | None = None  # the writer, in a group
    media: Media | None = None  # a photo, document, voice note…; `text` is its caption
    #: `message.undecryptable`: it came but nobody could read it (no text); a readable copy
    #: that comes later takes its place.
    unreadable: bool = False


@dataclass(frozen=True)
class Ack:
    """`message.ack`: an outgoing message moved on (sent, delivered, read, failed)."""

    account_id: str
    message_id: str  # the app's client id
    status: str
    error: str | None = None  # why WhatsApp refused it (status "failed")
