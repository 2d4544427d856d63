"""The API's route table: the one source of the router, /api/openapi.json and /api/docs.

Each route names its handler (`module.function` in app/gateway) and the models of its
answers (app/gateway/api_models.py, label_models.py), the same models its handler builds
them with. Both are names, not imports: the router is built at the app's start from this
table alone, a handler's module (and with it pydantic and the models, ≈10 MiB) is imported
by the first request to its route group, and the OpenAPI document by its first reader.
Other route groups add their own table to `ROUTE_GROUPS` with one line.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from app.gateway.api_http import CORE, MAX_BODY_BYTES, body_limit, make_door

#: An answer: a model's name, a list of one (["Model"]), "Model | None", None (JSON
#: null), "png"/"binary" (app/gateway/openapi_doc.py reads them).
Answer = Any
FieldSpec = tuple[str, bool, str] | tuple[str, bool, str, dict[str, Any]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    #: The handler, as `module.function` of app/gateway (imported on first use).
    handler: str
    summary: str
    tag: str = "sessions"
    #: Fields of the JSON (or form) body: name → (type, required, description[, schema]).
    body: dict[str, FieldSpec] = field(default_factory=dict)
    #: Or the body as one model (its name).
    body_model: str | None = None
    #: Query parameters: name → (JSON schema, description).
    query: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    #: Success answers: status → what it carries.
    answers: dict[int, Answer] = field(default_factory=lambda: {200: None})
    #: The model of its refusals (its name).
    refusal: str = "ErrorBody"
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
_CREATED_MESSAGE = {201: "QueuedMessage", 200: "QueuedMessage"}


def _action(name: str, handler: str, words: str) -> Route:
    return Route("POST", f"{_SESSION}/{name}", handler, words, answers={201: "SessionInfo"})


SESSION_ROUTES = (
    Route("GET", "/api/sessions", "api_sessions.list_sessions", "Every number, as WAHA sessions",
          answers={200: ["SessionInfo"]}),
    Route("GET", "/api/sessions/", "api_sessions.list_sessions", "The same (WAHA's trailing /)",
          answers={200: ["SessionInfo"]}),
    Route("POST", "/api/sessions", "api_sessions.create_session",
          "A new number (its `name` is its label); started unless `start` is false",
          body_model="SessionRequest", answers={201: "SessionInfo"}),
    Route("GET", _SESSION, "api_sessions.get_session", "One number", answers={200: "SessionInfo"}),
    Route("PUT", _SESSION, "api_sessions.update_session",
          "The number's config: metadata, and webhooks for this number alone",
          body_model="SessionRequest", answers={200: "SessionInfo"}),
    _action("start", "api_sessions.start_session", "Start (or reconnect) a number"),
    _action("stop", "api_sessions.stop_session", "Stop a number, keep its link"),
    _action("restart", "api_sessions.restart_session", "Stop, then start again"),
    _action("logout", "api_sessions.logout_session", "Unlink; a running number shows a fresh QR"),
    Route("GET", _SESSION + "/me", "api_sessions.get_me", "Who the number is (MeInfo), or null",
          answers={200: "MeInfo | None"}),
    Route("GET", "/api/{session}/auth/qr", "api_sessions.get_qr",
          "The QR code to scan: PNG; Accept: application/json gives it base64", tag="auth",
          query={"format": ({"type": "string", "enum": ["image", "raw"]},
                            '`raw` answers {"value": …}')},
          answers={200: ("png", "Base64File", "QRCodeValue")}),
    Route("POST", "/api/{session}/auth/request-code", "api_sessions.request_code",
          "Link by a code typed on the phone", tag="auth",
          body={"phoneNumber": ("string", True, "the phone to link, international digits",
                                {"minLength": 1, "maxLength": 40})},
          answers={201: "PairingCode"}),
)  # fmt: skip

CHAT_ROUTES = (
    Route("POST", "/api/sendText", "api_waha.send_text",
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
            ("sendImage", "api_media.send_image", "Queue a photo (JPEG, PNG or WebP)"),
            ("sendVideo", "api_media.send_video", "Queue a video (MP4)"),
            ("sendFile", "api_media.send_file", "Queue a document; it keeps its file name"),
            ("sendVoice", "api_media.send_voice", "Queue a voice note (Ogg/Opus)"),
        )
    ),
    Route("GET", "/api/files/{session}/{sha256}", "api_media.get_file",
          "A message's file (the `media.url` of a message)", tag="chats",
          answers={200: "binary"}),
    Route("POST", "/api/sendSeen", "api_waha.send_seen",
          "Mark messages seen (blue ticks); no ids: the chat's latest received", tag="chatting",
          body={"session": _SESSION_FIELD, "chatId": _CHAT_ID,
                "messageIds": ("array", False, "ids of received messages (1 to 100)",
                               {"minItems": 1, "maxItems": 100}),
                "participant": ("string", False, "ignored: Jaga knows each writer")},
          answers={201: "SeenAnswer"}),
    Route("GET", "/api/{session}/chats/{chatId}/messages", "api_messages.chat_messages",
          "A chat's messages, newest first", tag="chats", query=_PAGING,
          answers={200: ["WAMessage"]}),
    Route("GET", "/api/messages", "api_messages.messages",
          "A chat's messages, newest first (WAHA's older form)", tag="chats",
          query={"session": ({"type": "string"}, "account id, label or `default`"),
                 "chatId": ({"type": "string"}, "the chat (required)"), **_PAGING},
          answers={200: ["WAMessage"]}),
)  # fmt: skip

SHIM_ROUTES = (
    Route("POST", "/send", "api_shim.send",
          "Fonnte-style send for Indonesian shop plugins (form or JSON)", tag="shim",
          body={"target": ("string", True, "numbers, comma-separated; `|`-separated variables"),
                "message": ("string", False, "the text; {name}, {var1}… per target"),
                "url": ("string", False, "a file to send (http or https)"),
                "filename": ("string", False, "the file's name"),
                "schedule": ("string", False, "Unix seconds: when it leaves (0: now)"),
                "countryCode": ("string", False, "replaces a leading 0 (default 62; 0: off)"),
                "delay": ("string", False, "seconds (`5`) or a range (`2-10`)"),
                "session": ("string", False, "which number sends (default: the first)")},
          answers={200: "FonnteAnswer"}, refusal="FonnteRefusal", form=True),
)  # fmt: skip

OBSERVE_ROUTES = (
    Route("GET", "/ping", "api_observe.ping", "Is the API answering", tag="observability",
          answers={200: "PingResponse"}),
    Route("GET", "/health", "api_observe.health", "Is the bridge running (503 when not)",
          tag="observability", answers={200: "HealthAnswer", 503: "HealthAnswer"}),
    Route("GET", "/api/server/version", "api_observe.version", "Jaga's version, WAHA's shape",
          tag="observability", answers={200: "WAHAEnvironment"}),
    Route("GET", "/api/version", "api_observe.version", "The same (WAHA's older route)",
          tag="observability", answers={200: "WAHAEnvironment"}),
)  # fmt: skip

_LABELS = "/api/{session}/labels"
_ONE = _LABELS + "/{labelId}"
_CHAT = _LABELS + "/chats/{chatId}"

LABEL_ROUTES = tuple(Route(**spec, tag="labels") for spec in (  # WAHA's labels: api_labels.py
    {"method": "GET", "path": _LABELS, "handler": "api_labels.get_labels",
     "summary": "The number's labels", "answers": {200: ["Label"]}},
    {"method": "POST", "path": _LABELS, "handler": "api_labels.create_label",
     "summary": "Make a label", "body_model": "LabelBody", "answers": {201: "Label"}},
    {"method": "PUT", "path": _CHAT, "handler": "api_labels.put_chat_labels",
     "summary": "Exactly these labels on a chat; answers the chat's labels",
     "body_model": "SetLabelsRequest", "answers": {200: ["Label"]}},
    {"method": "GET", "path": _CHAT, "handler": "api_labels.get_chat_labels",
     "summary": "A chat's labels", "answers": {200: ["Label"]}},
    {"method": "PUT", "path": _ONE, "handler": "api_labels.update_label",
     "summary": "Rename or recolour a label", "body_model": "LabelBody",
     "answers": {200: "Label"}},
    {"method": "DELETE", "path": _ONE, "handler": "api_labels.delete_label",
     "summary": "Delete a label (from its chats too); answers it", "answers": {200: "Label"}},
    {"method": "GET", "path": _ONE + "/chats", "handler": "api_labels.get_label_chats",
     "summary": "The chats with a label", "answers": {200: ["LabelChat"]}},
))  # fmt: skip

#: Every group of routes; a new group (labels, …) is one more entry.
ROUTE_GROUPS: list[tuple[Route, ...]] = [
    SESSION_ROUTES, CHAT_ROUTES, LABEL_ROUTES, SHIM_ROUTES, OBSERVE_ROUTES
]  # fmt: skip


def all_routes() -> list[Route]:
    return [route for group in ROUTE_GROUPS for route in group]


ROUTES = tuple(all_routes())


def openapi() -> dict[str, Any]:
    from app.gateway.openapi_doc import openapi_document  # pydantic: on first use

    return openapi_document(all_routes())


def handler_of(name: str) -> Handler:
    """The route's handler, its module imported by the first request that needs it."""
    module_name, function_name = name.split(".")

    async def handle(request: web.Request) -> web.StreamResponse:
        module = importlib.import_module(f"app.gateway.{module_name}")
        handler: Handler = getattr(module, function_name)
        return await handler(request)

    return handle


class _Documents:
    """/api/openapi.json and /api/docs, made by their first reader and kept."""

    def __init__(self) -> None:
        self._spec: str | None = None
        self._page: str | None = None

    def _make(self) -> None:
        from app.gateway.openapi_doc import docs_page

        document = openapi()
        self._spec, self._page = json.dumps(document), docs_page(document)

    async def openapi(self, _request: web.Request) -> web.Response:
        if self._spec is None:
            self._make()
        return web.Response(text=self._spec, content_type="application/json")

    async def docs(self, _request: web.Request) -> web.Response:
        if self._page is None:
            self._make()
        return web.Response(text=self._page, content_type="text/html")


def build_app(
    core: Any, api_key: Callable[[], str], hosts: Callable[[], frozenset[str] | None]
) -> web.Application:
    door = make_door(api_key, hosts, lambda path: body_limit(core, path))
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[door])
    app[CORE] = core
    documents = _Documents()
    app.router.add_get("/api/openapi.json", documents.openapi)
    app.router.add_get("/api/docs", documents.docs)
    for route in all_routes():
        app.router.add_route(route.method, route.path, handler_of(route.handler))
    return app
