"""Labels on conversations: their names, colours and ids, as WhatsApp Business keeps them.

A number's labels have ids that are small numbers as text ("1", "2", …), the shape
WhatsApp Business uses and the local API shows (WAHA's Label). The colour is WhatsApp's
palette index; WAHA's table gives the hex for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.inbox.errors import InboxError

MAX_NAME = 100
#: WhatsApp Business's label colours (WAHA's Label.toHex table), by index.
COLORS = (
    "#ff9485",
    "#64c4ff",
    "#ffd429",
    "#dfaef0",
    "#99b6c1",
    "#55ccb3",
    "#ff9dff",
    "#d3a91d",
    "#6d7cce",
    "#d7e752",
    "#00d0e2",
    "#ffc5c7",
    "#93ceac",
    "#f74848",
    "#00a0f2",
    "#83e422",
    "#ffaf04",
    "#b5ebff",
    "#9ba6ff",
    "#9368cf",
)
_LABEL_ID = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class Label:
    account_id: str
    label_id: str
    name: str
    color: int
    #: WhatsApp Business sent or holds it (a Business number's own label).
    from_whatsapp: bool = False

    @property
    def color_hex(self) -> str:
        return color_hex(self.color)


UPSERT, DELETED, CHAT_ADDED, CHAT_DELETED = "upsert", "deleted", "chat_added", "chat_deleted"


@dataclass(frozen=True)
class LabelChange:
    """What changed, for whoever listens in the same transaction (the API's webhooks)."""

    kind: str  # UPSERT | DELETED | CHAT_ADDED | CHAT_DELETED
    account_id: str
    label_id: str
    label: Label | None  # None: a chat got a label WhatsApp has not described yet
    chat: str | None = None


def clean_name(raw: object) -> str:
    """A label's name: trimmed, one line, visible, at most 100 characters."""
    if not isinstance(raw, str):
        raise InboxError("label_name_missing", "Give the label a name, for example “Paid”.")
    name = " ".join(raw.split())
    if any(unicodedata.category(ch) == "Cc" for ch in raw.strip()):
        raise InboxError(
            "label_name_control", "A label's name cannot contain line breaks or control characters."
        )
    if not any(ch.isalnum() or unicodedata.category(ch).startswith(("P", "S")) for ch in name):
        raise InboxError("label_name_missing", "Give the label a name, for example “Paid”.")
    if len(name) > MAX_NAME:
        raise InboxError(
            "label_name_long",
            "A label's name is at most {max} characters (this one has {count}).",
            max=MAX_NAME,
            count=len(name),
        )
    return name


def check_color(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < len(COLORS):
        raise InboxError(
            "label_color", "A label's colour is a number from 0 to {last}.", last=len(COLORS) - 1
        )
    return raw


def color_hex(color: int) -> str:
    """WAHA's rule: a colour WhatsApp added after the table is black."""
    return COLORS[color] if 0 <= color < len(COLORS) else "#000000"


def color_of_hex(raw: object) -> int:
    """The palette index of a hex colour the API was given (`#64c4ff`)."""
    text = raw.strip().lower() if isinstance(raw, str) else ""
    if text in COLORS:
        return COLORS.index(text)
    raise InboxError(
        "label_color_hex",
        "“{given}” is not one of WhatsApp's label colours ({first} … {last}).",
        given=str(raw)[:20],
        first=COLORS[0],
        last=COLORS[-1],
    )


def check_label_id(raw: object) -> str:
    text = raw.strip() if isinstance(raw, str) else ""
    if not _LABEL_ID.fullmatch(text):
        raise InboxError("label_id", "A label id is a whole number such as “3”.")
    return str(int(text))


def next_label_id(existing: Iterable[str]) -> str:
    """The id for a new label: one more than the highest in use (WhatsApp's own way)."""
    numbers = [int(i) for i in existing if _LABEL_ID.fullmatch(i)]
    return str(max(numbers, default=0) + 1)


def id_order(label_id: str) -> tuple[int, str]:
    """Labels in WhatsApp's order: by their number."""
    return (int(label_id) if label_id.isdigit() else 1 << 30, label_id)


def same_name(a: str, b: str) -> bool:
    """Labels of different numbers with one name filter together in the inbox."""
    return a.casefold() == b.casefold()
