"""WAHA's session routes: list, get, create (POST), configure (PUT), start, stop, restart,
log out, me, the QR code and the pairing code (docs/api.md, Sessions and numbers)."""

from __future__ import annotations

import base64
import io
from typing import Any

import segno
from aiohttp import web
from pydantic import ValidationError

from app.domain.recipients import international
from app.domain.webhook_address import WebhookAddressError, check_address
from app.gateway.api_http import ApiError, core_of, json_body, text_field
from app.gateway.api_models import (
    Base64File,
    MeInfo,
    PairingCode,
    QRCodeValue,
    SessionInfo,
    SessionRequest,
    dump,
)
from app.gateway.api_waha import number_named
from app.gateway.waha_json import me_json, session_json
from app.ports.api import BridgeError, GatewayCore, HookConfig, NumberView, StoreError

#: WAHA's POST actions answer 201 Created (NestJS's default for POST).
CREATED = 201


def _session(request: web.Request) -> tuple[GatewayCore, NumberView]:
    core = core_of(request)
    return core, number_named(core, request.match_info["session"])


def session_answer(core: GatewayCore, number: NumberView, status: int = 200) -> web.Response:
    body = session_json(number)
    hooks = core.hooks(number.id)
    if hooks:
        body["config"]["webhooks"] = [
            {"url": h.url, "events": h.events, "hmac": {"key": h.secret} if h.secret else None}
            for h in hooks
        ]
    return web.json_response(dump(SessionInfo, body), status=status)


async def list_sessions(request: web.Request) -> web.Response:
    core: GatewayCore = core_of(request)
    return web.json_response([dump(SessionInfo, session_json(n)) for n in core.numbers()])


async def get_session(request: web.Request) -> web.Response:
    core, number = _session(request)
    return session_answer(core, number)


async def get_me(request: web.Request) -> web.Response:
    _core, number = _session(request)
    me = me_json(number)
    return web.json_response(dump(MeInfo, me) if me is not None else None)


def _owner_action(name: str) -> Any:
    async def act(request: web.Request) -> web.Response:
        core, number = _session(request)
        await getattr(core, name)(number.id)
        return session_answer(core, core.number(number.id) or number, CREATED)

    act.__name__ = f"session_{name}"
    return act


start_session = _owner_action("start")
stop_session = _owner_action("stop")
restart_session = _owner_action("restart")
logout_session = _owner_action("logout")


def _session_request(body: dict[str, Any]) -> SessionRequest:
    try:
        return SessionRequest.model_validate(body)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        words = f"The field “{where}” is not valid: {first['msg']}."
        raise ApiError(400, "bad_field", words) from error


def _configure(core: GatewayCore, number: NumberView, asked: SessionRequest) -> None:
    config = asked.config
    if config is None:
        return
    hooks = None
    if config.webhooks is not None:
        hooks = [
            HookConfig(w.url, list(w.events), w.hmac.key if w.hmac else None)
            for w in config.webhooks
        ]
    try:
        core.configure(number.id, config.metadata, hooks)
    except ValueError as error:  # WebhookAddressError: an address refused in words
        raise ApiError(422, getattr(error, "code", "bad_webhook"), str(error)) from error
    except StoreError as error:
        raise ApiError(422, "bad_webhook", str(error)) from error


async def create_session(request: web.Request) -> web.Response:
    """WAHA's POST /api/sessions: a new number named `name` (its label in the window)."""
    core: GatewayCore = core_of(request)
    asked = _session_request(await json_body(request))
    name = (asked.name or "").strip() or "default"
    if any(n.id == name or n.label.casefold() == name.casefold() for n in core.numbers()):
        raise ApiError(
            422, "session_exists", f"Session '{name}' already exists. Use PUT to update it."
        )
    if asked.config is not None and asked.config.webhooks is not None:
        _check_hooks(asked)  # before the number is made: a refusal changes nothing
    try:
        number = await core.create_number(name, start=asked.start is not False)
    except StoreError as error:  # a name the window would refuse too (line breaks, …)
        raise ApiError(422, "bad_name", str(error)) from error
    _configure(core, number, asked)
    return session_answer(core, core.number(number.id) or number, CREATED)


def _check_hooks(asked: SessionRequest) -> None:
    for hook in asked.config.webhooks or []:  # type: ignore[union-attr]
        try:
            check_address(hook.url)
        except WebhookAddressError as error:
            raise ApiError(422, error.code, str(error)) from error


async def update_session(request: web.Request) -> web.Response:
    """WAHA's PUT /api/sessions/{session}: metadata and this number's webhooks."""
    core, number = _session(request)
    asked = _session_request(await json_body(request))
    _configure(core, number, asked)
    return session_answer(core, core.number(number.id) or number)


async def get_qr(request: web.Request) -> web.Response:
    """PNG; `?format=raw` → {"value"}; `Accept: application/json` → {"mimetype", "data"}."""
    core, number = _session(request)
    value = core.qr(number.id)
    if value is None:
        raise ApiError(
            409, "no_qr", f"There is no QR code to scan now: the number is {number.status.value}."
        )
    if request.query.get("format") == "raw":
        return web.json_response(dump(QRCodeValue, {"value": value}))
    image = io.BytesIO()
    segno.make(value, error="l", micro=False).save(image, kind="png", scale=8, border=4)
    if "application/json" in request.headers.get("Accept", ""):
        data = base64.b64encode(image.getvalue()).decode()
        return web.json_response(dump(Base64File, {"mimetype": "image/png", "data": data}))
    return web.Response(body=image.getvalue(), content_type="image/png")


async def request_code(request: web.Request) -> web.Response:
    core, number = _session(request)
    body = await json_body(request)
    phone = text_field(body, "phoneNumber")
    assert phone is not None
    digits = international(phone).chat  # WAHA: in international format (RecipientError: 422)
    try:
        code = await core.request_pairing_code(number.id, digits)
    except BridgeError as error:
        raise ApiError(409, error.code, str(error)) from error
    return web.json_response(dump(PairingCode, {"code": with_dash(code)}), status=CREATED)


def with_dash(code: str) -> str:
    """WAHA shows a pairing code as ABCD-EFGH (as the phone asks for it)."""
    plain = code.replace("-", "").strip()
    return f"{plain[:4]}-{plain[4:]}" if len(plain) == 8 else code
