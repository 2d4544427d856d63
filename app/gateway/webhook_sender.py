"""Sends due webhook deliveries to the shop's URLs, signed, in order per chat, with retries.

Each address delivers on its own: one lane (an asyncio task) per address, so a slow,
hanging or hostile receiver delays only itself. One loop hands the idle lanes their due
deliveries, read in one query for all of them (two queries per address per event were a
large part of a 10-address fan-out's CPU: docs/benchmarks.md, "Where a webhook's time
goes"); a busy lane is handed nothing new until all its outcomes are stored (outcomes of
the same moment share one commit: app/gateway/webhook_outcomes.py), so a restart goes on
from where it stopped. Within a lane, the heads of different chats go side by side (a few
at once); a chat's next event waits for the one before.

Nothing here logs a secret, a body or a full URL (its query may carry the shop's token):
a URL is named by its target id and host.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlsplit

import aiohttp

from app.domain.webhook_retry import Outcome, after_attempt
from app.gateway.webhook_outcomes import OutcomeWriter, Recorded
from app.gateway.webhook_post import REQUEST_TIMEOUT_S, Attempt, new_session, post_once
from app.ports.api import DeliveryView, StoreError, WebhookQueue, WebhookTargetView

__all__ = ["REQUEST_TIMEOUT_S", "WebhookSender"]

log = logging.getLogger(__name__)

#: Requests at once to one address (heads of different chats).
PER_ADDRESS = 4
IDLE_WAIT_S = 30.0
#: After an unexpected error in a lane: a pause, then it goes on.
LANE_PAUSE_S = 1.0


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the store keeps


def where(target: WebhookTargetView) -> str:
    try:
        host = urlsplit(target.url).hostname
    except ValueError:
        host = "?"
    return f"webhook {target.id} ({host})"


class WebhookSender:
    def __init__(
        self,
        store: WebhookQueue,
        *,
        now: Callable[[], datetime] = _utcnow,
        rng: random.Random | None = None,
        timeout_s: float = REQUEST_TIMEOUT_S,
    ) -> None:
        self._store = store
        self._session: aiohttp.ClientSession | None = None  # made on the loop, when needed
        self._timeout_s = timeout_s
        self._now = now
        self._rng = rng or random.Random()
        self._outcomes = OutcomeWriter(store)
        self._wakeup = asyncio.Event()
        self._lanes: dict[int, asyncio.Task[None]] = {}
        self._lane_wakeups: dict[int, asyncio.Event] = {}
        self._targets: dict[int, WebhookTargetView] = {}
        self._targets_read = False  # the addresses are read again after a wake()
        self._handed: dict[int, list[DeliveryView]] = {}  # lane → its deliveries to try
        self._busy: set[int] = set()  # lanes trying theirs now

    def wake(self) -> None:
        """New deliveries were written, or the owner asked for a retry or added an address."""
        self._targets_read = False
        self._wakeup.set()

    async def aclose(self) -> None:
        await self._stop_lanes()
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    # --- the lanes ----------------------------------------------------------------------

    async def run_forever(self) -> None:
        """Keeps one lane per address and hands each idle lane its due deliveries (one
        query for all of them); ends only when cancelled (its lanes with it)."""
        try:
            while True:
                self._wakeup.clear()
                try:
                    wait_s = self._hand_out()
                except StoreError as error:  # a full disk: keep everything, try again
                    log.warning("webhooks paused: %s", error)
                    wait_s = LANE_PAUSE_S
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(wait_s):
                        await self._wakeup.wait()
        finally:
            await self._stop_lanes()

    def _hand_out(self) -> float:
        """Each idle lane with due deliveries gets them; how long until the next is due."""
        if not self._targets_read:
            self._targets = {t.id: t for t in self._store.targets()}
            self._keep_lanes(set(self._targets))
            self._targets_read = True
        idle = [target_id for target_id in self._lanes if target_id not in self._busy]
        due = self._store.due_by_address(self._now(), idle)
        for target_id, deliveries in due.items():
            self._busy.add(target_id)  # until its lane has stored every outcome
            self._handed[target_id] = deliveries
            self._lane_wakeups[target_id].set()
        next_at = self._store.next_due_at(among=[i for i in idle if i not in due])
        if next_at is None:
            return IDLE_WAIT_S
        return min(IDLE_WAIT_S, max(0.05, (next_at - self._now()).total_seconds()))

    def _keep_lanes(self, target_ids: set[int]) -> None:
        for target_id in target_ids - self._lanes.keys():
            self._lane_wakeups[target_id] = asyncio.Event()
            self._lanes[target_id] = asyncio.ensure_future(self._lane(target_id))
        for target_id in self._lanes.keys() - target_ids:  # removed addresses
            self._lanes.pop(target_id).cancel()
            self._lane_wakeups.pop(target_id, None)
            self._handed.pop(target_id, None)
            self._busy.discard(target_id)

    async def _stop_lanes(self) -> None:
        lanes, self._lanes = list(self._lanes.values()), {}
        self._lane_wakeups.clear()
        self._handed.clear()
        self._busy.clear()
        self._targets_read = False
        for lane in lanes:
            lane.cancel()
        for lane in lanes:
            with contextlib.suppress(asyncio.CancelledError):
                await lane

    async def _lane(self, target_id: int) -> None:
        """One address's deliveries, as handed out; it alone waits for its receiver."""
        wakeup = self._lane_wakeups[target_id]
        while True:
            await wakeup.wait()
            wakeup.clear()
            due = self._handed.pop(target_id, [])
            target = self._targets.get(target_id)
            try:
                if target is not None and due:
                    await self._deliver(target, due)
            except StoreError as error:
                log.warning("webhook %d paused: %s", target_id, error)
                await asyncio.sleep(LANE_PAUSE_S)
            except Exception:  # never the end of an address's deliveries
                log.warning("webhook %d: unexpected error; going on", target_id, exc_info=True)
                await asyncio.sleep(LANE_PAUSE_S)
            finally:
                self._busy.discard(target_id)
                self._wakeup.set()  # its chats' next events may be due now

    # --- one round ----------------------------------------------------------------------

    async def deliver_due(self) -> int:
        """One round for every address at once (each on its own); how many were tried."""
        counts = await asyncio.gather(*(self.deliver_due_for(t.id) for t in self._store.targets()))
        return sum(counts)

    async def deliver_due_for(self, target_id: int) -> int:
        """Every due head of one address's chats, a few at a time; how many were tried."""
        target = self._store.target(target_id)
        if target is None:
            return 0
        due = self._store.due(self._now(), target_id=target_id)
        await self._deliver(target, due)
        return len(due)

    async def _deliver(self, target: WebhookTargetView, due: list[DeliveryView]) -> None:
        limit = asyncio.Semaphore(PER_ADDRESS)

        async def attempt(delivery: DeliveryView) -> None:
            async with limit:
                await self._attempt(delivery, target)

        await asyncio.gather(*(attempt(d) for d in due))

    async def _attempt(self, delivery: DeliveryView, target: WebhookTargetView) -> None:
        self._outcomes.started()
        try:
            tried = await self.post(delivery.body, target)
        except BaseException:  # cancelled (the sender stops): no outcome will come
            self._outcomes.abandoned()
            raise
        now = self._now()
        step = after_attempt(
            tried.status_code,
            attempt=delivery.attempts + 1,
            created_at=delivery.created_at,
            now=now,
            rng=self._rng,
            retry_after_s=tried.retry_after_s,
        )
        if step.outcome is not Outcome.DELIVERED:
            said = f"HTTP {tried.status_code}" if tried.status_code is not None else tried.error
            log.info("%s: %s %s → %s", where(target), delivery.event, delivery.event_id, said)
        await self._outcomes.record(
            Recorded(delivery.id, step, tried.status_code, tried.error, now)
        )

    async def post(self, body: bytes, target: WebhookTargetView) -> Attempt:
        """One request (also the owner's test ping): its outcome, never an exception."""
        if self._session is None or self._session.closed:
            self._session = new_session()
        return await post_once(self._session, body, target, self._timeout_s)
