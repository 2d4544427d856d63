"""The owner's commands: what the window (and later the local API) may ask of the core."""

from __future__ import annotations

from collections.abc import Callable

from app.bridge.client import BridgeClient, BridgeError
from app.bridge.protocol import Limits
from app.domain.outbox import MessageError, SendOptions, new_client_id, validate_text
from app.domain.recipients import chat_of
from app.domain.status import SessionStatus
from app.domain.store_error import ClientIdTaken
from app.domain.window_views import ChatMessage
from app.runtime.dispatcher import Dispatcher
from app.runtime.read_model import AccountView
from app.runtime.reconciler import Reconciler, call
from app.runtime.repos import Accounts

#: Running on the bridge but waiting (a retry's backoff, a pairing code): Reconnect restarts.
RESTART_NOW = frozenset({SessionStatus.RECONNECTING, SessionStatus.PAIRING_CODE})


class OwnerCommands:
    def __init__(
        self,
        reconciler: Reconciler,
        dispatcher: Dispatcher,
        *,
        accounts: Accounts,
        client: Callable[[], BridgeClient | None],
        limits: Callable[[], Limits],
    ) -> None:
        self.reconciler = reconciler
        self.recorder = reconciler.recorder
        #: the numbers' and the outbox's repositories (app.storage.accounts, .outbox)
        self.accounts = accounts
        self.outbox = dispatcher.outbox
        self.model = self.recorder.model
        self.signals = self.recorder.signals
        self.dispatcher = dispatcher
        self._client = client
        self._limits = limits
        #: The owner's region: how the window reads a number typed without its country code
        #: (app.domain.recipients.from_typed). The core itself takes international numbers only.
        self.default_region = "ID"
        self.default_engine = "baileys"

    def limits(self) -> Limits:
        """What the bridge takes (READY, /health)."""
        return self._limits()

    def _bridge(self) -> BridgeClient:
        client = self._client()
        if client is None:
            raise BridgeError("bridge_down", "The bridge is not running.")
        return client

    def _refresh(self, account_id: str, reason: str) -> AccountView | None:
        """The read model follows a write the owner made (one row read, not per event)."""
        stored = self.accounts.get(account_id)
        if stored is None:
            self.model.remove(account_id, reason)
            return None
        self.model.put(stored, reason)
        return self.model.account(account_id)

    def create_account(self, label: str, engine: str | None = None) -> AccountView:
        """A new number, wanted running; the bridge is asked to start it by add_account."""
        created = self.accounts.create(label, engine or self.default_engine)
        self.model.put(created, "owner_added")
        self.signals.accounts_changed.emit()
        account = self.model.account(created.id)
        assert account is not None
        return account

    async def add_account(self, label: str, engine: str | None = None) -> AccountView:
        account = self.create_account(label, engine)
        client = self._client()
        if client is not None:
            await self.reconciler.start_session(client, account)
        return self.model.account(account.id) or account

    def set_wanted(self, account_id: str, running: bool) -> AccountView | None:
        """What the owner wants of a number; the reconciler (or the caller) acts on it."""
        self.accounts.set_desired_state(account_id, "running" if running else "stopped")
        return self._refresh(account_id, "owner_running" if running else "owner_stopped")

    async def reconnect(self, account_id: str) -> None:
        """Start again, also from a status that needed the owner (a fresh QR if unlinked)."""
        with self.reconciler.hands_off(account_id):
            await self._reconnect(account_id)

    async def _reconnect(self, account_id: str) -> None:
        account = self.set_wanted(account_id, True)
        client = self._client()
        if account is None or client is None:
            return
        self.recorder.audit("owner_reconnect", account.status, account_id)
        if SessionStatus.parse(account.status) in RESTART_NOW:
            # A start leaves a running session as it is: stopped first, the retry is now
            # (and a pairing code given up for a QR makes way for a fresh QR).
            info = await call(client.stop_session(account_id))
            if info is not None:
                self.recorder.apply_quietly(info)
        await self.reconciler.start_session(client, account)

    async def stop_account(self, account_id: str) -> None:
        with self.reconciler.hands_off(account_id):
            await self._stop(account_id)

    async def _stop(self, account_id: str) -> None:
        self.set_wanted(account_id, False)
        client = self._client()
        if client is not None:
            info = await call(client.stop_session(account_id))
            if info is not None:
                self.recorder.apply_quietly(info)

    async def logout_account(self, account_id: str) -> None:
        client = self._client()
        if client is not None:
            self.recorder.audit("owner_logout", "", account_id)
            info = await call(client.logout(account_id))
            if info is not None:
                self.recorder.apply_quietly(info)

    async def remove_account(self, account_id: str) -> None:
        client = self._client()
        if client is not None:
            await call(client.stop_session(account_id))
        self.accounts.remove(account_id)
        self.recorder.latest_qr.pop(account_id, None)
        self.model.remove(account_id, "owner_removed")
        self.signals.accounts_changed.emit()

    def send_message(
        self,
        account_id: str,
        to: str,
        text: str,
        client_id: str | None = None,
        options: SendOptions | None = None,
    ) -> ChatMessage:
        """Validates against the bridge's limits and queues; it leaves once connected."""
        chat = chat_of(to).chat  # international digits, a group or a LID: never re-read
        limits = self._limits()
        body = validate_text(
            text, max_utf16=limits.text_max_utf16, max_body_bytes=limits.body_max_bytes
        )
        if options is not None and options.reply_to is not None:
            self.check_reply(account_id, chat, options.reply_to)
        client_id = client_id or new_client_id()
        message = self.outbox.queue(account_id, chat, body, client_id, options)
        self.signals.message_added.emit(message.id)
        self.dispatcher.wake()
        return message

    def send_once(
        self, account_id: str, to: str, text: str, key: str, options: SendOptions | None = None
    ) -> tuple[ChatMessage, bool]:
        """send_message for a caller that may retry: `key` is the client id (the local API
        derives it from its idempotency key); (the message, False) if it was queued before."""
        earlier = self.outbox.outgoing(account_id, key)
        if earlier is not None:
            return earlier, False
        try:
            return self.send_message(account_id, to, text, key, options), True
        except ClientIdTaken:  # the same id at the same moment from another caller
            again = self.outbox.outgoing(account_id, key)
            if again is None:
                raise
            return again, False

    def resend_message(self, message_id: int) -> None:
        self.outbox.resend(message_id)
        self.signals.message_updated.emit(message_id)
        self.dispatcher.wake()

    def check_reply(self, account_id: str, chat: str, message_id: str) -> None:
        """A reply quotes a message Jaga has in that same chat; anything else is refused."""
        if self.outbox.chat_message(account_id, chat, message_id) is None:
            raise MessageError(
                f"The message to reply to ({message_id}) is not in this chat; "
                "reply to a message of the same chat, or send without reply_to."
            )

    async def request_pairing_code(self, account_id: str, phone: str) -> str:
        """Link by an 8-character code typed on the phone instead of scanning a QR."""
        return await self._bridge().pairing_code(account_id, phone)

    async def simulate_scan(self, account_id: str, phone: str, name: str | None = None) -> None:
        """Demo and tests: the simulated phone scans the QR."""
        await self._bridge().sim_scan(account_id, phone, name)
