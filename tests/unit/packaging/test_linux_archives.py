"""The .deb's dependencies and control file (packaging/linux_archives.py), without a build."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def load_module():
    # packaging/ is not an importable package (PyPI's `packaging` owns the name).
    spec = importlib.util.spec_from_file_location(
        "linux_archives", ROOT / "packaging" / "linux_archives.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


linux_archives = load_module()


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libwayland-egl.so.1", "libwayland-egl1"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libgtk-3.so.0", "libgtk-3-0"),
    ],
)
def test_a_missing_library_is_named_by_debians_rule(soname, package):
    assert linux_archives.debian_name(soname) == package


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="needs dpkg (Debian)")
def test_libraries_are_named_by_the_package_that_owns_them():
    libc = subprocess.run(["ldd", "/bin/sh"], capture_output=True, text=True, check=True).stdout
    path = next(line.split()[2] for line in libc.splitlines() if "libc.so" in line)
    assert linux_archives.owning_packages([path]) == {path: "libc6"}


def test_the_control_file_names_version_and_depends():
    control = linux_archives.control_file("1.2.3", ["libc6", "libxcb-icccm4"], 4096)
    assert "Package: jaga\n" in control
    assert "Version: 1.2.3\n" in control
    assert "Depends: libc6, libxcb-icccm4\n" in control
    assert "Installed-Size: 4096\n" in control
    assert "{" not in control
