"""How the bridge process ended, each time: the signal or exit code, when, whether Jaga (or
the owner) asked for it, and its last log line. Pure.

The bridge panel lists these; jaga.log gets one line for each end nobody asked for (a
crash), so a `kill -9` is never told as "bridge ready" (the last line it had logged).
"""

from __future__ import annotations

import signal
from dataclasses import dataclass
from datetime import datetime

#: How many ends the panel keeps.
KEPT = 10


@dataclass(frozen=True)
class ExitRecord:
    at: datetime  # naive UTC, as the store keeps times
    code: int | None  # its exit code, when it exited by itself
    signal: int | None  # the signal that ended it
    #: "restart" or "stop" when the owner or Jaga asked it to end; None when nobody did.
    asked: str | None
    #: Why Jaga ended it itself, when it did (it hung, was not ready in time, would not stop).
    ended_by_jaga: str | None = None
    ran_s: float | None = None
    #: The last line it logged (often the reason of a crash, sometimes just "bridge ready").
    last_words: str = ""

    @property
    def crashed(self) -> bool:
        """Ended by nobody's wish: a crash (or Jaga ending one that hung)."""
        return self.asked is None

    def how(self) -> str:
        """'killed by SIGKILL (signal 9)' or 'exited with code 1', in English for the log."""
        if self.signal is not None:
            return f"killed by {signal_name(self.signal)} (signal {self.signal})"
        return f"exited with code {self.code}"

    def log_line(self) -> str:
        """The one line jaga.log gets for a crash."""
        ran = f" after {self.ran_s:.0f} s" if self.ran_s is not None else ""
        why = f", ended by Jaga: {self.ended_by_jaga}" if self.ended_by_jaga else ""
        words = f"; its last log line: {self.last_words}" if self.last_words else ""
        return f"the bridge crashed: {self.how()}{ran}, not asked for{why}{words}"


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def exit_record(
    *,
    at: datetime,
    code: int,
    crashed: bool,
    asked: str | None,
    ended_by_jaga: str | None = None,
    ran_s: float | None = None,
    last_words: str = "",
) -> ExitRecord:
    """From what the process wrapper saw: QProcess gives the signal number as the exit code
    of a process that died of a signal (a CrashExit)."""
    return ExitRecord(
        at=at,
        code=None if crashed else code,
        signal=code if crashed else None,
        asked=asked,
        ended_by_jaga=ended_by_jaga if asked is None else None,
        ran_s=ran_s,
        last_words=last_words,
    )
