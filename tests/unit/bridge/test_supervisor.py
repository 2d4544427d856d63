"""The QProcess supervisor against fake bridges that misbehave (real processes, real timers)."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from app.bridge.logs import BridgeLog
from app.bridge.supervisor import BridgeSupervisor, end_orphan, write_pid_file
from app.domain.bridge_policy import Policy, State

FAKE = Path(__file__).resolve().parents[2] / "fakes" / "fake_bridge.py"


def make_supervisor(tmp_path: Path, mode: str, policy: Policy | None = None) -> BridgeSupervisor:
    return BridgeSupervisor(
        program=Path(sys.executable),
        args=[str(FAKE), mode],
        env={},
        logs=BridgeLog(tmp_path / "logs"),
        pid_file=tmp_path / "bridge.pid",
        policy=policy or Policy(),
    )


@pytest.fixture
def spawns(monkeypatch):
    """Records when each process is spawned."""
    times: list[float] = []
    original = BridgeSupervisor._spawn

    def recording(self):
        times.append(time.monotonic())
        original(self)

    monkeypatch.setattr(BridgeSupervisor, "_spawn", recording)
    return times


def test_never_ready_is_killed_at_the_deadline_and_retried(qtbot, tmp_path, spawns):
    supervisor = make_supervisor(tmp_path, "never_ready", Policy(ready_timeout=0.5))
    supervisor.start()
    qtbot.waitUntil(lambda: len(spawns) >= 2, timeout=5000)
    assert supervisor.machine.last_exit == "not ready within 0.5 s"
    assert spawns[1] - spawns[0] >= 0.5
    supervisor.stop_and_wait()
    assert supervisor.state is State.STOPPED


def test_exit1_goes_fatal_after_five_failures_with_growing_delays(qtbot, tmp_path, spawns):
    supervisor = make_supervisor(tmp_path, "exit1")
    supervisor.start()
    qtbot.waitUntil(lambda: supervisor.state is State.FATAL, timeout=15000)
    assert len(spawns) == 5
    gaps = [b - a for a, b in itertools.pairwise(spawns)]
    # Restarted at once, then 1 s, 1.5 s, 2.25 s (plus the time the process takes to exit).
    for gap, delay in zip(gaps, [0.0, 1.0, 1.5, 2.25], strict=True):
        assert delay - 0.01 <= gap < delay + 1.0
    assert "5 times in 60 seconds" in (supervisor.machine.fatal_reason or "")
    assert "exited with code 1" in (supervisor.machine.fatal_reason or "")


def test_exit78_is_fatal_at_once_with_the_bridges_message(qtbot, tmp_path, spawns):
    supervisor = make_supervisor(tmp_path, "exit78")
    supervisor.start()
    qtbot.waitUntil(lambda: supervisor.state is State.FATAL, timeout=5000)
    assert len(spawns) == 1
    assert supervisor.machine.fatal_reason == "data folder is locked by pid 4242"


def test_stubborn_bridge_is_killed_after_the_grace_period(qtbot, tmp_path):
    supervisor = make_supervisor(tmp_path, "stubborn", Policy(stop_grace=1.0))
    supervisor.start()
    qtbot.waitUntil(lambda: supervisor.state is State.RUNNING, timeout=5000)
    pid = supervisor.pid
    assert pid is not None
    began = time.monotonic()
    supervisor.stop()
    qtbot.waitUntil(lambda: supervisor.state is State.STOPPED, timeout=5000)
    assert time.monotonic() - began >= 1.0
    assert supervisor.machine.last_exit == "did not stop within 1 s"
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_polite_bridge_exits_on_stdin_eof_without_a_kill(qtbot, tmp_path):
    supervisor = make_supervisor(tmp_path, "ready", Policy(stop_grace=5.0))
    supervisor.start()
    qtbot.waitUntil(lambda: supervisor.state is State.RUNNING, timeout=5000)
    began = time.monotonic()
    supervisor.stop()
    qtbot.waitUntil(lambda: supervisor.state is State.STOPPED, timeout=5000)
    assert time.monotonic() - began < 2.0
    assert supervisor.machine.last_exit == "stopped"
    assert not (tmp_path / "bridge.pid").exists()


def test_missing_node_is_fatal_with_the_path(qtbot, tmp_path):
    supervisor = BridgeSupervisor(
        program=tmp_path / "no-such-node",
        args=[],
        env={},
        logs=BridgeLog(tmp_path / "logs"),
        pid_file=tmp_path / "bridge.pid",
    )
    supervisor.start()
    qtbot.waitUntil(lambda: supervisor.state is State.FATAL, timeout=5000)
    assert "Node could not be started (path" in (supervisor.machine.fatal_reason or "")
    assert str(tmp_path / "no-such-node") in (supervisor.machine.fatal_reason or "")


def spawn_fake(mode: str) -> subprocess.Popen[bytes]:
    null = subprocess.DEVNULL
    return subprocess.Popen([sys.executable, str(FAKE), mode], stdin=null, stdout=null, stderr=null)


def test_orphan_from_an_earlier_run_is_ended_but_a_reused_pid_is_not(tmp_path):
    pid_file = tmp_path / "bridge.pid"
    with spawn_fake("never_ready") as orphan:
        created = psutil.Process(orphan.pid).create_time()
        # Its app (a pid that no longer runs) is gone.
        record = {"pid": orphan.pid, "create_time": created, "owner": 999999, "owner_time": 1.0}
        pid_file.write_text(json.dumps(record))
        assert end_orphan(pid_file)
        orphan.wait(timeout=10)
        assert not pid_file.exists()
    # A pid file whose process start time does not match is someone else's process.
    with spawn_fake("never_ready") as bystander:
        pid_file.write_text(f'{{"pid": {bystander.pid}, "create_time": 1.0}}')
        assert not end_orphan(pid_file)
        assert bystander.poll() is None
        bystander.kill()


def test_a_bridge_whose_app_still_runs_is_not_an_orphan(tmp_path):
    pid_file = tmp_path / "bridge.pid"
    with spawn_fake("never_ready") as bridge:
        write_pid_file(pid_file, bridge.pid)  # owner: this very (live) test process
        assert not end_orphan(pid_file)
        assert bridge.poll() is None
        bridge.kill()


def test_a_crash_is_told_by_the_bridges_own_last_words_not_only_its_exit_code(
    qtbot, tmp_path, spawns
):
    supervisor = make_supervisor(tmp_path, "crash_said")
    supervisor.start()
    qtbot.waitUntil(lambda: supervisor.machine.last_exit is not None, timeout=5000)
    assert supervisor.machine.last_exit == (
        "cannot open bridge.sqlite3: file is not a database (exited with code 1)"
    )
    supervisor.stop_and_wait()
