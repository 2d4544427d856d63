"""The bridge supervisor as a pure state machine: events in, effects out, clock injected.

Qt code (app.bridge.supervisor) runs the effects: it spawns and kills the process and
arms timers. Everything that decides *what* to do lives here, so it is tested without
processes or sleeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

#: Exit code with which the bridge reports a configuration error (EX_CONFIG).
EXIT_CONFIG = 78


class State(StrEnum):
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    UNHEALTHY = "unhealthy"
    BACKOFF = "backoff"
    STOPPING = "stopping"
    FATAL = "fatal"


class Timer(StrEnum):
    READY = "ready"  # readiness deadline while STARTING
    STALL = "stall"  # a heartbeat is late: RUNNING → UNHEALTHY
    HANG = "hang"  # nothing on the event stream for too long: kill
    BACKOFF = "backoff"  # wait before the next start
    STOP_GRACE = "stop_grace"  # a graceful stop that takes too long: kill
    FATAL_RETRY = "fatal_retry"  # FATAL tries again by itself (the owner may be away)


@dataclass(frozen=True)
class Policy:
    ready_timeout: float = 20.0
    first_retry_delay: float = 1.0  # the delay of the second consecutive failure
    backoff_factor: float = 1.5
    backoff_max: float = 15.0
    healthy_reset: float = 30.0  # a run this long counts as stable and resets the counters
    fatal_failures: int = 5
    fatal_window: float = 60.0
    # The bridge's heartbeat comes every second (JAGA_HEARTBEAT_MS): two missed is
    # "not responding", six is a hang (a ratio the chaos suite runs at 4x the rate, under
    # load, without a false hang). A hung bridge is then replaced in about 7 s.
    stall_timeout: float = 3.0
    hang_timeout: float = 6.0
    #: After a silence, this long for bytes that already wait unread (the app itself was
    #: held up: stopped, or busy with its database) before the bridge is judged hung.
    hang_grace: float = 1.0
    stop_grace: float = 5.0
    fatal_retry: float = 300.0


# --- effects ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Spawn:
    pass


@dataclass(frozen=True)
class RequestStop:
    """Close stdin and ask `POST /shutdown`: the bridge flushes its auth state and exits."""


@dataclass(frozen=True)
class Kill:
    reason: str


@dataclass(frozen=True)
class StartTimer:
    timer: Timer
    seconds: float


@dataclass(frozen=True)
class CancelTimer:
    timer: Timer


Effect = Spawn | RequestStop | Kill | StartTimer | CancelTimer


@dataclass(frozen=True)
class Failure:
    at: float
    reason: str


@dataclass
class Supervision:
    """The supervisor's memory. Mutated only through the methods below."""

    policy: Policy = field(default_factory=Policy)
    state: State = State.STOPPED
    consecutive_failures: int = 0
    recent_failures: tuple[Failure, ...] = ()
    running_since: float | None = None
    restarts: int = 0
    #: Why the last process ended, in words for the bridge panel.
    last_exit: str | None = None
    #: Set in FATAL: what the owner is told.
    fatal_reason: str | None = None
    #: Set in FATAL: when it tries again by itself (clock of `now`).
    retry_at: float | None = None
    #: The last process ended because we asked: "stop" or "restart"; None for a crash.
    last_exit_asked: str | None = None
    # What we are waiting for when the process exits.
    _kill_reason: str | None = None
    _restart_after_stop: bool = False
    _hang_suspected: bool = False

    # --- owner's actions -------------------------------------------------------------

    def start(self, now: float) -> list[Effect]:
        """Start from STOPPED, or restart by hand from FATAL (which resets the counters)."""
        if self.state not in (State.STOPPED, State.FATAL):
            return []
        effects = self._leave_fatal()
        self.consecutive_failures = 0
        self.recent_failures = ()
        return effects + self._spawn()

    def stop(self, now: float) -> list[Effect]:
        if self.state in (State.STARTING, State.RUNNING, State.UNHEALTHY):
            self.state = State.STOPPING
            return [
                *self._cancel_run_timers(),
                RequestStop(),
                StartTimer(Timer.STOP_GRACE, self.policy.stop_grace),
            ]
        if self.state is State.BACKOFF:
            self.state = State.STOPPED
            return [CancelTimer(Timer.BACKOFF)]
        if self.state is State.FATAL:
            effects = self._leave_fatal()
            self.state = State.STOPPED
            return effects
        return []

    def restart(self, now: float) -> list[Effect]:
        """The owner's Restart button: a fresh start with fresh counters."""
        if self.state in (State.STOPPED, State.FATAL, State.BACKOFF):
            effects: list[Effect] = (
                [CancelTimer(Timer.BACKOFF)] if self.state is State.BACKOFF else []
            )
            effects += self._leave_fatal()
            self.state = State.STOPPED
            return effects + self.start(now)
        if self.state is State.STOPPING:
            return []
        # Running: a graceful stop (it flushes its auth state and releases its data folder's
        # lock: the next one finds no stale lock), then back at once, not counted a failure.
        self.consecutive_failures = 0
        self.recent_failures = ()
        self._kill_reason = "restart requested"
        self.state = State.STOPPING
        self._restart_after_stop = True
        return [
            *self._cancel_run_timers(),
            RequestStop(),
            StartTimer(Timer.STOP_GRACE, self.policy.stop_grace),
        ]

    # --- what the process and the stream tell us -------------------------------------

    def ready(self, now: float) -> list[Effect]:
        if self.state is not State.STARTING:
            return []
        self.state = State.RUNNING
        self.running_since = now
        return [
            CancelTimer(Timer.READY),
            StartTimer(Timer.STALL, self.policy.stall_timeout),
            StartTimer(Timer.HANG, self.policy.hang_timeout),
        ]

    def activity(self, now: float) -> list[Effect]:
        """Bytes arrived on the event stream (events or heartbeats)."""
        if self.state not in (State.RUNNING, State.UNHEALTHY):
            return []
        self.state = State.RUNNING
        self._hang_suspected = False
        return [
            StartTimer(Timer.STALL, self.policy.stall_timeout),
            StartTimer(Timer.HANG, self.policy.hang_timeout),
        ]

    def spawn_failed(self, now: float, detail: str) -> list[Effect]:
        """The process could not even start (Node missing, not executable): FATAL at once."""
        self.last_exit = detail
        self.last_exit_asked = None
        return self._cancel_run_timers() + self._fatal(now, detail)

    def exited(self, now: float, code: int | None, crashed: bool, detail: str = "") -> list[Effect]:
        """The process is gone. `crashed` is True when it died of a signal."""
        ran_for = None if self.running_since is None else now - self.running_since
        self.running_since = None
        effects: list[Effect] = self._cancel_run_timers()
        self.last_exit_asked = None
        if self.state is State.STOPPING:
            self.last_exit_asked = "restart" if self._restart_after_stop else "stop"
            effects.append(CancelTimer(Timer.STOP_GRACE))
            self.last_exit = self._kill_reason or "stopped"
            self._kill_reason = None
            self.state = State.STOPPED
            if self._restart_after_stop:
                self._restart_after_stop = False
                self.restarts += 1
                effects += self._spawn()
            return effects
        if self.state in (State.STOPPED, State.FATAL):
            return effects
        if code == EXIT_CONFIG and not crashed:
            reason = detail or "The bridge refused to start (configuration error)."
            self.last_exit = reason
            return effects + self._fatal(now, reason)
        how = "killed by a signal" if crashed else f"exited with code {code}"
        # The bridge's own last words say why it exited; the exit code alone says nothing to
        # people. A signal came from outside: its last line ("bridge ready") is not why.
        said = detail and not crashed
        reason = self._kill_reason or (f"{detail} ({how})" if said else how)
        self._kill_reason = None
        self.last_exit = reason
        return effects + self._after_failure(now, reason, ran_for)

    def timer_fired(self, timer: Timer, now: float) -> list[Effect]:
        if timer is Timer.READY and self.state is State.STARTING:
            self._kill_reason = f"not ready within {self.policy.ready_timeout:g} s"
            return [Kill(self._kill_reason)]
        if timer is Timer.STALL and self.state is State.RUNNING:
            self.state = State.UNHEALTHY
            return []
        if timer is Timer.HANG and self.state in (State.RUNNING, State.UNHEALTHY):
            self.state = State.UNHEALTHY
            if not self._hang_suspected:
                # Judged on what the bridge sent, not on the app's own stall: the event
                # loop gets a moment to read what waits in the socket.
                self._hang_suspected = True
                return [StartTimer(Timer.HANG, self.policy.hang_grace)]
            self._hang_suspected = False
            self._kill_reason = f"hung: no heartbeat for {self.policy.hang_timeout:g} s"
            return [CancelTimer(Timer.STALL), Kill(self._kill_reason)]
        if timer is Timer.BACKOFF and self.state is State.BACKOFF:
            self.restarts += 1
            return self._spawn()
        if timer is Timer.FATAL_RETRY and self.state is State.FATAL:
            self.restarts += 1
            return self.start(now)
        if timer is Timer.STOP_GRACE and self.state is State.STOPPING:
            self._kill_reason = f"did not stop within {self.policy.stop_grace:g} s"
            return [Kill(self._kill_reason)]
        return []

    # --- internals -------------------------------------------------------------------

    def _spawn(self) -> list[Effect]:
        self.state = State.STARTING
        self._hang_suspected = False
        return [Spawn(), StartTimer(Timer.READY, self.policy.ready_timeout)]

    def _fatal(self, now: float, reason: str) -> list[Effect]:
        """Gives up for now; tries again by itself after `fatal_retry` with fresh counters."""
        self.state = State.FATAL
        self.fatal_reason = reason
        self.retry_at = now + self.policy.fatal_retry
        return [StartTimer(Timer.FATAL_RETRY, self.policy.fatal_retry)]

    def _leave_fatal(self) -> list[Effect]:
        if self.state is not State.FATAL:
            return []
        self.fatal_reason = None
        self.retry_at = None
        return [CancelTimer(Timer.FATAL_RETRY)]

    def _cancel_run_timers(self) -> list[Effect]:
        return [CancelTimer(Timer.READY), CancelTimer(Timer.STALL), CancelTimer(Timer.HANG)]

    def _after_failure(self, now: float, reason: str, ran_for: float | None) -> list[Effect]:
        policy = self.policy
        if ran_for is not None and ran_for >= policy.healthy_reset:
            self.consecutive_failures = 0
            self.recent_failures = ()
        self.consecutive_failures += 1
        window_start = now - policy.fatal_window
        kept = tuple(f for f in self.recent_failures if f.at > window_start)
        self.recent_failures = (*kept, Failure(now, reason))
        if len(self.recent_failures) >= policy.fatal_failures:
            return self._fatal(
                now,
                f"The bridge failed {len(self.recent_failures)} times in "
                f"{policy.fatal_window:g} seconds (last: {reason}).",
            )
        delay = backoff_delay(self.consecutive_failures, policy)
        if delay <= 0:
            self.restarts += 1
            return self._spawn()
        self.state = State.BACKOFF
        return [StartTimer(Timer.BACKOFF, delay)]


def backoff_delay(consecutive_failures: int, policy: Policy) -> float:
    """0 for the first failure (restart at once), then grows by the factor, up to the max."""
    if consecutive_failures <= 1:
        return 0.0
    delay = policy.first_retry_delay * policy.backoff_factor ** (consecutive_failures - 2)
    return min(delay, policy.backoff_max)
