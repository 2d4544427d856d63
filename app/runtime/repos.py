"""What the runtime asks of storage, as small Protocols: the repositories in app/storage
(StoredOutbox, StoredAccounts, ChatMessages, and the Store for the last two)
implement them, and tests/unit/runtime/fakes.py holds
in-memory ones that honour the same contract (tests/unit/runtime/test_repos.py).

They live here, beside their users, rather than in app/storage: the runtime names what it
needs without importing SQLAlchemy, and storage (below the runtime) never imports them.
They answer frozen views of app/domain and raise StoreError (app/domain/store_error.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from app.domain.bridge_messages import Ack, Inbound
from app.domain.media import Media
from app.domain.observation import Observed
from app.domain.outbox import SendOptions
from app.domain.whatsapp_edges import ChatMerge, SendLimit
from app.domain.window_views import AccountView, ChatMessage


class Outbox(Protocol):
    """Outgoing messages: the dispatcher's reads and marks, the commands' queueing."""

    def due(self, connected: set[str], now: datetime) -> list[ChatMessage]:
        """Each chat's oldest queued message of the connected numbers, if due and not held
        by a limit on new contacts, in the order they were accepted."""
        ...

    def next_retry_at(self) -> datetime | None: ...

    def known_chats(self, account_id: str, chats: Iterable[str]) -> set[str]: ...

    def new_contacts_reached(self, account_id: str, since: datetime) -> int: ...

    def quote_of(self, message: ChatMessage) -> dict[str, Any] | None: ...

    def mark_sent(self, message_ids: Iterable[int]) -> None: ...

    def mark_retry(self, message_id: int, error: str, next_attempt_at: datetime) -> None: ...

    def mark_later(self, message_id: int, at: datetime) -> None: ...

    def mark_failed(self, message_id: int, error: str) -> None: ...

    def queue(
        self,
        account_id: str,
        chat: str,
        text: str,
        client_id: str,
        options: SendOptions | None = None,
        *,
        media: Media | None = None,
    ) -> ChatMessage: ...

    def outgoing(self, account_id: str, client_id: str) -> ChatMessage | None: ...

    def chat_message(self, account_id: str, chat: str, message_id: str) -> ChatMessage | None: ...

    def media_message(self, account_id: str, sha256: str) -> ChatMessage | None: ...

    def resend(self, message_id: int) -> None: ...


class Accounts(Protocol):
    """The numbers as the owner wants them (desired state), for the owner's commands."""

    def all(self) -> list[AccountView]: ...

    def get(self, account_id: str) -> AccountView | None: ...

    def create(self, label: str, engine: str) -> AccountView: ...

    def set_desired_state(self, account_id: str, desired: str) -> None: ...

    def remove(self, account_id: str) -> None: ...


class MessageReads(Protocol):
    """A number's messages as the window's chats (and the demo's controls) read them."""

    def of_number(self, account_id: str) -> list[ChatMessage]: ...

    def conversations(self, account_id: str) -> list[ChatMessage]: ...

    def chat(self, account_id: str, chat: str, limit: int = 500) -> list[ChatMessage]: ...

    def message(self, message_id: int) -> ChatMessage | None: ...

    def with_ids(self, account_id: str, ids: Iterable[int]) -> list[ChatMessage]: ...


class StatusRecords(Protocol):
    """What the status recorder writes: the bridge's observations, limits and the audit."""

    def record_observed(
        self,
        account_id: str,
        *,
        status: str,
        reason: str | None,
        message: str | None,
        since: datetime | None = None,
        last_activity_at: datetime | None = None,
        phone: str | None = None,
        display_name: str | None = None,
    ) -> Observed: ...

    def record_gone(
        self, account_ids: list[str], *, status: str, reason: str, message: str | None
    ) -> list[Observed]: ...

    def record_limit(self, account_id: str, limit: SendLimit | None) -> bool: ...

    def audit(self, kind: str, detail: str = "", account_id: str | None = None) -> None: ...


class DurableEvents(Protocol):
    """What the inbox of durable events writes: a burst in one transaction, and the audit."""

    def store_durable(self, items: list[Inbound | Ack | ChatMerge]) -> tuple[list[int], list[int]]:
        """(ids of the rows added, ids of the rows whose status or chat changed)."""
        ...

    def audit(self, kind: str, detail: str = "", account_id: str | None = None) -> None: ...
