"""The link to one running bridge: its client, its event stream, typed events, one at a time.

Errors are handled per event: an event the app cannot read is skipped (a durable one is
parked by the inbox, so it is settled and acknowledged); an event whose handling hits a
store error of the moment is tried again a few times and then given up, with the owner
told and a full reconcile to catch up. Nothing ends the stream but a lost connection.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from app.bridge.client import BridgeClient
from app.bridge.events import EventStream
from app.bridge.inbox_events import INBOX_TYPES
from app.bridge.protocol import (
    BridgeEvent,
    BridgeReset,
    Limits,
    ProtocolError,
    QrCode,
    ReadyInfo,
    SessionInfo,
    decode,
)
from app.domain.bridge_messages import Ack, Inbound
from app.domain.inbox.events import InboxEvent
from app.domain.store_error import StoreError
from app.domain.whatsapp_edges import ChatMerge

if TYPE_CHECKING:
    from app.tasks.keeper import TaskKeeper

log = logging.getLogger(__name__)

DURABLE_TYPES = frozenset(
    {"message.in", "message.ack", "chat.mapping", "message.undecryptable", *INBOX_TYPES}
)
#: Pauses before handling an event again after a store error of the moment.
EVENT_RETRY_DELAYS_S = (0.1, 0.3, 1.0)


class EventHandler(Protocol):
    async def on_session(self, info: SessionInfo) -> None: ...
    def on_qr(self, qr: QrCode) -> None: ...
    def on_durable(
        self, boot_id: str, seq: int, item: Inbound | Ack | ChatMerge | InboxEvent
    ) -> None: ...
    def on_unreadable_durable(self, event: BridgeEvent, why: str) -> None: ...
    def on_reset(self) -> None: ...
    def on_event_given_up(self, event: BridgeEvent, error: StoreError) -> None: ...


class BridgeLink:
    def __init__(self, token: str, handler: EventHandler, on_bytes: Callable[[], None]) -> None:
        self._token = token
        self._handler = handler
        self._on_bytes = on_bytes
        self.client: BridgeClient | None = None
        self.stream: EventStream | None = None
        self.boot_id: str | None = None
        self.limits = Limits()
        self._stream_task: asyncio.Task[None] | None = None

    async def connect(self, info: ReadyInfo, keeper: TaskKeeper) -> bool:
        """Follows a freshly READY bridge; True when it is a new boot (restore is due).

        The event stream is kept by the app's task keeper: started again if it dies."""
        await self.drop()
        self.client = BridgeClient(info.port, self._token, limits=info.limits)
        new_boot = info.boot_id != self.boot_id
        self.boot_id = info.boot_id
        self.limits = info.limits
        self.stream = EventStream(info.port, self.client.auth_headers, self.handle, self._on_bytes)
        self._stream_task = keeper.keep("event stream", self.stream.run)
        return new_boot

    async def drop(self) -> None:
        # Taken first, awaited after: a connect while this drop waits keeps what it made.
        task, self._stream_task = self._stream_task, None
        client, self.client = self.client, None
        self.stream = None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        if client is not None:
            await client.aclose()

    async def handle(self, event: BridgeEvent) -> None:
        """One event, start to end; never raises (the stream must go on)."""
        try:
            typed = decode(event.type, event.data)
        except ProtocolError as error:
            log.warning("skipped an unreadable %s event (seq %s): %s", event.type, event.seq, error)
            if event.type in DURABLE_TYPES:
                self._handler.on_unreadable_durable(event, str(error))
            return
        for attempt, delay in enumerate((*EVENT_RETRY_DELAYS_S, None)):
            try:
                await self._dispatch(event, typed)
                return
            except StoreError as error:
                if delay is None:
                    self._handler.on_event_given_up(event, error)
                    return
                log.info("%s event: %s; trying again (%d)", event.type, error, attempt + 1)
                await asyncio.sleep(delay)
            except Exception:  # a bug must not end the stream either
                log.exception("handling a %s event failed", event.type)
                return

    async def _dispatch(self, event: BridgeEvent, typed: object) -> None:
        match typed:
            case SessionInfo():
                await self._handler.on_session(typed)
            case QrCode():
                self._handler.on_qr(typed)
            case Inbound() | Ack() | ChatMerge() | InboxEvent():
                self._handler.on_durable(event.boot_id, event.seq, typed)
            case BridgeReset():
                self._handler.on_reset()
