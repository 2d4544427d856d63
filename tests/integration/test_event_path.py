"""The event path survives bad events: one failing event never ends or stalls the stream."""

from __future__ import annotations

import asyncio
import json

import httpx

from app.bridge import protocol
from app.storage.store import StoreError
from tests.liveapp import eventually, link, run, status_of


async def post_json(service, path: str, body: dict) -> None:
    async with httpx.AsyncClient(
        base_url=service.client.base_url, headers=service.client.auth_headers, trust_env=False
    ) as http:
        answer = await http.post(
            path, content=json.dumps(body), headers={"Content-Type": "application/json"}
        )
        answer.raise_for_status()


def inbound_texts(service, account_id: str) -> list[str]:
    return [m.text for m in service.store.messages(account_id) if m.direction == "in"]


def test_a_store_error_in_one_event_leaves_the_stream_alive_and_the_bridge_unkilled(
    loop, service, monkeypatch, caplog, error_log
):
    # When the reconciler's snapshot meets the failure first (not an event), the recorder
    # reports it to the owner as it should: an ERROR line that is part of this test.
    error_log.expect(r"database is busy")

    async def scenario():
        account = await service.add_account("Shop")
        await eventually(lambda: status_of(service, account.id) == "qr", what="a QR")
        pid, connections = service.supervisor.pid, service.event_stream.connections
        real_account = service.store.account
        failures: list[str] = []

        def busy_once(account_id: str):
            if not failures:
                failures.append(account_id)
                raise StoreError("Jaga's database is busy; please try again in a moment.")
            return real_account(account_id)

        def status() -> str:
            return real_account(account.id).status

        real_observed = service.store.record_observed

        def observed_busy_once(*args, **kwargs):
            if not failures:
                failures.append("record_observed")
                raise StoreError("Jaga's database is busy; please try again in a moment.")
            return real_observed(*args, **kwargs)

        # Whichever the event path reads or writes first fails, once.
        monkeypatch.setattr(service.store, "account", busy_once)
        monkeypatch.setattr(service.store, "record_observed", observed_busy_once)
        await service.simulate_scan(account.id, "6281300000101")
        await eventually(lambda: status() == "connected", what="connected")
        assert failures
        # Later events still arrive on the same stream, from the same bridge.
        await service.client.sim(f"sessions/{account.id}/close", {"code": 428})
        await eventually(lambda: status() != "connected", what="the drop", timeout=5)
        assert service.supervisor.pid == pid
        assert service.event_stream.connections == connections

    run(loop, scenario())


def test_an_unreadable_event_is_skipped_not_replayed_forever(loop, service, monkeypatch):
    async def scenario():
        poisoned = await service.add_account("Poisoned QR")
        real = protocol.qr_code

        def unreadable_for_one_session(data):
            if data.get("session_id") == poisoned.id:
                raise protocol.ProtocolError(f"unreadable qr: {data!r}")
            return real(data)

        monkeypatch.setattr(protocol, "qr_code", unreadable_for_one_session)
        connections = service.event_stream.connections
        other = await service.add_account("Fine")
        await eventually(lambda: status_of(service, other.id) == "qr", what="the next QR")
        await asyncio.sleep(0)
        assert service.event_stream.connections == connections

    run(loop, scenario())


def test_a_poison_inbound_message_is_parked_and_everything_behind_it_flows(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000102")
        notices: list[str] = []
        service.error.connect(notices.append)
        batch = [
            {"from": "6281234567890", "text": "before"},
            {"from": "6281234567890", "text": "bad \ud800 text"},
            {"from": "6281234567890", "text": "after"},
        ]
        # json.dumps escapes the lone surrogate (\\ud800): valid JSON, as a phone may send.
        await post_json(service, f"/sim/sessions/{account.id}/inbound", {"messages": batch})
        await eventually(
            lambda: sorted(inbound_texts(service, account.id)) == ["after", "before"],
            what="the good messages stored",
        )
        later = [{"from": "6281234567890", "text": "later"}]
        await service.client.sim(f"sessions/{account.id}/inbound", {"messages": later})
        await eventually(
            lambda: "later" in inbound_texts(service, account.id), what="a later message"
        )
        parked = [e for e in service.store.audit_events() if e.kind == "inbound_parked"]
        assert len(parked) == 1 and account.id == parked[0].account_id
        assert "\\ud800" in parked[0].detail  # the item itself is kept, escaped
        assert any("could not be saved" in n for n in notices)
        # Acknowledged: a new connection gets no replay of the parked item.
        await eventually(durable_pending_is(service, 0), what="the journal drained")

    run(loop, scenario())


def durable_pending_is(service, count: int):
    async def check() -> bool:
        return (await service.client.health())["durable_pending"] == count

    return check


def test_two_bursts_are_both_acknowledged_when_the_second_lands_during_the_first_ack(
    loop, service, monkeypatch
):
    async def scenario():
        account = await link(service, "Shop", "6281300000103")
        client = service.client
        real_ack = client.ack_events
        release = asyncio.Event()
        acked: list[int] = []

        async def slow_first_ack(upto: int, boot_id: str) -> None:
            if not acked:
                acked.append(upto)
                await release.wait()
            else:
                acked.append(upto)
            await real_ack(upto, boot_id)

        monkeypatch.setattr(client, "ack_events", slow_first_ack)
        first = [{"from": "6281234567890", "text": f"first {i}"} for i in range(5)]
        await client.sim(f"sessions/{account.id}/inbound", {"messages": first})
        await eventually(lambda: len(acked) == 1, what="the first ack in flight")
        second = [{"from": "6281234567890", "text": f"second {i}"} for i in range(5)]
        await client.sim(f"sessions/{account.id}/inbound", {"messages": second})
        await eventually(
            lambda: len(inbound_texts(service, account.id)) == 10, what="both bursts stored"
        )
        release.set()
        await eventually(lambda: len(acked) == 2, what="the second burst acknowledged")
        assert acked[1] > acked[0]

    run(loop, scenario())
