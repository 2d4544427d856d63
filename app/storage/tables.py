"""SQLAlchemy models of app.sqlite3. Schema changes go through Alembic (app/storage/migrations)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain.clock import utcnow  # the tables' default times (re-exported for storage)


class Base(DeclarativeBase):
    pass


class Account(Base):
    """One WhatsApp number. Desired state comes from the owner, observed state from the bridge."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    label: Mapped[str] = mapped_column(String(100))
    # Unique: one row per phone number (NULL until the number is linked).
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(100))
    engine: Mapped[str] = mapped_column(String(20), default="baileys")
    desired_state: Mapped[str] = mapped_column(String(10), default="running")
    status: Mapped[str] = mapped_column(String(20), default="stopped")
    reason: Mapped[str | None] = mapped_column(String(40))
    status_message: Mapped[str | None] = mapped_column(Text)
    status_since: Mapped[datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # WhatsApp limits sending to new contacts (time lock or cap) until then (migration 0003).
    limit_reason: Mapped[str | None] = mapped_column(String(40))
    limited_until: Mapped[datetime | None]


class StatusChange(Base):
    """Every observed status change, so uptime and disconnects can be computed."""

    __tablename__ = "status_history"
    __table_args__ = (Index("ix_status_history_account_at", "account_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """What happened and why: supervision, reconciliation, the owner's actions."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")


class Message(Base):
    """A message in or out. Outgoing rows are the durable outbox (status `queued` until sent)."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("account_id", "message_id", name="uq_messages_account_message"),
        Index("ix_messages_account_chat", "account_id", "chat", "id"),
        Index("ix_messages_account_direction", "account_id", "direction", "id"),
        Index("ix_messages_queue", "status", "direction", "account_id", "chat", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(3))
    chat: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The writer of an inbound group message (migration 0003).
    author: Mapped[str | None] = mapped_column(String(64))
    # The WhatsApp id of the message this outgoing one answers, quoted (migration 0005).
    reply_to: Mapped[str | None] = mapped_column(String(64))
    # A photo, document or voice note (migration 0006); `text` is then its caption. The
    # bytes are in the media store under `media_sha256` (docs/media.md).
    media_type: Mapped[str | None] = mapped_column(String(12))
    media_mimetype: Mapped[str | None] = mapped_column(String(100))
    media_size: Mapped[int | None]
    media_sha256: Mapped[str | None] = mapped_column(String(64))
    media_file_name: Mapped[str | None] = mapped_column(Text)
    # stored | too_large | unavailable (inbound; outgoing files are always stored)
    media_state: Mapped[str | None] = mapped_column(String(12))
    media_error: Mapped[str | None] = mapped_column(Text)
    media_thumb_sha256: Mapped[str | None] = mapped_column(String(64))


class WebhookTarget(Base):
    """A URL of the shop's software that hears about messages and numbers (the gateway)."""

    __tablename__ = "webhook_targets"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(Text)
    # Comma-separated WAHA event names this URL wants (message, message.ack, …).
    events: Mapped[str] = mapped_column(Text)
    # Shared with the shop's receiver to sign bodies (HMAC); never logged, never sent.
    secret: Mapped[str | None] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(default=True, server_default="1")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The URL's health as the window shows it: its last success and its last failure.
    last_success_at: Mapped[datetime | None]
    last_failure_at: Mapped[datetime | None]
    last_failure: Mapped[str | None] = mapped_column(Text)
    # Set through one number's WAHA session config: only that number's events (NULL: all).
    account_id: Mapped[str | None] = mapped_column(String(64))


class SessionConfig(Base):
    """A number's WAHA session config that Jaga keeps: its metadata (sent with webhooks)."""

    __tablename__ = "session_configs"

    account_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    metadata_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class WebhookDelivery(Base):
    """One event for one URL, written before the first attempt and kept until it ends.

    `order_key` (a chat, or a number for status events) orders deliveries per URL: only
    the oldest unfinished one of a key is tried, so a shop's software sees a chat's
    events in order even across retries and restarts.
    """

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_due", "state", "next_attempt_at"),
        Index("ix_webhook_deliveries_key", "target_id", "order_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("webhook_targets.id", ondelete="CASCADE"))
    event_id: Mapped[str] = mapped_column(String(40))
    event: Mapped[str] = mapped_column(String(20))
    order_key: Mapped[str] = mapped_column(String(80))
    body: Mapped[bytes]
    # pending → delivered | rejected | expired (rejected and expired can be retried by hand)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_attempt_at: Mapped[datetime | None]
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
