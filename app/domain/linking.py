"""Linking a number: the QR code to scan, and how long a pairing code typed on the phone
stays good. Pure.

WhatsApp keeps offering QR codes while a pairing code waits (the bridge counts them as the
link attempt's clock, node_bridge/src/sessions/engine_events.js): the code works until the last of
them has run out. The first QR lives longer; each one after it lives one rotation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class QrCode:
    """A QR code for one session (= the account) to scan, as the bridge gave it."""

    session_id: str
    qr: str
    expires_at: datetime | None
    attempt: int | None
    max: int | None


#: The bridge's lifetime of each QR after the first
#: (node_bridge/src/config/session_options.js qr_rotate_ms).
QR_ROTATE_MS = 20_000


def qr_rotation_s(session_options: Mapping[str, Any]) -> float:
    """The rotation the sessions run with: the app's option where it sets one."""
    value = session_options.get("qr_rotate_ms", QR_ROTATE_MS)
    return (value if isinstance(value, int | float) and value > 0 else QR_ROTATE_MS) / 1000


def pairing_deadline(
    expires_at: datetime | None,
    attempt: int | None,
    most: int | None,
    rotation_s: float,
    now: datetime,
) -> datetime | None:
    """When a code asked for while QR `attempt` of `most` (ending `expires_at`) was current
    stops working; None when the bridge did not say enough to know."""
    if expires_at is None or not attempt or not most:
        return None
    return max(now, expires_at) + timedelta(seconds=rotation_s * max(0, most - attempt))
