"""What every scenario gets: the run's size, a scratch folder and a log line printer."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def _print(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass
class Context:
    quick: bool
    repeat: int | None
    workdir: Path
    log: Callable[[str], None] = _print
    #: The frozen app the launch scenario runs beside the source one (None: dist/jaga/jaga).
    frozen: Path | None = None
    started: float = field(default_factory=time.monotonic)

    def count(self, full: int, quick: int) -> int:
        """Repetitions: --repeat wins, then --quick's small count, then the full one."""
        if self.repeat is not None:
            return self.repeat
        return quick if self.quick else full

    def folder(self, name: str) -> Path:
        path = self.workdir / name
        path.mkdir(parents=True, exist_ok=True)
        return path
