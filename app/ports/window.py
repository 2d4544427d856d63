"""What the window may ask of the core, part by part (style.md §2, §6).

Today one part is cut out: `BridgeStatus`, all the bridge panel sees of the Node child.
The panel shows a `BridgeInfo` record and the log lines, and asks for a restart; it never
holds the supervisor (app.bridge.supervisor), whose QProcess, timers and state machine stay
below. The rest of the window still goes through JagaService (app/service.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SignalInstance

from app.bridge.logs import RING_LINES
from app.domain.bridge_policy import State
from app.domain.exit_record import ExitRecord

if TYPE_CHECKING:
    from app.bridge.supervisor import BridgeSupervisor

#: How many of the bridge's recent log lines are kept to show.
LOG_LINES_KEPT = RING_LINES


@dataclass(frozen=True)
class BridgeInfo:
    """The bridge process as the owner reads it, at one moment."""

    state: State
    #: In FATAL: why it stopped, in the supervisor's English (app/ui/shared/event_text.py).
    fatal_reason: str | None
    pid: int | None
    #: When the current process started, on the supervisor's monotonic clock.
    started_at: float | None
    restarts: int
    #: Each end of the bridge this run, newest first.
    exits: tuple[ExitRecord, ...]
    #: Why the last process ended, when none ended this run (a start that failed).
    last_exit: str | None
    log_path: Path

    @property
    def up(self) -> bool:
        return self.state in (State.RUNNING, State.UNHEALTHY)


class BridgeStatus(Protocol):
    """The window's bridge part: a record to show, the log, and the owner's Restart."""

    #: The supervisor's state changed (its State value).
    state_changed: SignalInstance
    #: One line of the bridge's log, as it was written.
    log_line: SignalInstance

    def info(self) -> BridgeInfo: ...

    def recent_log(self) -> Sequence[str]: ...

    def restart(self) -> None: ...


class SupervisedBridge:
    """BridgeStatus read from the running supervisor."""

    def __init__(self, supervisor: BridgeSupervisor) -> None:
        self._supervisor = supervisor
        self.state_changed = supervisor.state_changed
        self.log_line = supervisor.log_line

    def info(self) -> BridgeInfo:
        supervisor = self._supervisor
        return BridgeInfo(
            state=supervisor.state,
            fatal_reason=supervisor.fatal_reason,
            pid=supervisor.pid,
            started_at=supervisor.started_at,
            restarts=supervisor.restarts,
            exits=tuple(supervisor.exits),
            last_exit=supervisor.last_exit,
            log_path=supervisor.logs.path,
        )

    def recent_log(self) -> Sequence[str]:
        return tuple(self._supervisor.logs.lines)

    def restart(self) -> None:
        """The owner's Restart: recorded as asked, with fresh counters (also from FATAL)."""
        self._supervisor.restart()
