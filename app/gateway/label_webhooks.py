"""label.upsert, label.deleted, label.chat.added, label.chat.deleted: written in the
transaction that changes the label, whoever changed it (the window, the API, the phone's
WhatsApp Business app through the bridge), as durably as the message webhooks."""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy.orm import Session

from app.core.models import Account
from app.core.write_hooks import Written
from app.gateway.core_port import NumberView
from app.gateway.envelope import body_bytes, envelope
from app.gateway.label_json import EVENT_OF, change_json
from app.gateway.publisher import new_event_id
from app.gateway.waha_json import me_json
from app.gateway.webhook_store import enabled_targets, enqueue_in


class LabelWebhooks:
    def __init__(
        self,
        wake: Callable[[], None],
        *,
        bridge_up: Callable[[], bool],
        clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
    ) -> None:
        self._wake = wake
        self._bridge_up = bridge_up
        self._clock_ms = clock_ms

    def in_transaction(self, s: Session, written: Written) -> None:
        """A write hook (app.core.write_hooks): inside the store's transaction."""
        if not written.labels:
            return
        targets = enabled_targets(s)
        if not targets:
            return
        enqueued: list[int] = []
        for change in written.labels:
            account = s.get(Account, change.account_id)
            if account is None:
                continue
            number = NumberView.of(account, bridge_up=self._bridge_up())
            event, event_id = EVENT_OF[change.kind], new_event_id()
            document = envelope(
                event_id=event_id,
                event=event,
                session=number.id,
                payload=change_json(change),
                me=me_json(number),
                timestamp_ms=self._clock_ms(),
            )
            # One order per number's labels: a shop's software sees them as they happened.
            enqueued += enqueue_in(
                s,
                targets,
                event=event,
                event_id=event_id,
                order_key=f"{number.id}:labels",
                body=body_bytes(document),
            )
        if enqueued:
            self._wake()
