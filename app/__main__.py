"""`jaga` / `python -m app`: the desktop app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app import __version__
from app.system.screen_libs import missing_packages, uses_xcb


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="jaga", description="Keeps your WhatsApp numbers connected."
    )
    parser.add_argument(
        "--demo", action="store_true", help="try Jaga with a simulated WhatsApp (no phone needed)"
    )
    parser.add_argument("--data-dir", type=Path, help="keep Jaga's files in this folder")
    parser.add_argument("--settings", type=Path, help="keep Jaga's settings in this INI file")
    parser.add_argument("--version", action="version", version=f"Jaga {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from app.start import collector

    collector.hold()  # until the restored numbers have settled (app.start.face)
    if uses_xcb(sys.platform, os.environ) and (missing := missing_packages()):
        # Qt would abort with a developer's hint; say what to install instead.
        from app.start.screen_check import report_missing_screen_libraries

        return report_missing_screen_libraries(args, missing)
    # Imported here so `jaga --help` is instant and needs no display.
    from app.start.launcher import run

    try:
        return run(args)
    finally:
        collector.release()


if __name__ == "__main__":
    sys.exit(main())
