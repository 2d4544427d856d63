"""Starting Jaga at login, as rules: which Jaga a start command starts, and what an
autostart entry can do (app/system/autostart.py writes the entries, one way per system)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Launch:
    """Which Jaga a start command starts: data folder, settings file, demo or not (None:
    the default folder or file)."""

    data_dir: str | None = None
    settings: str | None = None
    demo: bool = False


def launch_of(command: Sequence[str]) -> Launch:
    """What a start command names (its options as app.__main__ reads them)."""
    found: dict[str, str | None] = {"--data-dir": None, "--settings": None}
    demo = False
    parts = list(command)
    for index, part in enumerate(parts):
        name, _, given = part.partition("=")
        if name in found:
            found[name] = given or (parts[index + 1] if index + 1 < len(parts) else None)
        demo = demo or part == "--demo"
    return Launch(found["--data-dir"], found["--settings"], demo)


class Autostart(Protocol):
    def is_enabled(self) -> bool: ...

    def command(self) -> list[str] | None:
        """The command the present entry starts (None: no entry, or unreadable)."""

    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> None: ...
