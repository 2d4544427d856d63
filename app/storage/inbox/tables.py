"""The inbox's tables in app.sqlite3 (migration 0008_inbox). Only app.storage reads them.

`messages_fts` (full-text search) and the newest-message columns of `inbox_chats` are
kept by triggers on `messages` (see the migration), in the transaction of each write.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.tables import Base, utcnow

_ACCOUNT = "accounts.id"


class InboxChat(Base):
    """One chat of one number: how far it is read, who the customer is."""

    __tablename__ = "inbox_chats"
    __table_args__ = (Index("ix_inbox_chats_last", "last_id"),)

    account_id: Mapped[str] = mapped_column(
        String(64), ForeignKey(_ACCOUNT, ondelete="CASCADE"), primary_key=True
    )
    chat: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(100))  # what the customer calls themselves
    owner_name: Mapped[str | None] = mapped_column(String(100))  # what the owner calls them
    unread: Mapped[int] = mapped_column(default=0, server_default="0")
    read_upto: Mapped[int] = mapped_column(default=0, server_default="0")
    # Kept by triggers on messages (0008_inbox).
    last_id: Mapped[int] = mapped_column(default=0, server_default="0")
    last_in_id: Mapped[int | None]
    last_answer_id: Mapped[int | None]


class InboxLabel(Base):
    """A label of one number. On a WhatsApp Business number it is WhatsApp's own label;
    `synced` is false while a change made in Jaga has not reached WhatsApp yet, and a
    deleted label stays (deleted) until it has."""

    __tablename__ = "inbox_labels"

    account_id: Mapped[str] = mapped_column(
        String(64), ForeignKey(_ACCOUNT, ondelete="CASCADE"), primary_key=True
    )
    label_id: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[int] = mapped_column(default=0, server_default="0")
    deleted: Mapped[bool] = mapped_column(default=False, server_default="0")
    from_whatsapp: Mapped[bool] = mapped_column(default=False, server_default="0")
    synced: Mapped[bool] = mapped_column(default=True, server_default="1")


class InboxChatLabel(Base):
    """A label on a chat (`labeled` false: taken off, kept until WhatsApp heard it)."""

    __tablename__ = "inbox_chat_labels"
    __table_args__ = (Index("ix_inbox_chat_labels_chat", "account_id", "chat"),)

    account_id: Mapped[str] = mapped_column(
        String(64), ForeignKey(_ACCOUNT, ondelete="CASCADE"), primary_key=True
    )
    label_id: Mapped[str] = mapped_column(String(12), primary_key=True)
    chat: Mapped[str] = mapped_column(String(64), primary_key=True)
    labeled: Mapped[bool] = mapped_column(default=True, server_default="1")
    synced: Mapped[bool] = mapped_column(default=True, server_default="1")


class InboxQuickReply(Base):
    __tablename__ = "inbox_quick_replies"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    account_id: Mapped[str | None] = mapped_column(
        String(64), ForeignKey(_ACCOUNT, ondelete="CASCADE")
    )
    shortcut: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)


class InboxSettings(Base):
    """One number's inbox settings; a number without a row has the defaults."""

    __tablename__ = "inbox_settings"

    account_id: Mapped[str] = mapped_column(
        String(64), ForeignKey(_ACCOUNT, ondelete="CASCADE"), primary_key=True
    )
    away_on: Mapped[bool] = mapped_column(default=False, server_default="0")
    away_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    greeting_on: Mapped[bool] = mapped_column(default=False, server_default="0")
    greeting_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Seven lines, Monday first, each as typed: "08:00-12:00, 13:00-17:00".
    hours: Mapped[str] = mapped_column(Text, default="", server_default="")
    notices_on: Mapped[bool] = mapped_column(default=True, server_default="1")
    quiet_from: Mapped[int | None]
    quiet_to: Mapped[int | None]
    notice_groups: Mapped[bool] = mapped_column(default=False, server_default="0")
    blue_ticks: Mapped[bool] = mapped_column(default=False, server_default="0")
    business: Mapped[bool] = mapped_column(default=False, server_default="0")


class InboxAutoReply(Base):
    """An away message or greeting queued: one per customer per 24 h is the rule."""

    __tablename__ = "inbox_auto_replies"
    __table_args__ = (Index("ix_inbox_auto_replies_chat", "account_id", "chat", "kind", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey(_ACCOUNT, ondelete="CASCADE"))
    chat: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10))
    message_id: Mapped[str] = mapped_column(String(64))  # the answer's client id
    answers: Mapped[str] = mapped_column(String(64))  # the customer's message it answers
    at: Mapped[datetime] = mapped_column(default=utcnow)
