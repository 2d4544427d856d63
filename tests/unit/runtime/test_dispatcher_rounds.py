"""The outbox dispatcher's loop (run_forever): a round waiting for the bridge's answer (it
answers on WhatsApp's server ack) holds back no other chat, and never a chat's order."""

from __future__ import annotations

import asyncio
from typing import Any

from app.bridge.client import BridgeError
from app.runtime.dispatcher import Dispatcher
from tests.liveapp import eventually, run
from tests.unit.runtime.fake_bridge import FakeBridge

FIRST, SECOND = "6285712345678", "6591234567"


class AckingBridge(FakeBridge):
    """Each batch is answered only once the test lets WhatsApp's server ack come."""

    def __init__(self) -> None:
        super().__init__()
        self.acked = asyncio.Event()
        self.in_flight: list[str] = []  # client ids of the batches made, in order

    async def send_batch(
        self, session_id: str, bodies: list[dict[str, Any]]
    ) -> list[dict[str, Any] | BridgeError]:
        self.in_flight.extend(body["client_id"] for body in bodies)
        await self.acked.wait()
        return await super().send_batch(session_id, bodies)


def acking(memory) -> tuple[AckingBridge, str, Dispatcher]:
    """A connected number whose bridge answers each batch when the test lets it."""
    bridge = memory.bridge = AckingBridge()
    account = memory.number("Toko", "connected", phone="6281234567001")
    return (
        bridge,
        account,
        Dispatcher(memory.outbox, memory.model, memory.signals, client=memory.client),
    )


async def running(dispatcher: Dispatcher, check: Any) -> None:
    """check() with the dispatcher's loop running; the loop is stopped after."""
    task = asyncio.ensure_future(dispatcher.run_forever())
    try:
        await check()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def test_a_message_to_another_chat_leaves_while_a_round_waits_for_whatsapp(memory, loop):
    """Seen failing against: one round at a time (run_forever awaiting each round's
    answer): the second message waited for the first one's ack."""
    bridge, account, dispatcher = acking(memory)

    async def check() -> None:
        first = memory.outbox.queue(account, FIRST, "halo", "JAGA0000000000000001")
        dispatcher.wake()
        await eventually(lambda: bridge.in_flight == [first.message_id], what="the first sent")
        second = memory.outbox.queue(account, SECOND, "halo", "JAGA0000000000000002")
        dispatcher.wake()
        await eventually(lambda: second.message_id in bridge.in_flight, what="the second sent")
        bridge.acked.set()
        await eventually(
            lambda: {memory.outbox.rows[m.id].status for m in (first, second)} == {"sent"},
            what="both recorded as sent",
        )

    run(loop, running(dispatcher, check))


def test_a_chats_next_message_waits_for_the_one_on_its_way(memory, loop):
    """Seen failing against: the rounds' messages not set aside while on their way (the
    chat's head was handed out again, a duplicate request, and its next message overtook)."""
    bridge, account, dispatcher = acking(memory)

    async def check() -> None:
        one = memory.outbox.queue(account, FIRST, "one", "JAGA0000000000000011")
        dispatcher.wake()
        await eventually(lambda: bridge.in_flight == [one.message_id], what="the first sent")
        two = memory.outbox.queue(account, FIRST, "two", "JAGA0000000000000012")
        other = memory.outbox.queue(account, SECOND, "other", "JAGA0000000000000013")
        dispatcher.wake()  # a round after `two` was queued: it must leave `two` alone
        await eventually(lambda: other.message_id in bridge.in_flight, what="the other chat")
        assert bridge.in_flight == [one.message_id, other.message_id]
        bridge.acked.set()
        await eventually(lambda: memory.outbox.rows[two.id].status == "sent", what="two sent")
        assert bridge.in_flight == [one.message_id, other.message_id, two.message_id]

    run(loop, running(dispatcher, check))


def test_a_number_that_is_away_is_not_asked_again_and_again(memory, loop):
    """The bridge says the number is not connected (the app's view lags): the message waits
    for the number's state to change (that wakes the dispatcher), with no new round at once.

    Seen failing against: every ended round waking the loop (a request per loop turn)."""
    account = memory.number("Toko", "connected", phone="6281234567001")
    dispatcher = Dispatcher(memory.outbox, memory.model, memory.signals, client=memory.client)
    away = BridgeError("session_not_connected", "not connected", 409)
    memory.bridge.fail("send_message", away, away, away)

    async def check() -> None:
        message = memory.outbox.queue(account, FIRST, "halo", "JAGA0000000000000021")
        dispatcher.wake()
        await eventually(lambda: len(memory.bridge.named("send_batch")) == 1, what="one try")
        for _turn in range(100):  # loop turns, not time: a new round takes a few
            await asyncio.sleep(0)
        assert len(memory.bridge.named("send_batch")) == 1
        assert memory.outbox.rows[message.id].status == "queued"

    run(loop, running(dispatcher, check))
