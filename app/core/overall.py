"""One word for everything at once: the worst health across the numbers and the bridge. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from app.core.status import Health, SessionStatus, health_of
from app.core.supervision import State

#: Bridge states in which no number can be connected.
BRIDGE_DOWN_STATES = frozenset({State.BACKOFF, State.FATAL, State.STOPPED, State.STOPPING})


def bridge_up(state: State) -> bool:
    return state in (State.RUNNING, State.UNHEALTHY)


def worst(statuses: Iterable[SessionStatus], bridge: State) -> Health:
    """BRIDGE_DOWN > NEEDS_OWNER > BUSY > IDLE > OK; no numbers at all is IDLE.

    A bridge that is still starting is BUSY, not down: every launch passes through it.
    """
    if bridge in BRIDGE_DOWN_STATES:
        return Health.BRIDGE_DOWN
    healths = [health_of(status) for status in statuses]
    if bridge is not State.RUNNING and bridge is not State.UNHEALTHY:
        healths.append(Health.BUSY)
    if not healths:
        return Health.IDLE
    return max(healths)


def counts(statuses: Iterable[SessionStatus]) -> Counter[Health]:
    return Counter(health_of(status) for status in statuses)
