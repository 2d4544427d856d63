"""Everything the gateway (local API and webhook publisher) needs from the app core.

One small port: the API and the publisher call only `GatewayCore`. `ServicePort` is the
one implementation, over the core's facade (app/service.py, docs/app-core.md): its public
calls, its read model and its signals, never its parts or its store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.bridge.client import BridgeError
from app.domain.outbox import MessageError, SendOptions
from app.domain.pacing import Pacing, expected_departure
from app.domain.status import SessionStatus
from app.domain.whatsapp_edges import is_group
from app.ports.inbox import InboxPort
from app.storage.message_edges import held_until
from app.storage.session_configs import HookConfig, SessionConfigs
from app.storage.tables import Account, Message, utcnow

if TYPE_CHECKING:
    from app.runtime.read_model import AccountView
    from app.service import JagaService


#: Read receipts in one request, at most (the bridge takes 100).
SEEN_MAX = 100


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
    def of(cls, account: AccountView | Account, *, bridge_up: bool) -> NumberView:
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
    message: Message
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
    def chat_messages(self, account_id: str, chat: str, limit: int) -> list[Message]: ...
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
    def expected_at(self, message: Message) -> datetime | None: ...
    async def set_pacing(self, pacing: Pacing) -> None: ...
    @property
    def inbox(self) -> InboxPort: ...


def client_id_for(account_id: str, key: str) -> str:
    """A caller's idempotency key → the outbox's client id (the WhatsApp message id too).

    Same shape as app.domain.outbox.new_client_id, derived, so a retried request finds the
    message the first one queued.
    """
    digest = hashlib.sha256(f"{account_id}\n{key}".encode()).hexdigest()
    return "JAGA" + digest[:16].upper()


class ServicePort:
    """GatewayCore over the core's facade, JagaService (app/service.py)."""

    def __init__(self, service: JagaService) -> None:
        self._service = service
        self._pacing: Pacing | None = None  # the owner's newest, once changed at run time
        self._configs = SessionConfigs(service.store)
        self._metadata: dict[str, dict[str, str]] | None = None  # read once, then kept

    @property
    def default_region(self) -> str:
        return self._service.default_region

    @property
    def text_limit(self) -> int:
        """The longest text in UTF-16 units, as the running bridge published it."""
        return self._service.limits.text_max_utf16

    @property
    def bridge_up(self) -> bool:
        return self._service.bridge_up

    def numbers(self) -> list[NumberView]:
        return [self._view(a) for a in self._service.accounts()]

    def number(self, account_id: str) -> NumberView | None:
        account = self._service.account(account_id)
        return self._view(account) if account is not None else None

    def _view(self, account: AccountView) -> NumberView:
        if self._metadata is None:
            self._metadata = self._configs.metadata()
        view = NumberView.of(account, bridge_up=self._service.bridge_up)
        return replace(view, metadata=self._metadata.get(account.id, {}))

    async def create_number(self, label: str, *, start: bool) -> NumberView:
        """A new number (WAHA's POST /api/sessions); started at once if asked."""
        if start:
            account = await self._service.add_account(label)
        else:
            account = self._service.create_account(label)
            self._service.set_wanted(account.id, False)
        return self.number(account.id) or self._view(account)

    def configure(
        self, account_id: str, metadata: dict[str, str] | None, hooks: list[HookConfig] | None
    ) -> None:
        """WAHA's session config: metadata, and webhooks for this number alone."""
        self._configs.save(account_id, metadata, hooks)
        self._metadata = None

    def hooks(self, account_id: str) -> list[HookConfig]:
        return self._configs.hooks(account_id)

    def qr(self, account_id: str) -> str | None:
        code = self._service.latest_qr.get(account_id)
        return code.qr if code is not None else None

    async def start(self, account_id: str) -> None:
        await self._service.reconnect(account_id)

    async def stop(self, account_id: str) -> None:
        await self._service.stop_account(account_id)

    async def restart(self, account_id: str) -> None:
        await self._service.stop_account(account_id)
        await self._service.reconnect(account_id)

    async def logout(self, account_id: str) -> None:
        """WAHA's logout: unlink, then, if the number was running, start again for a fresh
        QR (SCAN_QR_CODE), as WAHA restarts a session it logs out."""
        account = self._service.account(account_id)
        running = account is not None and account.desired_state == "running"
        await self._service.logout_account(account_id)
        if running:
            await self._service.reconnect(account_id)

    async def request_pairing_code(self, account_id: str, phone: str) -> str:
        return await self._service.request_pairing_code(account_id, phone)

    def queue_text(
        self,
        account_id: str,
        to: str,
        text: str,
        idempotency_key: str | None,
        options: SendOptions | None = None,
    ) -> Queued:
        """Into the durable outbox with the window's rules; a repeated key is a no-op.

        Raises MessageError/StoreError (with words for people) for what cannot be sent.
        """
        if idempotency_key is None:
            message = self._service.send_message(account_id, to, text, options)
            return Queued(message, created=True)
        client_id = client_id_for(account_id, idempotency_key)
        message, created = self._service.send_once(account_id, to, text, client_id, options)
        return Queued(message, created=created)

    async def mark_seen(self, account_id: str, chat: str, ids: list[str] | None) -> list[str]:
        """Read receipts through the bridge; no ids: the chat's latest received messages.

        Raises BridgeError (not connected, no bridge) and MessageError (nothing to mark).
        """
        if not ids:
            rows = self._service.chat_messages(account_id, chat, SEEN_MAX)
            ids = [m.message_id for m in rows if m.direction == "in"]
        if not ids:
            raise MessageError("There is no received message in this chat to mark as seen.")
        client = self._service.client
        if client is None:
            raise BridgeError("bridge_down", "The bridge is not running; try again shortly.")
        ids = ids[-SEEN_MAX:]
        if not is_group(chat):
            await client.mark_seen(account_id, chat, ids)
            return ids
        # In a group a receipt names the writer: one request per writer.
        rows = self._service.chat_messages(account_id, chat, 1000)
        authors = {m.message_id: m.author for m in rows}
        by_author: dict[str | None, list[str]] = {}
        for message_id in ids:
            by_author.setdefault(authors.get(message_id), []).append(message_id)
        for author, some in by_author.items():
            await client.mark_seen(account_id, chat, some, author)
        return ids

    def chat_messages(self, account_id: str, chat: str, limit: int) -> list[Message]:
        return self._service.chat_messages(account_id, chat, limit)

    def expected_at(self, message: Message) -> datetime | None:
        """When a queued message should leave (app.domain.pacing), None while its number is
        not connected (it waits for the number; nobody can say when it comes back)."""
        if message.status != "queued":
            return None
        account = self._service.account(message.account_id)
        if account is None or SessionStatus.parse(account.status) is not SessionStatus.CONNECTED:
            return None
        store = self._service.store
        pacing = self._pacing or self._service.limits.pacing
        # Only what the answer depends on is read: it comes before the dispatcher's request.
        paced = pacing is not None and pacing.applies(account.engine)
        return expected_departure(
            max(utcnow(), message.next_attempt_at or message.created_at),
            ahead=store.queued_ahead(message.account_id, message.id) if paced else 0,
            pacing=pacing,
            engine=account.engine,
            last_left_at=store.last_left_at(message.account_id) if paced else None,
            held_until=held_until(store, message),  # the store's limit: the view's may lag
        )

    @property
    def media_max_bytes(self) -> int:
        """The largest file (Settings), which the bridge takes too."""
        return self._service.media.limits.max_file_bytes

    def media_tmp_dir(self) -> Path:
        return self._service.media.files.root / ".tmp"

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
    ) -> Queued:
        """The file into the media store (on a worker thread), then the message into the
        outbox, as the window does; MessageError/StoreError with words for people."""
        send: dict[str, Any] = {
            "to": to,
            "source": source,
            "kind": kind,
            "caption": caption,
            "file_name": file_name,
            "mimetype": mimetype,
            "reply_to": reply_to,
            "not_before": not_before,
        }
        media = self._service.media
        if idempotency_key is None:
            return Queued(await media.send_file_async(account_id, **send), created=True)
        client_id = client_id_for(account_id, idempotency_key)
        message, created = await media.send_file_once(account_id, client_id, **send)
        return Queued(message, created=created)

    def media_file(self, account_id: str, sha256: str) -> tuple[Path, str, str] | None:
        return self._service.media.file_of(account_id, sha256)

    async def set_pacing(self, pacing: Pacing) -> None:
        """The owner changed safe sending: the running bridge hears it now, the next at spawn."""
        self._pacing = pacing
        self._service.supervisor.update_env(pacing.env())
        client = self._service.client
        if client is not None:
            await client.set_pacing(pacing.json())

    def report_problem(self, sentence: str) -> None:
        """Something the owner must hear (the API's port is taken, for one)."""
        self._service.error.emit(sentence)

    @property
    def inbox(self) -> InboxPort:
        """Labels (app/gateway/api_labels.py): the inbox's own port."""
        return self._service.one_inbox
