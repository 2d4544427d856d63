"""Safe sending through the API on the live core: the bridge paces a (sim) number the test
turns pacing on for; the answer says when a message should leave; over the daily cap on
new contacts a message waits, with the reason in the chat, instead of failing."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from app.domain.pacing import Pacing
from app.ui.chats.hold_note import hold_note
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

PACED = Pacing(min_gap_s=1, jitter_s=0, new_contacts_per_day=2, pace_sim=True)


@pytest.fixture
def pacing() -> Pacing:
    return PACED


@pytest.fixture
def paced(loop, data_dir, pacing):
    live = make_service(data_dir, pacing=pacing)
    live.start()
    run(loop, until_bridge_ready(live))
    gateway = make_gateway(live)
    run(loop, gateway.start())
    yield live, gateway
    run(loop, gateway.aclose())
    dispose(loop, live)


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_paced_sends_leave_a_gap_apart_and_the_daily_cap_holds_new_contacts(loop, paced):
    service, gateway = paced

    async def scenario():
        assert service.limits.pacing == PACED, "the bridge published the pacing it was given"
        account = await link(service, "Toko", "6281300000301")
        async with httpx.AsyncClient(
            base_url=base_url(gateway), headers={"X-Api-Key": gateway.api_key.value}
        ) as http:

            async def send(to: str, text: str) -> dict:
                body = {"session": account.id, "chatId": f"{to}@c.us", "text": text}
                answer = await http.post("/api/sendText", json=body)
                assert answer.status_code == 201, answer.text
                return answer.json()

            first = await send("6281234500001", "satu")
            second = await send("6281234500002", "dua")
            # The answer says when: the second is one gap (1 s) behind the first.
            gap = when(second["expectedAt"]) - when(first["expectedAt"])
            assert 0.9 <= gap.total_seconds() <= 1.5, gap
            third = await send("6281234500003", "tiga")  # a third new contact: over the cap

            async def sent_texts() -> list[dict]:
                return [
                    s for s in await service.client.sim_network() if s["session_id"] == account.id
                ]

            async def two_left() -> bool:
                return len(await sent_texts()) == 2

            await eventually(two_left, timeout=15, what="two messages on the wire")
            left = await sent_texts()
            apart = (when(left[1]["at"]) - when(left[0]["at"])).total_seconds()
            assert apart >= 0.95, f"a gap of at least 1 s on the wire, not {apart}"

            def held() -> bool:
                row = service.store.account(account.id)
                return row is not None and row.limit_reason == "daily_new_contacts"

            await eventually(held, timeout=10, what="the number's daily cap recorded")
            row = service.store.account(account.id)
            held_message = service.store.outgoing(account.id, third["id"].split("_")[-1])
            assert held_message is not None and held_message.status == "queued"
            now = datetime.now(UTC).replace(tzinfo=None)
            limit = service.window.chats.send_hold(account.id, held_message.chat, now)
            note = hold_note(limit, now)
            assert note.startswith(
                "Waiting: Today's messages to new contacts are used up (Safe sending); "
                "the rest go at "
            ), note
            assert row.limited_until is not None and row.limited_until > datetime.now(UTC).replace(
                tzinfo=None
            )
            # The API says it waits until the cap ends, not that it leaves now.
            again = await http.get(f"/api/{account.id}/chats/6281234500003@c.us/messages")
            assert [m["_data"]["jaga"]["status"] for m in again.json()] == ["queued"]
            # A customer the number talks to still gets answers.
            inbound = {"from": "6281234500009", "text": "halo", "message_id": "IN-P1"}
            await service.client.sim(f"sessions/{account.id}/inbound", {"messages": [inbound]})
            await eventually(lambda: len(service.store.messages(account.id)) == 4)
            await send("6281234500009", "balasan")

            async def reply_left() -> bool:
                return any(s["text"] == "balasan" for s in await sent_texts())

            await eventually(reply_left, timeout=10, what="the reply to a known contact sent")
            assert not any(s["text"] == "tiga" for s in await sent_texts())

    run(loop, scenario(), timeout=60)


@pytest.mark.parametrize("pacing", [Pacing(min_gap_s=6, jitter_s=0, pace_sim=True)])
def test_a_turn_further_than_the_bridge_holds_waits_in_the_outbox_without_a_retry(
    loop, paced, pacing
):
    """A 6 s gap is longer than the bridge holds a request (5 s): it answers "paced" with
    the turn, and the outbox waits for it without spending one of the message's tries."""
    service, _gateway = paced

    async def scenario():
        account = await link(service, "Toko", "6281300000302")
        first = service.send_message(account.id, "6281234500011", "satu")
        second = service.send_message(account.id, "6281234500012", "dua")

        async def both_left() -> bool:
            texts = [s["text"] for s in await service.client.sim_network()]
            return "satu" in texts and "dua" in texts

        def waiting_for_turn() -> bool:
            row = service.store.message(second.id)
            return row is not None and row.status == "queued" and row.next_attempt_at is not None

        await eventually(waiting_for_turn, timeout=10, what="the second waiting for its turn")
        row = service.store.message(second.id)
        assert row.attempts == 0 and row.error is None, "a paced send spends no try"
        await eventually(both_left, timeout=20, what="both on the wire")
        wire = {s["text"]: s["at"] for s in await service.client.sim_network()}
        apart = (when(wire["dua"]) - when(wire["satu"])).total_seconds()
        assert apart >= 5.9, f"the second left a gap after the first, not {apart} s"
        assert service.store.message(first.id).attempts == 0

    run(loop, scenario(), timeout=60)


@pytest.mark.parametrize(
    "pacing", [Pacing(min_gap_s=0, jitter_s=0, new_contacts_per_day=2, pace_sim=True)]
)
def test_the_daily_cap_outlives_a_bridge_restart(loop, paced, pacing):
    """The bridge's own count starts at 0 when it restarts; the app's records do not."""
    service, _gateway = paced

    async def scenario():
        account = await link(service, "Toko", "6281300000303")
        for i in (1, 2):
            service.send_message(account.id, f"628123450002{i}", f"baru {i}")

        async def on_wire(text: str) -> bool:
            return any(s["text"] == text for s in await service.client.sim_network())

        for i in (1, 2):
            await eventually(lambda i=i: on_wire(f"baru {i}"), timeout=10, what=f"new contact {i}")
        await eventually(
            lambda: all(m.status != "queued" for m in service.store.messages(account.id)),
            what="both recorded as sent",
        )
        old_pid = service.supervisor.pid
        service.restart_bridge()
        await eventually(lambda: service.supervisor.pid not in (None, old_pid), timeout=20)
        await eventually(lambda: status_of(service, account.id) == "connected", timeout=20)
        third = service.send_message(account.id, "6281234500023", "baru 3")

        def capped() -> bool:
            row = service.store.account(account.id)
            return row is not None and row.limit_reason == "daily_new_contacts"

        await eventually(capped, timeout=15, what="the cap reached again after the restart")
        assert service.store.message(third.id).status == "queued"
        assert not await on_wire("baru 3")

    run(loop, scenario(), timeout=90)
