"""The bridge's one error, pure: raised by its client (app/bridge/client.py), caught by the
faces through their port, which may not name the client."""

from __future__ import annotations

from typing import Any


class BridgeError(Exception):
    """The bridge answered with an error (`{"error": {"code", "message"}}`) or not at all."""

    def __init__(
        self,
        code: str,
        message: str,
        status: int | None = None,
        retry_at: str | None = None,
        fields: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.status = status
        #: When to come back (ISO-8601), for a send the bridge paces ("paced").
        self.retry_at = retry_at
        #: The whole error object (a refusal's `reason` and `error_code`, ...).
        self.fields = fields or {}
