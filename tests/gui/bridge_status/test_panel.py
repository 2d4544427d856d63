"""The bridge panel: state, pid, uptime, restarts, last exit, a live log tail, Restart."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal

from app.bridge.logs import RING_LINES
from app.domain.bridge_policy import State
from app.ports.window import BridgeInfo
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
    panel = BridgePanel(offline_service.bridge_status)
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
    panel = BridgePanel(offline_service.bridge_status, clock=FakeClock())
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
    panel = BridgePanel(service.bridge_status, clock=clock)
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


class RecordedBridge(QObject):
    """A BridgeStatus (app.ports.window) that is only a record: no process, no supervisor."""

    state_changed = Signal(str)
    log_line = Signal(str)

    def __init__(self, info: BridgeInfo) -> None:
        super().__init__()
        self.record = info
        self.restarts_asked = 0

    def info(self) -> BridgeInfo:
        return self.record

    def recent_log(self) -> list[str]:
        return ["first line", "second line"]

    def restart(self) -> None:
        self.restarts_asked += 1


def test_the_panel_shows_the_bridge_record_it_is_given_and_nothing_else(qtbot, tmp_path):
    """The panel holds the port's bridge part only (issue #29): a record it shows, the
    log lines, Restart. Seen failing against: 1846059, where BridgePanel took the whole
    service and read service.supervisor (AttributeError on this record)."""
    clock = FakeClock(start=1000.0)
    bridge = RecordedBridge(
        BridgeInfo(
            state=State.RUNNING,
            fatal_reason=None,
            pid=4242,
            started_at=1000.0 - 125,
            restarts=2,
            exits=(),
            last_exit="exited with code 1",
            log_path=tmp_path / "bridge.log",
        )
    )
    panel = BridgePanel(bridge, clock=clock)
    qtbot.addWidget(panel)
    assert panel.log_view.toPlainText() == "first line\nsecond line"
    assert panel.pid_label.text() == "4242" and panel.restarts_label.text() == "2"
    assert panel.uptime_label.text() == "2 min"
    assert panel.exit_label.text() == "it ended with code 1"

    bridge.record = replace(
        bridge.record,
        state=State.FATAL,
        pid=None,
        started_at=None,
        fatal_reason="The bridge failed 5 times in 60 seconds.",
    )
    bridge.state_changed.emit(State.FATAL.value)
    assert panel.state_label.text() == (
        "Bridge stopped after repeated failures — The bridge failed 5 times in 60 seconds."
    )
    assert panel.pid_label.text() == "—" and panel.uptime_label.text() == "—"
    bridge.log_line.emit("third line")
    assert panel.log_view.toPlainText().splitlines()[-1] == "third line"
    panel.restart_button.click()
    assert bridge.restarts_asked == 1
