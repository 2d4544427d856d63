"""The outbox dispatcher (app/runtime/dispatcher.py) against a bridge client in memory."""

from __future__ import annotations

from datetime import UTC, datetime

from app.bridge.client import BridgeError
from app.domain.clock import SteadyClock
from app.runtime.dispatcher import Dispatcher
from app.storage.outbox import StoredOutbox
from tests.liveapp import run

CUSTOMER = "6285712345678"


class Monotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def dispatcher_for(core, monotonic: Monotonic) -> Dispatcher:
    wall = datetime.now(UTC).replace(tzinfo=None)
    clock = SteadyClock(wall=lambda: wall, monotonic=monotonic)
    return Dispatcher(
        StoredOutbox(core.store), core.model, core.signals, client=core.client, clock=clock
    )


def test_a_retried_send_carries_the_same_client_id_every_time(core, loop):
    """The client id is the WhatsApp message id: the bridge (and WhatsApp) know a retry
    as the same message and never send it twice.

    Seen failing against: a new client id per attempt (new_client_id() in _send_one)."""
    account = core.number("Toko", "connected", phone="6281234567001")
    monotonic = Monotonic()
    dispatcher = dispatcher_for(core, monotonic)
    message = core.store.queue_message(account, CUSTOMER, "halo", "JAGA0123456789ABCDEF")
    core.bridge.fail("send_message", BridgeError("timeout", "no answer"))
    core.bridge.fail("send_message", BridgeError("internal", "boom", 500))

    run(loop, dispatcher.dispatch_once())  # fails: tried again in 1 s
    assert core.store.message(message.id).attempts == 1
    run(loop, dispatcher.dispatch_once())  # not due yet: no call
    assert len(core.bridge.named("send_message")) == 1
    monotonic.now += 1.0
    run(loop, dispatcher.dispatch_once())  # fails again: in 2 s
    monotonic.now += 2.0
    run(loop, dispatcher.dispatch_once())  # goes

    sends = core.bridge.named("send_message")
    assert [call[3] for call in sends] == ["JAGA0123456789ABCDEF"] * 3
    assert [(call[0], call[1], call[2]) for call in sends] == [(account, CUSTOMER, "halo")] * 3
    row = core.store.message(message.id)
    assert (row.status, row.attempts) == ("sent", 2)


def test_a_send_that_can_never_succeed_fails_at_once_and_frees_its_chat(core, loop):
    account = core.number("Toko", "connected", phone="6281234567001")
    dispatcher = dispatcher_for(core, Monotonic())
    first = core.store.queue_message(account, CUSTOMER, "x" * 10, "JAGAAAAAAAAAAAAAAAAA")
    second = core.store.queue_message(account, CUSTOMER, "halo", "JAGABBBBBBBBBBBBBBBB")
    core.bridge.fail("send_message", BridgeError("payload_too_large", "too large", 413))
    assert run(loop, dispatcher.dispatch_once())  # failed for good: look again at once
    run(loop, dispatcher.dispatch_once())
    assert core.store.message(first.id).status == "failed"
    assert core.store.message(second.id).status == "sent"


def test_nothing_leaves_for_a_number_that_is_not_connected_or_without_a_bridge(core, loop):
    account = core.number("Toko", "reconnecting", phone="6281234567001")
    dispatcher = dispatcher_for(core, Monotonic())
    message = core.store.queue_message(account, CUSTOMER, "halo", "JAGACCCCCCCCCCCCCCCC")
    assert not run(loop, dispatcher.dispatch_once())
    core.bridge = None  # the bridge is down
    core.store.record_observed(account, status="connected", reason=None, message=None)
    core.model.load(core.store.accounts())
    assert not run(loop, dispatcher.dispatch_once())
    assert core.store.message(message.id).status == "queued"
