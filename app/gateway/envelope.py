"""The body of a webhook request, in WAHA's shape, serialised once.

The bytes built here are the bytes stored with the delivery, signed and sent on every
attempt: a retry sends exactly what the first attempt sent, so its HMAC and its `id`
(the receiver's de-duplication key) never change.

Built as a plain dict in WebhookBody's field order (api_models.py), not through the model:
the webhooks run from the app's start, and pydantic stays unloaded until the API is first
used (tests/unit/gateway/test_api_models.py checks these dicts against the models).
"""

from __future__ import annotations

import json
import platform
from typing import Any

from app import __version__
from app.domain.webhook_events import EVENTS, PING
from app.gateway.waha import ENGINE


def environment() -> dict[str, Any]:
    return {
        "version": __version__,
        "engine": ENGINE,
        "tier": "JAGA",
        "browser": "",  # no browser: the engine speaks WhatsApp's protocol itself
        "platform": f"{platform.system().lower()}/{platform.machine()}",
        "worker": {"id": "jaga"},
    }


def envelope(
    *,
    event_id: str,
    event: str,
    session: str,
    payload: dict[str, Any],
    me: dict[str, Any] | None,
    timestamp_ms: int,
    metadata: dict[str, str] | None = None,
) -> dict[str, Any]:
    """WAHA's webhook body; `metadata` is the session's (WAHA's config.metadata)."""
    if event not in EVENTS and event != PING:
        raise ValueError(f"unknown webhook event {event!r}")
    return {
        "id": event_id,
        "timestamp": timestamp_ms,
        "session": session,
        "metadata": dict(metadata or {}),
        "engine": ENGINE,
        "event": event,
        "payload": payload,
        "me": None if me is None else {"id": me["id"], "pushName": me["pushName"]},  # MeInfo
        "environment": environment(),
    }


def body_bytes(document: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON; customers' words stay readable (no \\u escapes)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
