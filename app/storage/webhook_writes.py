"""The webhook publishers' view of one open transaction (app/storage/write_hooks.py).

A publisher (app/gateway/publisher.py, label_webhooks.py) runs inside the transaction that
writes the rows it tells of, so its deliveries commit with them or not at all. It reads
and writes through `WebhookWrites`, in views: the rows never leave storage.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.inbox.labels import LabelChange
from app.domain.views import AccountRecord, MessageView, WebhookTargetView
from app.storage.message_views import message_view
from app.storage.session_configs import loads_metadata
from app.storage.tables import Account, SessionConfig
from app.storage.view_of import view_of
from app.storage.webhooks import enabled_targets, enqueue_in, target_view
from app.storage.write_hooks import Written


class WebhookWrites:
    def __init__(self, s: Session, written: Written) -> None:
        self._s = s
        self._written = written

    def targets(self) -> list[WebhookTargetView]:
        """The enabled webhook addresses."""
        return [target_view(t) for t in enabled_targets(self._s)]

    def messages(self) -> list[MessageView]:
        """Inbound messages this transaction added, then outgoing ones whose status moved."""
        return [message_view(m) for m in [*self._written.added, *self._written.moved]]

    def status_accounts(self) -> list[str]:
        """The numbers whose status this transaction moved, in order (one per move)."""
        return [move.account.id for move in self._written.statuses]

    def labels(self) -> list[LabelChange]:
        return list(self._written.labels)

    def account(self, account_id: str) -> AccountRecord | None:
        """The number as written now (None: removed), with its session's metadata."""
        row = self._s.get(Account, account_id)
        if row is None:
            return None
        config = self._s.get(SessionConfig, account_id)
        metadata = loads_metadata(config.metadata_json) if config is not None else {}
        return view_of(AccountRecord, row, metadata=metadata)

    def enqueue(
        self,
        targets: list[WebhookTargetView],
        *,
        event: str,
        event_id: str,
        order_key: str,
        body: bytes,
    ) -> list[int]:
        """One delivery per address that wants this event, in this transaction."""
        return enqueue_in(
            self._s, targets, event=event, event_id=event_id, order_key=order_key, body=body
        )
