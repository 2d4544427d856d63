"""SIGTERM and Ctrl+C reach the event loop as a quit request (app/ui/quit_signals.py)."""

from __future__ import annotations

import os
import signal

from app.ui.quit_signals import QuitOnSignals


def test_sigterm_asks_to_quit_once_and_the_old_handlers_come_back(qtbot):
    before = signal.getsignal(signal.SIGTERM)
    asked: list[str] = []
    watcher = QuitOnSignals(lambda: asked.append("quit"))
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: asked == ["quit"])
        assert watcher.said() == " (SIGTERM)"
        os.kill(os.getpid(), signal.SIGINT)  # a second ask while closing: no second quit
        qtbot.waitUntil(lambda: len(watcher.received) == 2)
        assert asked == ["quit"]
    finally:
        watcher.close()
    assert signal.getsignal(signal.SIGTERM) is before


def test_other_signals_are_not_a_quit(qtbot):
    asked: list[str] = []
    watcher = QuitOnSignals(lambda: asked.append("quit"), signals=(signal.SIGTERM,))
    seen: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda signum, _frame: seen.append(signum))
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        qtbot.waitUntil(lambda: seen == [signal.SIGUSR1])
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: asked == ["quit"])
        assert watcher.received == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGUSR1, previous)
        watcher.close()
