"""Everything the gateway (local API and webhook publisher) needs from the app core.

One small port: the API and the publisher call only `GatewayCore`, and read only views
(`NumberView` here, `MessageView` from app/domain/views.py), never rows. The errors it
raises are the domain's (`BridgeError`, `MessageError`, `StoreError`). Its one
implementation, `ServicePort` (app/ports/service_port.py), is built from the runtime's
parts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from app.domain.bridge_error import BridgeError
from app.domain.inbox.labels import LabelChange
from app.domain.outbox import MessageError, SendOptions
from app.domain.pacing import Pacing
from app.domain.status import SessionStatus
from app.domain.store_error import StoreError
from app.domain.views import (
    AccountRecord,
    DeliveryView,
    HookConfig,
    MessageView,
    WebhookTargetView,
)
from app.domain.webhook_retry import Next
from app.ports.inbox import InboxPort

__all__ = [
    "SEEN_MAX",
    "AccountLike",
    "AccountRecord",
    "BridgeError",
    "DeliveryView",
    "GatewayCore",
    "HookConfig",
    "MessageError",
    "MessageView",
    "NumberView",
    "Outcome",
    "Queued",
    "StoreError",
    "WebhookQueue",
    "WebhookTargetView",
    "WebhookTransaction",
    "client_id_for",
]

#: Read receipts in one request, at most (the bridge takes 100).
SEEN_MAX = 100


class AccountLike(Protocol):
    """What a number view is made from: the read model's AccountView, or a stored row."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def display_name(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def status_since(self) -> datetime | None: ...
    @property
    def last_activity_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class NumberView:
    """One WhatsApp number as the gateway shows it."""

    id: str
    label: str
    phone: str | None
    name: str | None
    status: SessionStatus
    bridge_up: bool
    status_since: datetime | None
    last_activity_at: datetime | None
    #: WAHA's session config metadata (PUT /api/sessions/{session}); sent with webhooks.
    metadata: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, account: AccountLike, *, bridge_up: bool) -> NumberView:
        """From the read model's view or a stored row (the webhook publisher's)."""
        return cls(
            id=account.id,
            label=account.label,
            phone=account.phone,
            name=account.display_name,
            status=SessionStatus.parse(account.status),
            bridge_up=bridge_up,
            status_since=account.status_since,
            last_activity_at=account.last_activity_at,
        )


@dataclass(frozen=True)
class Queued:
    message: MessageView
    #: False when an earlier request with the same idempotency key made it.
    created: bool


class GatewayCore(Protocol):
    @property
    def default_region(self) -> str: ...
    @property
    def text_limit(self) -> int: ...
    @property
    def bridge_up(self) -> bool: ...
    def numbers(self) -> list[NumberView]: ...
    def number(self, account_id: str) -> NumberView | None: ...
    def qr(self, account_id: str) -> str | None: ...
    async def start(self, account_id: str) -> None: ...
    async def stop(self, account_id: str) -> None: ...
    async def restart(self, account_id: str) -> None: ...
    async def logout(self, account_id: str) -> None: ...
    async def create_number(self, label: str, *, start: bool) -> NumberView: ...
    def configure(
        self, account_id: str, metadata: dict[str, str] | None, hooks: list[HookConfig] | None
    ) -> None: ...
    def hooks(self, account_id: str) -> list[HookConfig]: ...
    async def request_pairing_code(self, account_id: str, phone: str) -> str: ...
    def queue_text(
        self,
        account_id: str,
        to: str,
        text: str,
        idempotency_key: str | None,
        options: SendOptions | None = None,
    ) -> Queued: ...
    async def mark_seen(self, account_id: str, chat: str, ids: list[str] | None) -> list[str]: ...
    def chat_messages(self, account_id: str, chat: str, limit: int) -> list[MessageView]: ...
    @property
    def media_max_bytes(self) -> int: ...
    def media_tmp_dir(self) -> Path: ...
    async def queue_media(
        self,
        account_id: str,
        to: str,
        source: Path | bytes,
        *,
        kind: str | None,
        caption: str,
        file_name: str | None,
        mimetype: str | None,
        idempotency_key: str | None,
        reply_to: str | None = None,
        not_before: datetime | None = None,
    ) -> Queued: ...
    def media_file(self, account_id: str, sha256: str) -> tuple[Path, str, str] | None: ...
    def report_problem(self, sentence: str) -> None: ...
    def expected_at(self, message: MessageView) -> datetime | None: ...
    async def set_pacing(self, pacing: Pacing) -> None: ...
    @property
    def inbox(self) -> InboxPort: ...


class Outcome(Protocol):
    """One delivery attempt's outcome, as the sender records it."""

    @property
    def delivery_id(self) -> int: ...
    @property
    def step(self) -> Next: ...
    @property
    def status_code(self) -> int | None: ...
    @property
    def error(self) -> str | None: ...
    @property
    def at(self) -> datetime: ...


class WebhookQueue(Protocol):
    """The webhook sender's side of the store (app/storage/webhooks.py, WebhookStore):
    the addresses, their due deliveries, and where each attempt's outcome goes."""

    def targets(self) -> list[WebhookTargetView]: ...
    def target(self, target_id: int) -> WebhookTargetView | None: ...
    def due(
        self, now: datetime, limit: int = 64, *, target_id: int | None = None
    ) -> list[DeliveryView]: ...
    def due_by_address(
        self, now: datetime, among: Collection[int], limit: int = 64
    ) -> dict[int, list[DeliveryView]]: ...
    def next_due_at(
        self, target_id: int | None = None, *, among: Collection[int] | None = None
    ) -> datetime | None: ...
    def record_many(self, outcomes: Iterable[Outcome]) -> None: ...


class WebhookTransaction(Protocol):
    """One open store transaction as a webhook publisher sees it (the publishers run inside
    it, app/storage/webhook_writes.py): what it wrote, in views, and where deliveries go."""

    def targets(self) -> list[WebhookTargetView]: ...
    def messages(self) -> list[MessageView]: ...
    def status_accounts(self) -> list[str]: ...
    def labels(self) -> list[LabelChange]: ...
    def account(self, account_id: str) -> AccountRecord | None: ...
    def enqueue(
        self,
        targets: list[WebhookTargetView],
        *,
        event: str,
        event_id: str,
        order_key: str,
        body: bytes,
    ) -> list[int]: ...


def client_id_for(account_id: str, key: str) -> str:
    """A caller's idempotency key → the outbox's client id (the WhatsApp message id too).

    Same shape as app.domain.outbox.new_client_id, derived, so a retried request finds the
    message the first one queued.
    """
    digest = hashlib.sha256(f"{account_id}\n{key}".encode()).hexdigest()
    return "JAGA" + digest[:16].upper()
