"""The data folder is this user's alone: folders 0700, files 0600.

It holds every message and, under bridge/, the WhatsApp link keys; on a PC shared by
family or staff accounts another user must not read them. The umask makes everything
Jaga and its bridge create private from the start (SQLite gives -wal and -shm the mode of
their database); `keep_private` narrows what an older Jaga left readable. On Windows the
user's profile folder ACLs already keep other users out and POSIX modes mean little, so
nothing is changed there (see the README).
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077


def applies() -> bool:
    return sys.platform != "win32"


def use_private_umask() -> None:
    """For this process and the bridge it starts (children inherit the umask)."""
    if applies():
        os.umask(PRIVATE_UMASK)


def keep_private(root: Path) -> int:
    """Narrows the data folder and everything in it; returns how many entries changed."""
    if not applies() or not root.exists():
        return 0
    changed = 0
    for folder, dirs, files in os.walk(root):
        changed += _narrow(Path(folder), 0o700)
        for name in files:
            changed += _narrow(Path(folder) / name, 0o600)
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
    if changed:
        log.info("data folder made private: %d entries narrowed", changed)
    return changed


def _narrow(path: Path, mode: int) -> int:
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode) or st.st_uid != os.getuid() or stat.S_ISSOCK(st.st_mode):
            return 0
        if stat.S_IMODE(st.st_mode) & 0o077:
            path.chmod(stat.S_IMODE(st.st_mode) & mode)
            return 1
    except OSError:
        pass  # vanished meanwhile: nothing to narrow
    return 0
