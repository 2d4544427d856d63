"""The gateway as one part: local API server, webhook publisher and sender, on the app's loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from app.gateway.api_server import DEFAULT_PORT, ApiServer, PortTaken
from app.gateway.envelope import PING, body_bytes, envelope
from app.gateway.label_webhooks import LabelWebhooks
from app.gateway.lan_address import api_base, lan_address
from app.gateway.publisher import WebhookPublisher, new_event_id
from app.gateway.webhook_sender import REQUEST_TIMEOUT_S, WebhookSender
from app.ports.gateway_parts import GatewayParts
from app.ports.service_port import CoreParts

log = logging.getLogger(__name__)


class Gateway:
    def __init__(
        self,
        parts: GatewayParts,
        *,
        port: int = DEFAULT_PORT,
        lan: bool = False,
        webhook_timeout_s: float = REQUEST_TIMEOUT_S,
    ) -> None:
        self.core = core = parts.core
        #: The app's task keeper: a webhook sender that dies is told and started again.
        self.keeper = parts.keeper
        self.api_key = parts.api_key
        self.webhooks = parts.webhooks
        self.sender = WebhookSender(self.webhooks, timeout_s=webhook_timeout_s)
        # Wakes whichever sender runs now (restart_sender makes a new one).
        self.publisher = WebhookPublisher(
            lambda: self.sender.wake(),
            bridge_up=lambda: core.bridge_up,
            api_base=lambda: api_base(self.server.port, lan=self.server.lan),
        )
        self.label_webhooks = LabelWebhooks(
            self.publisher, lambda: self.sender.wake(), bridge_up=lambda: core.bridge_up
        )
        self._timeout_s = webhook_timeout_s
        self._write_hooks = parts.write_hooks
        self.server = ApiServer(core, lambda: self.api_key.value, port=port, lan=lan)
        #: Why the API is not listening (a sentence for the owner), or None.
        self.problem: str | None = None
        self._sender_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Webhooks start whatever happens to the API's port: events are never dropped."""
        # Deliveries are written in the transactions that store what they tell of.
        self._write_hooks.add(self.publisher.in_transaction)
        self._write_hooks.add(self.label_webhooks.in_transaction)  # label_webhooks.py
        self._keep_sender()
        try:
            await self.server.start()
        except PortTaken as error:
            self.problem = str(error)
            log.warning("%s", error)
            self.core.report_problem(self.problem)

    def lan_address(self) -> str | None:
        """This computer's address on the shop's network (the Shop API dialog shows it)."""
        return lan_address()

    async def ping(self, target_id: int) -> str:
        """The owner's test button: one signed request now, not stored, not retried.

        Returns what happened in words ("HTTP 200", the endpoint's answer, or the error).
        """
        target = self.webhooks.target(target_id)
        if target is None:
            return "This address was removed."
        document = envelope(
            event_id=new_event_id(),
            event=PING,
            session="",
            payload={"text": "Jaga test ping"},
            me=None,
            timestamp_ms=int(time.time() * 1000),
        )
        tried = await self.sender.post(body_bytes(document), target)
        if tried.status_code is None:
            return tried.error or "no answer"
        return f"HTTP {tried.status_code}" + (f": {tried.error}" if tried.error else "")

    async def restart_sender(self) -> None:
        """The sender stops at once, mid-request or not, and a new one starts from what
        app.sqlite3 holds (the `api` benchmark re-enacts a kill of the sender with this)."""
        if self._sender_task is not None:
            self._sender_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sender_task
        await self.sender.aclose()
        self.sender = WebhookSender(self.webhooks, timeout_s=self._timeout_s)
        self._keep_sender()

    def _keep_sender(self) -> None:
        self._sender_task = self.keeper.keep("webhook sender", lambda: self.sender.run_forever())

    async def aclose(self) -> None:
        self._write_hooks.remove(self.publisher.in_transaction)
        self._write_hooks.remove(self.label_webhooks.in_transaction)
        await self.server.aclose()
        if self._sender_task is not None:
            self._sender_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sender_task
        await self.sender.aclose()


def for_service(
    service: CoreParts,
    instance: str,
    *,
    port: int,
    lan: bool = False,
    webhook_timeout_s: float = REQUEST_TIMEOUT_S,
) -> Gateway:
    """The app's gateway over the core (app/service.py's JagaService), from the parts
    app/ports/gateway_parts.py picks out of it: the core is reached through the port, the
    store only for the gateway's own tables (webhook targets and deliveries)."""
    return Gateway(
        GatewayParts.of(service, instance),
        port=port,
        lan=lan,
        webhook_timeout_s=webhook_timeout_s,
    )
