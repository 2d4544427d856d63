"""Quit drills: a running Jaga ends itself by one of its quit paths, for the tests that
check every quit is clean in the source app and in the frozen one (tests/quit_paths.py).

With JAGA_QUIT_DRILL set to one of the paths below, SIGUSR1 makes Jaga quit the way a
person or the desktop does, through the same Qt objects:

- `menu`: the window's Quit Jaga is chosen;
- `tray`: the tray menu's Quit Jaga is chosen;
- `close`: the window is closed while a tray exists and "keep watching in the tray" is
  off (the settings file says so; the drill stands in for the tray, which an offscreen
  screen has not: what is drilled is the window's close, not the tray);
- `session`: the desktop session ends (the session manager's Quit event to the app).

SIGTERM and Ctrl+C need no drill. Unset, as for every owner, nothing here runs.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer

if TYPE_CHECKING:
    from app.ui.main_window.window import MainWindow

log = logging.getLogger(__name__)

DRILL_ENV = "JAGA_QUIT_DRILL"
PATHS = ("menu", "tray", "close", "session")


def arm(window: MainWindow, env: dict[str, str] | None = None) -> str | None:
    """Arms the drill named in the environment; returns it (None when there is none)."""
    path = (os.environ if env is None else env).get(DRILL_ENV)
    if not path:
        return None
    if path not in PATHS:
        log.warning("unknown quit drill %r (known: %s)", path, ", ".join(PATHS))
        return None
    act = _action(window, path)
    # The handler runs in the main thread between bytecodes; the drill itself runs from
    # the event loop (the signal's wake-up reaches Qt through app.start.quit_signals).
    signal.signal(signal.SIGUSR1, lambda _n, _f: QTimer.singleShot(0, act))
    log.info("quit drill armed: %s on SIGUSR1", path)
    return path


def _action(window: MainWindow, path: str) -> Callable[[], None]:
    def act() -> None:
        log.info("quit drill: %s", path)
        if path == "menu":
            window.quit_action.trigger()
        elif path == "tray":
            quit_text = window.quit_action.text()
            [action] = [a for a in window.tray.menu.actions() if a.text() == quit_text]
            action.trigger()
        elif path == "close":
            window.tray.available = True
            window.close()
        else:  # as Qt's session management does when the session manager says "die"
            QCoreApplication.sendEvent(QCoreApplication.instance(), QEvent(QEvent.Type.Quit))

    return act
