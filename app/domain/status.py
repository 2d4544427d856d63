"""The one status model shared by every engine, plus what only the app can know."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class SessionStatus(StrEnum):
    """A session's status as the bridge reports it (design: "Session status")."""

    STOPPED = "stopped"
    STARTING = "starting"
    QR = "qr"
    PAIRING_CODE = "pairing_code"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    LOGGED_OUT = "logged_out"
    CONFLICT = "conflict"
    FAILED = "failed"

    @classmethod
    def parse(cls, value: str | None) -> SessionStatus:
        """Unknown values from a newer bridge degrade to FAILED instead of crashing."""
        try:
            return cls(value or "stopped")
        except ValueError:
            return cls.FAILED


#: Statuses that need the owner: the app never restarts these by itself.
NEEDS_OWNER = frozenset({SessionStatus.LOGGED_OUT, SessionStatus.CONFLICT, SessionStatus.FAILED})

#: Statuses in which a session is "running" on the bridge (a PUT would be a no-op).
ACTIVE = frozenset(
    {
        SessionStatus.STARTING,
        SessionStatus.QR,
        SessionStatus.PAIRING_CODE,
        SessionStatus.CONNECTED,
        SessionStatus.RECONNECTING,
    }
)

#: The app's own overlay while the bridge is down: never show a stale "connected".
BRIDGE_RESTARTING = "bridge_restarting"


class Health(IntEnum):
    """How bad a status is, for badges and the tray; higher is worse."""

    OK = 0
    IDLE = 1
    BUSY = 2
    NEEDS_OWNER = 3
    BRIDGE_DOWN = 4


#: Reasons that mean the owner did it: calm, not an alarm (their own Log out).
BY_THE_OWNER = frozenset({"logout_requested", "stopped_by_request"})


def health_of(
    status: SessionStatus, *, bridge_up: bool = True, reason: str | None = None
) -> Health:
    if not bridge_up:
        return Health.BRIDGE_DOWN
    if status is SessionStatus.CONNECTED:
        return Health.OK
    if reason in BY_THE_OWNER:
        return Health.IDLE
    if status in NEEDS_OWNER:
        return Health.NEEDS_OWNER
    if status is SessionStatus.STOPPED:
        return Health.IDLE
    return Health.BUSY
