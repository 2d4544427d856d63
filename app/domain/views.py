"""Frozen views of stored things, as the faces read them: never a database row.

Storage builds them (app/storage/message_views.py); the ports hand them on; the gateway
turns them into WAHA's JSON (app/gateway/waha_json.py). A view is a snapshot: changing
the store later does not change a view already read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class MessageView:
    """One message in or out, as stored (table `messages`, docs/app-core.md)."""

    #: The store's row id (the outbox's order; Fonnte's `requestid`).
    id: int
    account_id: str
    direction: str  # "in" | "out"
    chat: str
    #: WhatsApp's id of the message.
    message_id: str
    #: The text, or a file's caption.
    text: str
    status: str
    error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    #: Who wrote it, in a group (None in a person's chat and for ours).
    author: str | None = None
    reply_to: str | None = None
    media_type: str | None = None
    media_mimetype: str | None = None
    media_size: int | None = None
    media_sha256: str | None = None
    media_file_name: str | None = None
    media_state: str | None = None
    media_error: str | None = None


@dataclass(frozen=True)
class HookConfig:
    """One webhook of a number's WAHA session config (PUT /api/sessions/{session})."""

    url: str
    events: list[str]
    secret: str | None


@dataclass(frozen=True)
class WebhookTargetView:
    """One webhook address (table `webhook_targets`), as the sender and the window read it."""

    id: int
    url: str
    #: The events it wants, comma-separated as stored (app/domain/webhook_events.py).
    events: str
    secret: str | None
    enabled: bool
    created_at: datetime
    last_success_at: datetime | None
    last_failure_at: datetime | None
    last_failure: str | None
    #: Set through one number's WAHA session config; None: the owner's, for every number.
    account_id: str | None


@dataclass(frozen=True)
class DeliveryView:
    """One webhook delivery waiting to be sent (table `webhook_deliveries`)."""

    id: int
    target_id: int
    event_id: str
    event: str
    #: The signed JSON body, byte for byte as it is posted.
    body: bytes
    attempts: int
    created_at: datetime


@dataclass(frozen=True)
class DeliveryRecord:
    """One delivery to one webhook address as it stands (table `webhook_deliveries`): what
    the Webhooks tab lists, and its outcome so far."""

    id: int
    target_id: int
    event_id: str
    event: str
    body: bytes
    state: str
    attempts: int
    created_at: datetime
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    finished_at: datetime | None


@dataclass(frozen=True)
class AccountRecord:
    """A number as one transaction stored it, with its WAHA session metadata: what a
    webhook tells of the number (the read model's AccountView may lag this write)."""

    id: str
    label: str
    phone: str | None
    display_name: str | None
    status: str
    status_since: datetime | None
    last_activity_at: datetime | None
    metadata: dict[str, str]
