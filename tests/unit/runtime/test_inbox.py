"""Durable events stored in batches and acknowledged once settled (app/runtime/inbox.py)."""

from __future__ import annotations

import asyncio

from app.domain.bridge_messages import Ack, Inbound
from app.runtime.inbox import PARKED_NOTICE, Inbox
from app.storage.store import StoreError
from tests.liveapp import eventually, run


def inbox_for(core, boot: str = "boot-1") -> Inbox:
    return Inbox(
        core.store,
        core.signals,
        client=core.client,
        boot_id=lambda: boot,
        spawn=asyncio.ensure_future,
    )


def message(account: str, n: int, text: str = "halo") -> Inbound:
    return Inbound(account, f"IN{n}", "6285712345678", text, None)


def test_a_message_that_cannot_be_stored_is_parked_and_the_ack_covers_it(core, loop):
    """A lone surrogate cannot go into SQLite: that one is kept in the audit log, the owner
    told, the others stored, and one cumulative ack settles all three."""
    account = core.number("Toko", phone="6281234567001")
    inbox = inbox_for(core)
    inbox.accept("boot-1", 1, message(account, 1))
    inbox.accept("boot-1", 2, message(account, 2, "rusak \ud800"))
    inbox.accept("boot-1", 3, message(account, 3))
    inbox.flush()
    run(loop, eventually(lambda: core.bridge.named("ack_events") == [(3, "boot-1")]))
    assert [m.message_id for m in core.store.messages(account)] == ["IN1", "IN3"]
    assert "inbound_parked" in [e.kind for e in core.store.audit_events()]
    assert core.told == [PARKED_NOTICE]


def acks_seeing_the_store(core, account: str) -> list[tuple[int, list[str]]]:
    """Every ack, with the messages app.sqlite3 held at the moment it was sent."""
    seen: list[tuple[int, list[str]]] = []
    send = core.bridge.ack_events

    async def ack_events(upto: int, boot_id: str) -> None:
        seen.append((upto, [m.message_id for m in core.store.messages(account)]))
        await send(upto, boot_id)

    core.bridge.ack_events = ack_events
    return seen


def test_nothing_is_acknowledged_before_it_is_stored_and_acks_are_cumulative(
    core, loop, monkeypatch, error_log
):
    """A batch that hits a store error of the moment is kept and not acknowledged; once
    stored (by the inbox's own retry), one ack covers it and everything before. Each ack
    is checked against what the store held when it was sent.

    Seen failing against: the batch settled before its commit (the ack, 50 ms later, went
    out while the store still failed: the bridge would drop events the app never stored)."""
    error_log.expect("could not store 2 messages/acks")
    account = core.number("Toko", phone="6281234567001")
    seen = acks_seeing_the_store(core, account)
    inbox = inbox_for(core)
    inbox.accept("boot-1", 1, message(account, 1))
    inbox.flush()
    run(loop, eventually(lambda: len(seen) == 1))
    store_durable = core.store.store_durable
    monkeypatch.setattr(
        core.store, "store_durable", lambda items: (_ for _ in ()).throw(StoreError("disk full"))
    )
    inbox.accept("boot-1", 2, message(account, 2))
    inbox.accept("boot-1", 3, Ack(account, "JAGA1", "delivered"))
    inbox.flush()
    assert inbox.pending == 2 and core.told == ["Jaga could not save incoming messages: disk full"]
    monkeypatch.setattr(core.store, "store_durable", store_durable)  # the disk has room again
    run(loop, eventually(lambda: len(seen) == 2))  # the inbox's retry stored them (0.2 s)
    assert seen == [(1, ["IN1"]), (3, ["IN1", "IN2"])]
    assert inbox.pending == 0
    inbox.close()


def test_events_of_an_earlier_boot_are_stored_but_never_acknowledged_to_this_one(core, loop):
    """Seqs of an earlier boot mean nothing to this bridge (it replays those itself): the
    next ack, for this boot's own event, is the first one."""
    account = core.number("Toko", phone="6281234567001")
    inbox = inbox_for(core, boot="boot-2")
    inbox.accept("boot-1", 7, message(account, 7))
    inbox.flush()
    inbox.accept("boot-2", 1, message(account, 1))
    inbox.flush()
    run(loop, eventually(lambda: core.bridge.named("ack_events") != []))
    assert core.bridge.named("ack_events") == [(1, "boot-2")]
    assert [m.message_id for m in core.store.messages(account)] == ["IN7", "IN1"]
