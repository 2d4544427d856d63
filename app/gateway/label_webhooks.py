"""label.upsert, label.deleted, label.chat.added, label.chat.deleted: written in the
transaction that changes the label, whoever changed it (the window, the API, the phone's
WhatsApp Business app through the bridge), as durably as the message webhooks, and through
the same publisher: to the URLs that hear the number (its own session webhooks too), with
its session's metadata."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.gateway.label_json import EVENT_OF, change_json
from app.gateway.publisher import WebhookPublisher
from app.ports.gateway_parts import webhook_transaction


class LabelWebhooks:
    def __init__(
        self,
        publisher: WebhookPublisher,
        wake: Callable[[], None],
        *,
        bridge_up: Callable[[], bool],
    ) -> None:
        self._publisher = publisher
        self._wake = wake
        self._bridge_up = bridge_up

    def in_transaction(self, s: Any, written: Any) -> None:
        """A write hook (app.storage.write_hooks): inside the store's transaction."""
        tx = webhook_transaction(s, written)
        changes = tx.labels()
        if not changes:
            return
        targets = tx.targets()
        if not targets:
            return
        up = self._bridge_up()
        enqueued: list[int] = []
        for change in changes:
            account = tx.account(change.account_id)
            if account is None:
                continue
            number = self._publisher.number_view(account, up)
            # One order per number's labels: a shop's software sees them as they happened.
            enqueued += self._publisher.publish(
                tx,
                targets,
                EVENT_OF[change.kind],
                number,
                f"{number.id}:labels",
                change_json(change),
            )
        if enqueued:
            self._wake()
