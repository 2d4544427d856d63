"""Jaga's numbers and messages as WAHA's JSON objects (SessionInfo, MeInfo, WAMessage, …).

Pure: used by the API's answers and the webhook bodies alike, so both speak one shape.
Fields WAHA requires but Jaga has no value for get WAHA's empty value ("", [], {}).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.domain.status import SessionStatus
from app.gateway.waha import ack_level, chat_id, message_serial, waha_status
from app.ports.api import MessageView, NumberView


def epoch(moment: datetime | None) -> float:
    """The store's naive UTC time → Unix seconds (0 when unknown)."""
    if moment is None:
        return 0.0
    return moment.replace(tzinfo=UTC).timestamp()


#: Not linked now (waiting for a scan, or unlinked): WAHA has no `me` then.
_UNLINKED = frozenset({SessionStatus.LOGGED_OUT, SessionStatus.QR, SessionStatus.PAIRING_CODE})


def me_json(number: NumberView) -> dict[str, Any] | None:
    """MeInfo: who the number is while it is linked (null after a logout, as WAHA's)."""
    if number.phone is None or number.status in _UNLINKED:
        return None
    return {"id": chat_id(number.phone), "pushName": number.name or number.label}


def metadata_of(number: NumberView) -> dict[str, str]:
    """The session's metadata (WAHA's config.metadata), with the number's label."""
    return {**number.metadata, "jaga.label": number.label}


def session_json(number: NumberView) -> dict[str, Any]:
    """SessionInfo, plus Jaga's own truth in `jaga` (WAHA's five statuses say less)."""
    activity = number.last_activity_at or number.status_since
    return {
        "name": number.id,
        "status": waha_status(number.status, bridge_up=number.bridge_up).value,
        "me": me_json(number),
        "presence": {},
        "timestamps": {"activity": int(epoch(activity) * 1000)},
        "config": {"metadata": metadata_of(number), "webhooks": None},
        "jaga": {"label": number.label, "status": number.status.value},
    }


def status_body(number: NumberView) -> dict[str, Any]:
    """WASessionStatusBody for the session.status webhook."""
    status = waha_status(number.status, bridge_up=number.bridge_up).value
    return {
        "name": number.id,
        "status": status,
        "statuses": [{"status": status, "timestamp": int(epoch(number.status_since) * 1000)}],
        "data": {"jaga.status": number.status.value},
    }


def media_json(
    number: NumberView, message: MessageView, base_url: str = ""
) -> dict[str, Any] | None:
    """WAMedia: where to fetch the file on the local API (with the key), never base64.

    `url` is null when Jaga has no bytes (over a limit, or the download failed for good);
    `error` then says which.
    """
    if not message.media_type:
        return None
    stored = message.media_state == "stored" and bool(message.media_sha256)
    path = f"/api/files/{number.id}/{message.media_sha256}"
    why = message.media_error or message.media_state or "unavailable"
    return {
        "url": base_url + path if stored else None,
        "mimetype": message.media_mimetype,
        "filename": message.media_file_name,
        # WAHA's error is an object (or null): Jaga's code and its words.
        "error": None if stored else {"code": why, "message": _MEDIA_WORDS.get(why, why)},
    }


_MEDIA_WORDS = {
    "too_large": "The file is larger than Jaga keeps (Settings); it stays on the phone.",
    "failed": "The file could not be downloaded from WhatsApp.",
    "pending": "The file is still being downloaded.",
}


def message_json(number: NumberView, message: MessageView, base_url: str = "") -> dict[str, Any]:
    """WAMessage. For a message the number sent, `from` is the number and `to` the chat.

    `base_url` (http://127.0.0.1:port) makes a media URL absolute, as webhooks need.
    """
    mine = message.direction == "out"
    media = media_json(number, message, base_url)
    me = chat_id(number.phone) if number.phone else ""
    chat = chat_id(message.chat)
    level = ack_level(message.status)
    author = chat_id(message.author) if message.author and not mine else None
    return {
        "id": message_serial(from_me=mine, chat=message.chat, message_id=message.message_id),
        "timestamp": int(epoch(message.created_at)),
        "from": me if mine else chat,
        "fromMe": mine,
        # Jaga cannot tell the window's sends from the API's: both went through its outbox.
        "source": "api" if mine else "app",
        "to": chat if mine else me,
        # In a group, who wrote it (WAHA's participant, and author); "" in a person's chat.
        "participant": author or "",
        "author": author,
        "body": message.text,
        "hasMedia": media is not None,
        "media": media,
        "mediaUrl": (media or {}).get("url") or "",
        "ack": level.value,
        "ackName": level.name,
        "vCards": [],
        "_data": {"jaga": {"status": message.status, "error": message.error}},
    }


def ack_body(number: NumberView, message: MessageView) -> dict[str, Any]:
    """WAMessageAckBody for the message.ack (and message.failed) webhooks."""
    full = message_json(number, message)
    return {
        "id": full["id"],
        "from": full["from"],
        "to": full["to"],
        "participant": full["participant"],
        "fromMe": full["fromMe"],
        "ack": full["ack"],
        "ackName": full["ackName"],
        "_data": full["_data"],
    }
