"""Keeping app.sqlite3 whole while Jaga runs: WAL checkpoints and the daily backup.

Without checkpoints every row stays in app.sqlite3-wal until SQLite happens to fold it
back, and a copy of the file the README names would hold nothing. Qt only provides the
timer; the work is in app/storage/db_health.py.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from app.storage import db_health
from app.storage.store import Store
from app.system.data_folders import DataPaths

log = logging.getLogger(__name__)

#: How often the WAL is folded into the main file while running.
CHECKPOINT_EVERY_MS = 10 * 60_000
#: How often "is today's backup there?" is asked (the backup itself is daily).
BACKUP_CHECK_EVERY_MS = 60 * 60_000


class DatabaseUpkeep(QObject):
    def __init__(
        self,
        store: Store,
        paths: DataPaths,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = paths
        self._now = now
        self._checkpoints = QTimer(self)
        self._checkpoints.setInterval(CHECKPOINT_EVERY_MS)
        self._checkpoints.timeout.connect(self.checkpoint)
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_EVERY_MS)
        self._backups.timeout.connect(self.backup)

    def start(self) -> None:
        self._checkpoints.start()
        self._backups.start()
        QTimer.singleShot(60_000, self, self.backup)  # the day's backup soon after start

    def checkpoint(self) -> None:
        try:
            db_health.checkpoint(self.paths.database)
        except sqlite3.Error as error:  # busy or full: the next one folds the rest
            log.warning("WAL checkpoint failed: %s", error)

    def backup(self) -> None:
        try:
            db_health.daily_backup(self.paths.database, self.paths.backups, self._now())
        except (OSError, sqlite3.Error) as error:
            log.warning("daily backup failed: %s", error)

    def finish(self) -> None:
        """At quit: close every connection, then fold the WAL in and empty it, so that
        app.sqlite3 alone holds every row."""
        self._checkpoints.stop()
        self._backups.stop()
        self.store.close()
        try:
            busy, _pages, _folded = db_health.checkpoint(self.paths.database, "TRUNCATE")
        except sqlite3.Error as error:
            log.error("final WAL checkpoint failed: %s", error)
            return
        if busy:
            log.warning("final WAL checkpoint was blocked by another connection")
