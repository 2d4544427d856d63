"""The owner's commands as the facade offers them (a part of JagaService, a mixin): each
one is app.runtime.commands.OwnerCommands's, so the window and the API call one place."""

from __future__ import annotations

from app.domain.outbox import SendOptions
from app.domain.window_views import ChatMessage
from app.runtime.commands import OwnerCommands
from app.runtime.read_model import AccountView


class OwnerActions:
    commands: OwnerCommands

    @property
    def default_region(self) -> str:
        return self.commands.default_region

    @default_region.setter
    def default_region(self, region: str) -> None:
        self.commands.default_region = region

    @property
    def default_engine(self) -> str:
        return self.commands.default_engine

    async def add_account(self, label: str, engine: str | None = None) -> AccountView:
        return await self.commands.add_account(label, engine)

    def create_account(self, label: str, engine: str | None = None) -> AccountView:
        """A new number without asking the bridge yet (reconciliation starts it)."""
        return self.commands.create_account(label, engine)

    async def reconnect(self, account_id: str) -> None:
        await self.commands.reconnect(account_id)

    def set_wanted(self, account_id: str, running: bool) -> None:
        """Desired state only; the next reconcile (or a restart's restore) acts on it."""
        self.commands.set_wanted(account_id, running)

    async def stop_account(self, account_id: str) -> None:
        await self.commands.stop_account(account_id)

    async def logout_account(self, account_id: str) -> None:
        await self.commands.logout_account(account_id)

    async def remove_account(self, account_id: str) -> None:
        await self.commands.remove_account(account_id)

    def send_message(
        self, account_id: str, to: str, text: str, options: SendOptions | None = None
    ) -> ChatMessage:
        return self.commands.send_message(account_id, to, text, None, options)

    def send_once(
        self, account_id: str, to: str, text: str, key: str, options: SendOptions | None = None
    ) -> tuple[ChatMessage, bool]:
        """A send a caller may repeat: (message, False) if this client id was queued before."""
        return self.commands.send_once(account_id, to, text, key, options)

    def resend_message(self, message_id: int) -> None:
        self.commands.resend_message(message_id)

    async def request_pairing_code(self, account_id: str, phone: str) -> str:
        return await self.commands.request_pairing_code(account_id, phone)

    async def simulate_scan(self, account_id: str, phone: str, name: str | None = None) -> None:
        await self.commands.simulate_scan(account_id, phone, name)
