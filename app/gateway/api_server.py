"""Serves the local API on the app's running asyncio loop (aiohttp's AppRunner + TCPSite)."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from app.gateway.api_routes import build_app

log = logging.getLogger(__name__)

LOCAL_HOST = "127.0.0.1"
#: Listening on every interface: the shop's network (an opt-in in Settings).
LAN_HOST = "0.0.0.0"
DEFAULT_PORT = 3000
LINGER_S = 1.0


class _BadRequestsAreWarnings(logging.Filter):
    """A request that is not HTTP (a NUL in a header, a broken request line) is the
    caller's mistake: a warning without a traceback, never an ERROR in Jaga's log."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg = f"{record.getMessage()}: {type(error).__name__} {error.code}"
            record.args, record.exc_info, record.exc_text = (), None, None
        return True


#: aiohttp's server logger for the API (the filter above on it).
http_log = logging.getLogger("app.gateway.http")
http_log.addFilter(_BadRequestsAreWarnings())


class PortTaken(Exception):
    """The port is used by another program; the sentence says what to do."""


class ApiServer:
    def __init__(
        self, core: Any, api_key: Callable[[], str], *, port: int = DEFAULT_PORT, lan: bool = False
    ) -> None:
        self._runner: web.AppRunner | None = None
        self.lan = lan
        self.host = LAN_HOST if lan else LOCAL_HOST
        self.port = port
        self._app = build_app(core, api_key, self._hosts)

    def _hosts(self) -> frozenset[str] | None:
        if self.lan:
            return None  # reached by the computer's address on the shop's network
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    async def start(self) -> int:
        """Listens; returns the port (the OS picks one for port 0). Raises PortTaken."""
        # access_log=None: request lines would carry query strings; keys never reach a log.
        # lingering_time: a refused oversized body is not drained for 10 s (aiohttp's default).
        runner = web.AppRunner(
            self._app,
            access_log=None,
            handle_signals=False,
            lingering_time=LINGER_S,
            logger=http_log,
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except OSError as error:
            await runner.cleanup()
            if error.errno == errno.EADDRINUSE:
                raise PortTaken(
                    f"Jaga's API could not start: port {self.port} is used by another program. "
                    "Choose another port in Settings."
                ) from error
            raise PortTaken(f"Jaga's API could not start on port {self.port}: {error}") from error
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        log.info("local API listening on %s:%d", self.host, self.port)
        return self.port

    async def aclose(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
