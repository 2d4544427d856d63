"""What the gateway is built from, picked out of the app's core in one place.

The gateway (app/gateway/gateway.py) names none of these parts' modules: it gets the
port (`ServicePort`), the webhook store, the store's write hooks (the webhook publishers
write deliveries in the transaction that stores what they tell of), the API key and the
app's task keeper here, each by composition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.ports.api import WebhookTransaction
from app.ports.service_port import CoreParts, Keeper, ServicePort
from app.storage.webhook_writes import WebhookWrites
from app.storage.webhooks import WebhookStore
from app.storage.write_hooks import WriteHooks
from app.system.api_key import ApiKey
from app.system.secrets import secrets_file


def webhook_transaction(s: Any, written: Any) -> WebhookTransaction:
    """A write hook's arguments (the store's session and what it wrote, app.storage.
    write_hooks) as the webhook publishers read them."""
    return WebhookWrites(s, written)


@dataclass(frozen=True)
class GatewayParts:
    core: ServicePort
    #: Webhook addresses and deliveries (app.sqlite3): the sender's queue, the window's list.
    webhooks: WebhookStore
    write_hooks: WriteHooks
    api_key: ApiKey
    keeper: Keeper

    @classmethod
    def of(cls, core: CoreParts, instance: str) -> GatewayParts:
        """From the app's core (app/service.py's JagaService): its parts, not its methods.
        `instance` names the API key in the keyring (one per data folder)."""
        return cls(
            core=ServicePort.of(core),
            webhooks=WebhookStore(core.store),
            write_hooks=core.store.write_hooks,
            api_key=ApiKey(instance, secrets_file(core.store.path.parent)),
            keeper=core.keeper,
        )
