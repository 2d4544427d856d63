"""Logs without phone numbers or message texts, tracebacks included.

jaga.log and bridge.log are read when something goes wrong, often by someone helping the
owner. Message texts never reach them: SQLAlchemy is told to hide statement parameters
(its errors used to print every value of a failed INSERT). Phone numbers can still appear
in an error's own words (a JID in an exception), so every line, traceback included, has
runs of 8 to 15 digits masked down to their last two (bare JSON numbers excepted).
"""

from __future__ import annotations

import logging
import re

#: A phone number as Jaga and WhatsApp write it: 8-15 digits, maybe a "+", maybe a JID.
#: A bare JSON number (`"media_max_total_bytes":2147483648` in the bridge's JSON lines) is
#: a count, not a phone (the bridge writes phones as strings): masking it would break the
#: line's JSON.
PHONE = re.compile(r"(?<![\d])(?<!\":)\+?(\d{6,13})(\d{2})(?![\d])")


def redact(text: str) -> str:
    return PHONE.sub(lambda m: "•" * len(m.group(1)) + m.group(2), text)


class RedactingFormatter(logging.Formatter):
    """A Formatter whose whole output (message, traceback, stack) is redacted; the time
    stamp carries no long digit runs, so it is left as is."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
