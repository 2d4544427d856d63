"""A chat's messages as WAHA reads them: `GET /api/{session}/chats/{chatId}/messages` and
`GET /api/messages?session=…&chatId=…`, newest first, with `limit`, `offset` and WAHA's
`filter.timestamp.gte`, `filter.timestamp.lte`, `filter.fromMe`, `filter.ack`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from app.gateway.api_http import ApiError, core_of, whole_number
from app.gateway.api_models import WAMessage, dump
from app.gateway.api_waha import DEFAULT_SESSION, number_named, origin
from app.gateway.waha import ack_level, jaga_chat
from app.gateway.waha_json import epoch, message_json
from app.ports.api import GatewayCore, MessageView, NumberView

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_OFFSET = 100_000
#: With a filter, this many of the chat's newest messages are looked through, at most.
FILTER_SCAN = 20_000
MAX_TIMESTAMP = 10**12


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int
    keep: Callable[[MessageView], bool] | None  # None: no filter


def page_of(query: dict[str, str]) -> Page:
    limit = whole_number(query.get("limit", str(DEFAULT_LIMIT)), "limit", 1, MAX_LIMIT)
    offset = whole_number(query.get("offset", "0"), "offset", 0, MAX_OFFSET)
    tests: list[Callable[[MessageView], bool]] = []
    if "filter.timestamp.gte" in query:
        gte = whole_number(query["filter.timestamp.gte"], "filter", 0, MAX_TIMESTAMP)
        tests.append(lambda m: epoch(m.created_at) >= gte)
    if "filter.timestamp.lte" in query:
        lte = whole_number(query["filter.timestamp.lte"], "filter", 0, MAX_TIMESTAMP)
        tests.append(lambda m: epoch(m.created_at) <= lte)
    if "filter.fromMe" in query:
        mine = _boolean(query["filter.fromMe"])
        tests.append(lambda m: (m.direction == "out") == mine)
    if "filter.ack" in query:
        ack = _ack(query["filter.ack"])
        tests.append(lambda m: ack_level(m.status).value == ack)
    keep = (lambda m: all(test(m) for test in tests)) if tests else None
    return Page(limit, offset, keep)


def _boolean(raw: str) -> bool:
    value = raw.strip().lower()
    if value not in ("true", "false"):
        raise ApiError(400, "bad_filter", "filter.fromMe is true or false.")
    return value == "true"


_ACK_NAMES = {"ERROR": -1, "PENDING": 0, "SERVER": 1, "DEVICE": 2, "READ": 3, "PLAYED": 4}


def _ack(raw: str) -> int:
    value = raw.strip()
    if value.upper() in _ACK_NAMES:
        return _ACK_NAMES[value.upper()]
    if value in ("-1", "0", "1", "2", "3", "4"):
        return int(value)
    raise ApiError(400, "bad_filter", "filter.ack is an ack level, -1 to 4 (or ERROR … PLAYED).")


def read_page(core: GatewayCore, number: NumberView, chat: str, page: Page) -> list[MessageView]:
    """Newest first: the page after `offset` of the messages the filter keeps."""
    scan = FILTER_SCAN if page.keep else page.offset + page.limit
    newest_first = list(reversed(core.chat_messages(number.id, chat, scan)))
    kept = [m for m in newest_first if page.keep(m)] if page.keep else newest_first
    return kept[page.offset : page.offset + page.limit]


def _answer(request: web.Request, number: NumberView, rows: list[MessageView]) -> web.Response:
    base = origin(request)
    return web.json_response([dump(WAMessage, message_json(number, m, base)) for m in rows])


async def chat_messages(request: web.Request) -> web.Response:
    core: GatewayCore = core_of(request)
    number = number_named(core, request.match_info["session"])
    page = page_of(dict(request.query))
    chat = jaga_chat(request.match_info["chatId"])
    return _answer(request, number, read_page(core, number, chat, page))


async def messages(request: web.Request) -> web.Response:
    """WAHA's GET /api/messages?session=…&chatId=… (the older form of the same read)."""
    core: GatewayCore = core_of(request)
    query = dict(request.query)
    number = number_named(core, query.get("session") or DEFAULT_SESSION)
    page = page_of(query)
    if not query.get("chatId"):
        raise ApiError(400, "missing_field", "The query parameter “chatId” is required.")
    chat = jaga_chat(query["chatId"])
    return _answer(request, number, read_page(core, number, chat, page))
