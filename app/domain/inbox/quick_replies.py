"""Quick replies: saved answers typed as `/name` in the reply box. Pure.

Variables in a reply's text: `{name}` (the customer's name, or their number when Jaga
knows no name), `{number}` (the customer's phone number) and `{today}` (today's date as
the window shows dates). A reply is shared by every number or kept for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.inbox.errors import InboxError

MAX_SHORTCUT = 30
VARIABLES = ("{name}", "{number}", "{today}")
_SHORTCUT = re.compile(r"[^\W_][\w-]*")
#: The `/word` being typed at the end of the text before the cursor.
_TRIGGER = re.compile(r"(?:^|\s)/([\w-]*)$")


@dataclass(frozen=True)
class QuickReply:
    id: int
    shortcut: str
    text: str
    account_id: str | None = None  # None: every number may use it


def clean_shortcut(raw: object) -> str:
    """`/Terima` and `terima` are the same shortcut: letters, digits, - and _, one word."""
    text = raw.strip().lstrip("/").casefold() if isinstance(raw, str) else ""
    if not text:
        raise InboxError(
            "reply_shortcut_missing", "Give the quick reply a short name, such as “terima”."
        )
    if len(text) > MAX_SHORTCUT or not _SHORTCUT.fullmatch(text):
        raise InboxError(
            "reply_shortcut_bad",
            "A quick reply's name is one word of letters and digits (at most {max}), "
            "such as “terima”.",
            max=MAX_SHORTCUT,
        )
    return text


def utf16_units(text: str) -> int:
    """Length as the bridge counts it (JavaScript's): an emoji counts twice."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def check_text(raw: object, max_utf16: int) -> str:
    """The answer's words: not empty, and short enough to be sent even once filled in."""
    text = raw if isinstance(raw, str) else ""
    if not text.strip():
        raise InboxError("reply_text_missing", "Write the words of the quick reply.")
    # Room for the longest values the variables take (a name of 100, a number of 20).
    room = max_utf16 - 120 * sum(text.count(v) for v in VARIABLES)
    if utf16_units(text) > room:
        raise InboxError(
            "reply_text_long",
            "A quick reply is at most {max} characters (this one has {count}).",
            max=max(room, 0),
            count=utf16_units(text),
        )
    return text


def expand(text: str, *, name: str | None, number: str, today: str) -> str:
    """The reply as it goes out. A customer without a known name is called by number."""
    values = {"{name}": (name or "").strip() or number, "{number}": number, "{today}": today}
    return re.sub(r"\{(name|number|today)\}", lambda m: values[m.group(0)], text)


def typed_shortcut(text_before_cursor: str) -> str | None:
    """The shortcut being typed (`/ter` → "ter"; a lone `/` → ""), or None."""
    found = _TRIGGER.search(text_before_cursor)
    return found.group(1).casefold() if found else None


def matching(replies: Iterable[QuickReply], typed: str, account_id: str | None) -> list[QuickReply]:
    """The replies this number may use whose name starts with what was typed; the
    number's own first, then the shared ones, each by name."""
    usable = [
        r
        for r in replies
        if r.account_id in (None, account_id) and r.shortcut.startswith(typed.casefold())
    ]
    return sorted(usable, key=lambda r: (r.account_id is None, r.shortcut))


def replace_typed(text_before_cursor: str, expanded: str) -> str:
    """The text before the cursor with the typed `/word` replaced by the reply."""
    found = _TRIGGER.search(text_before_cursor)
    if found is None:
        return text_before_cursor + expanded
    start = found.start(0) + (1 if found.group(0)[:1].isspace() else 0)
    return text_before_cursor[:start] + expanded
