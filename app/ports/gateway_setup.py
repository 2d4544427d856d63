"""What the Shop API dialog (app/ui/gateway_setup) may use of the running gateway.

The dialog is a face of the window, and the gateway (app/gateway/gateway.py's `Gateway`)
is the other face: the window may not import it, so it names here only what it reads and
calls. `Gateway` has each member below; the launcher (app/start) hands it over.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from app.domain.pacing import Pacing
from app.domain.views import DeliveryRecord, WebhookTargetView


class ApiKeyAccess(Protocol):
    """The local API's key: shown, copied, made anew."""

    @property
    def value(self) -> str: ...
    @property
    def persistent(self) -> bool: ...
    @property
    def file(self) -> Path | None: ...
    def regenerate(self) -> str: ...


class ServerPlace(Protocol):
    """Where the local API answers."""

    port: int
    lan: bool


class PacingSetter(Protocol):
    async def set_pacing(self, pacing: Pacing) -> None: ...


class SenderWake(Protocol):
    def wake(self) -> None: ...


class TargetHealth(Protocol):
    """What the window shows for one URL."""

    pending: int
    last_success_at: datetime | None
    last_failure_at: datetime | None
    last_failure: str | None


class WebhookTargets(Protocol):
    """The webhook addresses and their deliveries (app/storage/webhooks.py's WebhookStore)."""

    def targets(self) -> list[WebhookTargetView]: ...
    def health(self, target_id: int) -> TargetHealth | None: ...
    def recent(self, target_id: int, limit: int = 100) -> Sequence[DeliveryRecord]: ...
    def add_target(
        self, url: str, events: Iterable[str], secret: str | None
    ) -> WebhookTargetView: ...
    def remove_target(self, target_id: int) -> None: ...
    def retry_now(self, target_id: int, now: datetime | None = None) -> int: ...
    def replay_since(self, target_id: int, since: datetime) -> int: ...


class GatewaySetup(Protocol):
    """The running gateway, as the Shop API dialog sees it."""

    api_key: ApiKeyAccess
    server: ServerPlace
    #: Why the local API is not answering (a port in use, ...), or None.
    problem: str | None
    core: PacingSetter
    webhooks: WebhookTargets
    sender: SenderWake

    async def ping(self, target_id: int) -> str: ...
    def lan_address(self) -> str | None: ...
