"""The local API compares the key in constant time (app/gateway/api_http.py make_door): an
ordinary `==` stops at the first differing byte, and how long a refusal takes would tell a
caller on the shop's network how much of a guess was right.

Seen failing against: `if key_of(request) != api_key():` in the door (every other API test
stayed green: the answers are the same, only their timing differs).
"""

from __future__ import annotations

import hmac
import secrets

from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from app.gateway.api_http import make_door
from tests.liveapp import run

KEY = "jaga-key-0123456789abcdef0123456789"


def test_the_api_key_is_compared_in_constant_time(loop, monkeypatch):
    compared: list[tuple[bytes | str, bytes | str]] = []
    real = hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    monkeypatch.setattr(secrets, "compare_digest", spy)
    door = make_door(lambda: KEY, lambda: None)

    async def handler(_request: web.Request) -> web.StreamResponse:
        return web.json_response({"ok": True})

    async def ask(key: str) -> int:
        request = make_mocked_request("GET", "/api/sessions", headers={"X-Api-Key": key})
        return (await door(request, handler)).status

    assert run(loop, ask(KEY)) == 200
    assert run(loop, ask(KEY[:-1] + "X")) == 401
    as_bytes = lambda value: value if isinstance(value, bytes) else value.encode()  # noqa: E731
    keys = [{as_bytes(a), as_bytes(b)} for a, b in compared]
    assert keys[0] == {KEY.encode()}
    assert keys[1] == {KEY.encode(), (KEY[:-1] + "X").encode()}
