"""The bridge panel: state, pid, uptime, restarts, last exit, a live log tail, Restart."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from app.bridge.logs import RING_LINES
from app.domain.bridge_policy import State
from app.ui.bridge_status.panel import BridgePanel, log_text
from tests.gui.conftest import FakeClock, set_bridge
from tests.liveapp import eventually, run


def test_pino_lines_read_as_sentences():
    line = json.dumps(
        {"level": 40, "time": 0, "pid": 7, "hostname": "h", "msg": "session closed", "code": 428}
    )
    text = log_text(line)
    assert text.endswith("WARN session closed code=428")
    assert "hostname" not in text and "pid" not in text
    iso = log_text('{"level":30,"time":"2026-11-23T12:18:36.929Z","msg":"ready","n":[1,2]}')
    assert iso.endswith("INFO ready n=[1, 2]") and iso[2] == ":"  # a local HH:MM:SS first
    assert log_text("plain words") == "plain words"
    assert log_text("{not json") == "{not json"


def test_the_log_tail_is_filled_from_the_ring_and_follows_live(qtbot, offline_service):
    supervisor = offline_service.supervisor
    supervisor.logs.add('{"level":30,"time":0,"msg":"listening"}')
    panel = BridgePanel(offline_service)
    qtbot.addWidget(panel)
    assert panel.log_view.toPlainText().endswith("INFO listening")

    supervisor.log_line.emit("a new line")
    assert panel.log_view.toPlainText().splitlines()[-1] == "a new line"
    for number in range(RING_LINES + 50):
        supervisor.log_line.emit(f"line {number}")
    assert panel.log_view.document().blockCount() == RING_LINES  # a ring, like the supervisor's
    assert panel.log_view.toPlainText().splitlines()[-1] == f"line {RING_LINES + 49}"


def test_state_restarts_and_last_exit_in_words(qtbot, offline_service):
    supervisor = offline_service.supervisor
    panel = BridgePanel(offline_service, clock=FakeClock())
    qtbot.addWidget(panel)
    assert panel.state_label.text() == "Bridge stopped"
    assert panel.pid_label.text() == "—" and panel.uptime_label.text() == "—"
    supervisor.machine.restarts = 3
    supervisor.machine.last_exit = "exited with code 1"
    set_bridge(offline_service, State.FATAL, "The bridge failed 5 times in 60 seconds.")
    assert panel.state_label.text() == (
        "Bridge stopped after repeated failures — The bridge failed 5 times in 60 seconds."
    )
    assert panel.restarts_label.text() == "3"
    assert panel.exit_label.text() == "it ended with code 1"
    assert panel.restart_button.accessibleName() == "Restart the bridge"


def test_live_pid_uptime_and_restart(qtbot, loop, service):
    clock = FakeClock()
    panel = BridgePanel(service, clock=clock)
    qtbot.addWidget(panel)

    async def scenario():
        first_pid = service.supervisor.pid
        assert first_pid and panel.pid_label.text() == str(first_pid)
        assert panel.state_label.text() == "Bridge running"
        clock.now = (service.supervisor.started_at or 0) + 125
        panel.refresh()
        assert panel.uptime_label.text() == "2 min"
        before = service.supervisor.machine.restarts
        qtbot.mouseClick(panel.restart_button, Qt.MouseButton.LeftButton)
        await eventually(
            lambda: (
                service.supervisor.state is State.RUNNING
                and service.supervisor.pid not in (None, first_pid)
            ),
            timeout=20,
        )
        panel.refresh()
        assert panel.pid_label.text() == str(service.supervisor.pid)
        assert panel.restarts_label.text() == str(before + 1)
        # The end is told as it was: asked for, and how it ended (a graceful stop).
        assert panel.exit_label.text().endswith("exited with code 0 — you asked for a restart")
        assert panel.exits.count() == 1
        assert "JAGA_READY" not in panel.log_view.toPlainText()

    run(loop, scenario())
