"""The system libraries Qt's X11 screen plugin (xcb) needs, and which of them are missing.

PySide6 brings Qt but not these. Without them Qt aborts with "Could not load the Qt
platform plugin "xcb"" and a hint only a developer can read; Jaga checks first and names
the packages to install. No Qt here: the check runs before Qt is loaded.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Mapping

#: soname → Debian/Ubuntu package, for the libraries that PySide6 6.11's libqxcb.so,
#: libQt6XcbQpa.so.6 and libQt6Gui.so.6 load from the system (tests/unit/system/test_screen_libs.py
#: reads them off the installed PySide6).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(platform: str, environ: Mapping[str, str]) -> bool:
    """Whether Qt will open its window through xcb (X11) here."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")  # on Wayland, Qt tries its Wayland plugin first


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    """The packages whose libraries cannot be loaded, in a stable order, each once."""
    missing = {package for soname, package in XCB_LIBRARIES.items() if not loads(soname)}
    return sorted(missing)


def apt_line(packages: list[str]) -> str:
    return "sudo apt-get install " + " ".join(packages)
