"""Sends due webhook deliveries to the shop's URLs, signed, in order per chat, with retries.

Runs as one asyncio task on the app's loop. Every outcome is stored before the next try,
so a restart goes on from where it stopped. Nothing here logs a secret, a body or a full
URL (its query may carry the shop's token): a URL is named by its target id and host.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlsplit

import httpx

from app.core.models import WebhookDelivery, WebhookTarget, utcnow
from app.core.store import StoreError
from app.gateway import signing
from app.gateway.retry import after_attempt
from app.gateway.webhook_store import WebhookStore

log = logging.getLogger(__name__)

REQUEST_TIMEOUT_S = 10.0
CONCURRENCY = 8
IDLE_WAIT_S = 30.0
#: Of an endpoint's answer, this much is kept to show the owner what it said.
ANSWER_CHARS = 300


def where(target: WebhookTarget) -> str:
    return f"webhook {target.id} ({urlsplit(target.url).hostname})"


class WebhookSender:
    def __init__(
        self,
        store: WebhookStore,
        *,
        client: httpx.AsyncClient | None = None,
        now: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        timeout_s: float = REQUEST_TIMEOUT_S,
    ) -> None:
        self._store = store
        self._client = client or httpx.AsyncClient(timeout=timeout_s, follow_redirects=False)
        self._now = now
        self._rng = rng or random.Random()
        self._wakeup = asyncio.Event()
        self._limit = asyncio.Semaphore(CONCURRENCY)

    def wake(self) -> None:
        """New deliveries were written, or the owner asked for a retry."""
        self._wakeup.set()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def run_forever(self) -> None:
        while True:
            try:
                sent = await self.deliver_due()
            except StoreError as error:  # a full disk: wait, keep everything, try again
                log.warning("webhooks paused: %s", error)
                sent = 0
            if sent:
                continue
            await self._wait()

    async def _wait(self) -> None:
        timeout = IDLE_WAIT_S
        with contextlib.suppress(StoreError):
            next_at = self._store.next_due_at()
            if next_at is not None:
                timeout = min(timeout, max(0.05, (next_at - self._now()).total_seconds()))
        self._wakeup.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), timeout)

    async def deliver_due(self) -> int:
        """One round: every due head of every (URL, chat), at once; how many were tried."""
        due = self._store.due(self._now())
        if not due:
            return 0
        targets = {t.id: t for t in self._store.targets()}
        await asyncio.gather(
            *(self._attempt(d, targets[d.target_id]) for d in due if d.target_id in targets)
        )
        return len(due)

    async def _attempt(self, delivery: WebhookDelivery, target: WebhookTarget) -> None:
        async with self._limit:
            status_code, error, retry_after = await self.post(delivery, target)
        now = self._now()
        step = after_attempt(
            status_code,
            attempt=delivery.attempts + 1,
            created_at=delivery.created_at,
            now=now,
            rng=self._rng,
            retry_after_s=retry_after,
        )
        if step.outcome.value != "delivered":
            log.info(
                "%s: %s %s → %s",
                where(target),
                delivery.event,
                delivery.event_id,
                f"HTTP {status_code}" if status_code is not None else error,
            )
        self._store.record(delivery.id, step, status_code=status_code, error=error, now=now)

    async def post(
        self, delivery: WebhookDelivery, target: WebhookTarget
    ) -> tuple[int | None, str | None, float | None]:
        """(status code, what went wrong, Retry-After seconds) of one request."""
        headers = signing.headers(
            request_id=uuid.uuid4().hex,
            timestamp_ms=int(time.time() * 1000),
            body=delivery.body,
            secret=target.secret,
        )
        try:
            answer = await self._client.post(target.url, content=delivery.body, headers=headers)
        except httpx.TimeoutException:
            return None, "the endpoint did not answer in time", None
        except httpx.HTTPError as error:
            return None, f"could not connect: {type(error).__name__}", None
        said = None if answer.is_success else answer.text[:ANSWER_CHARS].strip() or None
        return answer.status_code, said, _retry_after(answer)


def _retry_after(answer: httpx.Response) -> float | None:
    value = answer.headers.get("retry-after", "")
    return float(value) if value.isdigit() else None
