"""Whether app.sqlite3 takes writes again after it refused one (a full disk, freed since).

The store remembers the sentence it last refused a write with; the next transaction that
writes and commits clears it and tells whoever listens (the window's banner goes). Reads
prove nothing: a full disk still reads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


class WriteWatch:
    def __init__(self, engine: Engine) -> None:
        #: What the last refused write was told with, until a write commits again.
        self.trouble: str | None = None
        self.writes = 0  # statements that changed rows, ever (a count: compared, not read)
        #: Called with the sentence that no longer holds (from the writing thread).
        self.on_gone: list[Callable[[str], None]] = []
        event.listen(engine, "after_cursor_execute", self._executed)

    def _executed(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip()[:6].upper() in _WRITES:
            self.writes += 1

    def refused(self, sentence: str) -> None:
        self.trouble = sentence

    def committed(self, writes_before: int) -> None:
        """A transaction committed: if it wrote, the trouble of before is gone."""
        if self.trouble is None or self.writes <= writes_before:
            return
        gone, self.trouble = self.trouble, None
        log.info("the database takes writes again (it was: %s)", gone)
        for hook in list(self.on_gone):
            hook(gone)
