"""Webhook receivers that misbehave, on a thread and loop of their own (raw asyncio servers,
so they can do what no well-behaved HTTP framework would).

- healthy: answers 204 at once and notes when each event arrived (wall clock);
- trickle: answers one byte every 3 seconds;
- hang: reads the request and never answers;
- huge: answers 500 with a 300 MB body, streamed until the client hangs up.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time

HUGE_BYTES = 300 * 1024 * 1024
TRICKLE_EVERY_S = 3.0


async def read_request(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return await reader.readexactly(length)


class HostileReceivers:
    def __init__(self) -> None:
        self.arrivals: list[tuple[dict, float]] = []  # healthy: (body, wall time)
        self.open = {"trickle": 0, "hang": 0, "huge": 0}  # requests still being answered
        self.huge_bytes_sent = 0
        self.ports: dict[str, int] = {}
        self._loop = asyncio.new_event_loop()
        self._servers: list[asyncio.Server] = []
        self._writers: set[asyncio.StreamWriter] = set()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        handlers = {
            "healthy": self._healthy,
            "trickle": self._trickle,
            "hang": self._hang,
            "huge": self._huge,
        }
        for name, handler in handlers.items():
            self.ports[name] = self._call(self._listen(handler))

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}/hook"

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

    async def _listen(self, handler) -> int:
        async def tracked(reader, writer) -> None:
            self._writers.add(writer)
            await handler(reader, writer)

        server = await asyncio.start_server(tracked, "127.0.0.1", 0)
        self._servers.append(server)
        return server.sockets[0].getsockname()[1]

    async def _healthy(self, reader, writer) -> None:
        # CancelledError too: at close the handlers end quietly (asyncio logs a cancelled
        # handler task as an error).
        with contextlib.suppress(
            ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError
        ):
            while True:
                body = await read_request(reader)
                self.arrivals.append((json.loads(body), time.time()))
                writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
                await writer.drain()

    async def _held(self, name: str, reader, writer, answer) -> None:
        self.open[name] += 1
        try:
            quiet = (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError)
            with contextlib.suppress(*quiet):
                await read_request(reader)
                await answer(writer)
        finally:
            self.open[name] -= 1
            writer.close()

    async def _trickle(self, reader, writer) -> None:
        async def answer(out) -> None:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok":
                out.write(bytes([byte]))
                await out.drain()
                await asyncio.sleep(TRICKLE_EVERY_S)

        await self._held("trickle", reader, writer, answer)

    async def _hang(self, reader, writer) -> None:
        async def answer(out) -> None:
            await reader.read()  # until the client gives up and closes

        await self._held("hang", reader, writer, answer)

    async def _huge(self, reader, writer) -> None:
        async def answer(out) -> None:
            out.write(
                b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
                + f"Content-Length: {HUGE_BYTES}\r\n\r\n".encode()
            )
            chunk = b"the shop's database is down " * 2340  # about 64 KiB
            sent = 0
            while sent < HUGE_BYTES:
                out.write(chunk)
                await out.drain()
                sent += len(chunk)
                self.huge_bytes_sent += len(chunk)

        await self._held("huge", reader, writer, answer)

    def close(self) -> None:
        async def stop() -> None:
            for server in self._servers:
                server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for writer in self._writers:
                writer.close()
            for server in self._servers:
                await server.wait_closed()

        with contextlib.suppress(Exception):
            self._call(stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()
