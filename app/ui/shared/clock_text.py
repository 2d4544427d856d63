"""Dates and times on the owner's clock, in the language's way (QLocale): Bahasa reads
'14.05' and '21/11' (24-hour, day first), English as its region writes it.

Times come in as naive UTC (as the store keeps them) and are shown in local time.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, QTime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone()


def _today(now: datetime | None) -> datetime:
    return _local(now or utcnow())


def _time_shape(seconds: bool) -> str:
    shape = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "ss" not in shape:
        separator = "." if "." in shape else ":"
        shape = shape.replace("mm", f"mm{separator}ss", 1)
    return shape


def _date_shape(year: bool) -> str:
    """The language's short date; without the year: the year and its separator taken out
    ('dd/MM/yy' → 'dd/MM', 'M/d/yy' → 'M/d'); with it: four digits."""
    shape = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if year:
        return shape if "yyyy" in shape else shape.replace("yy", "yyyy")
    return re.sub(r"[^dM]*y+[^dM]*$|^[^dM]*y+[^dM]*", "", shape) or shape


def time_of_day(moment: datetime, *, seconds: bool = False) -> str:
    """'14.05' in Bahasa (24-hour), '2:05 PM' in US English."""
    local = _local(moment)
    return QLocale().toString(QTime(local.hour, local.minute, local.second), _time_shape(seconds))


def _date(moment: datetime, year: bool) -> str:
    local = _local(moment)
    return QLocale().toString(QDate(local.year, local.month, local.day), _date_shape(year))


def date_time_format() -> str:
    """The language's short date and time for a date picker (Bahasa: 'dd/MM/yyyy HH.mm')."""
    return f"{_date_shape(True)} {_time_shape(False)}"


def local_time(moment: datetime, now: datetime | None = None) -> str:
    """An event's time: '14.05.09' today, '21/11 14.05' before."""
    if _local(moment).date() == _today(now).date():
        return time_of_day(moment, seconds=True)
    return f"{_date(moment, False)} {time_of_day(moment)}"


def clock_time(moment: datetime, now: datetime | None = None) -> str:
    """A message's time: '14.05' today, '21/11 14.05' before."""
    if _local(moment).date() == _today(now).date():
        return time_of_day(moment)
    return f"{_date(moment, False)} {time_of_day(moment)}"


def day_or_time(moment: datetime, now: datetime | None = None) -> str:
    """A conversation's last time: '14.05' today, '21/11' this year, '21/11/2025' before."""
    local, today = _local(moment), _today(now)
    if local.date() == today.date():
        return time_of_day(moment)
    return _date(moment, local.year != today.year)
