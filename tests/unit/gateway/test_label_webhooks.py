"""Label webhooks go through the gateway's publisher (app/gateway/label_webhooks.py): to
the URLs that hear the number (the window's, and the number's own session webhooks; never
another number's), with the session's metadata, one order per number's labels.

Seen failing against the merge fb69666 (its own envelope: the other number's URL got the
event too, and no metadata)."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.gateway.label_webhooks import LabelWebhooks
from app.gateway.publisher import WebhookPublisher
from app.storage.inbox.labels import LabelsRepo
from app.storage.session_configs import HookConfig, SessionConfigs
from app.storage.tables import WebhookDelivery, WebhookTarget
from app.storage.webhooks import WebhookStore
from tests.store_kit import linked

EVENTS = ["label.upsert", "label.chat.added"]


def deliveries(store) -> list[tuple[str, str, str, dict]]:
    with store.session() as s:
        rows = s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id))
        return [
            (s.get(WebhookTarget, r.target_id).url, r.event, r.order_key, json.loads(r.body))
            for r in rows
        ]


def test_a_label_change_reaches_the_urls_that_hear_its_number_with_its_metadata(store):
    shop = linked(store, "628100000001", "Toko Depan")
    other = linked(store, "628100000002", "Gudang")
    WebhookStore(store).add_target("http://127.0.0.1:9/all", EVENTS, None)
    configs = SessionConfigs(store)
    configs.save(shop, {"shop.id": "42"}, [HookConfig("http://127.0.0.1:9/shop", EVENTS, None)])
    configs.save(other, None, [HookConfig("http://127.0.0.1:9/other", EVENTS, None)])
    woken: list[int] = []
    publisher = WebhookPublisher(lambda: None, bridge_up=lambda: True)
    hooks = LabelWebhooks(publisher, lambda: woken.append(1), bridge_up=lambda: True)
    store.write_hooks.add(hooks.in_transaction)

    labels = LabelsRepo(store)
    label = labels.save(shop, None, "Baru", 1)
    labels.set_chat_labels(shop, "6281234500001", [label.label_id])

    sent = deliveries(store)
    assert [(url, event) for url, event, _key, _body in sent] == [
        ("http://127.0.0.1:9/all", "label.upsert"),
        ("http://127.0.0.1:9/shop", "label.upsert"),
        ("http://127.0.0.1:9/all", "label.chat.added"),
        ("http://127.0.0.1:9/shop", "label.chat.added"),
    ]
    assert {key for _url, _event, key, _body in sent} == {f"{shop}:labels"}
    for _url, _event, _key, body in sent:
        assert body["session"] == shop
        assert body["metadata"]["shop.id"] == "42"
    assert woken == [1, 1]  # the sender is woken once per transaction
