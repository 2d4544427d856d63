"""Starting Jaga when the owner logs in, the way each system expects it. No Qt.

- Linux (and other XDG desktops): a `.desktop` file in `~/.config/autostart`.
- macOS: a LaunchAgent plist in `~/Library/LaunchAgents`.
- Windows: a value under `HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`, written
  through anything with QSettings' `value`/`setValue`/`remove` (the UI passes a QSettings in
  native format; tests pass a dict-backed stand-in).
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

APP_ID = "jaga"
MAC_LABEL = "id.jaga.desktop"
RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Jaga"


def launch_command() -> list[str]:
    """How this installation of Jaga is started: the frozen exe, the `jaga` script, or -m."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("jaga.exe" if os.name == "nt" else "jaga")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "app"]


def _desktop_quote(argument: str) -> str:
    """Quoting for the Exec key of the Desktop Entry Specification."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def desktop_entry(command: Sequence[str], name: str = "Jaga") -> str:
    exec_line = " ".join(_desktop_quote(part) for part in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={name}\n"
        "Comment=Keeps your WhatsApp numbers connected\n"
        f"Exec={exec_line}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: Sequence[str], label: str = MAC_LABEL) -> bytes:
    return plistlib.dumps(
        {"Label": label, "ProgramArguments": list(command), "RunAtLoad": True},
        fmt=plistlib.FMT_XML,
    )


def windows_command_line(command: Sequence[str]) -> str:
    return subprocess.list2cmdline(list(command))


class Autostart(Protocol):
    def is_enabled(self) -> bool: ...

    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> None: ...


class FileAutostart:
    """One file whose presence means "start at login" (XDG autostart, LaunchAgents)."""

    def __init__(self, path: Path, render: Any) -> None:
        self.path = path
        self._render = render

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = self._render(command)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        temporary = self.path.with_suffix(self.path.suffix + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class Registry(Protocol):
    """The part of QSettings (native format, on the Run key) that autostart needs."""

    def value(self, key: str, defaultValue: Any = None) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...

    def remove(self, key: str) -> None: ...


class RegistryAutostart:
    def __init__(self, registry: Registry, name: str = RUN_VALUE) -> None:
        self._registry = registry
        self._name = name

    def is_enabled(self) -> bool:
        return bool(self._registry.value(self._name, ""))

    def enable(self, command: Sequence[str]) -> None:
        self._registry.setValue(self._name, windows_command_line(command))

    def disable(self) -> None:
        self._registry.remove(self._name)


def xdg_autostart_folder(environ: dict[str, str] | None = None, home: Path | None = None) -> Path:
    environ = dict(os.environ) if environ is None else environ
    config = environ.get("XDG_CONFIG_HOME") or str((home or Path.home()) / ".config")
    return Path(config) / "autostart"


def for_platform(
    platform: str,
    *,
    home: Path,
    environ: dict[str, str] | None = None,
    registry: Registry | None = None,
) -> Autostart:
    """The autostart of `platform` (a `sys.platform` value)."""
    if platform == "win32":
        if registry is None:
            raise ValueError("Windows needs a registry (QSettings on the Run key)")
        return RegistryAutostart(registry)
    if platform == "darwin":
        path = home / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"
        return FileAutostart(path, launch_agent)
    folder = xdg_autostart_folder(environ, home)
    return FileAutostart(folder / f"{APP_ID}.desktop", desktop_entry)
