"""`POST /send` in the style of the hosted Indonesian gateways (Fonnte) shop plugins call.

Fields (form or JSON): `target` (one number or several, comma-separated), `message`,
`countryCode` (default 62; "0" leaves the numbers as typed), `delay` (seconds, or a range
"2-10" drawn at random: the first message leaves no earlier than that, each next target
that much after the one before; kept in the outbox, so a restart keeps it), optional
`session` (which number sends; the first one by default). Numbers typed as 08… become
628… with the country code. Answers in the gateway's shape: `status`, `detail`, `id`,
`target`, `process`, and Jaga's `expectedAt` (when each should leave; null while away).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from aiohttp import web

from app.core.models import utcnow
from app.core.outbox import SendOptions
from app.core.recipients import RecipientError, country_code_of, from_fonnte
from app.gateway.api_http import ApiError, core_of, error_body, form_or_json, text_field
from app.gateway.api_models import FonnteRefusal, dump
from app.gateway.api_waha import (
    DEFAULT_SESSION,
    idempotency_key,
    iso_utc,
    number_named,
    queue_text,
)
from app.gateway.core_port import GatewayCore, Queued

MAX_TARGETS = 100
MAX_DELAY_S = 86_400


def delay_range(raw: str | None) -> tuple[int, int]:
    """'5' → (5, 5); '2-10' → (2, 10); none → (0, 0). Seconds, at most a day."""
    text = (raw or "").strip()
    if not text:
        return (0, 0)
    low, _, high = text.partition("-")
    if not _digits(low) or (high and not _digits(high)):
        raise ApiError(400, "bad_delay", "delay is seconds, such as 5, or a range such as 2-10.")
    first, last = int(low), int(high or low)
    if first > last or last > MAX_DELAY_S:
        raise ApiError(400, "bad_delay", f"delay must be from 0 to {MAX_DELAY_S} seconds.")
    return (first, last)


def _digits(text: str) -> bool:
    """ASCII digits only: Python's isdigit also takes ¹ and ², which int() refuses."""
    text = text.strip()
    return text.isascii() and text.isdigit() and len(text) <= 9


def departures(
    count: int, delay: tuple[int, int], now: datetime, rng: random.Random
) -> list[datetime | None]:
    """When each target's message may leave: one delay after the one before."""
    if delay == (0, 0):
        return [None] * count
    out: list[datetime | None] = []
    moment = now
    for _ in range(count):
        moment += timedelta(seconds=rng.randint(*delay))
        out.append(moment)
    return out


def targets_of(raw: str, country_code: str | None) -> list[str]:
    """Every target by Fonnte's countryCode rule (app.core.recipients.from_fonnte), each
    checked before any is queued: a bad one changes nothing."""
    try:
        code = country_code_of(country_code)
    except RecipientError as error:
        raise ApiError(400, "bad_country_code", str(error)) from error
    raw_targets = [t for t in raw.split(",") if t.strip()]
    if not raw_targets or len(raw_targets) > MAX_TARGETS:
        raise ApiError(400, "bad_target", f"Give 1 to {MAX_TARGETS} targets, comma-separated.")
    try:
        return [from_fonnte(t, code).chat for t in raw_targets]
    except RecipientError as error:
        raise ApiError(422, "invalid_target", str(error)) from error


def expected_iso(core: GatewayCore, queued: Queued) -> str | None:
    moment = core.expected_at(queued.message)
    return iso_utc(moment) if moment is not None else None


async def send(request: web.Request) -> web.Response:
    try:
        return await _send(request)
    except ApiError as error:
        # Fonnte's {status: false, reason}, with WAHA's error fields beside it.
        body = {"status": False, "reason": error.message}
        body |= error_body(error.status, error.code, error.message)
        return web.json_response(dump(FonnteRefusal, body), status=error.status)


async def _send(request: web.Request) -> web.Response:
    core: GatewayCore = core_of(request)
    body = await form_or_json(request)
    number = number_named(core, text_field(body, "session", required=False) or DEFAULT_SESSION)
    message = text_field(body, "message")
    assert message is not None
    targets = targets_of(
        text_field(body, "target") or "", text_field(body, "countryCode", required=False)
    )
    key = idempotency_key(request, body)
    delay = delay_range(text_field(body, "delay", required=False))
    leave = departures(len(targets), delay, utcnow(), random.Random())
    queued = [
        queue_text(
            core,
            number,
            target,
            message,
            f"{key}\n{target}" if key else None,
            SendOptions(not_before=not_before),
        )
        for target, not_before in zip(targets, leave, strict=True)
    ]
    return web.json_response(
        {
            "status": True,
            "detail": "success! message in queue",
            "id": [q.message.message_id for q in queued],
            "target": targets,
            "process": [q.message.status for q in queued],
            "expectedAt": [expected_iso(core, q) for q in queued],
        }
    )
