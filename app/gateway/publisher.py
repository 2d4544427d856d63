"""Turns the core's writes into durable webhook deliveries in WAHA's shapes.

`message` (a customer wrote), `message.ack` (an outgoing message was sent, delivered or
read), `message.failed` (an outgoing message ended failed), `session.status`. Each event
gets one id (`evt_<ULID>`, lower case) shared by every URL it goes to; a delivery is
ordered per (URL, number, chat); a session's statuses are ordered among themselves.

The deliveries are written inside the transaction that stores the message, the ack or
the status (app.storage.write_hooks): a crash can never keep the one and lose the other.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ulid import ULID

from app.gateway.envelope import body_bytes, envelope
from app.gateway.waha_json import ack_body, me_json, message_json, metadata_of, status_body
from app.ports.api import (
    AccountRecord,
    MessageView,
    NumberView,
    WebhookTargetView,
    WebhookTransaction,
)
from app.ports.gateway_parts import webhook_transaction

ACKED = frozenset({"sent", "delivered", "read"})


def new_event_id() -> str:
    return "evt_" + str(ULID()).lower()


def events_of(message: MessageView) -> tuple[str, ...]:
    """The webhook events a stored row makes, if any."""
    if message.direction == "in":
        return ("message",)
    if message.status in ACKED:
        return ("message.ack",)
    if message.status == "failed":
        # WAHA's clients hear a refused send as message.ack with ack -1 (ERROR); Jaga's
        # message.failed (the same body) stays for those who chose it.
        return ("message.ack", "message.failed")
    return ()  # queued again (the owner's Resend): nothing for the shop to hear


class WebhookPublisher:
    def __init__(
        self,
        wake: Callable[[], None],
        *,
        bridge_up: Callable[[], bool],
        clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
        api_base: Callable[[], str] = lambda: "",
    ) -> None:
        #: The local API's address, for media URLs (a webhook's receiver fetches from it).
        self._api_base = api_base
        self._wake = wake
        self._bridge_up = bridge_up
        self._clock_ms = clock_ms

    def in_transaction(self, s: Any, written: Any) -> None:
        """A write hook (app.storage.write_hooks): runs inside the store's transaction."""
        tx = webhook_transaction(s, written)
        targets = tx.targets()
        if not targets:
            return
        up = self._bridge_up()
        numbers: dict[str, NumberView | None] = {}

        def number(account_id: str) -> NumberView | None:
            if account_id not in numbers:
                account = tx.account(account_id)
                numbers[account_id] = self.number_view(account, up) if account else None
            return numbers[account_id]

        enqueued: list[int] = []
        for message in tx.messages():
            view = number(message.account_id)
            if view is None:
                continue
            for event in events_of(message):
                payload = (
                    message_json(view, message, self._api_base())
                    if event == "message"
                    else ack_body(view, message)
                )
                key = f"{view.id}:{message.chat}"
                enqueued += self.publish(tx, targets, event, view, key, payload)
        for account_id in tx.status_accounts():
            account = tx.account(account_id)
            if account is None:
                continue
            view = self.number_view(account, up)
            key = f"{view.id}:session"
            enqueued += self.publish(tx, targets, "session.status", view, key, status_body(view))
        if enqueued:
            self._wake()  # the sender runs on this loop: after this commit

    @staticmethod
    def number_view(account: AccountRecord, up: bool) -> NumberView:
        """The number as a webhook tells of it, with its session's metadata."""
        return replace(NumberView.of(account, bridge_up=up), metadata=account.metadata)

    def publish(
        self,
        tx: WebhookTransaction,
        targets: list[WebhookTargetView],
        event: str,
        number: NumberView,
        order_key: str,
        payload: dict[str, Any],
    ) -> list[int]:
        """One event to every URL that hears this number (label_webhooks.py too)."""
        event_id = new_event_id()
        document = envelope(
            event_id=event_id,
            event=event,
            session=number.id,
            payload=payload,
            me=me_json(number),
            timestamp_ms=self._clock_ms(),
            metadata=metadata_of(number),
        )
        return tx.enqueue(
            [t for t in targets if t.account_id in (None, number.id)],
            event=event,
            event_id=event_id,
            order_key=order_key,
            body=body_bytes(document),
        )
