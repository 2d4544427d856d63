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

from app.domain.login_start import Autostart

APP_ID = "jaga"
MAC_LABEL = "id.jaga.desktop"
RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Jaga"


def launch_command() -> list[str]:
    """How this installation of Jaga is started: the frozen exe (where it is installed),
    the `jaga` script, or -m."""
    if getattr(sys, "frozen", False):
        return [installed_executable()]
    script = Path(sys.executable).with_name("jaga.exe" if os.name == "nt" else "jaga")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "app"]


def installed_executable(environ: dict[str, str] | None = None) -> str:
    """The frozen app's own executable, as installed: an AppImage runs from a folder that
    vanishes when it ends, so its entry names the AppImage file itself."""
    environ = dict(os.environ) if environ is None else environ
    appimage = environ.get("APPIMAGE")
    if appimage and Path(appimage).is_file():
        return appimage
    return str(Path(sys.executable).resolve())


def start_command(
    data_dir: Path | None, settings: Path | None, demo: bool, base: Sequence[str] | None = None
) -> list[str]:
    """The command that starts the same Jaga as this one: its data folder, settings file and
    mode as given on its command line (absolute), after the installed program."""
    command = list(base) if base is not None else launch_command()
    if data_dir is not None:
        command += ["--data-dir", str(Path(data_dir).resolve())]
    if settings is not None:
        command += ["--settings", str(Path(settings).resolve())]
    if demo:
        command.append("--demo")
    return command


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


def desktop_command(entry: str) -> list[str] | None:
    """The command of a desktop entry's Exec key (the quoting of `desktop_entry`)."""
    for line in entry.splitlines():
        if line.startswith("Exec="):
            return _desktop_split(line[len("Exec=") :])
    return None


def _desktop_split(value: str) -> list[str] | None:
    """Arguments apart at spaces; inside double quotes a backslash keeps the next of
    `"`, `` ` ``, `$`, `\\` (the Desktop Entry Specification's reserved characters)."""
    parts: list[str] = []
    current, quoted, started, escaped = "", False, False, False
    for char in value:
        if escaped:
            current, escaped = current + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char in " \t" and not quoted:
            if current or started:
                parts.append(current)
            current, started = "", False
        else:
            current += char
    if quoted or escaped:
        return None  # torn: not an entry of ours
    if current or started:
        parts.append(current)
    return parts


def agent_command(data: bytes) -> list[str] | None:
    try:
        arguments = plistlib.loads(data).get("ProgramArguments")
    except (plistlib.InvalidFileException, ValueError, AttributeError):
        return None
    return [str(a) for a in arguments] if isinstance(arguments, list) else None


def split_command_line(line: str) -> list[str]:
    """A Windows command line (as list2cmdline writes it) back into its arguments."""
    parts: list[str] = []
    current, quoted, started, slashes = "", False, False, 0
    for char in line:
        if char == "\\":
            slashes += 1
            continue
        if char == '"':
            current += "\\" * (slashes // 2)
            if slashes % 2:
                current += '"'
            else:
                quoted, started = not quoted, True
            slashes = 0
            continue
        current += "\\" * slashes
        slashes = 0
        if char in " \t" and not quoted:
            if current or started:
                parts.append(current)
            current, started = "", False
        else:
            current += char
    current += "\\" * slashes
    if current or started:
        parts.append(current)
    return parts


class FileAutostart:
    """One file whose presence means "start at login" (XDG autostart, LaunchAgents)."""

    def __init__(self, path: Path, render: Any, read: Any = None) -> None:
        self.path = path
        self._render = render
        self._read = read or (lambda data: desktop_command(data.decode("utf-8", "replace")))

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def command(self) -> list[str] | None:
        try:
            return self._read(self.path.read_bytes())
        except OSError:
            return None

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

    def command(self) -> list[str] | None:
        line = self._registry.value(self._name, "")
        return split_command_line(str(line)) if line else None

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
        return FileAutostart(path, launch_agent, agent_command)
    folder = xdg_autostart_folder(environ, home)
    return FileAutostart(folder / f"{APP_ID}.desktop", desktop_entry)
