"""One webhook request: signed, bounded in time and in what is read of the answer.

- One deadline for the whole request (connect, send, the answer's headers and the few
  bytes read): a receiver that trickles a byte every few seconds cannot stretch it, as
  httpx's per-read timeout alone would let it.
- Of the answer, at most `ANSWER_BYTES` are read (to show the owner what an endpoint
  said); the rest is never downloaded: a 300 MB error page costs nothing.
- Whatever goes wrong is an outcome in words, never an exception: the sender goes on.

Nothing here logs a secret, a body or a full URL.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass

import aiohttp

from app.gateway import signing
from app.ports.api import WebhookTargetView

REQUEST_TIMEOUT_S = 10.0
#: Of an endpoint's answer, this much is read, to show the owner what it said.
ANSWER_BYTES = 4096
ANSWER_CHARS = 300
MAX_RETRY_AFTER_DIGITS = 9


@dataclass(frozen=True)
class Attempt:
    status_code: int | None  # None: no answer (refused, timed out, reset, unreadable)
    error: str | None  # what went wrong, in words (the answer's start for a non-2xx)
    retry_after_s: float | None = None


def new_session() -> aiohttp.ClientSession:
    """On the running loop. Raw bodies (nothing decompressed: the few bytes read of an
    error page are its words), no cookies kept between deliveries."""
    return aiohttp.ClientSession(
        auto_decompress=False, cookie_jar=aiohttp.DummyCookieJar(), trust_env=False
    )


async def post_once(
    session: aiohttp.ClientSession,
    body: bytes,
    target: WebhookTargetView,
    deadline_s: float = REQUEST_TIMEOUT_S,
) -> Attempt:
    headers = signing.headers(
        request_id=uuid.uuid4().hex,
        timestamp_ms=int(time.time() * 1000),
        body=body,
        secret=target.secret,
    )
    headers["Accept-Encoding"] = "identity"
    try:
        async with asyncio.timeout(deadline_s):
            return await _exchange(session, target.url, body, headers)
    except TimeoutError:
        return Attempt(None, f"the endpoint did not answer within {deadline_s:g} s")
    except aiohttp.ClientError as error:
        return Attempt(None, f"could not connect: {type(error).__name__}")
    except Exception as error:  # a bad address or header: recorded, the sender goes on
        return Attempt(None, f"could not send: {type(error).__name__}")


async def _exchange(
    session: aiohttp.ClientSession, url: str, body: bytes, headers: dict[str, str]
) -> Attempt:
    # Leaving the block with the body unread closes the connection; nothing is drained.
    async with session.post(url, data=body, headers=headers, allow_redirects=False) as answer:
        retry_after = _retry_after(answer.headers.get("Retry-After", ""))
        if 200 <= answer.status < 300:
            return Attempt(answer.status, None, retry_after)
        return Attempt(answer.status, await _start_of(answer), retry_after)


async def _start_of(answer: aiohttp.ClientResponse) -> str | None:
    """The first few KiB of an answer, as text; the rest is never read."""
    start = bytearray()
    while len(start) < ANSWER_BYTES:
        chunk = await answer.content.read(ANSWER_BYTES - len(start))
        if not chunk:
            break
        start += chunk
    text = bytes(start).decode("utf-8", "replace")
    return text[:ANSWER_CHARS].strip() or None


def _retry_after(value: str) -> float | None:
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_RETRY_AFTER_DIGITS:
        return float(text)
    return None
