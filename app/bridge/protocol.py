"""Typed views of what the bridge says (docs/bridge-api.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.bridge.inbox_events import INBOX_DECODERS
from app.domain.bridge_messages import Ack, Inbound
from app.domain.inbox.events import InboxEvent
from app.domain.linking import QrCode
from app.domain.media import Media, MediaLimits
from app.domain.pacing import Pacing
from app.domain.status import SessionStatus
from app.domain.whatsapp_edges import ChatMerge, SendLimit, author_of, refusal_of

READY_PREFIX = "JAGA_READY "


class ProtocolError(ValueError):
    """The bridge said something that does not follow the contract."""


@dataclass(frozen=True)
class Limits:
    """What the bridge refuses (READY and GET /health), so the app refuses it first."""

    text_max_utf16: int = 60_000
    body_max_bytes: int = 64 * 1024
    #: POST /sessions/{id}/messages/batch: most sends in one, and its largest body.
    batch_max_messages: int = 100
    batch_body_max_bytes: int = 1024 * 1024
    #: How the bridge paces each number (safe sending); None: a bridge that does not say.
    pacing: Pacing | None = None
    media: MediaLimits = field(default_factory=MediaLimits)

    @classmethod
    def from_json(cls, data: Any) -> Limits:
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                text_max_utf16=int(data.get("text_max_utf16", cls.text_max_utf16)),
                body_max_bytes=int(data.get("body_max_bytes", cls.body_max_bytes)),
                batch_max_messages=int(data.get("batch_max_messages", cls.batch_max_messages)),
                batch_body_max_bytes=int(
                    data.get("batch_body_max_bytes", cls.batch_body_max_bytes)
                ),
                pacing=Pacing.from_bridge(data.get("pacing")),
                media=MediaLimits.from_json(data),
            )
        except (TypeError, ValueError) as error:
            raise ProtocolError(f"unreadable limits: {data!r}") from error


@dataclass(frozen=True)
class ReadyInfo:
    port: int
    pid: int
    boot_id: str
    version: str
    engines: tuple[str, ...]
    limits: Limits = field(default_factory=Limits)

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
                limits=Limits.from_json(data.get("limits")),
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


def qr_code(data: dict[str, Any]) -> QrCode:
    """`session.qr`: a QR code to scan for a session (= the account)."""
    return QrCode(
        session_id=str(data["session_id"]),
        qr=str(data["qr"]),
        expires_at=parse_time(data.get("expires_at")),
        attempt=data.get("attempt"),
        max=data.get("max"),
    )


def message_in(data: dict[str, Any]) -> Inbound:
    """`message.in` (durable): a message that arrived for a session (= the account)."""
    try:
        return Inbound(
            account_id=str(data.get("session_id", "")),
            message_id=str(data["message_id"]),
            chat=str(data.get("chat") or data.get("from") or ""),
            text=str(data.get("text") or ""),
            at=parse_time(data.get("timestamp")),
            author=author_of(data),
            media=Media.from_json(data.get("media")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ProtocolError(f"unreadable message.in: {str(data)[:200]}") from error


def message_undecryptable(data: dict[str, Any]) -> Inbound:
    """`message.undecryptable` (durable): a message came that nobody could read."""
    try:
        return Inbound(
            account_id=str(data.get("session_id", "")),
            message_id=str(data["message_id"]),
            chat=str(data.get("chat") or data.get("from") or ""),
            text="",
            at=parse_time(data.get("timestamp")),
            author=author_of(data),
            unreadable=True,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ProtocolError(f"unreadable message.undecryptable: {str(data)[:200]}") from error


def message_ack(data: dict[str, Any]) -> Ack:
    """`message.ack` (durable): an outgoing message moved on (sent, delivered, read)."""
    return Ack(
        account_id=str(data.get("session_id", "")),
        message_id=str(data.get("client_id") or data.get("message_id") or ""),
        status=str(data.get("status", "")),
        error=refusal_of(data),
    )


@dataclass(frozen=True)
class BridgeReset:
    """`bridge.reset`: the stream could not resume; a full reconcile is due."""

    reason: str


Decoded = SessionInfo | QrCode | Inbound | Ack | ChatMerge | InboxEvent | BridgeReset | None

_DECODERS: dict[str, Any] = {
    "session.status": lambda data: SessionInfo.from_json(data),
    "session.qr": lambda data: qr_code(data),  # looked up per event: tests replace it
    "message.in": message_in,
    "message.ack": message_ack,
    "message.undecryptable": message_undecryptable,
    # None when the mapping teaches nothing (not a LID, no phone): skipped, still settled.
    "chat.mapping": lambda data: ChatMerge.from_event(data),
    "bridge.reset": lambda data: BridgeReset(str(data.get("reason", ""))),
    **INBOX_DECODERS,  # chat.read, chat.name, label.edit, label.chat (app.bridge.inbox_events)
}


def decode(event_type: str, data: dict[str, Any]) -> Decoded:
    """The typed form of one event's data; None for a type this app does not know.

    Raises ProtocolError (never KeyError, TypeError, ...) for data that breaks the contract.
    """
    decoder = _DECODERS.get(event_type)
    if decoder is None:
        return None
    if not isinstance(data, dict):
        raise ProtocolError(f"{event_type}: data is not an object")
    try:
        return decoder(data)
    except ProtocolError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ProtocolError(f"unreadable {event_type}: {str(data)[:200]}") from error


@dataclass(frozen=True)
class BridgeEvent:
    boot_id: str
    seq: int
    type: str
    data: Any  # an object by contract; decode() checks

    @classmethod
    def from_sse(cls, event_id: str, event_type: str, data: str) -> BridgeEvent:
        boot_id, _, seq = event_id.rpartition(":")
        try:
            payload = json.loads(data) if data else {}
            return cls(boot_id, int(seq), event_type, payload)
        except ValueError as error:
            raise ProtocolError(f"unreadable event {event_id!r}: {data[:200]!r}") from error

    @classmethod
    def unreadable(cls, event_id: str, event_type: str, data: str) -> BridgeEvent | None:
        """An event whose data is not JSON, kept as text (decode() refuses it); None when
        even its id cannot be read."""
        boot_id, _, seq = event_id.rpartition(":")
        if not seq.isdigit():
            return None
        return cls(boot_id, int(seq), event_type, data)  # type: ignore[arg-type]
