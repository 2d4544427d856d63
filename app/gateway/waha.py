"""How Jaga's words map onto WAHA's, so software written for WAHA works with Jaga unchanged.

Pure: no Qt, no I/O. WAHA's shapes follow its OpenAPI document (as generated into the
`waha-py` client's models): chat ids `<digits>@c.us` and `<id>@g.us`, message ids
`<true|false>_<chat id>_<id>`, session statuses and ack levels below.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.recipients import from_chat_id
from app.domain.status import SessionStatus

#: Jaga's engine as WAHA names it: NOWEB is WAHA's engine built on Baileys too.
ENGINE = "NOWEB"

PERSON_SUFFIX = "@c.us"
GROUP_SUFFIX = "@g.us"


class WahaStatus(StrEnum):
    STOPPED = "STOPPED"
    STARTING = "STARTING"
    SCAN_QR_CODE = "SCAN_QR_CODE"
    WORKING = "WORKING"
    FAILED = "FAILED"


_STATUS = {
    SessionStatus.STOPPED: WahaStatus.STOPPED,
    SessionStatus.STARTING: WahaStatus.STARTING,
    SessionStatus.QR: WahaStatus.SCAN_QR_CODE,
    SessionStatus.PAIRING_CODE: WahaStatus.SCAN_QR_CODE,
    SessionStatus.CONNECTED: WahaStatus.WORKING,
    # WAHA has no word for a transient loss; its clients wait on STARTING.
    SessionStatus.RECONNECTING: WahaStatus.STARTING,
    SessionStatus.LOGGED_OUT: WahaStatus.FAILED,
    SessionStatus.CONFLICT: WahaStatus.FAILED,
    SessionStatus.FAILED: WahaStatus.FAILED,
}


def waha_status(status: SessionStatus, *, bridge_up: bool = True) -> WahaStatus:
    """A number whose bridge is down is not WORKING, whatever it last said."""
    if not bridge_up and status is not SessionStatus.STOPPED:
        return WahaStatus.STARTING
    return _STATUS[status]


@dataclass(frozen=True)
class AckLevel:
    value: int
    name: str


#: Jaga's message statuses → WAHA's ack levels (ERROR, PENDING, SERVER, DEVICE, READ, PLAYED).
_ACKS = {
    "failed": AckLevel(-1, "ERROR"),
    "queued": AckLevel(0, "PENDING"),
    "pending": AckLevel(0, "PENDING"),
    "sent": AckLevel(1, "SERVER"),
    "delivered": AckLevel(2, "DEVICE"),
    "read": AckLevel(3, "READ"),
    "played": AckLevel(4, "PLAYED"),
    # An incoming message has reached this device: as far as WAHA's levels go, DEVICE.
    "received": AckLevel(2, "DEVICE"),
}


def ack_level(status: str) -> AckLevel:
    return _ACKS.get(status, AckLevel(0, "PENDING"))


def chat_id(chat: str) -> str:
    """Jaga's chat (phone digits, or a group's full id) → WAHA's chat id."""
    if "@" in chat:
        return chat
    return chat + PERSON_SUFFIX


def jaga_chat(waha_chat_id: str) -> str:
    """WAHA's chat id → Jaga's chat: international digits for a person (`6591234567@c.us`
    is Singapore, never read as a national number), a group's or LID's id as it is.

    Raises RecipientError (with a sentence) for anything that is not one for sure.
    """
    return from_chat_id(waha_chat_id).chat


def message_serial(*, from_me: bool, chat: str, message_id: str) -> str:
    """WAHA's serialized message id: `true_628…@c.us_3EB0…`."""
    return f"{'true' if from_me else 'false'}_{chat_id(chat)}_{message_id}"


def bare_message_id(serial: str) -> str:
    """The WhatsApp message id inside a serialized one (or the value itself if bare)."""
    head, _, rest = serial.partition("_")
    if head in ("true", "false") and "_" in rest:
        return rest.rsplit("_", 1)[1]
    return serial
