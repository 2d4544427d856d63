"""Everything the gateway (local API and webhook publisher) needs from the app core.

One small port: the API and the publisher call only `GatewayCore`. `ServicePort` is the
one implementation, over the core's facade (app/service.py, docs/app-core.md): its public
calls, its read model and its signals, never its parts or its store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.core.models import Message
from app.core.status import SessionStatus

if TYPE_CHECKING:
    from app.runtime.read_model import AccountView
    from app.service import JagaService


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


@dataclass(frozen=True)
class Queued:
    message: Message
    #: False when an earlier request with the same idempotency key made it.
    created: bool


class GatewayListener(Protocol):
    def on_inbound(self, number: NumberView, message: Message) -> None: ...
    def on_outbound_changed(self, number: NumberView, message: Message) -> None: ...
    def on_status(self, number: NumberView, old: str, new: str) -> None: ...


class GatewayCore(Protocol):
    @property
    def default_region(self) -> str: ...
    @property
    def text_limit(self) -> int: ...
    def numbers(self) -> list[NumberView]: ...
    def number(self, account_id: str) -> NumberView | None: ...
    def qr(self, account_id: str) -> str | None: ...
    async def start(self, account_id: str) -> None: ...
    async def stop(self, account_id: str) -> None: ...
    async def restart(self, account_id: str) -> None: ...
    async def logout(self, account_id: str) -> None: ...
    async def request_pairing_code(self, account_id: str, phone: str) -> str: ...
    def queue_text(
        self, account_id: str, to: str, text: str, idempotency_key: str | None
    ) -> Queued: ...
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
    ) -> Queued: ...
    def media_file(self, account_id: str, sha256: str) -> tuple[Path, str, str] | None: ...
    def subscribe(self, listener: GatewayListener) -> None: ...
    def report_problem(self, sentence: str) -> None: ...


def client_id_for(account_id: str, key: str) -> str:
    """A caller's idempotency key → the outbox's client id (the WhatsApp message id too).

    Same shape as app.core.outbox.new_client_id, derived, so a retried request finds the
    message the first one queued.
    """
    digest = hashlib.sha256(f"{account_id}\n{key}".encode()).hexdigest()
    return "JAGA" + digest[:16].upper()


class ServicePort:
    """GatewayCore over the core's facade, JagaService (app/service.py)."""

    def __init__(self, service: JagaService) -> None:
        self._service = service

    @property
    def default_region(self) -> str:
        return self._service.default_region

    @property
    def text_limit(self) -> int:
        """The longest text in UTF-16 units, as the running bridge published it."""
        return self._service.limits.text_max_utf16

    def numbers(self) -> list[NumberView]:
        return [self._view(a) for a in self._service.accounts()]

    def number(self, account_id: str) -> NumberView | None:
        account = self._service.account(account_id)
        return self._view(account) if account is not None else None

    def _view(self, account: AccountView) -> NumberView:
        return NumberView(
            id=account.id,
            label=account.label,
            phone=account.phone,
            name=account.display_name,
            status=SessionStatus.parse(account.status),
            bridge_up=self._service.bridge_up,
            status_since=account.status_since,
            last_activity_at=account.last_activity_at,
        )

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
        await self._service.logout_account(account_id)

    async def request_pairing_code(self, account_id: str, phone: str) -> str:
        return await self._service.request_pairing_code(account_id, phone)

    def queue_text(
        self, account_id: str, to: str, text: str, idempotency_key: str | None
    ) -> Queued:
        """Into the durable outbox with the window's rules; a repeated key is a no-op.

        Raises MessageError/StoreError (with words for people) for what cannot be sent.
        """
        if idempotency_key is None:
            return Queued(self._service.send_message(account_id, to, text), created=True)
        client_id = client_id_for(account_id, idempotency_key)
        message, created = self._service.send_once(account_id, to, text, client_id)
        return Queued(message, created=created)

    def chat_messages(self, account_id: str, chat: str, limit: int) -> list[Message]:
        return self._service.chat_messages(account_id, chat, limit)

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
        }
        media = self._service.media
        if idempotency_key is None:
            return Queued(await media.send_file_async(account_id, **send), created=True)
        client_id = client_id_for(account_id, idempotency_key)
        message, created = await media.send_file_once(account_id, client_id, **send)
        return Queued(message, created=created)

    def media_file(self, account_id: str, sha256: str) -> tuple[Path, str, str] | None:
        return self._service.media.file_of(account_id, sha256)

    def subscribe(self, listener: GatewayListener) -> None:
        service = self._service

        def with_message(handle: Callable[[NumberView, Message], None]) -> Callable[[int], None]:
            def slot(row_id: int) -> None:
                message = service.message(row_id)
                number = self.number(message.account_id) if message else None
                if message is not None and number is not None:
                    handle(number, message)

            return slot

        def inbound(number: NumberView, message: Message) -> None:
            if message.direction == "in":
                listener.on_inbound(number, message)

        def outbound(number: NumberView, message: Message) -> None:
            if message.direction == "out":
                listener.on_outbound_changed(number, message)

        def status(account_id: str, old: str, new: str) -> None:
            number = self.number(account_id)
            if number is not None:
                listener.on_status(number, old, new)

        service.message_added.connect(with_message(inbound))
        service.message_updated.connect(with_message(outbound))
        service.status_changed.connect(status)

    def report_problem(self, sentence: str) -> None:
        """Something the owner must hear (the API's port is taken, for one)."""
        self._service.error.emit(sentence)
