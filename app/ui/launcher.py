"""Starting the desktop app: settings, language, data folder, window, tray, event loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import __version__
from app.core.paths import DataPaths
from app.ui.settings import AppSettings

log = logging.getLogger(__name__)


def settings_for(args: argparse.Namespace) -> AppSettings:
    """--settings FILE; the demo keeps its own settings beside its own data."""
    if args.settings:
        return AppSettings(Path(args.settings))
    if args.demo:
        return AppSettings(DataPaths.default(demo=True).root / "settings.ini")
    return AppSettings()


def data_paths_for(args: argparse.Namespace, settings: AppSettings) -> DataPaths:
    """--data-dir wins; then the folder chosen in Settings; then the default one."""
    if args.data_dir:
        return DataPaths(Path(args.data_dir))
    if not args.demo and settings.data_dir is not None:
        return DataPaths(settings.data_dir)
    return DataPaths.default(demo=args.demo)


def run(args: argparse.Namespace) -> int:
    import qasync

    from app.application import (
        Options,
        create_service,
        create_supervisor,
        instance_key,
        setup_app_logging,
    )
    from app.core.db_health import Health
    from app.gateway.gateway import for_service
    from app.ui.db_start import (
        Dialogs,
        check_database,
        damaged_words,
        newer_words,
        offer_rebuild,
        start_failed_words,
    )
    from app.ui.gateway_dialog import show_for
    from app.ui.i18n import Translations
    from app.ui.single_instance import SingleInstance

    settings = settings_for(args)
    paths = data_paths_for(args, settings).ensure()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Jaga")
    app.setApplicationVersion(__version__)
    # The window may hide in the tray: the app ends when the owner quits, not with a window.
    app.setQuitOnLastWindowClosed(False)

    setup_app_logging(paths)
    instance = SingleInstance.for_data_folder(paths.root, instance_key(paths))
    if instance.activate_running():
        print("Jaga is already running; its window was brought to the front.", file=sys.stderr)
        return 0
    if instance.squatter is not None:
        print(f"Jaga: ignored a squatter at its socket: {instance.squatter}", file=sys.stderr)
    instance.listen()
    translations = Translations()
    translations.apply(settings.language)
    dialogs = Dialogs()
    check = check_database(paths)
    if check.health is Health.NEWER:
        dialogs.refuse(newer_words(check, paths))
        return 1

    # The bridge next: Node boots while the store opens and the window is built.
    # Restoration starts on READY, which the event loop delivers once it runs, so nothing
    # is missed by starting early.
    options = Options(demo=args.demo, media_limits=settings.media_limits)
    started = create_supervisor(paths, options)
    started[0].start()

    from app.ui.db_upkeep import DatabaseUpkeep
    from app.ui.main_window import MainWindow

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        service = create_service(paths, options, started=started)
        window = MainWindow(
            service,
            demo=args.demo,
            settings=settings,
            translations=translations,
            data_dir=paths.root,
        )
    except Exception as error:  # said in words and in jaga.log, never a bare traceback
        log.exception("Jaga could not start")
        started[0].stop_and_wait()
        dialogs.refuse(start_failed_words(error, paths))
        return 1
    upkeep = DatabaseUpkeep(service.store, paths, parent=service)
    instance.activation_requested.connect(window.bring_to_front)
    if not settings.start_minimized:
        window.show()
    elif not QSystemTrayIcon.isSystemTrayAvailable():
        window.showMinimized()  # no tray to live in: at least stay on the task bar
    if check.health is Health.DAMAGED:
        dialogs.inform(damaged_words(check), window)
    if offer_rebuild(check, paths, service.store, service.default_engine, dialogs, window):
        service.reload_accounts()  # rows the rebuild wrote: into the read model
    service.start()
    upkeep.start()
    gateway = for_service(
        service, instance_key(paths), port=settings.api_port, lan=settings.api_lan
    )
    gateway_start = asyncio.ensure_future(gateway.start())  # the API and webhooks, on this loop
    window.gateway_requested.connect(lambda: show_for(window, gateway, settings))

    quit_requested = asyncio.Event()
    app.aboutToQuit.connect(quit_requested.set)
    window.quit_requested.connect(quit_requested.set)
    with loop:
        loop.run_until_complete(quit_requested.wait())
        window.tray.hide()
        loop.run_until_complete(gateway_start)
        loop.run_until_complete(gateway.aclose())
        loop.run_until_complete(service.aclose())
        upkeep.finish()
    return 0
