"""`jaga` / `python -m app`: the desktop app."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="jaga", description="Keeps your WhatsApp numbers connected."
    )
    parser.add_argument(
        "--demo", action="store_true", help="try Jaga with a simulated WhatsApp (no phone needed)"
    )
    parser.add_argument("--data-dir", type=Path, help="keep Jaga's files in this folder")
    parser.add_argument("--version", action="version", version=f"Jaga {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # Imported here so `jaga --help` is instant and needs no display.
    import qasync

    from app.application import Options, create_service, instance_key, setup_app_logging
    from app.core.paths import DataPaths
    from app.ui.main_window import MainWindow
    from app.ui.single_instance import SingleInstance

    paths = (
        DataPaths(args.data_dir) if args.data_dir else DataPaths.default(demo=args.demo)
    ).ensure()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Jaga")
    app.setApplicationVersion(__version__)

    instance = SingleInstance(instance_key(paths))
    if instance.activate_running():
        print("Jaga is already running; its window was brought to the front.", file=sys.stderr)
        return 0
    instance.listen()
    setup_app_logging(paths)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    service = create_service(paths, Options(demo=args.demo))
    window = MainWindow(service, demo=args.demo)
    instance.activation_requested.connect(
        lambda: (window.showNormal(), window.raise_(), window.activateWindow())
    )
    window.show()
    service.start()

    quit_requested = asyncio.Event()
    app.aboutToQuit.connect(quit_requested.set)
    app.lastWindowClosed.connect(quit_requested.set)
    with loop:
        loop.run_until_complete(quit_requested.wait())
        loop.run_until_complete(service.aclose())
    return 0


if __name__ == "__main__":
    sys.exit(main())
