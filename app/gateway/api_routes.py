"""The API's route table: the one source of the router, /api/openapi.json and /api/docs.

Each route names the models of its answers (app/gateway/api_models.py), the same models
its handler builds them with. Other route groups (labels, …) add their own table to
`ROUTE_GROUPS` with one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from app.gateway import (
    api_labels,
    api_media,
    api_messages,
    api_observe,
    api_sessions,
    api_shim,
    api_waha,
)
from app.gateway import api_models as m
from app.gateway.api_http import CORE, MAX_BODY_BYTES, make_door
from app.gateway.openapi_doc import docs_page, openapi_document

#: An answer: a model, a list of one ([Model]), None (JSON null), "png"/"binary".
Answer = Any
FieldSpec = tuple[str, bool, str] | tuple[str, bool, str, dict[str, Any]]


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Callable[[web.Request], Any]
    summary: str
    tag: str = "sessions"
    #: Fields of the JSON (or form) body: name → (type, required, description[, schema]).
    body: dict[str, FieldSpec] = field(default_factory=dict)
    #: Or the body as one model.
    body_model: type[m.Model] | None = None
    #: Query parameters: name → (JSON schema, description).
    query: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    #: Success answers: status → what it carries.
    answers: dict[int, Answer] = field(default_factory=lambda: {200: None})
    #: The model of its refusals.
    refusal: type[m.Model] = m.ErrorBody
    form: bool = False  # takes a form too (the Fonnte shim)


_SESSION = "/api/sessions/{session}"
_CHAT_ID = (
    "string",
    True,
    "`6281234567890@c.us` (international digits), or a group's id",
    {"examples": ["6281234567890@c.us"]},
)
_KEY = ("string", False, "or the Idempotency-Key header", {"minLength": 1, "maxLength": 200})
_SESSION_FIELD = ("string", False, "account id, label or `default`", {"examples": ["default"]})
_REPLY = ("string", False, "id of a message of this chat to quote (a reply)", {"maxLength": 200})
_LIMIT = ({"type": "integer", "minimum": 1, "maximum": 1000}, "1 to 1000 (default 100)")
_PAGING = {
    "limit": _LIMIT,
    "offset": ({"type": "integer", "minimum": 0, "maximum": 100000}, "skip this many"),
    "filter.timestamp.gte": ({"type": "integer", "minimum": 0}, "Unix seconds, at or after"),
    "filter.timestamp.lte": ({"type": "integer", "minimum": 0}, "Unix seconds, at or before"),
    "filter.fromMe": ({"type": "string", "enum": ["true", "false"]}, "sent by the number"),
    "filter.ack": ({"type": "integer", "minimum": -1, "maximum": 4}, "ack level"),
}
_CREATED_MESSAGE = {201: m.QueuedMessage, 200: m.QueuedMessage}


def _action(name: str, handler: Any, words: str) -> Route:
    return Route("POST", f"{_SESSION}/{name}", handler, words, answers={201: m.SessionInfo})


SESSION_ROUTES = (
    Route("GET", "/api/sessions", api_sessions.list_sessions, "Every number, as WAHA sessions",
          answers={200: [m.SessionInfo]}),
    Route("GET", "/api/sessions/", api_sessions.list_sessions, "The same (WAHA's trailing /)",
          answers={200: [m.SessionInfo]}),
    Route("POST", "/api/sessions", api_sessions.create_session,
          "A new number (its `name` is its label); started unless `start` is false",
          body_model=m.SessionRequest, answers={201: m.SessionInfo}),
    Route("GET", _SESSION, api_sessions.get_session, "One number", answers={200: m.SessionInfo}),
    Route("PUT", _SESSION, api_sessions.update_session,
          "The number's config: metadata, and webhooks for this number alone",
          body_model=m.SessionRequest, answers={200: m.SessionInfo}),
    _action("start", api_sessions.start_session, "Start (or reconnect) a number"),
    _action("stop", api_sessions.stop_session, "Stop a number, keep its link"),
    _action("restart", api_sessions.restart_session, "Stop, then start again"),
    _action("logout", api_sessions.logout_session, "Unlink; a running number shows a fresh QR"),
    Route("GET", _SESSION + "/me", api_sessions.get_me, "Who the number is (MeInfo), or null",
          answers={200: m.MeInfo | None}),
    Route("GET", "/api/{session}/auth/qr", api_sessions.get_qr,
          "The QR code to scan: PNG; Accept: application/json gives it base64", tag="auth",
          query={"format": ({"type": "string", "enum": ["image", "raw"]},
                            '`raw` answers {"value": …}')},
          answers={200: ("png", m.Base64File, m.QRCodeValue)}),
    Route("POST", "/api/{session}/auth/request-code", api_sessions.request_code,
          "Link by a code typed on the phone", tag="auth",
          body={"phoneNumber": ("string", True, "the phone to link, international digits",
                                {"minLength": 1, "maxLength": 40})},
          answers={201: m.PairingCode}),
)  # fmt: skip

CHAT_ROUTES = (
    Route("POST", "/api/sendText", api_waha.send_text,
          "Queue a text in the durable outbox; answers at once (201; 200 for a replay)",
          tag="chatting",
          body={"session": _SESSION_FIELD, "chatId": _CHAT_ID,
                "text": ("string", True, "at most 60,000 UTF-16 units"),
                "reply_to": _REPLY, "idempotencyKey": _KEY},
          answers=_CREATED_MESSAGE),
    *(
        Route("POST", f"/api/{name}", handler, words, tag="chatting",
              body={"session": _SESSION_FIELD, "chatId": _CHAT_ID,
                    "file": ("object", True, "{mimetype, filename, data (base64) | url}"),
                    "caption": ("string", False, "the words under the file"),
                    "reply_to": _REPLY, "idempotencyKey": _KEY},
              answers=_CREATED_MESSAGE)
        for name, handler, words in (
            ("sendImage", api_media.send_image, "Queue a photo (JPEG, PNG or WebP)"),
            ("sendVideo", api_media.send_video, "Queue a video (MP4)"),
            ("sendFile", api_media.send_file, "Queue a document; it keeps its file name"),
            ("sendVoice", api_media.send_voice, "Queue a voice note (Ogg/Opus)"),
        )
    ),
    Route("GET", "/api/files/{session}/{sha256}", api_media.get_file,
          "A message's file (the `media.url` of a message)", tag="chats",
          answers={200: "binary"}),
    Route("POST", "/api/sendSeen", api_waha.send_seen,
          "Mark messages seen (blue ticks); no ids: the chat's latest received", tag="chatting",
          body={"session": _SESSION_FIELD, "chatId": _CHAT_ID,
                "messageIds": ("array", False, "ids of received messages (1 to 100)",
                               {"minItems": 1, "maxItems": 100}),
                "participant": ("string", False, "ignored: Jaga knows each writer")},
          answers={201: m.SeenAnswer}),
    Route("GET", "/api/{session}/chats/{chatId}/messages", api_messages.chat_messages,
          "A chat's messages, newest first", tag="chats", query=_PAGING,
          answers={200: [m.WAMessage]}),
    Route("GET", "/api/messages", api_messages.messages,
          "A chat's messages, newest first (WAHA's older form)", tag="chats",
          query={"session": ({"type": "string"}, "account id, label or `default`"),
                 "chatId": ({"type": "string"}, "the chat (required)"), **_PAGING},
          answers={200: [m.WAMessage]}),
)  # fmt: skip

SHIM_ROUTES = (
    Route("POST", "/send", api_shim.send,
          "Fonnte-style send for Indonesian shop plugins (form or JSON)", tag="shim",
          body={"target": ("string", True, "numbers, comma-separated; `|`-separated variables"),
                "message": ("string", False, "the text; {name}, {var1}… per target"),
                "url": ("string", False, "a file to send (http or https)"),
                "filename": ("string", False, "the file's name"),
                "schedule": ("string", False, "Unix seconds: when it leaves (0: now)"),
                "countryCode": ("string", False, "replaces a leading 0 (default 62; 0: off)"),
                "delay": ("string", False, "seconds (`5`) or a range (`2-10`)"),
                "session": ("string", False, "which number sends (default: the first)")},
          answers={200: m.FonnteAnswer}, refusal=m.FonnteRefusal, form=True),
)  # fmt: skip

OBSERVE_ROUTES = (
    Route("GET", "/ping", api_observe.ping, "Is the API answering", tag="observability",
          answers={200: m.PingResponse}),
    Route("GET", "/health", api_observe.health, "Is the bridge running (503 when not)",
          tag="observability", answers={200: m.HealthAnswer, 503: m.HealthAnswer}),
    Route("GET", "/api/server/version", api_observe.version, "Jaga's version, WAHA's shape",
          tag="observability", answers={200: m.WAHAEnvironment}),
    Route("GET", "/api/version", api_observe.version, "The same (WAHA's older route)",
          tag="observability", answers={200: m.WAHAEnvironment}),
)  # fmt: skip

LABEL_ROUTES = tuple(Route(**spec, tag="labels") for spec in api_labels.ROUTES)  # WAHA's labels

#: Every group of routes; a new group (labels, …) is one more entry.
ROUTE_GROUPS: list[tuple[Route, ...]] = [
    SESSION_ROUTES, CHAT_ROUTES, LABEL_ROUTES, SHIM_ROUTES, OBSERVE_ROUTES
]  # fmt: skip


def all_routes() -> list[Route]:
    return [route for group in ROUTE_GROUPS for route in group]


ROUTES = tuple(all_routes())


def openapi() -> dict[str, Any]:
    return openapi_document(all_routes())


def build_app(
    core: Any, api_key: Callable[[], str], hosts: Callable[[], frozenset[str] | None]
) -> web.Application:
    door = make_door(api_key, hosts, lambda path: api_media.body_limit(core, path))
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[door])
    app[CORE] = core
    document = openapi()
    page = docs_page(document)
    spec = json.dumps(document)

    async def serve_openapi(_request: web.Request) -> web.Response:
        return web.Response(text=spec, content_type="application/json")

    async def serve_docs(_request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    app.router.add_get("/api/openapi.json", serve_openapi)
    app.router.add_get("/api/docs", serve_docs)
    for route in all_routes():
        app.router.add_route(route.method, route.path, route.handler)
    return app
