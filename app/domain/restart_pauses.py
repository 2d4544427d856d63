"""How long a background task that died waits before it starts again. Pure, clock injected.

The first restart comes soon (a one-off failure costs a second); a task that dies again
and again waits longer each time, up to a ceiling, so a bug that kills it at once does
not fill the log and the CPU. A task that then runs well for a while starts over from
the first pause (app/tasks/keeper.py carries this out).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RestartPolicy:
    first_pause_s: float = 1.0
    factor: float = 2.0
    longest_pause_s: float = 60.0
    #: A run at least this long counts as well: the next failure pauses `first_pause_s`.
    healthy_after_s: float = 60.0


class RestartPauses:
    """One task's pauses: `started()` at every start, `failed()` when it died."""

    def __init__(self, clock: Callable[[], float], policy: RestartPolicy | None = None) -> None:
        self._clock = clock
        self.policy = policy or RestartPolicy()
        self._started_at: float | None = None
        self._failures = 0  # in a row, since the last healthy run

    def started(self) -> None:
        self._started_at = self._clock()

    def failed(self) -> float:
        """The pause before the next start."""
        policy = self.policy
        ran = None if self._started_at is None else self._clock() - self._started_at
        if ran is not None and ran >= policy.healthy_after_s:
            self._failures = 0
        pause = policy.first_pause_s * policy.factor**self._failures
        self._failures += 1
        return min(pause, policy.longest_pause_s)


#: What the owner reads when a kept task stopped and started again, by task name.
STOPPED_SENTENCES = {
    "event stream": "Jaga's link to the bridge stopped after an error; Jaga started it again.",
    "outbox": "Jaga's message sender stopped after an error; Jaga started it again.",
    "reconciler": "Jaga's check of your numbers stopped after an error; Jaga started it again.",
    "webhook sender": "Jaga's webhook sender stopped after an error; Jaga started it again.",
}
GENERIC_STOPPED = "A part of Jaga stopped after an error; Jaga started it again."
WORK_FAILED = "Some of Jaga's background work failed; the details are in jaga.log."
