"""The outbox dispatcher (app/runtime/dispatcher.py) against a bridge client and an outbox
in memory (tests/unit/runtime/fakes.py): no SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime

from app.bridge.client import BridgeError
from app.domain.clock import SteadyClock
from app.runtime.dispatcher import Dispatcher
from tests.liveapp import run

CUSTOMER = "6285712345678"


class Monotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def dispatcher_for(memory, monotonic: Monotonic) -> Dispatcher:
    wall = datetime.now(UTC).replace(tzinfo=None)
    clock = SteadyClock(wall=lambda: wall, monotonic=monotonic)
    return Dispatcher(
        memory.outbox, memory.model, memory.signals, client=memory.client, clock=clock
    )


def test_a_retried_send_carries_the_same_client_id_every_time(memory, loop):
    """The client id is the WhatsApp message id: the bridge (and WhatsApp) know a retry
    as the same message and never send it twice.

    Seen failing against: a new client id per attempt (new_client_id() in _send_one)."""
    account = memory.number("Toko", "connected", phone="6281234567001")
    monotonic = Monotonic()
    dispatcher = dispatcher_for(memory, monotonic)
    message = memory.outbox.queue(account, CUSTOMER, "halo", "JAGA0123456789ABCDEF")
    memory.bridge.fail("send_message", BridgeError("timeout", "no answer"))
    memory.bridge.fail("send_message", BridgeError("internal", "boom", 500))

    run(loop, dispatcher.dispatch_once())  # fails: tried again in 1 s
    assert memory.outbox.rows[message.id].attempts == 1
    run(loop, dispatcher.dispatch_once())  # not due yet: no call
    assert len(memory.bridge.named("send_message")) == 1
    monotonic.now += 1.0
    run(loop, dispatcher.dispatch_once())  # fails again: in 2 s
    monotonic.now += 2.0
    run(loop, dispatcher.dispatch_once())  # goes

    sends = memory.bridge.named("send_message")
    assert [call[3] for call in sends] == ["JAGA0123456789ABCDEF"] * 3
    assert [(call[0], call[1], call[2]) for call in sends] == [(account, CUSTOMER, "halo")] * 3
    row = memory.outbox.rows[message.id]
    assert (row.status, row.attempts) == ("sent", 2)


def test_a_send_that_can_never_succeed_fails_at_once_and_frees_its_chat(memory, loop):
    account = memory.number("Toko", "connected", phone="6281234567001")
    dispatcher = dispatcher_for(memory, Monotonic())
    first = memory.outbox.queue(account, CUSTOMER, "x" * 10, "JAGAAAAAAAAAAAAAAAAA")
    second = memory.outbox.queue(account, CUSTOMER, "halo", "JAGABBBBBBBBBBBBBBBB")
    memory.bridge.fail("send_message", BridgeError("payload_too_large", "too large", 413))
    assert run(loop, dispatcher.dispatch_once())  # failed for good: look again at once
    run(loop, dispatcher.dispatch_once())
    assert memory.outbox.rows[first.id].status == "failed"
    assert memory.outbox.rows[second.id].status == "sent"


def test_nothing_leaves_for_a_number_that_is_not_connected_or_without_a_bridge(memory, loop):
    account = memory.number("Toko", "reconnecting", phone="6281234567001")
    dispatcher = dispatcher_for(memory, Monotonic())
    message = memory.outbox.queue(account, CUSTOMER, "halo", "JAGACCCCCCCCCCCCCCCC")
    assert not run(loop, dispatcher.dispatch_once())
    memory.bridge = None  # the bridge is down
    memory.observe(account, "connected")
    assert not run(loop, dispatcher.dispatch_once())
    assert memory.outbox.rows[message.id].status == "queued"
