"""What must change on the bridge so that what runs is what the owner wants. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.status import ACTIVE, NEEDS_OWNER, SessionStatus


@dataclass(frozen=True)
class Wanted:
    """An account as the reconciler needs to see it."""

    account_id: str
    engine: str
    desired_running: bool
    #: The last status the app stored: a number that needs the owner is not restarted blindly.
    last_status: SessionStatus


@dataclass(frozen=True)
class Plan:
    start: tuple[str, ...] = ()
    #: (session id, why) for sessions that run but should not.
    stop: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.start or self.stop)

    def without(self, ids: Iterable[str]) -> Plan:
        """The plan, leaving alone the sessions an owner's command is acting on."""
        skip = set(ids)
        return Plan(
            tuple(i for i in self.start if i not in skip),
            tuple((i, why) for i, why in self.stop if i not in skip),
        )


def plan(wanted: Iterable[Wanted], running: Mapping[str, SessionStatus]) -> Plan:
    """`running` maps every session the bridge reports to its status."""
    accounts = {w.account_id: w for w in wanted}
    start: list[str] = []
    stop: list[tuple[str, str]] = []
    for account in accounts.values():
        observed = running.get(account.account_id)
        if not account.desired_running:
            if observed in ACTIVE:
                stop.append((account.account_id, "stopped_by_owner"))
            continue
        if observed in ACTIVE:
            continue
        if observed in NEEDS_OWNER:
            continue  # the owner decides: re-link, resolve the conflict, or remove
        if observed in (None, SessionStatus.STOPPED) and account.last_status in NEEDS_OWNER:
            continue  # the bridge restarted but the number still needs the owner
        start.append(account.account_id)
    for session_id, status in running.items():
        if session_id not in accounts and status in ACTIVE:
            stop.append((session_id, "orphan"))
    return Plan(tuple(start), tuple(stop))


def is_running(status: SessionStatus | None) -> bool:
    return status in ACTIVE


__all__ = ["Plan", "SessionStatus", "Wanted", "is_running", "plan"]
