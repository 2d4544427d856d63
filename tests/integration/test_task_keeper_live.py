"""No background task dies silently, with the real parts (app/tasks/keeper.py).

Seen failing against: the event stream spawned by the service's old `_spawn` (one ERROR
line, then no events ever again until the bridge restarted, the owner not told), and the
webhook sender started by a bare `ensure_future` (a tab in a webhook address ended it
with no log line; nothing was delivered after that, to any address).
"""

from __future__ import annotations

from app.bridge.events import EventStream
from app.domain.restart_pauses import RestartPolicy
from app.gateway.envelope import body_bytes, envelope
from app.gateway.gateway import for_service
from app.gateway.webhook_sender import WebhookSender
from app.tasks.keeper import STOPPED_SENTENCES
from tests.liveapp import dispose, eventually, link, make_service, run, settled, until_bridge_ready

QUICK = RestartPolicy(first_pause_s=0.05, longest_pause_s=0.2)


def test_an_event_stream_killed_by_an_error_starts_again_and_the_owner_is_told(
    loop, data_dir, monkeypatch, error_log
):
    error_log.expect("event stream stopped after an error")
    service = make_service(data_dir, restart_policy=QUICK)
    told: list[str] = []
    service.error.connect(told.append)
    service.start()
    try:
        run(loop, until_bridge_ready(service))
        account = run(loop, link(service, "Toko", "6281234500001"))
        follow = EventStream._follow_once
        injected: list[str] = []

        async def dies_once(stream, http):
            if not injected:
                injected.append("done")
                raise RuntimeError("injected: a bug in the event stream")
            return await follow(stream, http)

        monkeypatch.setattr(EventStream, "_follow_once", dies_once)
        service.event_stream.reconnect()  # the next connection is the one that dies
        run(loop, eventually(lambda: service.keeper.restarts.get("event stream") == 1))
        assert told == [STOPPED_SENTENCES["event stream"]]
        [record] = [r for r in error_log.records if "event stream stopped" in r.getMessage()]
        assert record.exc_info and "injected" in str(record.exc_info[1])
        # Started again: what the bridge sends reaches the app as before.
        run(loop, settled(service, account.id))
    finally:
        dispose(loop, service)


def test_a_webhook_sender_killed_by_an_error_starts_again_and_delivers(
    loop, data_dir, receiver, monkeypatch, error_log
):
    error_log.expect("webhook sender stopped after an error")
    service = make_service(data_dir, restart_policy=QUICK)
    told: list[str] = []
    service.error.connect(told.append)
    gateway = for_service(service, "keeper-test", port=0)
    gateway.webhooks.add_target(receiver.url, ["message"], "secret")
    keep_lanes = WebhookSender._keep_lanes
    injected: list[str] = []

    def dies_once(sender, target_ids):
        # Each address's lane survives its own errors; what can still end the sender is
        # an error in the loop that keeps the lanes: injected there, once.
        if not injected:
            injected.append("done")
            raise ValueError("injected: Invalid non-printable ASCII character in URL")
        return keep_lanes(sender, target_ids)

    monkeypatch.setattr(WebhookSender, "_keep_lanes", dies_once)
    try:
        run(loop, gateway.start())
        document = envelope(
            event_id="evt_1",
            event="message",
            session="acc-1",
            payload={"body": "halo"},
            me=None,
            timestamp_ms=1_700_000_000_000,
        )
        gateway.webhooks.enqueue(
            event="message", event_id="evt_1", order_key="6281", body=body_bytes(document)
        )
        gateway.sender.wake()
        run(loop, eventually(lambda: len(receiver.got) == 1, what="the delivery"))
        assert receiver.got[0][0]["id"] == "evt_1"
        assert told == [STOPPED_SENTENCES["webhook sender"]]
        assert service.keeper.restarts == {"webhook sender": 1}
    finally:
        run(loop, gateway.aclose())
        dispose(loop, service)
