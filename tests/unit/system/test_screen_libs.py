"""`make run` on a machine without Qt's xcb libraries names the packages, not Qt's abort."""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

from app.system.screen_libs import XCB_LIBRARIES, apt_line, missing_packages, uses_xcb

QT = Path(PySide6.__file__).resolve().parent / "Qt"
#: Always present with the C/C++ runtime; never the reason a window fails.
BASE = {
    "libc.so.6",
    "libm.so.6",
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libpthread.so.0",
    "libdl.so.2",
}


def test_the_check_runs_only_where_qt_will_use_xcb():
    assert uses_xcb("linux", {})
    assert uses_xcb("linux", {"QT_QPA_PLATFORM": "xcb"})
    assert uses_xcb("linux", {"QT_QPA_PLATFORM": "xcb:display=:1"})
    assert not uses_xcb("linux", {"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb("linux", {"WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb("linux", {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb("win32", {})
    assert not uses_xcb("darwin", {})


def test_missing_libraries_are_named_by_their_packages_once_each():
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0"}
    packages = missing_packages(lambda soname: soname not in absent)
    assert packages == ["libglib2.0-0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert apt_line(packages) == "sudo apt-get install libglib2.0-0 libxcb-icccm4 libxcb-keysyms1"
    assert missing_packages(lambda _soname: True) == []


@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs binutils' readelf")
def test_the_table_covers_every_system_library_the_installed_qt_xcb_plugin_needs():
    needed: set[str] = set()
    for binary in (
        QT / "plugins" / "platforms" / "libqxcb.so",
        QT / "lib" / "libQt6XcbQpa.so.6",
        QT / "lib" / "libQt6Gui.so.6",
    ):
        out = subprocess.run(
            ["readelf", "-d", str(binary)], capture_output=True, text=True, check=True
        ).stdout
        lines = [line for line in out.splitlines() if "(NEEDED)" in line]
        needed |= {line.split("[")[1].rstrip("]") for line in lines}
    bundled = {path.name for path in (QT / "lib").iterdir()}
    assert needed - bundled - BASE <= XCB_LIBRARIES.keys()


def test_the_message_is_in_the_owners_language(tmp_path, qapp):
    from app.start.screen_check import report_missing_screen_libraries
    from app.ui.shared.i18n import Translations, ensure_compiled

    ensure_compiled()
    settings = tmp_path / "settings.ini"
    settings.write_text("[ui]\nlanguage=id\n")
    args = argparse.Namespace(settings=settings, demo=True, data_dir=None)
    out = io.StringIO()
    try:
        assert report_missing_screen_libraries(args, ["libxcb-icccm4"], out) == 1
    finally:
        Translations().apply("en")
    text = out.getvalue()
    assert text.startswith("Jaga tidak bisa membuka jendelanya")
    assert text.splitlines()[-1].strip() == "sudo apt-get install libxcb-icccm4"
