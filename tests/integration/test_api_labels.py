"""Labels through the local API in WAHA's shape, driven by a real WAHA client (waha-py),
and their webhooks (label.upsert, label.chat.added, …) checked with waha-py's models;
on a WhatsApp Business number both ways with the phone (sim)."""

from __future__ import annotations

import httpx
import pytest
from waha import AsyncWahaClient
from waha.generated import models

from app.gateway.envelope import EVENTS
from tests.apilive import base_url, make_gateway
from tests.liveapp import eventually, link, run, settled

CHAT = "6281234500031"
MODELS = {
    "label.upsert": models.WAHAWebhookLabelUpsert,
    "label.deleted": models.WAHAWebhookLabelDeleted,
    "label.chat.added": models.WAHAWebhookLabelChatAdded,
    "label.chat.deleted": models.WAHAWebhookLabelChatDeleted,
}


@pytest.fixture
def gateway(loop, service, receiver):
    gateway = make_gateway(service)
    gateway.webhooks.add_target(receiver.url, EVENTS, None)
    run(loop, gateway.start())
    yield gateway
    run(loop, gateway.aclose())


def label_events(receiver) -> list[tuple[str, dict]]:
    found = []
    for document, _headers, _raw in receiver.got:
        if document["event"] in MODELS:
            # waha-py types `event` as an object (see test_api_webhooks.validate).
            MODELS[document["event"]].model_validate({**document, "event": {}})
            found.append((document["event"], document["payload"]))
    return found


def test_labels_through_wahas_api_with_their_webhooks(loop, service, gateway, receiver):
    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000601")
        client = AsyncWahaClient(base_url(gateway), api_key=gateway.api_key.value)
        try:
            new = await client.labels.a_create(shop.id, {"name": "Baru", "colorHex": "#64c4ff"})
            paid = await client.labels.a_create(shop.id, {"name": "Sudah bayar", "color": 5})
            assert new == {"id": "1", "name": "Baru", "color": 1, "colorHex": "#64c4ff"}
            renamed = await client.labels.a_update(shop.id, "2", {"name": "Lunas"})
            assert renamed == {**paid, "name": "Lunas"}
            assert [x["name"] for x in await client.labels.a_get_all(shop.id)] == ["Baru", "Lunas"]
            chat = f"{CHAT}@c.us"
            await client.labels.a_put_chat_labels(
                shop.id, chat, {"labels": [{"id": "1"}, {"id": "2"}]}
            )
            assert [x["id"] for x in await client.labels.a_get_chat_labels(shop.id, chat)] == [
                "1",
                "2",
            ]
            assert await client.labels.a_get_chats_by_label(shop.id, "2") == [
                {"id": chat, "name": None}
            ]
            await client.labels.a_put_chat_labels(shop.id, chat, {"labels": [{"id": "2"}]})
            await client.labels.a_delete(shop.id, "1")
            await eventually(lambda: len(label_events(receiver)) == 7, what="seven webhooks")
            assert [(e, p.get("id") or p.get("labelId")) for e, p in label_events(receiver)] == [
                ("label.upsert", "1"),
                ("label.upsert", "2"),
                ("label.upsert", "2"),
                ("label.chat.added", "1"),
                ("label.chat.added", "2"),
                ("label.chat.deleted", "1"),
                ("label.deleted", "1"),
            ]
            added = label_events(receiver)[3][1]
            assert added["chatId"] == chat and added["label"]["name"] == "Baru"
            await delivered(gateway)
        finally:
            await client.close()

    run(loop, scenario())


BAD = [
    ("POST", "labels", {"name": ""}, 422, "label_name_missing"),
    ("POST", "labels", {"name": "x" * 2000}, 422, "label_name_long"),
    ("POST", "labels", {"name": "Baru"}, 422, "label_exists"),
    ("POST", "labels", {"name": "Merah", "colorHex": "#123456"}, 422, "label_color_hex"),
    ("POST", "labels", {"name": "Merah", "color": 99}, 422, "label_color"),
    ("PUT", "labels/9", {"name": "Apa"}, 404, "label_unknown"),
    ("PUT", "labels/x", {"name": "Apa"}, 400, "label_id"),
    ("DELETE", "labels/9", None, 404, "label_unknown"),
    ("PUT", "labels/chats/nobody", {"labels": [{"id": "1"}]}, 422, "invalid_target"),
    ("PUT", "labels/chats/081234500031@c.us", {"labels": [{"id": "1"}]}, 422, "invalid_target"),
    ("PUT", f"labels/chats/{CHAT}", {"labels": [{"id": "9"}]}, 404, "label_unknown"),
    ("PUT", f"labels/chats/{CHAT}", {"labels": "1"}, 400, "bad_labels"),
    ("GET", "labels/9/chats", None, 404, "label_unknown"),
]


def test_bad_label_requests_get_a_sentence_and_change_nothing(loop, service, gateway, receiver):
    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000602")
        service.one_inbox.save_label(shop.id, None, "Baru", 0)
        headers = {"X-Api-Key": gateway.api_key.value}
        async with httpx.AsyncClient(base_url=base_url(gateway), headers=headers) as http:
            for method, path, body, status, code in BAD:
                answer = await http.request(method, f"/api/{shop.id}/{path}", json=body)
                refusal = answer.json()  # WAHA's error shape, Jaga's code beside it
                assert (answer.status_code, refusal["code"]) == (status, code), path
                assert refusal["statusCode"] == status and refusal["message"], path
        assert [x.name for x in service.one_inbox.labels(shop.id)] == ["Baru"]
        assert service.one_inbox.chat_labels(shop.id, CHAT) == []
        await delivered(gateway)

    run(loop, scenario())


async def delivered(gateway) -> None:
    """Every webhook reached the receiver (nothing is cut off when the test ends)."""
    [target] = gateway.webhooks.targets()
    await eventually(lambda: gateway.webhooks.health(target.id).pending == 0, what="delivered")


def test_on_a_business_number_the_phones_labels_fire_webhooks_and_the_apis_reach_the_phone(
    loop, service, gateway, receiver
):
    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000603")
        await service.client.sim(f"sessions/{shop.id}/business")
        await service.client.sim(
            f"sessions/{shop.id}/label-chat", {"label_id": "4", "chat": CHAT, "labeled": True}
        )
        await eventually(
            lambda: ("label.chat.added", "4") in _ids(receiver), what="the phone's label"
        )
        assert [e for e, _ in label_events(receiver)].count("label.upsert") == 5  # the predefined
        client = AsyncWahaClient(base_url(gateway), api_key=gateway.api_key.value)
        try:
            made = await client.labels.a_create(shop.id, {"name": "Dikirim", "color": 7})
            assert made["id"] == "6"
            await client.labels.a_put_chat_labels(
                shop.id, f"{CHAT}@c.us", {"labels": [{"id": "6"}]}
            )
        finally:
            await client.close()

        async def on_phone() -> bool:
            view = await service.client._call("GET", f"/sim/sessions/{shop.id}/labels")
            return [(c["label_id"], c["chat"]) for c in view["chats"]] == [("6", CHAT)]

        await eventually(on_phone, what="WhatsApp has the API's labels")
        await settled(service, shop.id)  # WhatsApp's echo came back: no second webhook
        await delivered(gateway)
        assert _ids(receiver).count(("label.upsert", "6")) == 1
        assert _ids(receiver).count(("label.chat.added", "6")) == 1

    run(loop, scenario())


def _ids(receiver) -> list[tuple[str, str]]:
    return [(e, p.get("labelId") or p.get("id")) for e, p in label_events(receiver)]
