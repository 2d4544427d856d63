"""Webhook signatures as WAHA makes them: hex HMAC-SHA512 of the raw body.

A receiver recomputes the HMAC over the bytes it received (before parsing the JSON) with
the shared secret and compares in constant time. The secret itself never travels.
"""

from __future__ import annotations

import hashlib
import hmac

ALGORITHM = "sha512"


def signature(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha512).hexdigest()


def headers(
    *, request_id: str, timestamp_ms: int, body: bytes, secret: str | None
) -> dict[str, str]:
    """The request's headers; without a secret, unsigned (the owner chose no secret)."""
    out = {
        "Content-Type": "application/json",
        "X-Webhook-Request-Id": request_id,
        "X-Webhook-Timestamp": str(timestamp_ms),
    }
    if secret:
        out["X-Webhook-Hmac"] = signature(secret, body)
        out["X-Webhook-Hmac-Algorithm"] = ALGORITHM
    return out


def verify(secret: str, body: bytes, received: str) -> bool:
    """What a receiver does; used by the tests' receiver and shown in docs/api.md."""
    return hmac.compare_digest(signature(secret, body), received.strip().lower())
