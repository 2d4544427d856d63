"""How much of a recent window a number was connected, from its status history. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.status import SessionStatus

DAY = timedelta(hours=24)
#: Less service than this says little: one second's drop in the first half minute would
#: read "97 %". Until a number has been in service this long its uptime is not shown.
SETTLING = timedelta(hours=1)


@dataclass(frozen=True)
class Change:
    """One entry of a number's status history (naive UTC, as the store keeps times)."""

    at: datetime
    status: str


def uptime(
    history: Iterable[Change],
    now: datetime,
    window: timedelta = DAY,
    settling: timedelta = SETTLING,
) -> float | None:
    """The connected share (0..1) of the last `window`; None before it was ever connected,
    and None while it has been in service for less than `settling`.

    Time before the first `connected` does not count: the number was not in service yet
    (being added, waiting for its first scan), so a number linked an hour ago and connected
    since is at 100 %, not 4 %. A status lasts until the next entry; the last one lasts
    until `now`.
    """
    changes = sorted(history, key=lambda change: change.at)
    first = next(
        (
            i
            for i, change in enumerate(changes)
            if SessionStatus.parse(change.status) is SessionStatus.CONNECTED
        ),
        None,
    )
    if first is None:
        return None
    changes = changes[first:]
    start = now - window
    observed = connected = 0.0
    for current, following in zip(changes, [*changes[1:], None], strict=True):
        begin = max(current.at, start)
        end = min(following.at if following is not None else now, now)
        if end <= begin:
            continue
        seconds = (end - begin).total_seconds()
        observed += seconds
        if SessionStatus.parse(current.status) is SessionStatus.CONNECTED:
            connected += seconds
    if changes[0].at > now or now - changes[0].at < settling:
        return None
    return connected / observed if observed > 0 else 1.0
