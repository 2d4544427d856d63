"""The app's loop closes an abandoned async generator inside one of its tasks, as asyncio does.

qasync's loop, marked running from the start (app.start.app_loop), never installed asyncio's
async-generator hooks. An httpx response read through `aiter_lines` and left between two
lines when its task was cancelled was then closed by the garbage collector outside any
task, and anyio raised "Attempted to exit cancel scope in a different task" (pytest's
unraisable warning at a random test's teardown, 2 clean-clone CI runs in 6).

Seen failing against: `running_loop` without `sys.set_asyncgen_hooks` (both tests).
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web

from tests.liveapp import eventually, run


@pytest.fixture
def unraisables(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    caught: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", caught.append)
    return caught


def test_a_generator_dropped_at_a_yield_is_closed_in_a_task(loop, unraisables) -> None:
    closed_in: list[asyncio.Task[Any] | None] = []

    async def lines() -> AsyncIterator[int]:
        try:
            yield 1
            yield 2
        finally:
            await asyncio.sleep(0)  # clean-up that awaits, as httpcore's does
            closed_in.append(asyncio.current_task())

    async def read_one_and_drop() -> None:
        source = lines()
        assert await source.__anext__() == 1
        del source
        gc.collect()
        await eventually(lambda: bool(closed_in), what="the generator closed")

    run(loop, read_one_and_drop())
    assert unraisables == []
    assert closed_in[0] is not None


async def _endless_lines(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse()
    await response.prepare(request)
    try:
        for number in range(10_000):
            await response.write(b"line %d\n" % number)
            await asyncio.sleep(0.005)
    except ConnectionResetError:
        pass  # the client went away, as the test wants
    return response


def test_a_stream_cancelled_between_two_lines_closes_cleanly(loop, unraisables) -> None:
    async def scenario() -> None:
        server = web.Application()
        server.router.add_get("/", _endless_lines)
        runner = web.AppRunner(server)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        async with httpx.AsyncClient(trust_env=False) as http:
            for _ in range(3):
                await _follow_then_cancel(http, f"http://127.0.0.1:{port}/")
            gc.collect()
            await asyncio.sleep(0)
        await runner.cleanup()

    run(loop, scenario())
    gc.collect()
    assert unraisables == []


async def _follow_then_cancel(http: httpx.AsyncClient, url: str) -> None:
    reading = asyncio.Event()

    async def follow() -> None:
        async with http.stream("GET", url) as response:
            async for _line in response.aiter_lines():
                reading.set()
                await asyncio.Event().wait()  # handling the line when cancelled

    task = asyncio.ensure_future(follow())
    await reading.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
