"""`POST /send` in the style of the hosted Indonesian gateways (Fonnte) shop plugins call.

Fields (form or JSON): `target` (one number or several, comma-separated), `message`,
`countryCode` (default 62; "0" leaves the numbers as typed), `delay` (accepted for
compatibility; Jaga sends in order through its outbox and does not wait between sends),
optional `session` (which number sends; the first one by default). Numbers typed as
08… become 628… with the country code. Answers in the gateway's shape: `status`,
`detail`, `id`, `target`, `process`.
"""

from __future__ import annotations

import phonenumbers
from aiohttp import web

from app.core.outbox import MessageError, normalize_recipient
from app.gateway.api_http import ApiError, core_of, form_or_json, text_field
from app.gateway.api_waha import DEFAULT_SESSION, idempotency_key, number_named, queue_text
from app.gateway.core_port import GatewayCore

MAX_TARGETS = 100


def region_for(country_code: str) -> str:
    """'62' → 'ID'; '0' → 'ZZ' (no region: numbers must carry their own)."""
    if country_code == "0":
        return "ZZ"
    if not country_code.isdigit():
        raise ApiError(400, "bad_country_code", "countryCode must be digits, such as 62.")
    region = phonenumbers.region_code_for_country_code(int(country_code))
    if region == "ZZ":
        raise ApiError(400, "bad_country_code", f"{country_code} is not a country calling code.")
    return region


def normalize_target(raw: str, region: str) -> str:
    text = raw.strip()
    if region == "ZZ" and text.isdigit():
        text = "+" + text  # countryCode 0: the number already starts with its country code
    try:
        return normalize_recipient(text, region)
    except MessageError as error:
        raise ApiError(422, "invalid_target", str(error)) from error


async def send(request: web.Request) -> web.Response:
    try:
        return await _send(request)
    except ApiError as error:
        # The hosted gateways answer {status: false, reason}; the error object stays too.
        return web.json_response(
            {
                "status": False,
                "reason": error.message,
                "error": {"code": error.code, "message": error.message},
            },
            status=error.status,
        )


async def _send(request: web.Request) -> web.Response:
    core: GatewayCore = core_of(request)
    body = await form_or_json(request)
    number = number_named(core, text_field(body, "session", required=False) or DEFAULT_SESSION)
    message = text_field(body, "message")
    assert message is not None
    region = region_for(text_field(body, "countryCode", required=False) or "62")
    raw_targets = [t for t in (text_field(body, "target") or "").split(",") if t.strip()]
    if not raw_targets or len(raw_targets) > MAX_TARGETS:
        raise ApiError(400, "bad_target", f"Give 1 to {MAX_TARGETS} targets, comma-separated.")
    # Every target is checked before any is queued: a bad one changes nothing.
    targets = [normalize_target(t, region) for t in raw_targets]
    key = idempotency_key(request, body)
    queued = [
        queue_text(core, number, target, message, f"{key}\n{target}" if key else None)
        for target in targets
    ]
    return web.json_response(
        {
            "status": True,
            "detail": "success! message in queue",
            "id": [q.message.message_id for q in queued],
            "target": targets,
            "process": [q.message.status for q in queued],
        }
    )
