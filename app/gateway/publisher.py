"""Turns the core's events into durable webhook deliveries in WAHA's shapes.

`message` (a customer wrote), `message.ack` (an outgoing message was sent, delivered or
read), `message.failed` (an outgoing message ended failed), `session.status`. Each event
gets one id (`evt_<ULID>`, lower case) shared by every URL it goes to; a delivery is
ordered per (URL, number, chat); a session's statuses are ordered among themselves.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from ulid import ULID

from app.core.models import Message
from app.core.store import StoreError
from app.gateway.core_port import GatewayListener, NumberView
from app.gateway.envelope import body_bytes, envelope
from app.gateway.waha_json import ack_body, me_json, message_json, status_body
from app.gateway.webhook_store import WebhookStore

log = logging.getLogger(__name__)

ACKED = frozenset({"sent", "delivered", "read"})


def new_event_id() -> str:
    return "evt_" + str(ULID()).lower()


class WebhookPublisher(GatewayListener):
    def __init__(
        self,
        webhooks: WebhookStore,
        wake: Callable[[], None],
        *,
        clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
        api_base: Callable[[], str] = lambda: "",
    ) -> None:
        self._webhooks = webhooks
        #: The local API's address, for media URLs (a webhook's receiver fetches from it).
        self._api_base = api_base
        self._wake = wake
        self._clock_ms = clock_ms

    def on_inbound(self, number: NumberView, message: Message) -> None:
        self._publish(
            "message",
            number,
            f"{number.id}:{message.chat}",
            message_json(number, message, self._api_base()),
        )

    def on_outbound_changed(self, number: NumberView, message: Message) -> None:
        if message.status in ACKED:
            event = "message.ack"
        elif message.status == "failed":
            event = "message.failed"
        else:
            return  # queued again (the owner's Resend): nothing for the shop to hear
        self._publish(event, number, f"{number.id}:{message.chat}", ack_body(number, message))

    def on_status(self, number: NumberView, old: str, new: str) -> None:
        self._publish("session.status", number, f"{number.id}:session", status_body(number))

    def _publish(
        self, event: str, number: NumberView, order_key: str, payload: dict[str, Any]
    ) -> None:
        event_id = new_event_id()
        document = envelope(
            event_id=event_id,
            event=event,
            session=number.id,
            payload=payload,
            me=me_json(number),
            timestamp_ms=self._clock_ms(),
        )
        try:
            rows = self._webhooks.enqueue(
                event=event, event_id=event_id, order_key=order_key, body=body_bytes(document)
            )
        except StoreError as error:
            log.warning("webhook %s %s not stored: %s", event, event_id, error)
            return
        if rows:
            self._wake()
