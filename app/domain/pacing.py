"""Safe sending, the app's side: the owner's pacing settings and when a message should leave.

The bridge paces each number (node_bridge/src/pacing/rules.js): a gap with jitter between sends
and a daily cap on messages to new contacts. The app keeps the owner's settings, hands
them to the bridge (environment at spawn, PUT /config/pacing at run time) and predicts,
for the API's answer, when a queued message is expected to leave. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

#: What the owner may choose (the bridge accepts wider ranges).
GAP_RANGE_S = (0, 120)
JITTER_RANGE_S = (0, 120)
NEW_PER_DAY_RANGE = (0, 10_000)


@dataclass(frozen=True)
class Pacing:
    """The pace of every number on the real engine (the sim is paced only in tests)."""

    min_gap_s: int = 4
    jitter_s: int = 3
    #: 0: no cap
    new_contacts_per_day: int = 50
    pace_sim: bool = False

    def env(self) -> dict[str, str]:
        """For the bridge's environment at spawn (JAGA_PACING_*)."""
        return {
            "JAGA_PACING_MIN_GAP_MS": str(self.min_gap_s * 1000),
            "JAGA_PACING_JITTER_MS": str(self.jitter_s * 1000),
            "JAGA_PACING_NEW_CONTACTS_PER_DAY": str(self.new_contacts_per_day),
            "JAGA_PACING_PACE_SIM": "1" if self.pace_sim else "0",
        }

    def json(self) -> dict[str, Any]:
        """For PUT /config/pacing."""
        return {
            "min_gap_ms": self.min_gap_s * 1000,
            "jitter_ms": self.jitter_s * 1000,
            "new_contacts_per_day": self.new_contacts_per_day,
            "pace_sim": self.pace_sim,
        }

    @classmethod
    def from_bridge(cls, data: Any) -> Pacing | None:
        """The pacing the bridge published (READY, GET /health), or None if it said none."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                min_gap_s=int(data["min_gap_ms"]) // 1000,
                jitter_s=int(data["jitter_ms"]) // 1000,
                new_contacts_per_day=int(data["new_contacts_per_day"]),
                pace_sim=bool(data.get("pace_sim", False)),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def applies(self, engine: str) -> bool:
        return engine != "sim" or self.pace_sim


def expected_departure(
    now: datetime,
    *,
    ahead: int,
    pacing: Pacing | None,
    engine: str,
    last_left_at: datetime | None = None,
    held_until: datetime | None = None,
) -> datetime:
    """When a message queued now should leave its connected number.

    `ahead`: the number's queued messages before it (they leave first, one gap apart, the
    jitter counted at its mean); `last_left_at`: when its last message left (the next one
    goes a gap later). `held_until`: a limit on new contacts that holds it.
    """
    moment = now
    if pacing is not None and pacing.applies(engine):
        step = timedelta(seconds=pacing.min_gap_s + pacing.jitter_s / 2)
        if last_left_at is not None:
            moment = max(moment, last_left_at + step)
        moment += ahead * step
    if held_until is not None and held_until > moment:
        moment = held_until
    return moment


def local_midnight_utc(now_local: datetime) -> datetime:
    """The start of the shop's day (local midnight, as the bridge counts) in naive UTC."""
    start = now_local.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    return start.astimezone(UTC).replace(tzinfo=None)
