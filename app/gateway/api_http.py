"""The API's door: the key, body limits and JSON errors, for every route alike.

Every error is WAHA's shape, `{"statusCode": 404, "message": "…", "error": "Not Found"}`,
with Jaga's machine `code` beside it; never a stack trace. Nothing here logs a key, a
header or a body. The refusals are plain dicts in the field order of ErrorBody and
FonnteRefusal (api_models.py; tests/unit/gateway/test_api_models.py checks them against the
models): the door answers without loading pydantic, which the app imports only when a
route first needs its models (api_routes.py).
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

from app.domain.recipients import RecipientError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
#: Paths that hold no shop data and are served without a key.
PUBLIC_PATHS = frozenset({"/api/docs", "/api/openapi.json"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """WAHA's error shape (statusCode, message, error) with Jaga's code beside it."""
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return {"statusCode": status, "message": message, "error": phrase, "code": code}


#: Paths whose callers read Fonnte's {"status": false, "reason"} (also for the door's 401).
FONNTE_PATHS = frozenset({"/send"})


def error_response(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    path: str = "",
) -> web.Response:
    body = error_body(status, code, message)
    if path in FONNTE_PATHS:
        body = {"status": False, "reason": message, **body}  # FonnteRefusal
    return web.json_response(body, status=status, headers=headers)


#: aiohttp's own refusals (no such route, wrong method, body too big) in our words.
_HTTP_CODES = {
    404: ("not_found", "There is no such address in Jaga's API; see /api/docs."),
    405: ("method_not_allowed", "This address does not take that method; see /api/docs."),
    413: ("body_too_large", "The request body is larger than 1 MB."),
}


#: Room in a media request for everything but the file (JSON, names, caption).
JSON_ROOM = 96 * 1024
SEND_PATHS = frozenset({"/api/sendImage", "/api/sendVideo", "/api/sendFile", "/api/sendVoice"})


def body_cap(max_file_bytes: int) -> int:
    """The largest body of a media send: the largest file, base64-encoded, plus room."""
    return (max_file_bytes + 2) // 3 * 4 + JSON_ROOM


def body_limit(core: Any, path: str) -> int:
    """The door's limit for a path (the media sends take files); `core`: a GatewayCore."""
    return body_cap(core.media_max_bytes) if path in SEND_PATHS else MAX_BODY_BYTES


def body_too_large(limit: int) -> str:
    if limit == MAX_BODY_BYTES:
        return "The request body is larger than 1 MB."
    return f"The request body is larger than {limit // (1024 * 1024)} MB."


def key_of(request: web.Request) -> str:
    """X-Api-Key; the Fonnte-style shim's callers send the key as Authorization instead."""
    given = request.headers.get("X-Api-Key")
    if given is None:
        given = request.headers.get("Authorization", "")
        if given.lower().startswith("bearer "):
            given = given[7:]
    return given.strip()


def check_request_text(request: web.Request) -> None:
    """Headers and the query are decoded with surrogate escapes: bytes that are not UTF-8
    become lone surrogates, which are refused here rather than failing deeper in."""
    for value in (*request.headers.values(), request.path, request.query_string):
        if _SURROGATE.search(value):
            raise ApiError(
                400, "bad_text", "A header or the address holds bytes that are not UTF-8 text."
            )


def make_door(
    api_key: Callable[[], str],
    hosts: Callable[[], frozenset[str] | None],
    body_limit: Callable[[str], int] = lambda _path: MAX_BODY_BYTES,
) -> Callable[..., Awaitable[web.StreamResponse]]:
    """The one middleware: errors to JSON, then Host and key, then the route.

    `hosts` gives the Host values accepted (None: any, when serving the shop's network):
    a web page the owner opens cannot reach a loopback API through a rebound DNS name.
    """

    @web.middleware
    async def door(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            allowed = hosts()
            if allowed is not None and request.headers.get("Host", "") not in allowed:
                raise ApiError(421, "bad_host", "This API answers only at 127.0.0.1 or localhost.")
            if request.path not in PUBLIC_PATHS:
                expected = api_key().encode()
                if not hmac.compare_digest(key_of(request).encode(), expected):
                    raise ApiError(401, "unauthorized", "A valid X-Api-Key header is required.")
            check_request_text(request)
            limit = body_limit(request.path)  # larger for the routes that take files
            if (request.content_length or 0) > limit:
                raise ApiError(413, "body_too_large", body_too_large(limit))
            return await handler(request)
        except ApiError as error:
            return error_response(error.status, error.code, error.message, path=request.path)
        except RecipientError as error:  # a chatId that is no one for sure: never guessed
            return error_response(422, error.code, str(error), path=request.path)
        except web.HTTPException as error:
            code, message = _HTTP_CODES.get(error.status, ("http_error", error.reason))
            allow = {"Allow": error.headers["Allow"]} if "Allow" in error.headers else None
            return error_response(error.status, code, message, allow, request.path)
        except Exception:
            log.exception("API request %s %s failed", request.method, request.path)
            return error_response(
                500, "internal", "Jaga could not answer this request.", path=request.path
            )

    return door


async def json_body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object, or a clear 400."""
    return json_object(await request.read())


def json_object(raw: bytes | bytearray) -> dict[str, Any]:
    """A body's bytes as a JSON object, or a clear 400 (never a 500: a body nested 200,000
    deep, or a lone surrogate escaped as \\ud800, is refused in words)."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except RecursionError as error:
        raise ApiError(400, "bad_json", TOO_DEEP) from error
    except (UnicodeDecodeError, ValueError) as error:
        raise ApiError(400, "bad_json", "The request body is not valid JSON.") from error
    if not isinstance(value, dict):
        raise ApiError(400, "bad_json", "The request body must be a JSON object.")
    check_tree(value)
    return value


MAX_JSON_DEPTH = 32
TOO_DEEP = f"The request body is nested too deeply (at most {MAX_JSON_DEPTH} levels)."
NOT_TEXT = "The request holds a lone surrogate (such as \\ud800), which is not text."
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_tree(value: Any) -> None:
    """Depth and text of a parsed body, without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise ApiError(400, "bad_json", TOO_DEEP)
        if isinstance(item, str):
            check_text(item)
        elif isinstance(item, dict):
            for key, inner in item.items():
                check_text(key)
                stack.append((inner, depth + 1))
        elif isinstance(item, list):
            stack.extend((inner, depth + 1) for inner in item)


def check_text(text: str) -> None:
    if _SURROGATE.search(text):
        raise ApiError(400, "bad_text", NOT_TEXT)


def whole_number(raw: str, name: str, low: int, high: int) -> int:
    """ASCII digits only (not ¹ or ٣, which Python's isdigit takes), within bounds."""
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ApiError(400, f"bad_{name}", f"{name} must be a whole number from {low} to {high}.")
    return int(text)


def _urlencoded(raw: bytes) -> dict[str, Any]:
    """A urlencoded form; bytes that are not UTF-8 are refused, not replaced with '�'."""
    try:
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as error:
        raise ApiError(400, "bad_text", "The form holds bytes that are not UTF-8 text.") from error
    return dict(pairs)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


async def form_or_json(request: web.Request) -> dict[str, Any]:
    """A form (urlencoded or multipart) or a JSON object, as plain fields."""
    if request.content_type == FORM_TYPES[0]:
        fields = _urlencoded(await request.read())
        check_tree(fields)
        return fields
    if request.content_type in FORM_TYPES:
        try:
            form = await request.post()
        except ApiError:
            raise
        except Exception as error:  # no boundary, a broken part, bad bytes: the caller's
            raise ApiError(
                400, "bad_form", "The form cannot be read (a multipart form needs its boundary)."
            ) from error
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        check_tree(fields)
        return fields
    return await json_body(request)


def text_field(body: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None or value == "":
        if required:
            raise ApiError(400, "missing_field", f"The field “{name}” is required.")
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ApiError(400, "bad_field", f"The field “{name}” must be a string.")
    return value


def core_of(request: web.Request) -> Any:  # a GatewayCore (typed where it is used)
    return request.app[CORE]


CORE: web.AppKey[Any] = web.AppKey("jaga_core", object)
