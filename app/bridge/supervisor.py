"""Runs the bridge as a child QProcess and carries out the pure supervision policy.

The process wrapper knows nothing about sessions or the UI (syncthingtray's split):
it starts, watches and stops one Node process, and says what happened in signals.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil
from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Qt, QTimer, Signal

from app.bridge.logs import BridgeLog, human_text
from app.bridge.protocol import ProtocolError, ReadyInfo
from app.domain.bridge_policy import (
    CancelTimer,
    Effect,
    Kill,
    Policy,
    RequestStop,
    Spawn,
    StartTimer,
    State,
    Supervision,
    Timer,
)
from app.domain.exit_record import KEPT, ExitRecord, exit_record
from app.domain.overall_health import BridgeView

log = logging.getLogger(__name__)


class BridgeSupervisor(QObject):
    state_changed = Signal(str)  # State value
    ready = Signal(object)  # ReadyInfo
    went_down = Signal(str)  # the process is gone (reason), whatever comes next
    log_line = Signal(str)

    def __init__(
        self,
        *,
        program: Path | None,
        args: list[str],
        env: dict[str, str],
        logs: BridgeLog,
        pid_file: Path,
        policy: Policy | None = None,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._program = program
        self._args = args
        self._env = env  # update_env: a Settings change reaches the next spawn
        self.logs = logs
        self._pid_file = pid_file
        # Injected (tests step it), else read when built: a default argument would have
        # bound time.monotonic at import, out of reach of any test that patches it.
        self._clock = clock or time.monotonic
        self.machine = Supervision(policy=policy or Policy())
        self._last_state = self.machine.state
        self.ready_info: ReadyInfo | None = None
        self.started_at: float | None = None
        self.on_request_stop: Callable[[], None] | None = None
        self._process: QProcess | None = None
        self._pid = 0  # of the current process, kept after it exits
        self._stdout_buffer = b""
        self._stderr_buffer = b""
        #: Each end of the process, newest first (app.domain.exit_record).
        self.exits: deque[ExitRecord] = deque(maxlen=KEPT)
        self._ended_for: str | None = None  # why Jaga itself killed the current process
        self._timers: dict[Timer, QTimer] = {}
        for timer in Timer:
            qtimer = QTimer(self)
            qtimer.setSingleShot(True)
            qtimer.setTimerType(Qt.TimerType.PreciseTimer)  # deadlines, not animation
            qtimer.timeout.connect(
                lambda t=timer: self._apply(self.machine.timer_fired(t, self._clock()))
            )
            self._timers[timer] = qtimer

    # --- public ----------------------------------------------------------------------

    def update_env(self, values: dict[str, str]) -> None:
        """Settings for the bridge's next spawn (a running one is told by its API)."""
        self._env.update(values)

    @property
    def state(self) -> State:
        return self.machine.state

    @property
    def pid(self) -> int | None:
        if self._process is None:
            return None
        pid = self._process.processId()
        return pid or None

    @property
    def fatal_reason(self) -> str | None:
        return self.machine.fatal_reason

    @property
    def last_exit(self) -> str | None:
        return self.machine.last_exit

    @property
    def restarts(self) -> int:
        return self.machine.restarts

    def retry_in(self) -> float | None:
        """In FATAL: seconds until it tries again by itself."""
        if self.machine.retry_at is None:
            return None
        return max(0.0, self.machine.retry_at - self._clock())

    def view(self) -> BridgeView:
        retry_in = self.retry_in()
        now = datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the store keeps times
        retry_at = None if retry_in is None else now + timedelta(seconds=retry_in)
        return BridgeView(self.machine.state, self.machine.fatal_reason, retry_at)

    def start(self) -> None:
        self._apply(self.machine.start(self._clock()))

    def stop(self) -> None:
        self._apply(self.machine.stop(self._clock()))

    def restart(self) -> None:
        self._apply(self.machine.restart(self._clock()))

    def activity(self) -> None:
        """Bytes arrived on the event stream."""
        self._apply(self.machine.activity(self._clock()))

    def stop_and_wait(self, grace_ms: int = 5000) -> None:
        """Blocking stop for application exit, when no event loop will run the timers."""
        process = self._process
        self._apply(self.machine.stop(self._clock()))
        running = process is not None and process.state() != QProcess.ProcessState.NotRunning
        if running and process is not None and not process.waitForFinished(grace_ms):
            self._kill_tree(process, "did not stop in time at exit")
            process.waitForFinished(2000)

    # --- effects ---------------------------------------------------------------------

    def _apply(self, effects: list[Effect]) -> None:
        before = self._last_state
        for effect in effects:
            match effect:
                case Spawn():
                    self._spawn()
                case RequestStop():
                    self._request_stop()
                case Kill(reason=reason):
                    if self._process is not None:
                        self._kill_tree(self._process, reason)
                case StartTimer(timer=timer, seconds=seconds):
                    self._timers[timer].start(max(0, int(seconds * 1000)))
                case CancelTimer(timer=timer):
                    self._timers[timer].stop()
        if self.machine.state != before:
            self._last_state = self.machine.state
            self.state_changed.emit(self.machine.state.value)

    def _spawn(self) -> None:
        self.ready_info = None
        self._stdout_buffer = self._stderr_buffer = b""
        if self._program is None:
            self._apply(self.machine.spawn_failed(self._clock(), "Node could not be found."))
            return
        end_orphan(self._pid_file)
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        for key in ("JAGA_BRIDGE_TOKEN", "JAGA_SIM_CONTROL"):
            environment.remove(key)
        for key, value in self._env.items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
        process.setProgram(str(self._program))
        process.setArguments(self._args)
        process.readyReadStandardOutput.connect(lambda p=process: self._read_stdout(p))
        process.readyReadStandardError.connect(lambda p=process: self._read_stderr(p))
        process.finished.connect(lambda code, status, p=process: self._finished(p, code, status))
        process.errorOccurred.connect(lambda error, p=process: self._error(p, error))
        process.started.connect(lambda p=process: self._started(p))
        self._process = process
        self.started_at = self._clock()
        process.start()

    def _started(self, process: QProcess) -> None:
        self._pid = process.processId()
        write_pid_file(self._pid_file, self._pid)

    def _request_stop(self) -> None:
        if self._process is not None:
            self._process.closeWriteChannel()  # the bridge exits on stdin EOF
        if self.on_request_stop is not None:
            self.on_request_stop()  # POST /shutdown: the path that works on Windows too

    def _kill_tree(self, process: QProcess, reason: str) -> None:
        log.warning("killing the bridge: %s", reason)
        self._ended_for = reason
        pid = process.processId()
        if pid:
            try:
                parent = psutil.Process(pid)
                for child in parent.children(recursive=True):
                    child.kill()
            except psutil.Error:
                pass
        process.kill()

    # --- what the process says ---------------------------------------------------------

    def _read_stdout(self, process: QProcess) -> None:
        self._stdout_buffer += bytes(process.readAllStandardOutput().data())
        *lines, self._stdout_buffer = self._stdout_buffer.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").rstrip("\r")
            try:
                info = ReadyInfo.parse_line(line)
            except ProtocolError as error:
                self._add_log(str(error))
                continue
            if info is None:
                self._add_log(line)
            elif process is self._process:
                self.ready_info = info
                self._apply(self.machine.ready(self._clock()))
                self.ready.emit(info)

    def _read_stderr(self, process: QProcess) -> None:
        self._stderr_buffer += bytes(process.readAllStandardError().data())
        *lines, self._stderr_buffer = self._stderr_buffer.split(b"\n")
        for raw in lines:
            self._add_log(raw.decode("utf-8", "replace").rstrip("\r"))

    def _add_log(self, line: str) -> None:
        if line:
            self.logs.add(line)
            self.log_line.emit(line)

    def _error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart and process is self._process:
            detail = f"Node could not be started (path {self._program}): {process.errorString()}"
            self._add_log(detail)
            self._process = None
            effects = self.machine.spawn_failed(self._clock(), detail)
            self.went_down.emit(detail)
            self._apply(effects)

    def _finished(self, process: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        if process is not self._process:
            return
        self._read_stderr(process)
        for tail in (self._stderr_buffer, self._stdout_buffer):
            if tail:
                self._add_log(tail.decode("utf-8", "replace"))
        self._process = None
        self.ready_info = None
        remove_pid_file(self._pid_file, self._pid)
        crashed = status is QProcess.ExitStatus.CrashExit
        detail = self.logs.last_message() or ""
        process.deleteLater()
        ran_s = None if self.started_at is None else self._clock() - self.started_at
        effects = self.machine.exited(self._clock(), code, crashed, detail)
        self._record_exit(code, crashed, ran_s, detail)
        self.went_down.emit(self.machine.last_exit or "")
        self._apply(effects)

    def _record_exit(self, code: int, crashed: bool, ran_s: float | None, detail: str) -> None:
        """Kept for the bridge panel; a crash gets its one line in jaga.log."""
        record = exit_record(
            at=datetime.now(UTC).replace(tzinfo=None),
            code=code,
            crashed=crashed,
            asked=self.machine.last_exit_asked,
            ended_by_jaga=self._ended_for,
            ran_s=ran_s,
            last_words=detail,
        )
        self._ended_for = None
        self.exits.appendleft(record)
        if record.crashed:
            log.warning("%s", record.log_line())


# --- the pid file: finding a bridge left behind by a crashed app -------------------------


def _identity(pid: int) -> tuple[int, float] | None:
    try:
        return pid, psutil.Process(pid).create_time()
    except psutil.Error:
        return None


def _alive(identity: tuple[int, float]) -> bool:
    """The same process still runs: same pid *and* same start time (pids get reused)."""
    current = _identity(identity[0])
    return current is not None and abs(current[1] - identity[1]) < 0.01


def write_pid_file(path: Path, pid: int) -> None:
    bridge, owner = _identity(pid), _identity(os.getpid())
    if bridge is None or owner is None:
        return
    record = {"pid": bridge[0], "create_time": bridge[1], "owner": owner[0], "owner_time": owner[1]}
    path.write_text(json.dumps(record), encoding="utf-8")


def remove_pid_file(path: Path, pid: int) -> None:
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == pid:
            path.unlink()
    except (OSError, ValueError):
        pass


def end_orphan(path: Path) -> bool:
    """Ends a bridge that an app for this data folder started and then died without.

    Never another process: the pid must match its recorded start time, and the app that
    started it must be gone (a bridge whose app still runs is that app's business).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        bridge = (int(data["pid"]), float(data["create_time"]))
        owner = (int(data.get("owner", 0)), float(data.get("owner_time", 0.0)))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not _alive(bridge):
        path.unlink(missing_ok=True)
        return False
    if owner[0] and _alive(owner):
        return False
    log.warning("ending a bridge left behind by an earlier run (pid %s)", bridge[0])
    try:
        process = psutil.Process(bridge[0])
        process.terminate()
        try:
            process.wait(timeout=5)
        except psutil.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    except psutil.NoSuchProcess:
        pass
    except psutil.Error as error:
        log.warning("could not end the earlier bridge (pid %s): %s", bridge[0], error)
        return False
    path.unlink(missing_ok=True)
    return True


__all__ = ["BridgeSupervisor", "end_orphan", "human_text"]
