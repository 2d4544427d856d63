"""app.sqlite3 checked before Jaga uses it, and kept whole while it runs.

At start (`check_at_start`): a damaged file (torn pages after a power cut, a bad header,
garbage) is moved whole, with its -wal and -shm, into backups/ under a timestamp; the
newest daily backup that is sound takes its place if there is one. A database written by
a newer Jaga is refused and never touched. An empty or missing file is reported so the
window can offer to rebuild the numbers from the links the bridge still holds.

While running: `checkpoint` folds the WAL back into the main file (so app.sqlite3 alone
holds every row) and `daily_backup` copies the live database with SQLite's online backup
API into backups/, keeping the newest few. No Qt here.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from app.storage.schema_revisions import MIGRATIONS, revisions, stored_revision

if TYPE_CHECKING:
    from app.storage.store import Store

log = logging.getLogger(__name__)

#: How many daily backups are kept.
BACKUPS_KEPT = 5
BACKUP_PREFIX = "app-"
BACKUP_SUFFIX = ".sqlite3"
DAMAGED_PREFIX = "damaged-"
SIDE_FILES = ("-wal", "-shm")


class Health(Enum):
    OK = "ok"
    MISSING = "missing"  # first start, or deleted
    EMPTY = "empty"  # a 0-byte file: starts empty
    DAMAGED = "damaged"  # set aside; maybe restored from a backup
    NEWER = "newer"  # written by a newer Jaga: refused, untouched


@dataclass(frozen=True)
class StartCheck:
    health: Health
    #: SQLite's own words for the damage, or the unknown schema revision
    detail: str = ""
    #: where the damaged file set went (a folder in backups/)
    quarantined: Path | None = None
    #: the backup that was put in its place, if any
    restored_from: Path | None = None


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _problem(path: Path) -> str | None:
    """None when the file opens and passes SQLite's integrity check, else what is wrong."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check(5)")]
        return None if rows == ["ok"] else "; ".join(rows)
    except sqlite3.Error as error:
        # Busy is not damaged: someone holds it for now; a sound file is never set aside.
        return None if "locked" in str(error) or "busy" in str(error) else str(error)
    finally:
        connection.close()


def _move_aside(path: Path, backups: Path, now: datetime) -> Path:
    folder = backups / f"{DAMAGED_PREFIX}{_stamp(now)}"
    n = 1
    while folder.exists():
        n += 1
        folder = backups / f"{DAMAGED_PREFIX}{_stamp(now)}-{n}"
    folder.mkdir(parents=True, mode=0o700)
    for suffix in ("", *SIDE_FILES):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.move(source, folder / f"{path.name}{suffix}")
    return folder


def backups_newest_first(backups: Path) -> list[Path]:
    found = backups.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}") if backups.exists() else []
    return sorted(found, key=lambda p: p.name, reverse=True)


def check_at_start(
    path: Path,
    backups: Path,
    known_revisions: Collection[str],
    now: Callable[[], datetime] = datetime.now,
) -> StartCheck:
    """Looks at app.sqlite3 before anything opens it; see the module docstring."""
    if not path.exists():
        return StartCheck(Health.MISSING)
    if path.stat().st_size == 0 and not Path(f"{path}-wal").exists():
        return StartCheck(Health.EMPTY)
    problem = _problem(path)
    if problem is None:
        revision = stored_revision(path)
        if revision is not None and revision not in known_revisions:
            log.error("app.sqlite3 has schema revision %s, newer than this Jaga; refused", revision)
            return StartCheck(Health.NEWER, detail=revision)
        return StartCheck(Health.OK)
    folder = _move_aside(path, backups, now())
    log.error("app.sqlite3 is damaged (%s); moved to %s", problem, folder)
    restored = _restore_newest_sound_backup(path, backups)
    return StartCheck(Health.DAMAGED, detail=problem, quarantined=folder, restored_from=restored)


def _restore_newest_sound_backup(path: Path, backups: Path) -> Path | None:
    for backup in backups_newest_first(backups):
        if _problem(backup) is None:
            shutil.copy2(backup, path)
            path.chmod(0o600)
            log.warning("app.sqlite3 restored from the backup %s", backup.name)
            return backup
    return None


def checkpoint(path: Path, mode: str = "PASSIVE") -> tuple[int, int, int]:
    """Folds the WAL into the main file; TRUNCATE (at quit) also empties the -wal file.

    Returns SQLite's (busy, wal pages, pages folded).
    """
    if mode not in ("PASSIVE", "FULL", "RESTART", "TRUNCATE"):
        raise ValueError(mode)
    connection = sqlite3.connect(path, timeout=5)
    try:
        busy, pages, folded = connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        return int(busy), int(pages), int(folded)
    finally:
        connection.close()


def backup_name(day: datetime) -> str:
    return f"{BACKUP_PREFIX}{day.strftime('%Y%m%d')}{BACKUP_SUFFIX}"


def daily_backup(path: Path, backups: Path, now: datetime, keep: int = BACKUPS_KEPT) -> Path | None:
    """Today's online backup (SQLite's backup API: consistent while Jaga writes); None if
    today's exists already. Keeps the newest `keep` backups."""
    target = backups / backup_name(now)
    if target.exists():
        return None
    backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(path, timeout=5)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    partial.chmod(0o600)
    partial.replace(target)
    for old in backups_newest_first(backups)[keep:]:
        old.unlink(missing_ok=True)
    log.info("daily backup written: %s", target.name)
    return target


def bridge_linked_sessions(bridge_db: Path) -> list[str]:
    """Session ids that hold a WhatsApp link in bridge.sqlite3 (read-only; [] if none)."""
    if not bridge_db.exists():
        return []
    try:
        connection = sqlite3.connect(f"file:{bridge_db}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        rows = connection.execute("SELECT session_id FROM wa_auth_creds ORDER BY session_id")
        return [str(r[0]) for r in rows]
    except sqlite3.Error:
        return []
    finally:
        connection.close()


def known_revisions() -> set[str]:
    """Every schema revision this Jaga knows (its migrations), read without Alembic."""
    graph = revisions()
    if graph is not None:
        return set(graph)
    from alembic.script import ScriptDirectory  # files this reader cannot follow

    return {r.revision for r in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def rebuild_accounts(store: Store, session_ids: list[str], label: str, engine: str) -> int:
    """Numbers back from the bridge's links: one row per linked session, wanted running.

    `label` has a %1 for the number's position; the phone and name come from the bridge
    once the number connects. Returns how many rows were added.
    """
    from app.storage.tables import Account, AuditEvent

    added = 0
    with store.session() as s:
        for n, session_id in enumerate(session_ids, start=1):
            if s.get(Account, session_id) is not None:
                continue
            s.add(
                Account(
                    id=session_id,
                    label=label.replace("%1", str(n)),
                    engine=engine,
                    desired_state="running",
                )
            )
            s.add(AuditEvent(kind="account_rebuilt", account_id=session_id))
            added += 1
    return added
