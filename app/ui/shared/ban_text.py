"""WhatsApp's bans in the owner's language, with the details WhatsApp gave.

The bridge ends a temporarily banned number (402) with a sentence that carries WhatsApp's
reason code and the ban's end (node_bridge/src/sessions/close_codes.js
temporaryBanSentence); here it becomes words in the app's language, the end in the
owner's local time.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from app.ui.shared.clock_text import clock_time
from app.ui.shared.translate import tr, tr_noop

#: WhatsApp's reasons for a temporary ban (the bridge's TEMPORARY_BAN_REASONS).
TEMPORARY_BAN_CAUSES = {
    "101": tr_noop(
        "messages went to too many people who do not have this number in their contacts"
    ),
    "102": tr_noop("too many people blocked this number"),
    "103": tr_noop("too many groups were made with people who do not have this number saved"),
    "104": tr_noop("the same message went to too many people"),
    "106": tr_noop("too many messages went to a broadcast list"),
}

_TEMPORARY = re.compile(
    r"WhatsApp has banned this number for a while(?: \(reason (\d+): [^)]*\))?"
    r"(?:; the ban ends at (\S+))?\. .*",
    re.DOTALL,
)


def temporary_ban_words(message: str | None) -> str | None:
    """The bridge's 402 sentence in the owner's language, or None if it is not one."""
    match = _TEMPORARY.fullmatch(message or "")
    if match is None:
        return None
    code, until = match.groups()
    words = [tr("WhatsApp has banned this number for a while.")]
    if code:
        cause = tr(TEMPORARY_BAN_CAUSES[code]) if code in TEMPORARY_BAN_CAUSES else code
        words.append(tr("WhatsApp's reason: %1.").replace("%1", cause))
    ends = _utc(until) if until else None
    if ends is not None:
        words.append(tr("The ban ends at %1.").replace("%1", clock_time(ends)))
    words.append(tr("Jaga does not reconnect it by itself; start it again once the ban is over."))
    return " ".join(words)


def _utc(value: str) -> datetime | None:
    """The bridge's ISO-8601 time as naive UTC (how the app keeps times), or None."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
