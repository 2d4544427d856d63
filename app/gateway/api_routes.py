"""The API's route table: the one source of the router, /api/openapi.json and /api/docs."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from app import __version__
from app.gateway import api_labels, api_media, api_shim, api_waha
from app.gateway.api_http import CORE, MAX_BODY_BYTES, make_door


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Callable[[web.Request], Any]
    summary: str
    tag: str = "sessions"
    #: Fields of the JSON (or form) body: name → (type, required, description).
    body: dict[str, tuple[str, bool, str]] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)


_SESSION = "/api/sessions/{session}"
ROUTES = (
    Route("GET", "/api/sessions", api_waha.list_sessions, "Every number, as WAHA sessions"),
    Route("GET", _SESSION, api_waha.get_session, "One number"),
    Route("POST", _SESSION + "/start", api_waha.start_session, "Start (or reconnect) a number"),
    Route("POST", _SESSION + "/stop", api_waha.stop_session, "Stop a number, keep its link"),
    Route("POST", _SESSION + "/restart", api_waha.restart_session, "Stop, then start again"),
    Route("POST", _SESSION + "/logout", api_waha.logout_session, "Unlink the number's device"),
    Route("GET", _SESSION + "/me", api_waha.get_me, "Who the number is (MeInfo), or null"),
    Route(
        "GET",
        "/api/{session}/auth/qr",
        api_waha.get_qr,
        "The QR code to scan (PNG), or its value",
        tag="auth",
        query={"format": '`raw` answers {"value": …} instead of a PNG'},
    ),
    Route(
        "POST",
        "/api/{session}/auth/request-code",
        api_waha.request_code,
        "Link by a code typed on the phone",
        tag="auth",
        body={"phoneNumber": ("string", True, "the phone to link, with country code")},
    ),
    Route(
        "POST",
        "/api/sendText",
        api_waha.send_text,
        "Queue a text in the durable outbox; answers at once (201; 200 for a replay)",
        tag="chatting",
        body={
            "session": ("string", False, "account id, label or `default`"),
            "chatId": ("string", True, "`628…@c.us` or digits"),
            "text": ("string", True, "at most 60,000 characters"),
            "reply_to": ("string", False, "id of a message of this chat to quote (a reply)"),
            "idempotencyKey": ("string", False, "or the Idempotency-Key header"),
        },
    ),
    *(
        Route(
            "POST",
            f"/api/{name}",
            handler,
            words,
            tag="chatting",
            body={
                "session": ("string", False, "account id, label or `default`"),
                "chatId": ("string", True, "`628…@c.us` or digits"),
                "file": ("object", True, "{mimetype, filename, data (base64) | url}"),
                "caption": ("string", False, "the words under the file"),
                "reply_to": ("string", False, "the id of a message of this chat to quote"),
                "idempotencyKey": ("string", False, "or the Idempotency-Key header"),
            },
        )
        for name, handler, words in (
            ("sendImage", api_media.send_image, "Queue a photo (JPEG, PNG or WebP)"),
            ("sendVideo", api_media.send_video, "Queue a video (MP4)"),
            ("sendFile", api_media.send_file, "Queue a document; it keeps its file name"),
            ("sendVoice", api_media.send_voice, "Queue a voice note (Ogg/Opus)"),
        )
    ),
    Route(
        "GET",
        "/api/files/{session}/{sha256}",
        api_media.get_file,
        "A message's file (the `media.url` of a webhook)",
        tag="chats",
    ),
    Route(
        "POST",
        "/api/sendSeen",
        api_waha.send_seen,
        "Mark messages seen (blue ticks); no ids: the chat's latest received",
        tag="chatting",
        body={
            "session": ("string", False, ""),
            "chatId": ("string", True, ""),
            "messageIds": ("array", False, "ids of received messages (at most 100)"),
            "participant": ("string", False, "ignored: Jaga knows each group message's writer"),
        },
    ),
    Route(
        "GET",
        "/api/{session}/chats/{chatId}/messages",
        api_waha.chat_messages,
        "A chat's messages, newest first",
        tag="chats",
        query={"limit": "1 to 1000 (default 100)"},
    ),
    # Labels in WAHA's shape (app/gateway/api_labels.py).
    *(Route(m, p, h, s, tag="labels", body=b) for m, p, h, s, b in api_labels.ROUTES),
    Route(
        "POST",
        "/send",
        api_shim.send,
        "Fonnte-style send for Indonesian shop plugins (form or JSON)",
        tag="shim",
        body={
            "target": ("string", True, "08…/628… numbers, comma-separated"),
            "message": ("string", True, ""),
            "countryCode": ("string", False, "default 62; 0 keeps numbers as typed"),
            "delay": ("string", False, "seconds before it leaves (`5`, or a range `2-10`)"),
            "session": ("string", False, "which number sends (default: the first)"),
        },
    ),
)

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            "required": ["code", "message"],
        }
    },
}


def _operation(route: Route) -> dict[str, Any]:
    params = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in ("session", "chatId", "sha256", "labelId")
        if "{" + name + "}" in route.path
    ]
    params += [
        {
            "name": n,
            "in": "query",
            "required": False,
            "description": d,
            "schema": {"type": "string"},
        }
        for n, d in route.query.items()
    ]
    operation: dict[str, Any] = {
        "summary": route.summary,
        "tags": [route.tag],
        "parameters": params,
        "responses": {
            "200": {"description": "OK"},
            "default": {
                "description": "An error",
                "content": {"application/json": {"schema": ERROR_SCHEMA}},
            },
        },
    }
    if route.body:
        schema = {
            "type": "object",
            "properties": {
                name: _schema(kind, words) for name, (kind, _required, words) in route.body.items()
            },
            "required": [name for name, (_k, required, _w) in route.body.items() if required],
        }
        operation["requestBody"] = {"content": {"application/json": {"schema": schema}}}
    return operation


def _schema(kind: str, words: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind, "description": words}
    if kind == "array":
        schema["items"] = {"type": "string"}
    return schema


def openapi() -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for route in ROUTES:
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route)
    return {
        "openapi": "3.0.3",
        "info": {"title": "Jaga local API", "version": __version__},
        "components": {
            "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}
        },
        "security": [{"apiKey": []}],
        "paths": paths,
    }


def docs_page(document: dict[str, Any]) -> str:
    """A plain page listing the routes (the machine may be offline: no CDN, no scripts)."""
    rows = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            cells = (method.upper(), path, operation["summary"])
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Jaga API</title></head><body>"
        "<h1>Jaga local API</h1><p>Send the key in the <code>X-Api-Key</code> header. "
        "The full document: <a href='/api/openapi.json'>/api/openapi.json</a>.</p>"
        "<table border='1' cellpadding='4'><tr><th>Method</th><th>Path</th><th>What</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )


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
    for route in ROUTES:
        app.router.add_route(route.method, route.path, route.handler)
    return app
