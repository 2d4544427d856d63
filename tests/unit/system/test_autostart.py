"""Start at login: the files and registry values each system expects."""

from __future__ import annotations

import configparser
import plistlib
from pathlib import Path
from typing import Any

import pytest

from app.system.autostart import (
    RUN_VALUE,
    FileAutostart,
    RegistryAutostart,
    desktop_entry,
    for_platform,
    launch_agent,
)

COMMAND = ["/home/toko/My Apps/jaga/.venv/bin/python", "-m", "app"]


def test_the_desktop_entry_is_valid_and_quotes_paths_with_spaces():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(desktop_entry(COMMAND))
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == '"/home/toko/My Apps/jaga/.venv/bin/python" -m app'


def test_the_desktop_entry_escapes_what_the_spec_reserves():
    exec_line = desktop_entry(['/opt/a"b$c']).split("Exec=")[1].splitlines()[0]
    assert exec_line == '"/opt/a\\"b\\$c"'


def test_linux_autostart_writes_and_removes_the_desktop_file(tmp_path):
    autostart = for_platform("linux", home=tmp_path, environ={})
    assert isinstance(autostart, FileAutostart)
    assert autostart.path == tmp_path / ".config" / "autostart" / "jaga.desktop"
    assert not autostart.is_enabled()
    autostart.enable(COMMAND)
    assert autostart.is_enabled()
    assert "Exec=" in autostart.path.read_text(encoding="utf-8")
    autostart.disable()
    assert not autostart.is_enabled()
    autostart.disable()  # twice is fine


def test_linux_autostart_follows_xdg_config_home(tmp_path):
    autostart = for_platform("linux", home=tmp_path, environ={"XDG_CONFIG_HOME": "/x/cfg"})
    assert str(autostart.path) == "/x/cfg/autostart/jaga.desktop"  # type: ignore[attr-defined]


def test_macos_autostart_is_a_launch_agent_that_runs_at_load(tmp_path):
    autostart = for_platform("darwin", home=tmp_path)
    autostart.enable(COMMAND)
    path = tmp_path / "Library" / "LaunchAgents" / "id.jaga.desktop.plist"
    data = plistlib.loads(path.read_bytes())
    assert data["ProgramArguments"] == COMMAND and data["RunAtLoad"] is True
    assert plistlib.loads(launch_agent(COMMAND))["Label"] == "id.jaga.desktop"


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def value(self, key: str, defaultValue: Any = None) -> Any:
        return self.values.get(key, defaultValue)

    def setValue(self, key: str, value: Any) -> None:
        self.values[key] = value

    def remove(self, key: str) -> None:
        self.values.pop(key, None)


def test_windows_autostart_is_a_run_value_with_a_quoted_command_line(tmp_path):
    registry = FakeRegistry()
    autostart = for_platform("win32", home=tmp_path, registry=registry)
    assert isinstance(autostart, RegistryAutostart)
    autostart.enable([r"C:\Program Files\Jaga\Jaga.exe"])
    assert registry.values[RUN_VALUE] == r'"C:\Program Files\Jaga\Jaga.exe"'
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()


def test_windows_needs_a_registry(tmp_path):
    with pytest.raises(ValueError):
        for_platform("win32", home=tmp_path)


def test_a_frozen_build_starts_at_login_as_its_own_executable(tmp_path, monkeypatch):
    import sys

    from app.system.autostart import launch_command

    executable = tmp_path / "opt jaga" / "jaga"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    assert launch_command() == [str(executable)]
    assert f'Exec="{executable}"\n' in desktop_entry(launch_command())


def test_the_entry_starts_the_same_jaga_data_folder_settings_and_mode(tmp_path, monkeypatch):
    """Seen failing against: main at 583a38a (the entry was the bare program: another
    Jaga, with the default folder and settings, started at login)."""
    from app.domain.login_start import Launch, launch_of
    from app.system.autostart import start_command

    monkeypatch.chdir(tmp_path)
    command = start_command(Path("toko data"), Path("cfg/jaga.ini"), True, base=["/opt/jaga/jaga"])
    assert command == [
        "/opt/jaga/jaga",
        "--data-dir",
        str(tmp_path / "toko data"),
        "--settings",
        str(tmp_path / "cfg" / "jaga.ini"),
        "--demo",
    ]
    assert launch_of(command) == Launch(
        str(tmp_path / "toko data"), str(tmp_path / "cfg/jaga.ini"), True
    )
    assert launch_of(["/x/jaga", "--data-dir=/d"]) == Launch("/d", None, False)
    assert start_command(None, None, False, base=["/opt/jaga/jaga"]) == ["/opt/jaga/jaga"]


def test_each_systems_entry_gives_its_command_back(tmp_path):
    from app.system.autostart import split_command_line, windows_command_line

    command = ["/home/toko/My Apps/jaga", "--data-dir", '/data/"quoted" $x', "--demo"]
    linux = for_platform("linux", home=tmp_path, environ={})
    linux.enable(command)
    assert linux.command() == command
    mac = for_platform("darwin", home=tmp_path)
    mac.enable(command)
    assert mac.command() == command
    registry = FakeRegistry()
    windows = for_platform("win32", home=tmp_path, registry=registry)
    windows_command = [r"C:\Program Files\Jaga\Jaga.exe", "--data-dir", "D:\\toko data\\"]
    windows.enable(windows_command)
    assert windows.command() == windows_command
    assert split_command_line(windows_command_line(['a"b', "", "c d"])) == ['a"b', "", "c d"]
    linux.disable()
    assert linux.command() is None


def test_an_appimage_starts_at_login_as_the_appimage_file(tmp_path, monkeypatch):
    import sys

    from app.system.autostart import installed_executable

    image = tmp_path / "Jaga-x86_64.AppImage"
    image.write_bytes(b"")
    monkeypatch.setattr(sys, "executable", "/tmp/.mount_JagaXY/jaga")  # gone when it ends
    assert installed_executable({"APPIMAGE": str(image)}) == str(image)
    assert installed_executable({}) == str(Path("/tmp/.mount_JagaXY/jaga").resolve())
