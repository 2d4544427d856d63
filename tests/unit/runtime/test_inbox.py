"""Durable events stored in batches and acknowledged once settled (app/runtime/inbox.py)."""

from __future__ import annotations

import asyncio

from app.core.durable import Ack, Inbound
from app.core.store import StoreError
from app.runtime.inbox import PARKED_NOTICE, Inbox
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


def test_nothing_is_acknowledged_before_it_is_stored_and_acks_are_cumulative(
    core, loop, monkeypatch, error_log
):
    """A batch that hits a store error of the moment is kept and not acknowledged; once
    stored, one ack covers it and everything before.

    Seen failing against: an ack sent for a batch before its commit (the bridge then drops
    events the app never stored)."""
    error_log.expect("could not store 2 messages/acks")
    account = core.number("Toko", phone="6281234567001")
    inbox = inbox_for(core)
    inbox.accept("boot-1", 1, message(account, 1))
    inbox.flush()
    run(loop, eventually(lambda: core.bridge.named("ack_events") == [(1, "boot-1")]))
    store_durable = core.store.store_durable
    monkeypatch.setattr(
        core.store, "store_durable", lambda items: (_ for _ in ()).throw(StoreError("disk full"))
    )
    inbox.accept("boot-1", 2, message(account, 2))
    inbox.accept("boot-1", 3, Ack(account, "JAGA1", "delivered"))
    inbox.flush()
    assert inbox.pending == 2 and core.told == ["Jaga could not save incoming messages: disk full"]
    run(loop, asyncio.sleep(0.1))  # longer than an ack's coalescing: none may come
    assert core.bridge.named("ack_events") == [(1, "boot-1")]
    monkeypatch.setattr(core.store, "store_durable", store_durable)
    inbox.flush()  # the retry (its timer would do the same)
    run(loop, eventually(lambda: core.bridge.named("ack_events") == [(1, "boot-1"), (3, "boot-1")]))
    assert inbox.pending == 0
    assert [m.message_id for m in core.store.messages(account)] == ["IN1", "IN2"]
    inbox.close()


def test_events_of_an_earlier_boot_are_stored_but_never_acknowledged_to_this_one(core, loop):
    account = core.number("Toko", phone="6281234567001")
    inbox = inbox_for(core, boot="boot-2")
    inbox.accept("boot-1", 7, message(account, 7))
    inbox.flush()
    run(loop, asyncio.sleep(0.1))
    assert [m.message_id for m in core.store.messages(account)] == ["IN7"]
    assert core.bridge.named("ack_events") == []
