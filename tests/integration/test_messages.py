"""Messages through the real bridge: the outbox, acks, inbound, and bad input."""

from __future__ import annotations

import os
import signal

import pytest

from app.domain.outbox import MessageError
from app.storage.store import StoreError
from tests.liveapp import eventually, link, run, status_of, until_bridge_ready


async def network_sent(service) -> list[dict]:
    return await service.client.sim_network()


def statuses(service, account_id: str) -> list[str]:
    """Outgoing statuses, with read counted as delivered (read implies it)."""
    return [
        "delivered" if m.status == "read" else m.status
        for m in service.store.messages(account_id)
        if m.direction == "out"
    ]


def test_a_message_to_a_connected_number_is_sent_and_delivered(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000001")
        message = service.send_message(account.id, "+62 812-3456-7890", "Halo, pesanan siap")
        await eventually(lambda: statuses(service, account.id) == ["delivered"], timeout=10)
        sent = await network_sent(service)
        assert [(s["client_id"], s["to"], s["text"]) for s in sent] == [
            (message.message_id, "6281234567890", "Halo, pesanan siap")
        ]

    run(loop, scenario())


def test_messages_queued_while_away_go_out_in_order_after_reconnect(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000002")
        await service.client.sim(f"sessions/{account.id}/close", {"code": 428})
        await eventually(lambda: status_of(service, account.id) != "connected", timeout=5)
        texts = [f"message {i}" for i in range(10)]
        for text in texts:
            service.send_message(account.id, "+62 812 3456 7890", text)
        assert set(statuses(service, account.id)) <= {"queued"}
        await eventually(lambda: status_of(service, account.id) == "connected", timeout=15)
        await eventually(lambda: statuses(service, account.id) == ["delivered"] * 10, timeout=20)
        sent = await network_sent(service)
        assert [s["text"] for s in sent] == texts

    run(loop, scenario(), timeout=60)


def test_a_backlog_of_two_numbers_goes_out_once_each_in_each_chats_order(loop, service):
    """The outbox sends each number's due messages in one batch request: several chats
    and two numbers at once, each message once on the wire, each chat in its order."""

    async def scenario():
        shops = [await link(service, f"Shop {i}", f"628130000009{i}") for i in range(2)]
        for shop in shops:
            await service.stop_account(shop.id)
        await eventually(lambda: all(status_of(service, s.id) == "stopped" for s in shops))
        chats = ["6281234567801", "6281234567802", "6281234567803"]
        ids: dict[tuple[str, str], list[str]] = {}
        for i in range(4):
            for shop in shops:
                for chat in chats:
                    sent = service.send_message(shop.id, chat, f"{shop.label} {chat} {i}")
                    ids.setdefault((shop.id, chat), []).append(sent.message_id)
        for shop in shops:
            await service.reconnect(shop.id)
        await eventually(
            lambda: all(statuses(service, s.id) == ["delivered"] * 12 for s in shops), timeout=20
        )
        wire = await network_sent(service)
        everything = sorted(i for each_chat in ids.values() for i in each_chat)
        assert sorted(row["client_id"] for row in wire) == everything
        for (shop_id, chat), expected in ids.items():
            got = [r["client_id"] for r in wire if (r["session_id"], r["to"]) == (shop_id, chat)]
            assert got == expected, f"{chat} of {shop_id} out of order"

    run(loop, scenario(), timeout=60)


def test_messages_queued_while_logged_out_go_out_after_relinking(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000003")
        await service.client.sim(f"sessions/{account.id}/close", {"code": 401})
        await eventually(lambda: status_of(service, account.id) == "logged_out", timeout=5)
        for i in range(3):
            service.send_message(account.id, "6281234567890", f"later {i}")
        await service.reconnect(account.id)
        await eventually(lambda: status_of(service, account.id) == "qr", timeout=5)
        await service.simulate_scan(account.id, "6281300000003")
        await eventually(lambda: statuses(service, account.id) == ["delivered"] * 3, timeout=20)
        assert [s["text"] for s in await network_sent(service)] == [f"later {i}" for i in range(3)]

    run(loop, scenario(), timeout=60)


def test_inbound_is_stored_once_and_survives_a_bridge_crash(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000004")
        batch = [{"from": "6281234567890", "text": f"in {i}"} for i in range(50)]
        await service.client.sim(f"sessions/{account.id}/inbound", {"messages": batch})
        os.kill(service.supervisor.pid, signal.SIGKILL)  # maybe before some were acked
        await eventually(lambda: not service.bridge_up, timeout=2)
        await until_bridge_ready(service)
        more = [{"from": "6281234567890", "text": f"after {i}"} for i in range(5)]
        await eventually(lambda: status_of(service, account.id) == "connected", timeout=10)
        await service.client.sim(f"sessions/{account.id}/inbound", {"messages": more})

        def inbound() -> list[str]:
            return [m.text for m in service.store.messages(account.id) if m.direction == "in"]

        await eventually(lambda: len(inbound()) == 55, timeout=10)
        assert sorted(inbound()) == sorted([b["text"] for b in batch + more])

    run(loop, scenario(), timeout=60)


def test_bad_input_gets_a_clear_error_and_stores_nothing(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000005")
        unlinked = service.store.create_account("Not linked yet", "sim")
        cases = [
            (account.id, "", "hi", MessageError, "phone number"),
            (account.id, "hello", "hi", MessageError, "not a phone number"),
            (account.id, "+62 12", "hi", MessageError, "not a valid phone number"),
            (account.id, "6281234567890", "   ", MessageError, "empty"),
            (account.id, "6281234567890", "x" * 70_000, MessageError, "too long"),
            ("acc-nope", "6281234567890", "hi", StoreError, "no longer exists"),
            (unlinked.id, "6281234567890", "hi", StoreError, "not linked"),
        ]
        for account_id, to, text, error, words in cases:
            with pytest.raises(error, match=words):
                service.send_message(account_id, to, text)
        assert service.store.messages(account.id) == []
        assert service.store.messages(unlinked.id) == []

    run(loop, scenario())


def test_a_message_over_the_bridges_limit_is_refused_at_the_door(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000006")
        limit = (await service.client.health())["limits"]["text_max_utf16"]
        assert service.limits.text_max_utf16 == limit  # published by the bridge, read at READY
        too_long = [
            "x" * (limit + 1),
            "😀" * (limit // 2 + 1),  # fewer characters than the limit, more UTF-16 units
            "あ" * (limit // 2),  # within the text limit, over the request's byte limit
        ]
        for text in too_long:
            with pytest.raises(MessageError, match="too long"):
                service.send_message(account.id, "6281234567890", text)
        with pytest.raises(MessageError, match="cannot be sent"):
            service.send_message(account.id, "6281234567890", "bad \ud800 text")
        assert service.store.messages(account.id) == []
        # The longest text the bridge takes goes out.
        service.send_message(account.id, "6281234567890", "x" * limit)
        await eventually(lambda: statuses(service, account.id) == ["delivered"], timeout=10)

    run(loop, scenario())
