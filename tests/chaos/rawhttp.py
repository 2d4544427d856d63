"""Byte-exact HTTP requests (no client library normalising paths, headers or methods)."""

from __future__ import annotations

import contextlib
import json
import socket
from dataclasses import dataclass, field
from typing import Any

from tests.liveapp import TOKEN

GOOD = object()  # marker: "the right value" for host and token


@dataclass
class Answer:
    status: int | None  # None: the connection closed without an answer
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    def json(self) -> Any:
        return json.loads(self.body)

    def api_error(self) -> tuple[str, str] | None:
        """(code, message) when the body is the local API's error shape (WAHA's
        statusCode/message/error with Jaga's code), the status repeated in the body."""
        try:
            body = self.json()
            code, message, status, phrase = (
                body["code"],
                body["message"],
                body["statusCode"],
                body["error"],
            )
        except (ValueError, KeyError, TypeError):
            return None
        fine = all(isinstance(v, str) and v for v in (code, message, phrase))
        return (code, message) if fine and status == self.status else None

    def contract_error(self) -> tuple[str, str] | None:
        """(code, message) when the body is the contract's `{"error":{"code","message"}}`."""
        try:
            error = self.json()["error"]
            code, message = error["code"], error["message"]
        except (ValueError, KeyError, TypeError):
            return None
        if isinstance(code, str) and isinstance(message, str) and code and message:
            return code, message
        return None


def build(
    port: int,
    method: str,
    target: str,
    *,
    host: object | str | None = GOOD,
    token: object | str | None = GOOD,
    body: bytes | None = None,
    content_type: str | None = "application/json",
    headers: dict[str, str] | None = None,
    version: str = "HTTP/1.1",
) -> bytes:
    lines = [f"{method} {target} {version}"]
    if host is GOOD:
        lines.append(f"Host: 127.0.0.1:{port}")
    elif host is not None:
        lines.append(f"Host: {host}")
    if token is GOOD:
        lines.append(f"Authorization: Bearer {TOKEN.value}")
    elif token is not None:
        lines.append(f"Authorization: {token}")
    if body is not None:
        if content_type:
            lines.append(f"Content-Type: {content_type}")
        lines.append(f"Content-Length: {len(body)}")
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head + (body or b"")


def send(port: int, data: bytes, timeout: float = 5.0) -> Answer:
    """Sends the bytes, reads until the server closes, parses one response."""
    raw = b""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        # The server may answer (413) and close before reading everything.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            s.sendall(data)
        try:
            while chunk := s.recv(65536):
                raw += chunk
        except ConnectionResetError:
            pass
    if not raw:
        return Answer(None)
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = _dechunk(body)
    return Answer(int(status_line.split()[1]), headers, body)


def _dechunk(data: bytes) -> bytes:
    out = b""
    while data:
        size_line, _, rest = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        data = rest[size + 2 :]
    return out
