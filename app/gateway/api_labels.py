"""Labels through the local API, in WAHA's shape (docs/api.md, "Labels").

`GET/POST /api/{session}/labels`, `PUT/DELETE /api/{session}/labels/{labelId}`,
`GET/PUT /api/{session}/labels/chats/{chatId}`, `GET /api/{session}/labels/{labelId}/chats`.
On a WhatsApp Business number they are WhatsApp's own labels (a change reaches the phone
once the number is connected); on a personal number they are Jaga's. Bad input is a
4xx with a sentence, and nothing changes.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from app.domain.inbox import labels as rules
from app.domain.inbox.errors import InboxError
from app.gateway import label_models as lm
from app.gateway.api_http import ApiError, core_of, json_body
from app.gateway.api_models import dump
from app.gateway.api_waha import number_named
from app.gateway.label_json import label_json
from app.gateway.waha import chat_id, jaga_chat
from app.ports.api import StoreError
from app.ports.inbox import InboxPort


def _number(request: web.Request) -> tuple[InboxPort, str]:
    core = core_of(request)
    number = number_named(core, request.match_info["session"])
    return core.inbox, number.id


def _refused(error: InboxError | StoreError) -> ApiError:
    if isinstance(error, StoreError):
        return ApiError(503, "not_stored", str(error))
    status = 404 if error.code == "label_unknown" else 422
    return ApiError(status, error.code, str(error))


def _label_id(request: web.Request) -> str:
    try:
        return rules.check_label_id(request.match_info["labelId"])
    except InboxError as error:
        raise ApiError(400, error.code, str(error)) from error


def _chat(request: web.Request) -> str:
    """The one recipient rule (app/domain/recipients.py): international digits, a group or
    a LID; anything else is a 422 in words (the door's RecipientError)."""
    return jaga_chat(request.match_info["chatId"])


def _color(body: dict[str, Any], current: int | None) -> int:
    """WAHA's `color` (index) or `colorHex`; neither: the label keeps its colour (0 if new)."""
    if body.get("color") is not None:
        color = body["color"]
        return int(color) if isinstance(color, float) and color.is_integer() else color
    if body.get("colorHex") is not None:
        return rules.color_of_hex(body["colorHex"])
    return current if current is not None else 0


async def get_labels(request: web.Request) -> web.Response:
    inbox, account_id = _number(request)
    return web.json_response([label_json(label) for label in inbox.labels(account_id)])


async def create_label(request: web.Request) -> web.Response:
    inbox, account_id = _number(request)
    body = await json_body(request)
    try:
        label = inbox.save_label(account_id, None, body.get("name"), _color(body, None))
    except (InboxError, StoreError) as error:
        raise _refused(error) from error
    return web.json_response(label_json(label), status=201)


async def update_label(request: web.Request) -> web.Response:
    inbox, account_id = _number(request)
    label_id = _label_id(request)
    body = await json_body(request)
    current = inbox.label(account_id, label_id)
    try:
        if current is None:
            raise _unknown(label_id)
        color = _color(body, current.color)
        label = inbox.save_label(account_id, label_id, body.get("name", current.name), color)
    except (InboxError, StoreError) as error:
        raise _refused(error) from error
    return web.json_response(label_json(label))


def _unknown(label_id: str) -> InboxError:
    return InboxError("label_unknown", "There is no label {id} on this number.", id=label_id)


async def delete_label(request: web.Request) -> web.Response:
    inbox, account_id = _number(request)
    label_id = _label_id(request)
    try:
        label = inbox.delete_label(account_id, label_id)
    except (InboxError, StoreError) as error:
        raise _refused(error) from error
    return web.json_response(label_json(label))


async def get_chat_labels(request: web.Request) -> web.Response:
    inbox, account_id = _number(request)
    chat = _chat(request)
    return web.json_response([label_json(x) for x in inbox.chat_labels(account_id, chat)])


async def put_chat_labels(request: web.Request) -> web.Response:
    """WAHA's SetLabelsRequest {labels: [{id}]}: exactly these labels on the chat."""
    inbox, account_id = _number(request)
    chat = _chat(request)
    body = await json_body(request)
    wanted = body.get("labels")
    if not isinstance(wanted, list) or len(wanted) > lm.MAX_CHAT_LABELS:
        raise ApiError(400, "bad_labels", 'labels is a list of {"id": "…"} (at most 100).')
    try:
        ids = [
            rules.check_label_id(item.get("id") if isinstance(item, dict) else None)
            for item in wanted
        ]
        labels = inbox.set_chat_labels(account_id, chat, ids)
    except (InboxError, StoreError) as error:
        raise _refused(error) from error
    return web.json_response([label_json(x) for x in labels])


async def get_label_chats(request: web.Request) -> web.Response:
    inbox, account_id = _number(request)
    label_id = _label_id(request)
    if inbox.label(account_id, label_id) is None:
        raise _refused(_unknown(label_id))
    answer = []
    for chat in inbox.chats_with_label(account_id, label_id):
        conversation = inbox.conversation(account_id, chat)
        name = conversation.name if conversation else None
        answer.append(dump(lm.LabelChat, {"id": chat_id(chat), "name": name}))
    return web.json_response(answer)
