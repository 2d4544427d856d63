"""Opening hours per weekday, typed as "08:00-12:00, 13:00-17:00". Pure.

A day with no hours is closed. Times are the shop's local time (the computer's clock);
a span ends at most at 24:00 and never before it starts, so a span never crosses
midnight (a shop open past midnight writes two days).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime

from app.domain.inbox.errors import InboxError

DAY_MINUTES = 24 * 60
#: "08:00-17:00", also with a dash or a dot ("8.00 - 17.00").
_SPAN = re.compile(r"(\d{1,2})[:.](\d{2})\s*[-\u2013\u2014]\s*(\d{1,2})[:.](\d{2})")


@dataclass(frozen=True, order=True)
class Span:
    start: int  # minutes after midnight
    end: int

    def __str__(self) -> str:
        return f"{clock(self.start)}-{clock(self.end)}"


#: Monday first (datetime.weekday()); each day a sorted tuple of spans.
Week = tuple[tuple[Span, ...], ...]
CLOSED_WEEK: Week = ((),) * 7


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(hours: str, minutes: str, text: str) -> int:
    h, m = int(hours), int(minutes)
    if m > 59 or h > 24 or (h == 24 and m):
        raise InboxError("hours_time", "“{given}” is not a time of day.", given=text)
    return h * 60 + m


def parse_day(text: str) -> tuple[Span, ...]:
    """ "08:00-12:00, 13:00-17:00" → spans; empty text: closed that day."""
    parts = [p.strip() for p in re.split(r"[,;]", text or "") if p.strip()]
    spans = []
    for part in parts:
        found = _SPAN.fullmatch(part)
        if found is None:
            raise InboxError(
                "hours_format",
                "Write opening hours as 08:00-17:00 (not “{given}”).",
                given=part[:40],
            )
        span = Span(_minutes(*found.group(1, 2), part), _minutes(*found.group(3, 4), part))
        if span.end <= span.start:
            raise InboxError(
                "hours_empty",
                "“{given}” is empty or ends before it starts; write a span such as 08:00-17:00.",
                given=part[:40],
            )
        spans.append(span)
    spans.sort()
    for first, second in itertools.pairwise(spans):
        if second.start < first.end:
            raise InboxError(
                "hours_overlap",
                "{first} and {second} overlap.",
                first=str(first),
                second=str(second),
            )
    return tuple(spans)


def parse_week(days: list[str]) -> Week:
    """Seven texts, Monday first."""
    if len(days) != 7:
        raise ValueError("a week has seven days")
    return tuple(parse_day(day) for day in days)


def format_day(spans: tuple[Span, ...]) -> str:
    return ", ".join(str(span) for span in spans)


def is_open(week: Week, moment: datetime) -> bool:
    """Open at this local moment."""
    minute = moment.hour * 60 + moment.minute
    return any(span.start <= minute < span.end for span in week[moment.weekday()])


def never_open(week: Week) -> bool:
    return not any(week)
