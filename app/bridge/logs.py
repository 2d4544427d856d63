"""The bridge's stderr: a rotating file on disk and the last lines in memory for the panel."""

from __future__ import annotations

import json
import logging
from collections import deque
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.domain.log_redaction import RedactingFormatter

RING_LINES = 2000
#: pino's level number for error (fatal is 60)
ERROR_LEVEL = 50


class BridgeLog:
    def __init__(self, folder: Path, *, ring_lines: int = RING_LINES) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "bridge.log"
        self.lines: deque[str] = deque(maxlen=ring_lines)
        self._file = RotatingFileHandler(
            self.path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        self._file.setFormatter(RedactingFormatter("%(message)s"))

    def add(self, line: str) -> None:
        self.lines.append(line)
        self._file.emit(logging.makeLogRecord({"msg": line, "args": None}))

    def last_message(self) -> str | None:
        """The last line a person can read: pino's `msg` field, or the raw line."""
        for line in reversed(self.lines):
            text = human_text(line)
            if text:
                return text
        return None

    def close(self) -> None:
        self._file.close()


def human_text(line: str) -> str:
    line = line.strip()
    if line.startswith("{"):
        try:
            record = json.loads(line)
        except ValueError:
            return line
        text = str(record.get("msg", "")).strip()
        error = record.get("err")
        cause = error.get("message") if isinstance(error, dict) else None
        # "uncaught exception" alone names no cause: pino keeps the error's own words apart.
        if cause and int(record.get("level", 0)) >= ERROR_LEVEL and str(cause) not in text:
            text = f"{text}: {cause}" if text else str(cause)
        return text
    return line
