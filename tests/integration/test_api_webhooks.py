"""Webhooks from the live app core: WAHA's bodies (validated by waha-py's models), signed."""

from __future__ import annotations

import re

import httpx
import pytest
from waha.generated import models

from app.domain.webhook_events import EVENTS
from app.gateway import signing
from tests.apilive import base_url, make_gateway
from tests.integration.test_messages import link
from tests.liveapp import eventually, run
from tests.webhook_receiver import Receiver

SECRET = "rahasia-toko"

#: waha-py's typed model for each event's whole body. Jaga's message.failed is not a WAHA
#: event; its payload is WAHA's ack body with ack -1 (ERROR), so it is checked as one.
MODELS = {
    "message": models.WAHAWebhookMessage,
    "message.ack": models.WAHAWebhookMessageAck,
    "message.failed": models.WAHAWebhookMessageAck,
    "session.status": models.WAHAWebhookSessionStatus,
}


def validate(document: dict) -> None:
    """Every field against waha-py's model, except `event`.

    waha-py's generator types `event` as an object (WAHA's OpenAPI gives it as a one-value
    enum); WAHA itself sends the event's name, as Jaga does. So `event` is checked by hand
    and given to the model as an empty object.
    """
    assert document["event"] in EVENTS
    MODELS[document["event"]].model_validate({**document, "event": {}})


@pytest.fixture
def gateway(loop, service, receiver):
    gateway = make_gateway(service)
    gateway.webhooks.add_target(receiver.url, EVENTS, SECRET)
    run(loop, gateway.start())
    yield gateway
    run(loop, gateway.aclose())


def events(receiver: Receiver, kind: str) -> list[dict]:
    return [document for document, _headers, _raw in receiver.got if document["event"] == kind]


def test_every_event_reaches_the_shop_in_wahas_shape_and_signed(loop, service, gateway, receiver):
    async def scenario():
        account = await link(service, "Toko", "6281300000201")
        await eventually(
            lambda: any(
                d["payload"]["status"] == "WORKING" for d in events(receiver, "session.status")
            )
        )
        await service.client.sim(
            f"sessions/{account.id}/inbound",
            {"messages": [{"from": "6281234567890", "text": "Ada stok?", "message_id": "IN7"}]},
        )
        await eventually(lambda: len(events(receiver, "message")) == 1, what="message webhook")
        [inbound] = events(receiver, "message")
        assert inbound["payload"]["body"] == "Ada stok?"
        assert inbound["payload"]["from"] == "6281234567890@c.us"
        assert inbound["payload"]["id"] == "false_6281234567890@c.us_IN7"
        assert inbound["me"] == {"id": "6281300000201@c.us", "pushName": "Toko"}

        async with httpx.AsyncClient(
            base_url=base_url(gateway), headers={"X-Api-Key": gateway.api_key.value}
        ) as http:
            sent = await http.post(
                "/api/sendText",
                json={"session": account.id, "chatId": "6281234567890", "text": "Ada, kak"},
            )
        serial = sent.json()["id"]

        def acks() -> list[str]:
            return [
                d["payload"]["ackName"]
                for d in events(receiver, "message.ack")
                if d["payload"]["id"] == serial
            ]

        await eventually(lambda: "DEVICE" in acks(), what="the delivered ack webhook")
        assert acks()[0] == "SERVER"

        # WhatsApp refuses this recipient (an over-long text is refused at the door now).
        await service.client.sim("recipients", {"phone": "628200000463", "reject": 463})
        service.send_message(account.id, "+628200000463", "Halo")
        await eventually(lambda: len(events(receiver, "message.failed")) == 1)
        [failed] = events(receiver, "message.failed")
        assert failed["payload"]["ack"] == -1 and failed["payload"]["ackName"] == "ERROR"

        ids = [document["id"] for document, _h, _r in receiver.got]
        assert len(ids) == len(set(ids))
        for document, headers, raw in receiver.got:
            assert re.fullmatch(r"evt_[0-9a-z]{26}", document["id"])
            assert signing.verify(SECRET, raw, headers["X-Webhook-Hmac"])
            assert document["session"] == account.id and document["engine"] == "NOWEB"
            validate(document)

    run(loop, scenario(), timeout=60)
