"""The API's chat actions on the live core and the real bridge (sim): a reply that quotes
(reply_to), read receipts (sendSeen), the shim's delay kept across a restart, and groups
(chatId …@g.us): send, read back, webhooks with the writer, receipts naming the writer."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from app.storage.tables import utcnow
from tests.apilive import base_url, make_gateway
from tests.liveapp import (
    dispose,
    eventually,
    link,
    make_service,
    run,
    status_of,
    until_bridge_ready,
)
from tests.webhook_receiver import Receiver


def api(gateway) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url(gateway), headers={"X-Api-Key": gateway.api_key.value}
    )


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


async def wire(service, account_id: str) -> list[dict]:
    return [s for s in await service.client.sim_network() if s["session_id"] == account_id]


async def seen_log(service) -> list[dict]:
    return list((await service.client._call("GET", "/sim/network"))["seen"])


def test_a_reply_quotes_the_customer_and_send_seen_gives_blue_ticks(loop, service, gateway):
    async def scenario():
        account = await link(service, "Toko", "6281300000401")
        customer = "6281234500401"
        inbound = [
            {"from": customer, "text": "Ada ukuran M?", "message_id": "IN-Q1"},
            {"from": customer, "text": "Warna merah", "message_id": "IN-Q2"},
        ]
        await service.client.sim(f"sessions/{account.id}/inbound", {"messages": inbound})
        await eventually(lambda: len(service.store.messages(account.id)) == 2)
        async with api(gateway) as http:
            body = {
                "session": account.id,
                "chatId": f"{customer}@c.us",
                "text": "Ada, kak",
                "reply_to": f"false_{customer}@c.us_IN-Q1",
            }
            answer = await http.post("/api/sendText", json=body)
            assert answer.status_code == 201, answer.text

            async def quoted_on_wire() -> bool:
                return any(s.get("quoted") == "IN-Q1" for s in await wire(service, account.id))

            await eventually(quoted_on_wire, what="the reply on the wire, quoting IN-Q1")
            elsewhere = {**body, "chatId": "6281234500499@c.us"}  # not a message of that chat
            refused = await http.post("/api/sendText", json=elsewhere)
            assert refused.status_code == 422 and "not in this chat" in refused.json()["message"]

            one = await http.post(
                "/api/sendSeen",
                json={
                    "session": account.id,
                    "chatId": f"{customer}@c.us",
                    "messageIds": [f"false_{customer}@c.us_IN-Q1"],
                },
            )
            assert one.status_code == 201, one.text
            assert one.json() == {"ids": [f"false_{customer}@c.us_IN-Q1"], "status": "seen"}
            every = await http.post(
                "/api/sendSeen", json={"session": account.id, "chatId": customer}
            )
            assert every.status_code == 201 and len(every.json()["ids"]) == 2
            await service.client.sim(f"sessions/{account.id}/close", {"code": 428})
            await eventually(lambda: status_of(service, account.id) != "connected", timeout=5)
            seen = {"session": account.id, "chatId": customer}
            away = await http.post("/api/sendSeen", json=seen)
            assert away.status_code == 409, away.text  # not queued: ask again when it is back
        log = await seen_log(service)
        assert [(s["chat"], s["ids"]) for s in log] == [
            (customer, ["IN-Q1"]),
            (customer, ["IN-Q1", "IN-Q2"]),
        ]

    run(loop, scenario(), timeout=60)


def test_a_group_through_the_api_send_read_webhook_and_seen(loop, service, gateway):
    receiver = Receiver()
    run(loop, receiver.start())
    try:
        gateway.webhooks.add_target(receiver.url, ["message"], None)

        async def scenario():
            account = await link(service, "Toko", "6281300000402")
            group = await service.client.sim(
                f"sessions/{account.id}/groups",
                {"subject": "Pelanggan", "participants": ["628500000001", "628500000002"]},
            )
            jid = group["jid"]
            await service.client.sim(
                f"sessions/{account.id}/inbound",
                {
                    "messages": [
                        {"group": jid, "from": "628500000001", "text": "stok?", "message_id": "G1"},
                        {
                            "group": jid,
                            "from": "628500000002",
                            "text": "saya juga",
                            "message_id": "G2",
                        },
                    ]
                },
            )
            await eventually(lambda: len(service.store.messages(account.id)) == 2)
            async with api(gateway) as http:
                sent = await http.post(
                    "/api/sendText",
                    json={"session": account.id, "chatId": jid, "text": "ada", "reply_to": "G1"},
                )
                assert sent.status_code == 201, sent.text
                assert sent.json()["to"] == jid and sent.json()["id"].startswith(f"true_{jid}_")

                async def in_group() -> bool:
                    return any(
                        s["to"] == jid and s.get("quoted") == "G1"
                        for s in await wire(service, account.id)
                    )

                await eventually(in_group, what="the reply in the group")
                read = await http.get(f"/api/{account.id}/chats/{jid}/messages")
                assert [(m["fromMe"], m["body"], m["participant"]) for m in read.json()] == [
                    (True, "ada", ""),
                    (False, "saya juga", "628500000002@c.us"),
                    (False, "stok?", "628500000001@c.us"),
                ]
                seen = await http.post("/api/sendSeen", json={"session": account.id, "chatId": jid})
                assert seen.status_code == 201, seen.text
            log = await seen_log(service)
            assert sorted((s["ids"][0], s["participant"]) for s in log) == [
                ("G1", "628500000001@s.whatsapp.net"),
                ("G2", "628500000002@s.whatsapp.net"),
            ]
            await eventually(lambda: len(receiver.got) >= 2, what="two group webhooks")
            bodies = [body for body, _headers, _raw in receiver.got]
            assert {b["payload"]["from"] for b in bodies} == {jid}
            writers = {b["payload"]["participant"] for b in bodies}
            assert writers == {"628500000001@c.us", "628500000002@c.us"}, "the writer is named"
            assert all(b["event"] == "message" for b in bodies)

        run(loop, scenario(), timeout=60)
    finally:
        run(loop, receiver.stop())


def test_the_shims_delay_holds_the_message_and_survives_a_restart(loop, data_dir):
    live = make_service(data_dir)
    live.start()
    run(loop, until_bridge_ready(live))
    gateway = make_gateway(live)
    run(loop, gateway.start())
    account = run(loop, link(live, "Toko", "6281300000403"))

    async def ask() -> dict:
        async with api(gateway) as http:
            answer = await http.post(
                "/send",
                data={
                    "target": "081234500403",
                    "message": "nanti",
                    "delay": "4",
                    "session": account.id,
                },
            )
            assert answer.status_code == 200, answer.text
            return answer.json()

    accepted = utcnow()
    answer = run(loop, ask())
    assert when(answer["expectedAt"][0]) >= accepted + timedelta(seconds=4)
    row = live.store.outgoing(account.id, answer["id"][0])
    assert row is not None and row.next_attempt_at >= accepted + timedelta(seconds=4)
    run(loop, gateway.aclose())
    dispose(loop, live)  # the app stops before the delay is over

    again = make_service(data_dir)
    again.start()
    try:
        run(loop, until_bridge_ready(again))

        async def left() -> bool:
            return any(s["text"] == "nanti" for s in await wire(again, account.id))

        run(loop, eventually(left, timeout=20, what="the delayed message sent after the restart"))
        sent = [s for s in run(loop, wire(again, account.id)) if s["text"] == "nanti"]
        assert len(sent) == 1
        assert when(sent[0]["at"]) >= accepted + timedelta(seconds=4), "not before its delay"
    finally:
        dispose(loop, again)
