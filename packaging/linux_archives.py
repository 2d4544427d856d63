"""The Linux downloads made from the frozen folder: a .tar.gz and a .deb (dpkg-deb).

The frozen folder brings Python, Qt and Node; the desktop's own libraries (X11/xcb, GL,
fonts, glib, dbus, OpenSSL, ...) are the system's (packaging/jaga.spec leaves them out).
Which ones it needs is read off the finished folder with `ldd`, and each library is named
by its Debian package (`dpkg -S`; a library this machine lacks by Debian's naming rule,
libxcb-icccm.so.4 → libxcb-icccm4). Those packages are the .deb's Depends and the
apt-get line in the tarball's INSTALL.txt.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tarfile
import time
from collections.abc import Iterable
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
INSTALL_DIR = "opt/jaga"
_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_libraries(bundle: Path) -> dict[str, str | None]:
    """{soname: path on this machine, or None when missing} for every library the bundle's
    programs and plugins load from outside the bundle."""
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    needed: dict[str, str | None] = {}
    for path in elf_files(bundle):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = _LDD_LINE.match(line)
            if not match:
                continue
            soname, where = match.groups()
            if where == "not found":
                needed.setdefault(soname, None)
            elif not Path(where).resolve().is_relative_to(bundle.resolve()):
                needed[soname] = where
    return needed


def debian_name(soname: str) -> str:
    """Debian's package name for a shared library: libfoo-bar.so.4 → libfoo-bar4."""
    stem, _, version = soname.partition(".so.")
    major = version.split(".")[0]
    name = stem.lower().replace("_", "-")
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def owning_packages(paths: Iterable[str]) -> dict[str, str]:
    """{path: Debian package} from dpkg's database (merged /usr: /lib/x is /usr/lib/x)."""
    candidates: dict[str, str] = {}
    for path in paths:
        for alias in {
            path,
            "/usr" + path if path.startswith("/lib") else path,
            os.path.realpath(path),
        }:
            candidates[alias] = path
    result = subprocess.run(
        ["dpkg", "-S", *candidates], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, _, owned = line.partition(": ")
        if owned in candidates:
            owners[candidates[owned]] = packages.split(",")[0].split(":")[0].strip()
    return owners


def debian_depends(bundle: Path) -> list[str]:
    libraries = system_libraries(bundle)
    present = {soname: path for soname, path in libraries.items() if path}
    owners = owning_packages(present.values())
    unknown = sorted(path for path in present.values() if path not in owners)
    if unknown:
        raise SystemExit(f"no Debian package owns {', '.join(unknown)}: cannot name Depends")
    packages = set(owners.values())
    packages |= {debian_name(soname) for soname, path in libraries.items() if path is None}
    return sorted(packages)


def _architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _machine() -> str:
    return os.uname().machine


def install_text(depends: list[str], version: str) -> str:
    return (
        (PACKAGING / "linux" / "INSTALL.txt")
        .read_text(encoding="utf-8")
        .format(version=version, apt_line="sudo apt-get install " + " ".join(depends))
    )


def build_tarball(
    bundle: Path, icons: dict[str, Path], out: Path, version: str, depends: list[str]
) -> Path:
    target = out / f"jaga-{version}-linux-{_machine()}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname="jaga", filter=owned_by_root)
        extras = {
            "jaga/INSTALL.txt": install_text(depends, version).encode(),
            "jaga/jaga.desktop": (PACKAGING / "linux" / "jaga.desktop").read_bytes(),
            "jaga/jaga.png": icons["png256"].read_bytes(),
        }
        for name, data in extras.items():
            info = owned_by_root(tarfile.TarInfo(name))
            info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
            tar.addfile(info, io.BytesIO(data))
    return target


def control_file(version: str, depends: list[str], installed_kib: int) -> str:
    return (
        (PACKAGING / "linux" / "control")
        .read_text(encoding="utf-8")
        .format(
            version=version,
            architecture=_architecture(),
            depends=", ".join(depends),
            installed_size=installed_kib,
        )
    )


def build_deb(
    bundle: Path, icons: dict[str, Path], out: Path, version: str, depends: list[str]
) -> Path:
    root = out.parent / "build" / "package" / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "jaga").symlink_to(f"/{INSTALL_DIR}/jaga")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "jaga.desktop", applications / "jaga.desktop")
    for key, path in icons.items():
        if key.startswith("png"):
            size = key.removeprefix("png")
            folder = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True)
            shutil.copy2(path, folder / "jaga.png")
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    installed = sum(p.stat().st_size for p in files) // 1024
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control_file(version, depends, installed))
    for path in root.rglob("*"):  # dpkg-deb wants sane modes whatever the umask was
        if not path.is_symlink():
            executable = path.is_dir() or os.access(path, os.X_OK)
            path.chmod(0o755 if executable else 0o644)
    target = out / f"jaga_{version}_{_architecture()}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def build_all(bundle: Path, icons: dict[str, Path], out: Path, version: str) -> list[Path]:
    depends = debian_depends(bundle)
    print(f"[package] Depends: {', '.join(depends)}", flush=True)
    return [
        build_tarball(bundle, icons, out, version, depends),
        build_deb(bundle, icons, out, version, depends),
    ]
