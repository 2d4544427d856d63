"""In-memory repositories for the runtime's unit tests: the Protocols of app/runtime/repos.py
kept in dicts, with the rules the SQLite ones keep (a chat's queue in order, a refusal is
final, one client id per number). tests/unit/runtime/test_repo_contract.py runs the same
checks on these and on app/storage's, so the two cannot drift apart unseen.

Beyond the Protocols, `link`, `limit` and `incoming` set up what the bridge would have told
(a phone linked, a limit on new contacts, a customer's message)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from app.domain.account_labels import LabelError, clean_label
from app.domain.clock import utcnow
from app.domain.media import Media
from app.domain.outbox import SendOptions, advance, new_client_id, quote_body
from app.domain.store_error import ClientIdTaken, StoreError
from app.domain.whatsapp_edges import SendLimit, held, is_refusal
from app.domain.window_views import AccountView, ChatMessage
from app.storage.messages import media_columns  # a pure helper: no database is opened

#: Statuses of ours that WhatsApp took (the chat is then a known one).
REACHED = ("sent", "delivered", "read")
#: At most this many due messages per look (app.storage.messages.due_messages's limit).
DUE_LIMIT = 64


class MemoryAccounts:
    def __init__(self) -> None:
        self.rows: dict[str, AccountView] = {}
        self._ids = itertools.count(1)

    def all(self) -> list[AccountView]:
        return sorted(self.rows.values(), key=lambda a: (a.created_at or datetime.min, a.id))

    def get(self, account_id: str) -> AccountView | None:
        return self.rows.get(account_id)

    def create(self, label: str, engine: str) -> AccountView:
        try:
            label = clean_label(label)
        except LabelError as error:
            raise StoreError(str(error)) from None
        now = utcnow()
        account = AccountView(
            id=f"acc-{next(self._ids):012x}",
            label=label,
            phone=None,
            display_name=None,
            engine=engine,
            desired_state="running",
            status="stopped",
            reason=None,
            status_message=None,
            status_since=now,
            last_activity_at=None,
            created_at=now,
            limit_reason=None,
            limited_until=None,
        )
        self.rows[account.id] = account
        return account

    def set_desired_state(self, account_id: str, desired: str) -> None:
        if desired not in ("running", "stopped"):
            raise StoreError(f"Unknown desired state {desired!r}.")
        account = self.rows.get(account_id)
        if account is None:
            raise StoreError("That number no longer exists.")
        self.rows[account_id] = replace(account, desired_state=desired)

    def remove(self, account_id: str) -> None:
        self.rows.pop(account_id, None)

    # --- what the bridge would have told -----------------------------------------------

    def link(self, account_id: str, phone: str, status: str = "connected") -> None:
        self.rows[account_id] = replace(self.rows[account_id], phone=phone, status=status)

    def limit(self, account_id: str, limit: SendLimit) -> None:
        self.rows[account_id] = replace(
            self.rows[account_id], limit_reason=limit.reason, limited_until=limit.until
        )


class MemoryOutbox:
    def __init__(self, accounts: MemoryAccounts) -> None:
        self.accounts = accounts
        self.rows: dict[int, ChatMessage] = {}
        self._ids = itertools.count(1)

    # --- the dispatcher's ------------------------------------------------------------

    def due(self, connected: set[str], now: datetime) -> list[ChatMessage]:
        heads: dict[tuple[str, str], ChatMessage] = {}
        for m in sorted(self.rows.values(), key=lambda m: m.id):
            if m.direction == "out" and m.status == "queued" and m.account_id in connected:
                heads.setdefault((m.account_id, m.chat), m)
        ready = [m for m in heads.values() if m.next_attempt_at is None or m.next_attempt_at <= now]
        ready = sorted(ready, key=lambda m: m.id)[:DUE_LIMIT]
        return [m for m in ready if not self._held(m, now)]

    def _held(self, message: ChatMessage, now: datetime) -> bool:
        account = self.accounts.get(message.account_id)
        if account is None or not account.limit_reason:
            return False
        limit = SendLimit(account.limit_reason, account.limited_until)
        known = message.chat in self.known_chats(message.account_id, [message.chat])
        return held(message.chat, limit=limit, known=known, now=now)

    def next_retry_at(self) -> datetime | None:
        times = [
            m.next_attempt_at
            for m in self.rows.values()
            if m.direction == "out" and m.status == "queued" and m.next_attempt_at is not None
        ]
        return min(times, default=None)

    def known_chats(self, account_id: str, chats: Iterable[str]) -> set[str]:
        wanted = set(chats)
        return {
            m.chat
            for m in self.rows.values()
            if m.account_id == account_id
            and m.chat in wanted
            and (m.direction == "in" or m.status in REACHED)
        }

    def new_contacts_reached(self, account_id: str, since: datetime) -> int:
        firsts: dict[str, ChatMessage] = {}
        for m in sorted(self.rows.values(), key=lambda m: m.id):
            if m.account_id == account_id and (m.direction == "in" or m.status in REACHED):
                firsts.setdefault(m.chat, m)
        return sum(
            1
            for m in firsts.values()
            if m.direction == "out" and m.updated_at >= since and not m.chat.endswith("@g.us")
        )

    def quote_of(self, message: ChatMessage) -> dict[str, Any] | None:
        if not message.reply_to:
            return None
        quoted = self.chat_message(message.account_id, message.chat, message.reply_to)
        return None if quoted is None else quote_body(quoted)

    def mark_sent(self, message_ids: Iterable[int]) -> None:
        for message_id in message_ids:
            m = self.rows.get(message_id)
            if m is not None:
                status = advance(m.status, "sent")
                self._put(m, status=status, error=m.error if status == "failed" else None)

    def mark_retry(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        m = self.rows.get(message_id)
        if m is not None and m.status == "queued":
            self._put(m, attempts=m.attempts + 1, error=error, next_attempt_at=next_attempt_at)

    def mark_later(self, message_id: int, at: datetime) -> None:
        m = self.rows.get(message_id)
        if m is not None and m.status == "queued":
            self._put(m, next_attempt_at=at)

    def mark_failed(self, message_id: int, error: str) -> None:
        m = self.rows.get(message_id)
        if m is not None and m.status == "queued":
            self._put(m, status="failed", error=error)

    # --- the owner's commands' -------------------------------------------------------

    def queue(
        self,
        account_id: str,
        chat: str,
        text: str,
        client_id: str,
        options: SendOptions | None = None,
        *,
        media: Media | None = None,
    ) -> ChatMessage:
        options = options or SendOptions()
        account = self.accounts.get(account_id)
        if account is None:
            raise StoreError("That number no longer exists.")
        if account.phone is None:
            raise StoreError(f"“{account.label}” is not linked to a phone yet.")
        if any(
            m.account_id == account_id and m.message_id == client_id for m in self.rows.values()
        ):
            raise ClientIdTaken("That message was already accepted.")
        return self._add(
            account_id,
            "out",
            chat,
            client_id,
            text,
            status="queued",
            next_attempt_at=options.not_before,
            reply_to=options.reply_to,
            **media_columns(media),
        )

    def outgoing(self, account_id: str, client_id: str) -> ChatMessage | None:
        return next(
            (
                m
                for m in self.rows.values()
                if (m.account_id, m.message_id, m.direction) == (account_id, client_id, "out")
            ),
            None,
        )

    def chat_message(self, account_id: str, chat: str, message_id: str) -> ChatMessage | None:
        return next(
            (
                m
                for m in self.rows.values()
                if (m.account_id, m.chat, m.message_id) == (account_id, chat, message_id)
            ),
            None,
        )

    def media_message(self, account_id: str, sha256: str) -> ChatMessage | None:
        return next(
            (
                m
                for m in sorted(self.rows.values(), key=lambda m: m.id)
                if m.account_id == account_id and sha256 in (m.media_sha256, m.media_thumb_sha256)
            ),
            None,
        )

    def resend(self, message_id: int) -> None:
        m = self.rows.get(message_id)
        if m is not None and m.status == "failed":
            # a refused one keeps no id WhatsApp saw: the bridge would answer it from its record
            message_id_now = new_client_id() if is_refusal(m.error) else m.message_id
            self._put(
                m,
                message_id=message_id_now,
                status="queued",
                attempts=0,
                next_attempt_at=None,
                error=None,
            )

    # --- what the bridge would have told -----------------------------------------------

    def incoming(self, account_id: str, chat: str, text: str, message_id: str) -> ChatMessage:
        return self._add(account_id, "in", chat, message_id, text, status="received")

    def _add(
        self,
        account_id: str,
        direction: str,
        chat: str,
        message_id: str,
        text: str,
        **fields: Any,
    ) -> ChatMessage:
        """A new row: nothing tried yet, no error, no media unless `fields` say so."""
        now = utcnow()
        blank = {"next_attempt_at": None, "reply_to": None, **media_columns(None)}
        message = ChatMessage(
            id=next(self._ids),
            account_id=account_id,
            direction=direction,
            chat=chat,
            message_id=message_id,
            text=text,
            error=None,
            attempts=0,
            created_at=now,
            updated_at=now,
            author=None,
            **{**blank, **fields},
        )
        self.rows[message.id] = message
        return message

    def _put(self, message: ChatMessage, **changes: Any) -> None:
        self.rows[message.id] = replace(message, updated_at=utcnow(), **changes)
