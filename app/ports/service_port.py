"""GatewayCore's one implementation, composed of the runtime's parts.

`ServicePort` is a dataclass whose fields are the parts it uses, each typed by the small
Protocol below, so this module names neither the facade (app/service.py) nor the runtime's
classes. `ServicePort.of` picks the parts out of the app's core, which the gateway is
handed by app/application.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from app.domain.bridge_error import BridgeError
from app.domain.outbox import MessageError, SendOptions
from app.domain.pacing import Pacing, expected_departure
from app.domain.status import SessionStatus
from app.domain.views import HookConfig, MessageView
from app.domain.whatsapp_edges import is_group
from app.ports.api import SEEN_MAX, AccountLike, NumberView, Queued, client_id_for
from app.ports.inbox import InboxPort
from app.storage.message_views import MessageViews, message_view
from app.storage.session_configs import SessionConfigs
from app.storage.store import Store


class Account(AccountLike, Protocol):
    """A number in the read model, with what the port decides by."""

    @property
    def desired_state(self) -> str: ...
    @property
    def engine(self) -> str: ...


class Accounts(Protocol):
    """The read model (app/runtime/read_model.py)."""

    def accounts(self) -> Sequence[Account]: ...
    def account(self, account_id: str) -> Account | None: ...


class Commands(Protocol):
    """The owner's commands (app/runtime/commands.py): the window calls the same."""

    default_region: str

    def create_account(self, label: str, engine: str | None = None) -> Account: ...
    async def add_account(self, label: str, engine: str | None = None) -> Account: ...
    def set_wanted(self, account_id: str, running: bool) -> object: ...
    async def reconnect(self, account_id: str) -> None: ...
    async def stop_account(self, account_id: str) -> None: ...
    async def logout_account(self, account_id: str) -> None: ...
    async def request_pairing_code(self, account_id: str, phone: str) -> str: ...
    def send_message(
        self, account_id: str, to: str, text: str, client_id: str | None, options: Any
    ) -> Any: ...
    def send_once(
        self, account_id: str, to: str, text: str, key: str, options: Any
    ) -> tuple[Any, bool]: ...


class Media(Protocol):
    """Files (app/runtime/media_commands.py): limits, the store on disk, sending."""

    limits: Any  # .max_file_bytes
    files: Any  # .root

    async def send_file_async(
        self, account_id: str, to: str, source: Path | bytes, **send: Any
    ) -> Any: ...
    async def send_file_once(self, account_id: str, key: str, **send: Any) -> tuple[Any, bool]: ...
    def file_of(self, account_id: str, sha256: str) -> tuple[Path, str, str] | None: ...


class Client(Protocol):
    """The bridge's HTTP client, for what the API asks of it directly."""

    async def mark_seen(
        self, session_id: str, chat: str, ids: list[str], participant: str | None = None
    ) -> Any: ...
    async def set_pacing(self, pacing: dict[str, Any]) -> Any: ...


class Link(Protocol):
    """The bridge link (app/bridge/link.py): its client while connected, its limits."""

    @property
    def client(self) -> Client | None: ...
    @property
    def limits(self) -> Any: ...  # .text_max_utf16, .pacing


class QrCodes(Protocol):
    """The recorder (app/runtime/recorder.py): the newest QR of each number."""

    @property
    def latest_qr(self) -> Mapping[str, Any]: ...  # .qr


class Signals(Protocol):
    @property
    def error(self) -> Any: ...  # a Qt signal: .emit(sentence)


class Supervisor(Protocol):
    def update_env(self, env: dict[str, str]) -> None: ...


class Keeper(Protocol):
    """The app's task keeper (app/tasks/keeper.py): a task that dies starts again."""

    def keep(self, name: str, start: Callable[[], Awaitable[None]]) -> Any: ...


class CoreParts(Protocol):
    """The app's core as the port is made of it (app/service.py's JagaService has these
    parts); `ServicePort.of` and app/ports/gateway_parts.py take them, never its methods."""

    @property
    def model(self) -> Accounts: ...
    @property
    def commands(self) -> Commands: ...
    @property
    def media(self) -> Media: ...
    @property
    def link(self) -> Link: ...
    @property
    def recorder(self) -> QrCodes: ...
    @property
    def store(self) -> Store: ...
    @property
    def one_inbox(self) -> InboxPort: ...
    @property
    def supervisor(self) -> Supervisor: ...
    @property
    def signals(self) -> Signals: ...
    @property
    def bridge_up(self) -> bool: ...
    @property
    def keeper(self) -> Keeper: ...


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class ServicePort:
    """GatewayCore over the runtime's parts (see the module's docstring)."""

    model: Accounts
    commands: Commands
    media: Media
    link: Link
    qrs: QrCodes
    messages: MessageViews
    configs: SessionConfigs
    one_inbox: InboxPort
    is_bridge_up: Callable[[], bool]
    set_env: Callable[[dict[str, str]], None]
    tell_owner: Callable[[str], None]
    #: The owner's newest pacing, once changed at run time.
    _pacing: Pacing | None = field(default=None, init=False)
    #: Every number's metadata: read once, then kept until a config changes.
    _metadata: dict[str, dict[str, str]] | None = field(default=None, init=False)

    @classmethod
    def of(cls, core: CoreParts) -> ServicePort:
        """From the app's core (app/service.py's JagaService): its parts, not its methods."""
        return cls(
            model=core.model,
            commands=core.commands,
            media=core.media,
            link=core.link,
            qrs=core.recorder,
            messages=MessageViews(core.store),
            configs=SessionConfigs(core.store),
            one_inbox=core.one_inbox,
            is_bridge_up=lambda: core.bridge_up,
            set_env=core.supervisor.update_env,
            tell_owner=core.signals.error.emit,
        )

    @property
    def default_region(self) -> str:
        return self.commands.default_region

    @property
    def text_limit(self) -> int:
        """The longest text in UTF-16 units, as the running bridge published it."""
        return int(self.link.limits.text_max_utf16)

    @property
    def bridge_up(self) -> bool:
        return self.is_bridge_up()

    def numbers(self) -> list[NumberView]:
        return [self._view(a) for a in self.model.accounts()]

    def number(self, account_id: str) -> NumberView | None:
        account = self.model.account(account_id)
        return self._view(account) if account is not None else None

    def _view(self, account: Account) -> NumberView:
        if self._metadata is None:
            self._metadata = self.configs.metadata()
        view = NumberView.of(account, bridge_up=self.bridge_up)
        return replace(view, metadata=self._metadata.get(account.id, {}))

    async def create_number(self, label: str, *, start: bool) -> NumberView:
        """A new number (WAHA's POST /api/sessions); started at once if asked."""
        if start:
            account = await self.commands.add_account(label)
        else:
            account = self.commands.create_account(label)
            self.commands.set_wanted(account.id, False)
        return self.number(account.id) or self._view(account)

    def configure(
        self, account_id: str, metadata: dict[str, str] | None, hooks: list[HookConfig] | None
    ) -> None:
        """WAHA's session config: metadata, and webhooks for this number alone."""
        self.configs.save(account_id, metadata, hooks)
        self._metadata = None

    def hooks(self, account_id: str) -> list[HookConfig]:
        return self.configs.hooks(account_id)

    def qr(self, account_id: str) -> str | None:
        code = self.qrs.latest_qr.get(account_id)
        return code.qr if code is not None else None

    async def start(self, account_id: str) -> None:
        await self.commands.reconnect(account_id)

    async def stop(self, account_id: str) -> None:
        await self.commands.stop_account(account_id)

    async def restart(self, account_id: str) -> None:
        await self.commands.stop_account(account_id)
        await self.commands.reconnect(account_id)

    async def logout(self, account_id: str) -> None:
        """WAHA's logout: unlink, then, if the number was running, start again for a fresh
        QR (SCAN_QR_CODE), as WAHA restarts a session it logs out."""
        account = self.model.account(account_id)
        running = account is not None and account.desired_state == "running"
        await self.commands.logout_account(account_id)
        if running:
            await self.commands.reconnect(account_id)

    async def request_pairing_code(self, account_id: str, phone: str) -> str:
        return await self.commands.request_pairing_code(account_id, phone)

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
            message = self.commands.send_message(account_id, to, text, None, options)
            return Queued(message_view(message), created=True)
        client_id = client_id_for(account_id, idempotency_key)
        message, created = self.commands.send_once(account_id, to, text, client_id, options)
        return Queued(message_view(message), created=created)

    async def mark_seen(self, account_id: str, chat: str, ids: list[str] | None) -> list[str]:
        """Read receipts through the bridge; no ids: the chat's latest received messages.

        Raises BridgeError (not connected, no bridge) and MessageError (nothing to mark).
        """
        if not ids:
            views = self.messages.chat(account_id, chat, SEEN_MAX)
            ids = [m.message_id for m in views if m.direction == "in"]
        if not ids:
            raise MessageError("There is no received message in this chat to mark as seen.")
        client = self.link.client
        if client is None:
            raise BridgeError("bridge_down", "The bridge is not running; try again shortly.")
        ids = ids[-SEEN_MAX:]
        if not is_group(chat):
            await client.mark_seen(account_id, chat, ids)
            return ids
        # In a group a receipt names the writer: one request per writer.
        authors = {m.message_id: m.author for m in self.messages.chat(account_id, chat, 1000)}
        by_author: dict[str | None, list[str]] = {}
        for message_id in ids:
            by_author.setdefault(authors.get(message_id), []).append(message_id)
        for author, some in by_author.items():
            await client.mark_seen(account_id, chat, some, author)
        return ids

    def chat_messages(self, account_id: str, chat: str, limit: int) -> list[MessageView]:
        return self.messages.chat(account_id, chat, limit)

    def expected_at(self, message: MessageView) -> datetime | None:
        """When a queued message should leave (app.domain.pacing), None while its number is
        not connected (it waits for the number; nobody can say when it comes back)."""
        if message.status != "queued":
            return None
        account = self.model.account(message.account_id)
        if account is None or SessionStatus.parse(account.status) is not SessionStatus.CONNECTED:
            return None
        pacing = self._pacing or self.link.limits.pacing
        # Only what the answer depends on is read: it comes before the dispatcher's request.
        paced = pacing is not None and pacing.applies(account.engine)
        return expected_departure(
            max(_utcnow(), message.next_attempt_at or message.created_at),
            ahead=self.messages.queued_ahead(message) if paced else 0,
            pacing=pacing,
            engine=account.engine,
            last_left_at=self.messages.last_left_at(message.account_id) if paced else None,
            held_until=self.messages.held_until(message),  # the store's: the view's may lag
        )

    @property
    def media_max_bytes(self) -> int:
        """The largest file (Settings), which the bridge takes too."""
        return int(self.media.limits.max_file_bytes)

    def media_tmp_dir(self) -> Path:
        return Path(self.media.files.root) / ".tmp"

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
        if idempotency_key is None:
            message = await self.media.send_file_async(account_id, **send)
            return Queued(message_view(message), created=True)
        client_id = client_id_for(account_id, idempotency_key)
        message, created = await self.media.send_file_once(account_id, client_id, **send)
        return Queued(message_view(message), created=created)

    def media_file(self, account_id: str, sha256: str) -> tuple[Path, str, str] | None:
        return self.media.file_of(account_id, sha256)

    async def set_pacing(self, pacing: Pacing) -> None:
        """The owner changed safe sending: the running bridge hears it now, the next at spawn."""
        self._pacing = pacing
        self.set_env(pacing.env())
        client = self.link.client
        if client is not None:
            await client.set_pacing(pacing.json())

    def report_problem(self, sentence: str) -> None:
        """Something the owner must hear (the API's port is taken, for one)."""
        self.tell_owner(sentence)

    @property
    def inbox(self) -> InboxPort:
        """Labels (app/gateway/api_labels.py): the inbox's own port."""
        return self.one_inbox
