"""What lives beside the main window: database upkeep and the local API.

The API loads after the window, once the restored numbers have settled: its import
(aiohttp, ~0.2 s on a worker thread) would share the interpreter with their statuses, which
the owner is waiting for (docs/benchmarks.md, "The frozen start, round 4"). The owner
asking for the Shop API, or Quit, ends that wait at once. Python's garbage collector, held
since the first line (app.start.collector), is back on from then.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from app.start import collector
from app.start.first_of import first_of
from app.system.data_folders import DataPaths

if TYPE_CHECKING:
    from app.gateway.gateway import Gateway
    from app.ports.window import NumberViews
    from app.runtime.db_upkeep import DatabaseUpkeep
    from app.service import JagaService
    from app.ui.main_window.window import MainWindow
    from app.ui.settings.preferences import AppSettings

log = logging.getLogger(__name__)

#: The longest the local API waits, after the window, for the restored numbers to settle.
API_WAITS_FOR_SETTLE_S = 3.0


async def restore_settled(numbers: NumberViews, limit_s: float) -> None:
    """Until no number is still starting (each connected, showing a QR, reconnecting, …:
    the bridge has answered for it), or `limit_s`."""
    from app.domain.status import SessionStatus

    settled = asyncio.Event()

    def check(*_change: object) -> None:
        if all(a.status != SessionStatus.STARTING for a in numbers.accounts()):
            settled.set()

    check()
    numbers.changed.connect(check)
    try:
        await asyncio.wait_for(settled.wait(), limit_s)
    except TimeoutError:
        log.info("the local API starts while numbers are still starting")
    finally:
        numbers.changed.disconnect(check)


class Face:
    """The window and what lives beside it: database upkeep and the local API."""

    def __init__(self, window: MainWindow, upkeep: DatabaseUpkeep, service: JagaService) -> None:
        self.window = window
        self.upkeep = upkeep
        self.service = service
        self._gateway: Gateway | None = None
        self._gateway_start: asyncio.Future[None] | None = None
        self._hurry = asyncio.Event()  # the owner asked for the Shop API, or Quit
        self._closing = False
        self._show_when_loaded = False

    def start(self, settings: AppSettings) -> None:
        self.upkeep.start()
        self.window.gateway_requested.connect(lambda: self._gateway_wanted(settings))
        self._gateway_start = asyncio.ensure_future(self._start_gateway(settings))

    def _gateway_wanted(self, settings: AppSettings) -> None:
        """The Shop API dialog: now, or as soon as the API has loaded."""
        if self._gateway is not None:
            self._show_gateway(self._gateway, settings)
            return
        self._show_when_loaded = True
        self._hurry.set()

    async def _start_gateway(self, settings: AppSettings) -> None:
        """aiohttp and the API, imported beside the loop (late_import)."""
        from app.application import instance_key
        from app.start.late_import import import_later

        await self._settle_first()
        collector.release()  # held since the first line (app.start.collector)
        if self._closing:
            return  # Quit came first: no API to start
        # Nothing on this thread may import the API's modules meanwhile (the dialog does:
        # it is imported when the owner opens it).
        module = await import_later("app.gateway.gateway")
        key = instance_key(DataPaths(self.service.store.path.parent))
        gateway = module.for_service(
            self.service, key, port=settings.api_port, lan=settings.api_lan
        )
        self._gateway = gateway
        await gateway.start()  # on this loop
        if self._show_when_loaded and not self._closing:
            self._show_gateway(gateway, settings)

    async def _settle_first(self) -> None:
        settle, _hurry = await first_of(
            restore_settled(self.service.window.numbers, API_WAITS_FOR_SETTLE_S),
            self._hurry.wait(),
        )
        if not settle.cancelled() and settle.exception() is not None:
            # A fault in the wait is logged as one; the API still starts.
            log.error("waiting for the numbers failed", exc_info=settle.exception())

    def _show_gateway(self, gateway: Gateway, settings: AppSettings) -> None:
        from app.ui.gateway_setup.dialog import show_for

        show_for(self.window, gateway, settings)

    async def aclose(self) -> None:
        from app.ui.shared.tasks import finish_actions

        await finish_actions()
        self._closing = True
        self._hurry.set()  # no waiting for numbers to settle at quit
        if self._gateway_start is None:
            return
        await self._gateway_start  # a quit during the import: it starts, then closes
        if self._gateway is not None:
            await self._gateway.aclose()
