"""One event to many webhook addresses: the sender reads what is due once for all of them
(app/gateway/webhook_sender.py), on a real app.sqlite3 with a real local receiver.

On a 2-core machine, two store queries per address per event were most of a 10-address
fan-out's time (docs/benchmarks.md, "Where a webhook's time goes").
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from app.gateway.webhook_sender import WebhookSender
from app.storage.store import Store
from app.storage.tables import utcnow
from app.storage.webhooks import WebhookStore
from tests.integration.test_webhooks import event
from tests.liveapp import eventually, run

ADDRESSES = 10
READS = ("targets", "target", "due", "due_by_address", "next_due_at")


@pytest.fixture
def webhooks(data_dir) -> Iterator[WebhookStore]:
    store = Store(data_dir / "app.sqlite3")
    yield WebhookStore(store)
    store.close()


class CountedReads:
    """The real WebhookStore; counts the sender's reads of it."""

    def __init__(self, webhooks: WebhookStore) -> None:
        self._webhooks = webhooks
        self.reads: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._webhooks, name)
        if name in READS:
            self.reads[name] += 1
        return found


def test_ten_addresses_hearing_one_event_are_read_for_in_one_query(loop, webhooks, receiver):
    """Seen failing against: main at 4b7ab8d (each of the ten lanes read its address and
    its due deliveries itself, and again after sending: 20 `target` and 20 `due` reads,
    with 10 `next_due_at`, for one event)."""
    for n in range(ADDRESSES):
        webhooks.add_target(f"{receiver.url}?address={n}", ["message"], "s")
    counted = CountedReads(webhooks)
    sender = WebhookSender(counted, rng=random.Random(5))  # type: ignore[arg-type]

    async def scenario() -> None:
        running = asyncio.ensure_future(sender.run_forever())
        try:
            await eventually(lambda: counted.reads["targets"] == 1, what="the sender's start")
            counted.reads.clear()
            event(webhooks, 1, "6281")
            sender.wake()
            await eventually(lambda: len(receiver.got) == ADDRESSES, what="ten deliveries")
            await eventually(lambda: webhooks.health(1).pending == 0, what="outcomes stored")
        finally:
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
            await sender.aclose()

    run(loop, scenario())
    per_address = counted.reads["target"] + counted.reads["due"]
    assert per_address == 0, counted.reads
    # Read for all ten at once: one hand-out for the event, then one whenever lanes finish
    # (how many depends on how the answers fall into commits; never one read per address).
    assert counted.reads["due_by_address"] >= 1, counted.reads


def test_a_backlog_at_one_address_never_hides_another_s_due_delivery(webhooks):
    """The one query reads at most `limit` heads per address, so an address with a long
    backlog (a receiver down for hours, hundreds of chats) leaves room for every other.
    Seen failing against: this branch with the query's limit over all addresses (the
    second address's only delivery was not read)."""
    backlog = webhooks.add_target("http://127.0.0.1:9/down", ["message"], None)
    for n in range(70):  # 70 chats, each head due, all older than the other's delivery
        event(webhooks, n, f"chat-{n}")
    other = webhooks.add_target("http://127.0.0.1:9/up", ["message"], None)
    event(webhooks, 99, "6281")
    due = webhooks.due_by_address(utcnow() + timedelta(seconds=1), [backlog.id, other.id], 64)
    assert len(due[backlog.id]) == 64
    assert [d.target_id for d in due.get(other.id, [])] == [other.id]
