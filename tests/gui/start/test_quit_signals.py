"""SIGTERM, Ctrl+C and the session ending reach the event loop as a quit request
(app/start/quit_signals.py). The whole quit of a real Jaga, path by path, is in
tests/integration/test_quit_paths.py."""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QTimer

from app.start import quit_drill
from app.start.quit_signals import QuitOnSessionEnd, QuitOnSignals


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


def test_the_session_ending_asks_to_quit_once_and_qt_s_loops_go_on(qtbot, qapp):
    """At logout the session manager sends the app a Quit event, which Qt turns into
    QCoreApplication.exit(): every event loop would end under Jaga's own close.

    Seen failing against: no event filter (the launcher connected aboutToQuit only)."""
    commit = SIGNAL("commitDataRequest(QSessionManager&)")
    before = qapp.receivers(commit)
    asked: list[str] = []
    watcher = QuitOnSessionEnd(qapp, lambda: asked.append("quit"))
    try:
        assert qapp.receivers(commit) == before + 1  # the session's "save your data" too
        # From the event loop, as the session manager's "die" comes.
        QTimer.singleShot(0, lambda: QCoreApplication.sendEvent(qapp, QEvent(QEvent.Type.Quit)))
        qtbot.waitUntil(lambda: asked == ["quit"])
        watcher.session_ending(None)  # commitDataRequest, then the Quit event: one quit
        assert asked == ["quit"] and watcher.said() == " (the desktop session)"
        # Qt's loops still turn: after QCoreApplication.exit() they would return at once.
        timer = QTimer()
        timer.setSingleShot(True)
        with qtbot.waitSignal(timer.timeout, timeout=5000):
            timer.start(0)
    finally:
        watcher.close()
    assert qapp.receivers(commit) == before


def test_an_unknown_quit_drill_is_refused_and_none_is_armed_without_one(qtbot, error_log):
    before = signal.getsignal(signal.SIGUSR1)
    assert quit_drill.arm(None, env={}) is None  # type: ignore[arg-type]
    assert quit_drill.arm(None, env={"JAGA_QUIT_DRILL": "window"}) is None  # type: ignore[arg-type]
    assert signal.getsignal(signal.SIGUSR1) is before
