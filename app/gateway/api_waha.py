"""The WAHA-compatible routes that send and read: sendText, sendSeen, a chat's messages.

A WAHA session is one of Jaga's numbers (docs/api.md, "Sessions and numbers"): its
account id, its label, or `default` for the first number (app/gateway/api_sessions.py
has the session routes).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from app.domain.outbox import MessageError, SendOptions
from app.gateway.api_http import ApiError, core_of, json_body, text_field
from app.gateway.api_models import QueuedMessage, SeenAnswer, dump
from app.gateway.waha import bare_message_id, jaga_chat, message_serial
from app.gateway.waha_json import message_json
from app.ports.api import SEEN_MAX, BridgeError, GatewayCore, NumberView, Queued, StoreError

DEFAULT_SESSION = "default"
MAX_IDEMPOTENCY_KEY = 200


def find_number(core: GatewayCore, name: str) -> NumberView | None:
    numbers = core.numbers()
    for number in numbers:
        if number.id == name:
            return number
    by_label = [n for n in numbers if n.label.casefold() == name.casefold()]
    if len(by_label) == 1:
        return by_label[0]
    if name == DEFAULT_SESSION and numbers:
        return numbers[0]
    return None


def number_named(core: GatewayCore, name: str) -> NumberView:
    number = find_number(core, name)
    if number is None:
        raise ApiError(404, "session_not_found", f"Jaga has no number called “{name}”.")
    return number


def idempotency_key(request: web.Request, body: dict[str, Any]) -> str | None:
    key = request.headers.get("Idempotency-Key") or body.get("idempotencyKey")
    if key is None:
        return None
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_IDEMPOTENCY_KEY:
        raise ApiError(
            400, "bad_idempotency_key", "An idempotency key is a string of 1 to 200 characters."
        )
    return key.strip()


def queue_text(
    core: GatewayCore,
    number: NumberView,
    to: str,
    text: str,
    key: str | None,
    options: SendOptions | None = None,
) -> Queued:
    """Into the durable outbox, or an ApiError that says why not (nothing was stored)."""
    check_sendable(core, number, text)
    try:
        return core.queue_text(number.id, to, text, key, options)
    except MessageError as error:
        raise ApiError(422, "invalid_message", str(error)) from error
    except StoreError as error:
        raise ApiError(503, "not_stored", str(error)) from error


def check_sendable(core: GatewayCore, number: NumberView, text: str) -> None:
    """What the door can tell before queueing: the text's length, a linked number."""
    # The running bridge's limit (READY, GET /health), counted as it counts: UTF-16 units.
    units, limit = len(text.encode("utf-16-le", "surrogatepass")) // 2, core.text_limit
    if units > limit:
        raise ApiError(
            422,
            "text_too_long",
            f"The message is too long ({units:,} characters; at most {limit:,}).",
        )
    if number.phone is None:
        raise ApiError(
            409, "not_linked", f"“{number.label}” is not linked to a phone yet: scan its QR first."
        )


def queued_json(
    core: GatewayCore, number: NumberView, queued: Queued, base_url: str = ""
) -> dict[str, Any]:
    message = queued.message
    answer = message_json(number, message, base_url)
    # Jaga's plain word too: queued (waiting for the number) or sent/delivered/read/failed.
    answer["status"] = message.status
    answer["replayed"] = not queued.created
    # Safe sending: when it should leave (UTC), null while its number is away.
    expected = core.expected_at(message)
    answer["expectedAt"] = iso_utc(expected) if expected is not None else None
    return dump(QueuedMessage, answer)


def iso_utc(moment: datetime) -> str:
    """The store's naive UTC → '2026-11-30T21:05:03.120Z'."""
    return moment.replace(tzinfo=UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


async def send_text(request: web.Request) -> web.Response:
    core: GatewayCore = core_of(request)
    body = await json_body(request)
    number = number_named(core, text_field(body, "session", required=False) or DEFAULT_SESSION)
    to = jaga_chat(text_field(body, "chatId") or "")
    text = body.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "missing_field", "The field “text” is required (a string).")
    options = SendOptions(reply_to=reply_to(body))
    queued = queue_text(core, number, to, text, idempotency_key(request, body), options)
    await let_it_leave()
    status = 201 if queued.created else 200
    return web.json_response(queued_json(core, number, queued, origin(request)), status=status)


async def let_it_leave() -> None:
    """The outbox's dispatcher was woken by the queueing: it takes the message into a
    round of its own before this answer computes `expectedAt`; the round's request to the
    bridge follows this answer on the event loop."""
    await asyncio.sleep(0)


def origin(request: web.Request) -> str:
    """http://<the Host the caller used>: media URLs in answers are absolute, as WAHA's."""
    return f"{request.scheme}://{request.host}"


def reply_to(body: dict[str, Any]) -> str | None:
    """WAHA's reply_to: the serialized id (false_628…@c.us_ABC) or the bare one."""
    value = body.get("reply_to")
    if value in (None, ""):
        return None
    if not isinstance(value, str) or len(value) > 200:
        raise ApiError(400, "bad_reply_to", "reply_to is the id of a message in this chat.")
    return bare_message_id(value.strip())


def seen_ids(body: dict[str, Any]) -> list[str] | None:
    """WAHA's messageIds (or the older messageId); none: the chat's latest received."""
    raw = body.get("messageIds")
    if raw is None and body.get("messageId") is not None:
        raw = [body.get("messageId")]
    if raw is None:
        return None
    if (
        not isinstance(raw, list)
        or not 1 <= len(raw) <= SEEN_MAX
        or not all(isinstance(i, str) and i.strip() for i in raw)
    ):
        raise ApiError(
            400, "bad_message_ids", f"messageIds is a list of 1 to {SEEN_MAX} message ids."
        )
    return [bare_message_id(i.strip()) for i in raw]


async def send_seen(request: web.Request) -> web.Response:
    core: GatewayCore = core_of(request)
    body = await json_body(request)
    number = number_named(core, text_field(body, "session", required=False) or DEFAULT_SESSION)
    chat = jaga_chat(text_field(body, "chatId") or "")
    ids = seen_ids(body)
    try:
        marked = await core.mark_seen(number.id, chat, ids)
    except MessageError as error:
        raise ApiError(422, "nothing_to_mark", str(error)) from error
    except BridgeError as error:
        if error.status is None or error.code == "bridge_down":  # no bridge to ask now
            raise ApiError(503, error.code, str(error)) from error
        if error.status == 400:  # ids the bridge cannot read: they can never be marked
            raise ApiError(422, error.code, str(error)) from error
        raise ApiError(409, error.code, str(error)) from error  # the number is not connected
    serials = [message_serial(from_me=False, chat=chat, message_id=i) for i in marked]
    return web.json_response(dump(SeenAnswer, {"ids": serials, "status": "seen"}), status=201)
