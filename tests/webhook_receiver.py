"""The shop's software in tests: a real local HTTP server that takes webhooks.

The `receiver` fixture (tests/conftest.py) starts one per test on the live loop.
"""

from __future__ import annotations

import asyncio
import json

from aiohttp import web


class Receiver:
    """The shop's software: answers as the test says, records what it got."""

    def __init__(self) -> None:
        self.got: list[tuple[dict, dict[str, str], bytes]] = []
        self.answers: list[int] = []  # next status codes to answer; then 200
        self.hang = asyncio.Event()
        self.hang.set()  # set: answer at once
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        try:
            raw = await request.read()
        except ConnectionResetError:
            # The sender stopped mid-request (a quit, a test's end): nothing arrived, and
            # the delivery stays due in app.sqlite3, as a real shop's server would see it.
            return web.Response(status=499)
        await self.hang.wait()
        self.got.append((json.loads(raw), dict(request.headers), raw))
        status = self.answers.pop(0) if self.answers else 200
        return web.Response(status=status, text="nope" if status >= 300 else "ok")

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self.handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/hook?token=t0ps3cret"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def ids(self) -> list[str]:
        return [document["id"] for document, _headers, _raw in self.got]
