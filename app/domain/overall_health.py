"""One word for everything at once: the worst health across the numbers and the bridge. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.bridge_policy import State
from app.domain.status import Health, SessionStatus, health_of

#: Bridge states in which no number can be connected.
BRIDGE_DOWN_STATES = frozenset({State.BACKOFF, State.FATAL, State.STOPPED, State.STOPPING})


def bridge_up(state: State) -> bool:
    """The bridge can take calls (a late heartbeat may still be answered)."""
    return state in (State.RUNNING, State.UNHEALTHY)


class Overlay(StrEnum):
    """What every row says instead of its stored status while the bridge is not healthy."""

    RESTARTING = "restarting"
    NOT_RESPONDING = "not_responding"
    STOPPED = "stopped"
    FATAL = "fatal"


_OVERLAYS = {
    State.STARTING: Overlay.RESTARTING,
    State.BACKOFF: Overlay.RESTARTING,
    State.STOPPING: Overlay.RESTARTING,
    State.UNHEALTHY: Overlay.NOT_RESPONDING,
    State.STOPPED: Overlay.STOPPED,
    State.FATAL: Overlay.FATAL,
}


@dataclass(frozen=True)
class BridgeView:
    """The bridge as the faces show it."""

    state: State = State.STOPPED
    fatal_reason: str | None = None
    #: In FATAL: when it tries again by itself (naive UTC).
    retry_at: datetime | None = None

    @property
    def up(self) -> bool:
        return bridge_up(self.state)

    @property
    def overlay(self) -> Overlay | None:
        """None only while the bridge is healthy: from the stall on, no stored status is shown."""
        return _OVERLAYS.get(self.state)


def worst(
    statuses: Iterable[SessionStatus],
    bridge: State,
    reasons: Iterable[str | None] | None = None,
) -> Health:
    """BRIDGE_DOWN > NEEDS_OWNER > BUSY > IDLE > OK; no numbers at all is IDLE.

    A bridge that is still starting is BUSY, not down: every launch passes through it.
    With `reasons` (one per status), what the owner did himself is calm, not an alarm.
    """
    if bridge in BRIDGE_DOWN_STATES:
        return Health.BRIDGE_DOWN
    statuses = list(statuses)
    why = list(reasons) if reasons is not None else [None] * len(statuses)
    healths = [health_of(s, reason=r) for s, r in zip(statuses, why, strict=True)]
    if bridge is not State.RUNNING and bridge is not State.UNHEALTHY:
        healths.append(Health.BUSY)
    if not healths:
        return Health.IDLE
    return max(healths)


def counts(statuses: Iterable[SessionStatus]) -> Counter[Health]:
    return Counter(health_of(status) for status in statuses)
