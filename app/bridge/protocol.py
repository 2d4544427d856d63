"""Typed views of what the bridge says (docs/bridge-api.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.core.edges import SendLimit
from app.core.status import SessionStatus

READY_PREFIX = "JAGA_READY "


class ProtocolError(ValueError):
    """The bridge said something that does not follow the contract."""


@dataclass(frozen=True)
class ReadyInfo:
    port: int
    pid: int
    boot_id: str
    version: str
    engines: tuple[str, ...]

    @classmethod
    def parse_line(cls, line: str) -> ReadyInfo | None:
        """The READY line, or None for any other stdout line."""
        if not line.startswith(READY_PREFIX):
            return None
        try:
            data = json.loads(line[len(READY_PREFIX) :])
            return cls(
                port=int(data["port"]),
                pid=int(data["pid"]),
                boot_id=str(data["boot_id"]),
                version=str(data.get("version", "")),
                engines=tuple(data.get("engines", ())),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ProtocolError(f"unreadable READY line: {line!r}") from error


def parse_time(value: Any) -> datetime | None:
    """ISO-8601 from the bridge → naive UTC datetime (how the store keeps times)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


@dataclass(frozen=True)
class Me:
    phone: str
    name: str | None = None


@dataclass(frozen=True)
class SessionInfo:
    id: str
    engine: str
    status: SessionStatus
    reason: str | None = None
    message: str | None = None
    me: Me | None = None
    qr: str | None = None
    expires_at: datetime | None = None
    attempt: int | None = None
    max: int | None = None
    since: datetime | None = None
    last_activity_at: datetime | None = None
    seq: int = 0
    #: WhatsApp limits sending to new contacts (time lock, cap); None: no limit.
    limits: SendLimit | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SessionInfo:
        try:
            me_data = data.get("me") or None
            me = Me(str(me_data["phone"]), me_data.get("name")) if me_data else None
            return cls(
                id=str(data["id"]),
                engine=str(data.get("engine", "")),
                status=SessionStatus.parse(data.get("status")),
                reason=data.get("reason"),
                message=data.get("message"),
                me=me,
                qr=data.get("qr"),
                expires_at=parse_time(data.get("expires_at")),
                attempt=data.get("attempt"),
                max=data.get("max"),
                since=parse_time(data.get("since")),
                last_activity_at=parse_time(data.get("last_activity_at")),
                seq=int(data.get("seq") or 0),
                limits=_limit(data.get("limits")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ProtocolError(f"unreadable session: {data!r}") from error


def _limit(data: Any) -> SendLimit | None:
    if not isinstance(data, dict) or not data.get("reason"):
        return None
    return SendLimit(str(data["reason"]), parse_time(data.get("until")))


@dataclass(frozen=True)
class Snapshot:
    boot_id: str
    seq: int
    sessions: dict[str, SessionInfo] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        sessions = [SessionInfo.from_json(item) for item in data.get("sessions", [])]
        return cls(str(data["boot_id"]), int(data.get("seq", 0)), {s.id: s for s in sessions})


@dataclass(frozen=True)
class QrCode:
    session_id: str
    qr: str
    expires_at: datetime | None
    attempt: int | None
    max: int | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QrCode:
        return cls(
            session_id=str(data["session_id"]),
            qr=str(data["qr"]),
            expires_at=parse_time(data.get("expires_at")),
            attempt=data.get("attempt"),
            max=data.get("max"),
        )


@dataclass(frozen=True)
class BridgeEvent:
    boot_id: str
    seq: int
    type: str
    data: dict[str, Any]

    @classmethod
    def from_sse(cls, event_id: str, event_type: str, data: str) -> BridgeEvent:
        boot_id, _, seq = event_id.rpartition(":")
        try:
            payload = json.loads(data) if data else {}
            return cls(boot_id, int(seq), event_type, payload)
        except ValueError as error:
            raise ProtocolError(f"unreadable event {event_id!r}: {data[:200]!r}") from error
