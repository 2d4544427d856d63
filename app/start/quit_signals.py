"""SIGTERM, Ctrl+C and the desktop session ending end Jaga the way Quit does: the bridge
asked to stop, the database closed.

Python runs a signal handler only between bytecodes, and the Qt event loop may sit in C++
for as long as nothing happens; so the signal's number is also written to a socket
(`signal.set_wakeup_fd`) that a QSocketNotifier watches, which wakes the event loop.

At logout the session manager asks the app to save its data (Qt's `commitDataRequest`)
and then to end (a Quit event to the application, QCoreApplication.exit() if nobody
catches it). Jaga catches both and quits its own way, while its event loop still runs.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier

log = logging.getLogger(__name__)

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class QuitOnSignals(QObject):
    def __init__(
        self,
        on_quit: Callable[[], None],
        signals: tuple[signal.Signals, ...] = QUIT_SIGNALS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self._signals = signals
        self.received: list[signal.Signals] = []
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._noted) for sig in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _noted(self, _signum: int, _frame: FrameType | None) -> None:
        """The Python-level handler: the work is done from the event loop (`_read`)."""

    def _read(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        asked = [signal.Signals(n) for n in data if n in {int(s) for s in self._signals}]
        if not asked:
            return
        first = not self.received
        self.received.extend(asked)
        if first:
            log.info("asked to quit by %s", asked[0].name)
            self._on_quit()

    def said(self) -> str:
        """ " (SIGTERM)" when a signal asked for the quit, else ""."""
        return f" ({self.received[0].name})" if self.received else ""

    def close(self) -> None:
        """Back to the handlers there were before (tests make more than one)."""
        self._notifier.setEnabled(False)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


class QuitOnSessionEnd(QObject):
    """The desktop session ending (logout, shutdown) asks for Jaga's own quit."""

    def __init__(self, app: QCoreApplication, on_quit: Callable[[], None]) -> None:
        super().__init__(app)
        self._app = app
        self._on_quit = on_quit
        self.asked = False
        app.installEventFilter(self)
        commit = getattr(app, "commitDataRequest", None)  # a QGuiApplication's
        if commit is not None:
            commit.connect(self.session_ending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._app and event.type() == QEvent.Type.Quit:
            self.session_ending()
            return True  # not QCoreApplication.exit(): Jaga ends after its own close
        return False

    def session_ending(self, _manager: object = None) -> None:
        if not self.asked:
            self.asked = True
            log.info("asked to quit by the desktop session")
            self._on_quit()

    def said(self) -> str:
        """ " (the desktop session)" when the session ended Jaga, else ""."""
        return " (the desktop session)" if self.asked else ""

    def close(self) -> None:
        self._app.removeEventFilter(self)
        commit = getattr(self._app, "commitDataRequest", None)
        if commit is not None:
            commit.disconnect(self.session_ending)


class QuitRequests:
    """Every way to ask Jaga to quit, as one event: the window's Quit (connected by the
    launcher), SIGTERM and Ctrl+C, the desktop session ending."""

    def __init__(self, app: QCoreApplication) -> None:
        self.requested = asyncio.Event()
        self.signals = QuitOnSignals(self.requested.set, parent=app)
        self.session = QuitOnSessionEnd(app, self.requested.set)
        # Qt emits it from QCoreApplication.exit(), whoever calls it.
        app.aboutToQuit.connect(self.requested.set)

    def said(self) -> str:
        """Who asked, for the log: " (SIGTERM)", " (the desktop session)" or ""."""
        return self.signals.said() or self.session.said()
