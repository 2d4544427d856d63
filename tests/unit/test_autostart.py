"""Start at login: the files and registry values each system expects."""

from __future__ import annotations

import configparser
import plistlib
from typing import Any

import pytest

from app.core.autostart import (
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

    from app.core.autostart import launch_command

    executable = tmp_path / "opt jaga" / "jaga"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    assert launch_command() == [str(executable)]
    assert f'Exec="{executable}"\n' in desktop_entry(launch_command())
