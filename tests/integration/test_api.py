"""A real third-party WAHA client (waha-py) drives Jaga's local API on the live app core."""

from __future__ import annotations

import re

import httpx
from waha import AsyncWahaClient

from tests.apilive import base_url
from tests.integration.test_messages import link
from tests.liveapp import eventually, run, status_of


def waha(gateway, **kwargs) -> AsyncWahaClient:
    return AsyncWahaClient(base_url(gateway), api_key=gateway.api_key.value, **kwargs)


def test_waha_py_lists_sessions_sends_text_exactly_once_and_reads_messages(loop, service, gateway):
    async def scenario():
        account = await link(service, "Toko", "6281300000101")
        client = waha(gateway)
        try:
            sessions = await client.sessions.a_list()
            assert [(s["name"], s["status"]) for s in sessions] == [(account.id, "WORKING")]
            assert sessions[0]["me"] == {"id": "6281300000101@c.us", "pushName": "Toko"}
            assert (await client.sessions.a_get(account.id))["status"] == "WORKING"

            payload = {"session": "default", "chatId": "6281234567890@c.us", "text": "Pesanan #12"}
            key = {"Idempotency-Key": "order-12-paid"}
            first = await client.chatting.a_send_text(payload, headers=key)
            again = await client.chatting.a_send_text(payload, headers=key)  # a retried request
            assert first["id"] == again["id"] and first["id"].startswith("true_6281234567890@c.us_")
            assert first["status"] in ("queued", "sent") and again["replayed"] is True

            def on_wire() -> bool:
                return any(m.status == "delivered" for m in service.store.messages(account.id))

            await eventually(on_wire, timeout=10, what="the message delivered")
            wire = [s for s in await service.client.sim_network() if s["text"] == "Pesanan #12"]
            assert len(wire) == 1 and wire[0]["to"] == "6281234567890"

            inbound = {"from": "6281234567890", "text": "Terima kasih", "message_id": "IN1"}
            await service.client.sim(f"sessions/{account.id}/inbound", {"messages": [inbound]})
            await eventually(lambda: len(service.store.messages(account.id)) == 2)
            read = await client.chats.a_get_chat_messages(account.id, "6281234567890@c.us")
            assert [(m["fromMe"], m["body"]) for m in read] == [
                (False, "Terima kasih"),
                (True, "Pesanan #12"),
            ]
            assert read[1]["ackName"] in ("DEVICE", "READ")
        finally:
            await client.close()

    run(loop, scenario(), timeout=60)


def test_a_number_that_is_away_queues_and_sends_when_back(loop, service, gateway):
    async def scenario():
        account = await link(service, "Toko", "6281300000102")
        await service.client.sim(f"sessions/{account.id}/close", {"code": 428})
        await eventually(lambda: status_of(service, account.id) != "connected", timeout=5)
        client = waha(gateway)
        try:
            body = {"session": account.id, "chatId": "6281234567890", "text": "nanti"}
            answer = await client.chatting.a_send_text(body)
            assert answer["status"] == "queued" and answer["ackName"] == "PENDING"
            session = await client.sessions.a_get(account.id)
            assert session["status"] != "WORKING"
        finally:
            await client.close()
        await eventually(lambda: status_of(service, account.id) == "connected", timeout=15)
        await eventually(
            lambda: (
                [m.status for m in service.store.messages(account.id)] in (["delivered"], ["read"])
            ),
            timeout=15,
        )

    run(loop, scenario(), timeout=60)


def test_owner_actions_qr_and_pairing_code_through_the_api(loop, service, gateway):
    async def scenario():
        account = await service.add_account("Baru")
        await eventually(lambda: status_of(service, account.id) == "qr")
        async with httpx.AsyncClient(
            base_url=base_url(gateway), headers={"X-Api-Key": gateway.api_key.value}
        ) as http:
            raw = (await http.get("/api/Baru/auth/qr", params={"format": "raw"})).json()
            assert raw["value"] == service.latest_qr[account.id].qr
            png = await http.get(f"/api/{account.id}/auth/qr")
            assert png.headers["content-type"] == "image/png" and png.content[:4] == b"\x89PNG"
            code = await http.post(
                f"/api/{account.id}/auth/request-code", json={"phoneNumber": "6281300000103"}
            )
            assert code.status_code == 201 and re.fullmatch(
                r"[A-Z0-9]{4}-[A-Z0-9]{4}", code.json()["code"]
            )
            stopped = await http.post(f"/api/sessions/{account.id}/stop")
            assert stopped.status_code == 201  # WAHA: POST actions answer 201
            await eventually(lambda: status_of(service, account.id) == "stopped")
            assert service.store.account(account.id).desired_state == "stopped"
            await http.post(f"/api/sessions/{account.id}/start")
            await eventually(lambda: status_of(service, account.id) in ("qr", "pairing_code"))
            me = await http.get(f"/api/sessions/{account.id}/me")
            assert me.status_code == 200 and me.json() is None  # not linked: no one yet

    run(loop, scenario(), timeout=60)
