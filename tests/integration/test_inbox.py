"""One inbox through the real bridge (sim engine) and the app core: reads on the phone,
customers' names, WhatsApp Business labels both ways, blue ticks, the away message."""

from __future__ import annotations

from datetime import datetime

from app.domain.inbox.away import AutoReplies
from app.domain.inbox.hours import parse_week
from app.domain.inbox.views import NumberSettings
from tests.liveapp import eventually, link, run, settled

CUSTOMER = "6281234500001"


def closed_today() -> NumberSettings:
    """Open on another weekday only: now is outside the opening hours."""
    days = [""] * 7
    days[(datetime.now().weekday() + 3) % 7] = "08:00-17:00"
    return parse_week(days)


async def inbound(service, account_id: str, *messages: dict) -> None:
    await service.client.sim(f"sessions/{account_id}/inbound", {"messages": list(messages)})


def test_unread_clears_when_read_on_the_phone_and_names_come_from_whatsapp(loop, service):
    inbox = service.one_inbox

    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000301")
        store = await link(service, "Gudang", "6281300000302")
        await inbound(
            service,
            shop.id,
            {"from": CUSTOMER, "text": "halo", "message_id": "IN-1", "push_name": "Budi"},
            {"from": CUSTOMER, "text": "ada stok?", "message_id": "IN-2"},
        )
        await inbound(service, store.id, {"from": "6281234500002", "text": "kirim kapan?"})
        await eventually(lambda: inbox.unread_totals() == {shop.id: 2, store.id: 1})
        conversation = inbox.conversation(shop.id, CUSTOMER)
        assert (conversation.name, conversation.waiting) == ("Budi", True)
        # The owner reads the chat on the phone: Jaga's count follows.
        await service.client.sim(f"sessions/{shop.id}/read", {"chat": CUSTOMER})
        await eventually(lambda: inbox.unread_totals() == {store.id: 1})
        # Read in Jaga: blue ticks only where the number wants them (off by default).
        inbox.mark_read(store.id, "6281234500002")
        assert inbox.unread_totals() == {}
        await settled(service, store.id)
        seen = (await service.client._call("GET", "/sim/network"))["seen"]
        assert seen == []

    run(loop, scenario())


def test_blue_ticks_when_the_number_wants_them(loop, service):
    inbox = service.one_inbox

    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000303")
        inbox.save_settings(NumberSettings(shop.id, blue_ticks=True))
        await inbound(service, shop.id, {"from": CUSTOMER, "text": "halo", "message_id": "IN-9"})
        await eventually(lambda: inbox.unread_totals() == {shop.id: 1})
        inbox.mark_read(shop.id, CUSTOMER)

        async def seen():
            return (await service.client._call("GET", "/sim/network"))["seen"]

        await eventually(lambda: seen_now(seen))
        assert [(s["chat"], s["ids"]) for s in await seen()] == [(CUSTOMER, ["IN-9"])]

    async def seen_now(seen) -> bool:
        return bool(await seen())

    run(loop, scenario())


def test_business_labels_both_ways(loop, service):
    inbox = service.one_inbox

    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000304")
        await service.client.sim(f"sessions/{shop.id}/business")
        await eventually(lambda: len(inbox.labels(shop.id)) == 5, what="WhatsApp's labels")
        assert inbox.settings(shop.id).business
        # Set on the phone: shows here.
        await inbound(service, shop.id, {"from": CUSTOMER, "text": "mau pesan"})
        await service.client.sim(
            f"sessions/{shop.id}/label-chat", {"label_id": "2", "chat": CUSTOMER, "labeled": True}
        )
        await eventually(
            lambda: [x.name for x in inbox.chat_labels(shop.id, CUSTOMER)] == ["New order"]
        )
        # Made and set here: reaches WhatsApp.
        shipped = inbox.save_label(shop.id, None, "Dikirim", 7)
        inbox.set_chat_labels(shop.id, CUSTOMER, ["2", shipped.label_id])

        async def on_phone():
            view = await service.client._call("GET", f"/sim/sessions/{shop.id}/labels")
            names = {label["id"]: label["name"] for label in view["labels"]}
            chats = {(c["label_id"], c["chat"]) for c in view["chats"]}
            return (
                names.get(shipped.label_id) == "Dikirim" and (shipped.label_id, CUSTOMER) in chats
            )

        await eventually(on_phone, what="the label on WhatsApp")
        await settled(service, shop.id)
        assert inbox.chats_with_label(shop.id, shipped.label_id) == [CUSTOMER]

        # Changed while the number is away: it waits in app.sqlite3 and goes when it is back.
        await service.stop_account(shop.id)
        paid = inbox.save_label(shop.id, None, "Lunas", 4)
        inbox.set_chat_labels(shop.id, CUSTOMER, [paid.label_id])

        async def paid_on_phone() -> bool:
            view = await service.client._call("GET", f"/sim/sessions/{shop.id}/labels")
            return [(c["label_id"], c["chat"]) for c in view["chats"]] == [
                (paid.label_id, CUSTOMER)
            ]

        assert not await paid_on_phone()
        await service.reconnect(shop.id)
        await eventually(paid_on_phone, what="the labels changed while away, on WhatsApp")

    run(loop, scenario())


def test_outside_hours_one_away_message_per_customer_none_to_a_group(loop, service):
    inbox = service.one_inbox

    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000305")
        auto = AutoReplies(
            away_on=True, away_text="Kami tutup, besok dibalas.", hours=closed_today()
        )
        inbox.save_settings(NumberSettings(shop.id, auto=auto))
        group = await service.client.sim(
            f"sessions/{shop.id}/groups", {"subject": "Reseller", "participants": [CUSTOMER]}
        )
        await inbound(service, shop.id, {"from": CUSTOMER, "text": "halo"})
        await inbound(service, shop.id, {"from": CUSTOMER, "text": "halo?"})
        await inbound(service, shop.id, {"from": CUSTOMER, "group": group["jid"], "text": "ping"})

        async def away_sent():
            return [s for s in await service.client.sim_network() if s["text"] == auto.away_text]

        await eventually(lambda: _has(away_sent), what="the away message on the network")
        await settled(service, shop.id)
        sent = await away_sent()
        assert [s["to"] for s in sent] == [CUSTOMER]
        assert inbox.conversation(shop.id, CUSTOMER).waiting  # an away message is no answer

    run(loop, scenario())


async def _has(probe) -> bool:
    return bool(await probe())
