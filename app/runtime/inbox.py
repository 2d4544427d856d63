"""Durable events (inbound messages, acks): stored in batches, acknowledged once stored.

The bridge journals these and replays them until acknowledged, so nothing is
acknowledged before its commit. Acks are cumulative ("up to seq"), so a seq is only
acknowledged when every durable seq before it is settled: stored, or parked.

- A batch that fails for a reason of the moment (disk full, database busy) is kept and
  retried with a growing pause; the owner is told once.
- A batch that fails for any other reason is stored item by item; an item that cannot be
  stored by itself (a lone surrogate, ...) is parked: kept in the audit log, escaped, with
  a notice, and everything behind it flows on.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from app.bridge.client import BridgeClient, BridgeError
from app.domain.bridge_messages import Ack, Inbound
from app.domain.store_error import StoreError
from app.domain.whatsapp_edges import ChatMerge
from app.runtime.repos import DurableEvents
from app.runtime.signals import CoreSignals

log = logging.getLogger(__name__)

#: Durable events that arrive together are stored together: one commit, one fsync,
#: per window or per this many events, whichever comes first.
BATCH_WINDOW_S = 0.025
BATCH_MAX = 500
#: One ack for a burst of events.
ACK_COALESCE_S = 0.05
#: Pauses before storing a batch again after a store error of the moment.
RETRY_DELAYS_S = (0.2, 0.5, 1.0, 2.0, 5.0)

Item = Inbound | Ack | ChatMerge
Entry = tuple[str, int, Item]  # boot id, seq, item

PARKED_NOTICE = (
    "A message that arrived could not be saved (it contains characters Jaga cannot store). "
    "It was put aside in the event log; the messages after it were saved."
)


class Inbox:
    def __init__(
        self,
        store: DurableEvents,
        signals: CoreSignals,
        *,
        client: Callable[[], BridgeClient | None],
        boot_id: Callable[[], str | None],
        spawn: Callable[[Any], asyncio.Task[Any]],
    ) -> None:
        self.store = store
        self.signals = signals
        self._client = client
        self._boot_id = boot_id
        self._spawn = spawn
        self._buffer: list[Entry] = []
        self._flush: asyncio.TimerHandle | None = None
        self._failures = 0  # consecutive store errors of the moment
        self._settled_upto = 0  # every durable seq of this boot up to here is settled
        self._acked_upto = 0
        self._ack_task: asyncio.Task[None] | None = None

    def new_boot(self) -> None:
        self._settled_upto = self._acked_upto = 0

    def close(self) -> None:
        if self._flush is not None:
            self._flush.cancel()  # unstored events are not acknowledged: replayed
            self._flush = None

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def accept(self, boot_id: str, seq: int, item: Item) -> None:
        self._buffer.append((boot_id, seq, item))
        if len(self._buffer) >= BATCH_MAX and self._failures == 0:
            self.flush()
        elif self._flush is None:
            self._schedule(BATCH_WINDOW_S)

    def park_unreadable(self, boot_id: str, seq: int, session_id: str, raw: Any, why: str) -> None:
        """A durable event that breaks the contract: kept in the audit log, then settled."""
        self._buffer.append((boot_id, seq, _Unreadable(session_id, raw, why)))  # type: ignore[arg-type]
        if self._flush is None:
            self._schedule(BATCH_WINDOW_S)

    def _schedule(self, delay: float) -> None:
        self._flush = asyncio.get_running_loop().call_later(delay, self.flush)

    def flush(self) -> None:
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        batch = self._buffer[:BATCH_MAX]
        if not batch:
            return
        try:
            added, updated = self._store(batch)
        except StoreError as error:
            self._trouble(error)
            return
        del self._buffer[: len(batch)]
        self._failures = 0
        self._settled(batch)
        for row_id in added:
            self.signals.message_added.emit(row_id)
        for row_id in updated:
            self.signals.message_updated.emit(row_id)
        if self._buffer:
            self._schedule(0)

    def _store(self, batch: list[Entry]) -> tuple[list[int], list[int]]:
        items = [item for _boot, _seq, item in batch]
        if not any(isinstance(item, _Unreadable) for item in items):
            try:
                return self.store.store_durable(items)
            except StoreError:
                raise
            except Exception:
                log.warning("a batch of %d durable events failed; storing one by one", len(batch))
        added: list[int] = []
        updated: list[int] = []
        for _boot, _seq, item in batch:
            if isinstance(item, _Unreadable):
                self._park(item.session_id, item.raw, item.why)
                continue
            try:
                one_added, one_updated = self.store.store_durable([item])
            except StoreError:
                raise  # of the moment: the whole batch again later (replays are ignored)
            except Exception as error:
                self._park(item.account_id, asdict(item), repr(error))
                continue
            added += one_added
            updated += one_updated
        return added, updated

    def _park(self, account_id: str, raw: Any, why: str) -> None:
        detail = json.dumps({"item": raw, "error": why}, default=str, ensure_ascii=True)
        log.warning("parked a durable event of %s: %s", account_id, why)
        self.store.audit("inbound_parked", detail, account_id or None)  # StoreError: retried
        self.signals.error.emit(PARKED_NOTICE)

    def _trouble(self, error: StoreError) -> None:
        if self._failures == 0:
            log.error("could not store %d messages/acks: %s", len(self._buffer), error)
            self.signals.error.emit(f"Jaga could not save incoming messages: {error}")
        delay = RETRY_DELAYS_S[min(self._failures, len(RETRY_DELAYS_S) - 1)]
        self._failures += 1
        self._schedule(delay)

    def _settled(self, batch: list[Entry]) -> None:
        # Seqs of an earlier boot mean nothing to this bridge: it replays those itself.
        current = [seq for boot, seq, _item in batch if boot == self._boot_id()]
        if not current:
            return
        self._settled_upto = max(self._settled_upto, *current)
        if self._ack_task is None or self._ack_task.done():
            self._ack_task = self._spawn(self._ack_loop(self._boot_id()))

    async def _ack_loop(self, boot_id: str | None) -> None:
        """Acknowledges, and again while more was settled meanwhile (a second burst)."""
        while self._acked_upto < self._settled_upto:
            await asyncio.sleep(ACK_COALESCE_S)
            client, upto = self._client(), self._settled_upto
            if client is None or boot_id is None or boot_id != self._boot_id():
                return  # the bridge restarted: it replays what was not acknowledged
            try:
                await client.ack_events(upto, boot_id)
            except BridgeError as error:
                log.info("ack up to %s not taken: %s", upto, error)
                return  # the next batch tries again; a restart replays
            self._acked_upto = max(self._acked_upto, upto)


class _Unreadable:
    """A durable event whose data could not be read: parked when its turn comes."""

    def __init__(self, session_id: str, raw: Any, why: str) -> None:
        self.session_id = session_id
        self.raw = raw
        self.why = why
