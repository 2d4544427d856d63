"""The schema revisions this Jaga ships, read from its migration files without Alembic.

Loading Alembic (with SQLAlchemy's DDL layer under it) costs about half a second on a
small PC, and at start it is only needed when app.sqlite3 is behind. The migration files
are plain text beside the code (in the frozen build too), each naming its `revision` and
`down_revision`; anything this reader cannot follow gives None, and the caller then asks
Alembic itself. No Qt, no SQLAlchemy here.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSIONS = MIGRATIONS / "versions"

_FIELD = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?P<value>.+?)\s*(?:#.*)?$",
    re.MULTILINE,
)
_QUOTED = re.compile(r"""^(["'])([^"']+)\1$""")


def _value(text: str) -> str | None:
    """A quoted id, or None for `None`; a merge's tuple (or anything else) is refused."""
    if text == "None":
        return None
    found = _QUOTED.match(text)
    if found is None:
        raise ValueError(text)
    return found.group(2)


@cache
def revisions(folder: Path = VERSIONS) -> dict[str, str | None] | None:
    """revision id → the revision it follows (None for the first); None if unreadable."""
    graph: dict[str, str | None] = {}
    for path in sorted(folder.glob("*.py")):
        fields = {m["name"]: m["value"] for m in _FIELD.finditer(path.read_text("utf-8"))}
        if "revision" not in fields:
            continue  # not a revision (an __init__.py, say)
        try:
            revision = _value(fields["revision"])
            down = _value(fields.get("down_revision", "None"))
        except ValueError:
            return None
        if revision is None or revision in graph:
            return None
        graph[revision] = down
    return graph or None


def head(folder: Path = VERSIONS) -> str | None:
    """The one newest revision; None when there is none, several, or the files are unclear."""
    graph = revisions(folder)
    if graph is None:
        return None
    heads = set(graph) - {down for down in graph.values() if down is not None}
    return next(iter(heads)) if len(heads) == 1 else None


def stored_revision(path: Path) -> str | None:
    """The revision app.sqlite3 says it is at (None: no file, no table, or unreadable)."""
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def at_head(path: Path) -> bool:
    """True only when the file is known to be at this Jaga's head: no migration to run."""
    newest = head()
    return newest is not None and stored_revision(path) == newest
