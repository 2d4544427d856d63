"""A webhook is written in the same transaction as the message, ack or status it tells of.

The failure is injected between the two steps (the row is written, the delivery is being
written) the way a kill would stop the app there: nothing commits, so the bridge's replay
(the event was never acknowledged) brings the message AND its webhook, once each.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

import app.storage.webhook_writes as publisher_module  # the publisher writes deliveries here
from app.gateway.publisher import WebhookPublisher
from app.storage.store import Ack, Inbound, Store
from app.storage.tables import WebhookDelivery
from app.storage.webhooks import WebhookStore
from tests.store_kit import linked


class Killed(BaseException):
    """The process dies here: nothing after this line runs, nothing is committed."""


def deliveries(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        rows = s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id))
        return [(row.event, row.order_key) for row in rows]


def hooked(store: Store, woken: list[int]) -> WebhookPublisher:
    publisher = WebhookPublisher(lambda: woken.append(1), bridge_up=lambda: True)
    store.write_hooks.add(publisher.in_transaction)
    return publisher


def test_a_kill_between_storing_a_message_and_its_webhook_loses_neither(
    store, tmp_path, monkeypatch
):
    account_id = linked(store)
    WebhookStore(store).add_target("http://shop.test/hook", ["message", "message.ack"], "s")
    woken: list[int] = []
    hooked(store, woken)
    inbound = Inbound(account_id, "IN-1", "628555", "halo", datetime(2026, 11, 30, 12))

    real_enqueue = publisher_module.enqueue_in

    def dies(*args, **kwargs):
        real_enqueue(*args, **kwargs)  # the delivery row is written in the open transaction …
        raise Killed  # … and the app dies before the commit

    monkeypatch.setattr(publisher_module, "enqueue_in", dies)
    with pytest.raises(Killed):
        store.store_durable([inbound])
    store.close()

    # The next start: neither the message nor a webhook; the bridge replays the event.
    again = Store(tmp_path / "app.sqlite3")
    try:
        assert again.messages(account_id) == [] and deliveries(again) == []
        monkeypatch.setattr(publisher_module, "enqueue_in", real_enqueue)
        hooked(again, woken)
        added, _ = again.store_durable([inbound])
        assert len(added) == 1
        assert deliveries(again) == [("message", f"{account_id}:628555")]
        # A second replay is de-duplicated: no second message, no second webhook.
        assert again.store_durable([inbound]) == ([], [])
        assert deliveries(again) == [("message", f"{account_id}:628555")]
        assert woken, "the sender was woken to deliver it"
    finally:
        again.close()


def test_acks_and_status_changes_carry_their_webhooks_in_their_own_commit(store, monkeypatch):
    account_id = linked(store)
    WebhookStore(store).add_target(
        "http://shop.test/hook", ["message.ack", "message.failed", "session.status"], None
    )
    hooked(store, [])
    out = store.queue_message(account_id, "628777", "pesanan", "JAGA01")

    def dies(*_args, **_kwargs):
        raise Killed

    monkeypatch.setattr(publisher_module, "enqueue_in", dies)
    with pytest.raises(Killed):
        store.mark_sent([out.id])
    with pytest.raises(Killed):
        store.record_observed(account_id, status="reconnecting", reason="x", message=None)
    assert store.message(out.id).status == "queued", "the status did not move without its webhook"
    assert store.account(account_id).status == "connected"
    monkeypatch.undo()

    store.mark_sent([out.id])
    store.store_durable([Ack(account_id, "JAGA01", "delivered"), Ack(account_id, "JAGA01", "sent")])
    store.record_observed(account_id, status="reconnecting", reason="x", message=None)
    key = f"{account_id}:628777"
    assert deliveries(store) == [
        ("message.ack", key),  # sent
        ("message.ack", key),  # delivered; the late "sent" moved nothing and says nothing
        ("session.status", f"{account_id}:session"),
    ]
