"""The bridge's SSE event stream: resumable, and telling the supervisor when bytes arrive."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
from httpx_sse import aconnect_sse

from app.bridge.client import loopback_tls
from app.bridge.protocol import BridgeEvent, ProtocolError

log = logging.getLogger(__name__)

#: How long events are handled in a row, from bytes already read, before the loop gets a
#: turn: a burst (the receipts of a drained outbox) arrives hundreds to a read, and the
#: window must not wait for all of them. By time, not by count: every turn given costs
#: qasync a timer round trip, and giving one every 32 events halved the inbound capacity.
TURN_EVERY_S = 0.02


class _ActivityStream(httpx.AsyncByteStream):
    """Wraps a response body to report every chunk, heartbeat comments included."""

    def __init__(self, inner: httpx.AsyncByteStream, on_bytes: Callable[[], None]) -> None:
        self._inner = inner
        self._on_bytes = on_bytes

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            self._on_bytes()
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class ActivityTransport(httpx.AsyncBaseTransport):
    def __init__(self, on_bytes: Callable[[], None]) -> None:
        self._inner = httpx.AsyncHTTPTransport(verify=loopback_tls())
        self._on_bytes = on_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _ActivityStream(response.stream, self._on_bytes)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class EventStream:
    """Follows `GET /events` until cancelled, resuming with Last-Event-ID after a drop."""

    def __init__(
        self,
        port: int,
        auth_headers: dict[str, str],
        on_event: Callable[[BridgeEvent], Awaitable[None]],
        on_bytes: Callable[[], None],
        *,
        retry_delay: float = 0.2,
    ) -> None:
        self._url = f"http://127.0.0.1:{port}/events"
        self._headers = auth_headers
        self._on_event = on_event
        self._retry_delay = retry_delay
        self._on_bytes = on_bytes
        self.last_event_id: str | None = None
        self.connections = 0  # how many times the stream was (re)opened
        self._allowed = asyncio.Event()
        self._allowed.set()
        self._current: asyncio.Task[None] | None = None

    def pause(self) -> None:
        """Drops the connection and stays away until resume() (a lost connection, on demand)."""
        self._allowed.clear()
        self._drop_current()

    def reconnect(self, *, from_start: bool = False) -> None:
        """Drops the connection and opens a new one at once.

        `from_start` forgets the Last-Event-ID, so the bridge answers with `bridge.reset`
        and sends every durable event not yet acknowledged.
        """
        if from_start:
            self.last_event_id = None
        self._drop_current()

    def _drop_current(self) -> None:
        if self._current is not None:
            self._current.cancel()

    def resume(self) -> None:
        self._allowed.set()

    async def run(self) -> None:
        """Until cancelled; a new run after one that died starts with a new client."""
        http = httpx.AsyncClient(
            transport=ActivityTransport(self._on_bytes),
            timeout=httpx.Timeout(5.0, read=None),  # the supervisor judges silence, not httpx
            trust_env=False,
        )
        try:
            while True:
                await self._allowed.wait()
                self._current = asyncio.ensure_future(self._follow_once(http))
                try:
                    await self._current
                except (httpx.HTTPError, ProtocolError) as error:
                    log.info("event stream interrupted: %r", error)
                except asyncio.CancelledError:
                    # A drop cancels only the connection; a stop cancels this task too
                    # (even when both come in the same turn).
                    if asyncio.current_task().cancelling():  # type: ignore[union-attr]
                        raise
                finally:
                    self._current.cancel()
                    self._current = None
                await asyncio.sleep(self._retry_delay)
        finally:
            await http.aclose()

    async def _follow_once(self, http: httpx.AsyncClient) -> None:
        headers = dict(self._headers)
        if self.last_event_id:
            headers["Last-Event-ID"] = self.last_event_id
        async with aconnect_sse(http, "GET", self._url, headers=headers) as source:
            source.response.raise_for_status()
            self.connections += 1
            turn_at = time.monotonic() + TURN_EVERY_S
            async for sse in source.aiter_sse():
                if not sse.id:
                    continue
                if time.monotonic() >= turn_at:
                    await asyncio.sleep(0)  # Qt's events (paint, input, timers) go first
                    turn_at = time.monotonic() + TURN_EVERY_S
                try:
                    event = BridgeEvent.from_sse(sse.id, sse.event, sse.data)
                except ProtocolError as error:
                    event = BridgeEvent.unreadable(sse.id, sse.event, sse.data)
                    if event is None:
                        log.warning("skipped an event with an unreadable id: %s", error)
                        continue
                await self._on_event(event)
                # Only after the event is handled: a crash in between replays it.
                self.last_event_id = sse.id
