"""Starting the desktop app: settings, language, data folder, bridge, window, event loop.

The order is for a quick restore: the bridge is spawned as soon as this is the one Jaga
for the data folder; the store opens while Node boots; on a sound database the event loop
runs before the window is built, so READY starts the restore at once, and the window
(a few hundred ms to build) follows once the restore is under way.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from app import __version__
from app.system.data_folders import DataPaths
from app.ui.settings.preferences import AppSettings

if TYPE_CHECKING:
    from app.application import Options
    from app.bridge.supervisor import BridgeSupervisor
    from app.service import JagaService
    from app.start.app_loop import AppLoop
    from app.start.face import Face
    from app.start.quit_signals import QuitRequests
    from app.start.single_instance import SingleInstance
    from app.storage.db_health import StartCheck
    from app.system.secrets import BridgeToken
    from app.ui.shared.i18n import Translations

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


#: The longest the window waits for the restore to be under way before it is built: the
#: window takes a few hundred ms to build, and built first it would hold the restore up.
WINDOW_WAITS_FOR_RESTORE_S = 1.5


def run(args: argparse.Namespace) -> int:
    from app.system.qt_imports import read_less_source

    read_less_source()  # before the hundreds of modules below: ~30 MiB of source not kept
    from app.application import Options, create_supervisor, instance_key, setup_app_logging
    from app.start.emoji_font import install_emoji_font
    from app.start.quit_signals import QuitRequests
    from app.start.single_instance import SingleInstance
    from app.storage import db_health
    from app.storage.db_health import Health

    settings = settings_for(args)
    paths = data_paths_for(args, settings).ensure()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Jaga")
    app.setApplicationVersion(__version__)
    # The window may hide in the tray: the app ends when the owner quits, not with a window.
    app.setQuitOnLastWindowClosed(False)
    install_emoji_font()  # a customer's 🙏 is an emoji, not a box, on a bare desktop

    setup_app_logging(paths)
    # SIGTERM (a logout, `kill`), Ctrl+C and the session ending end Jaga the way Quit does.
    quits = QuitRequests(app)
    instance = SingleInstance.for_data_folder(paths.root, instance_key(paths))
    if instance.activate_running():
        print("Jaga is already running; its window was brought to the front.", file=sys.stderr)
        return 0
    if instance.squatter is not None:
        print(f"Jaga: ignored a squatter at its socket: {instance.squatter}", file=sys.stderr)
    instance.listen()

    # The bridge first: Node boots (about half a second) while the rest of Jaga loads.
    # Restoration starts on READY, which the event loop delivers once it runs, so nothing
    # is missed by starting early.
    options = Options(demo=args.demo, pacing=settings.pacing, media_limits=settings.media_limits)
    started = create_supervisor(paths, options)
    started[0].start()

    check = db_health.check_at_start(paths.database, paths.backups, db_health.known_revisions())
    if check.health is Health.NEWER:
        started[0].stop_and_wait()
        from app.start.db_start import Dialogs, newer_words

        _translations = language(settings)  # kept: installed while the dialog shows
        Dialogs().refuse(newer_words(check, paths))
        return 1

    from app.start.app_loop import AppLoop

    app_loop = AppLoop(app)
    try:
        launch = Launch(args, settings, paths, options, started, app_loop)
        return launch.run(check, quits, instance)
    finally:
        app_loop.close()


class Launch:
    """One run of the window on a sound (or owner-answered) database, start to quit."""

    def __init__(
        self,
        args: argparse.Namespace,
        settings: AppSettings,
        paths: DataPaths,
        options: Options,
        started: tuple[BridgeSupervisor, BridgeToken],
        app_loop: AppLoop,
    ) -> None:
        self.args = args
        self.settings = settings
        self.paths = paths
        self.options = options
        self.started = started
        self.app_loop = app_loop
        self.translations: Translations | None = None

    def run(self, check: StartCheck, quits: QuitRequests, instance: SingleInstance) -> int:
        from app.start import quit_drill
        from app.storage.db_health import Health

        opened = self._open(check)
        if opened is None:
            return 1
        service, face = opened
        window = face.window
        instance.activation_requested.connect(window.bring_to_front)
        if check.health is not Health.OK:
            ask_about_database(check, self.paths, service, window)
            service.start()
        face.start(self.settings)
        window.quit_requested.connect(quits.requested.set)
        quit_drill.arm(window)
        self.app_loop.until(quits.requested.wait())
        log.info("Jaga is closing%s", quits.said())
        self._close(service, face)
        return 0

    def _open(self, check: StartCheck) -> tuple[JagaService, Face] | None:
        """The core and the window; None when Jaga could not start (said in words)."""
        from app.application import create_service
        from app.storage.db_health import Health

        try:
            service = create_service(self.paths, self.options, started=self.started)
            if check.health is Health.OK:
                # Nothing to ask the owner first: the restore runs while the window loads.
                service.start()
                self.app_loop.until(restore_under_way(service, WINDOW_WAITS_FOR_RESTORE_S))
            self.translations = language(self.settings)
            face = open_window(service, self.args, self.settings, self.translations, self.paths)
        except Exception as error:  # said in words and in jaga.log, never a bare traceback
            log.exception("Jaga could not start")
            self.started[0].stop_and_wait()
            from app.start.db_start import Dialogs, start_failed_words

            self.translations = self.translations or language(self.settings)
            Dialogs().refuse(start_failed_words(error, self.paths))
            return None
        return service, face

    def _close(self, service: JagaService, face: Face) -> None:
        """The API, webhooks, event stream, media work and the bridge end while the loop
        still runs; then what else was left; then the database folds its WAL in."""
        face.window.tray.hide()
        self.app_loop.until(face.aclose())
        self.app_loop.until(service.aclose())
        self.app_loop.end_tasks()
        face.upkeep.finish()


def language(settings: AppSettings) -> Translations:
    """The owner's language, before the first word is shown (keep it: it stays installed)."""
    from app.ui.shared.i18n import Translations

    translations = Translations()
    translations.apply(settings.language)
    return translations


async def restore_under_way(service: JagaService, limit_s: float) -> None:
    """Until the bridge's first restore has run, the bridge is in trouble, or `limit_s`."""
    from app.domain.bridge_policy import State
    from app.start.first_of import first_of

    trouble = asyncio.Event()
    troubled = (State.BACKOFF, State.FATAL, State.STOPPED)

    def watch(state: str) -> None:
        if state in troubled:
            trouble.set()

    watch(service.bridge_state)  # Node missing: FATAL already, at the spawn
    service.bridge_state_changed.connect(watch)
    try:
        await first_of(service.restored.wait(), trouble.wait(), timeout=limit_s)
    finally:
        service.bridge_state_changed.disconnect(watch)


def open_window(
    service: JagaService,
    args: argparse.Namespace,
    settings: AppSettings,
    translations: Translations,
    paths: DataPaths,
) -> Face:
    from app.runtime.db_upkeep import DatabaseUpkeep
    from app.start.face import Face
    from app.system.autostart import start_command
    from app.ui.main_window.window import MainWindow
    from app.ui.tray.tray_icon import tray_exists

    window = MainWindow(
        service.window,
        demo=args.demo,
        settings=settings,
        translations=translations,
        data_dir=paths.root,
        # At login the same Jaga starts: this data folder, settings file and mode.
        start_command=start_command(
            Path(args.data_dir) if args.data_dir else None,
            Path(args.settings) if args.settings else None,
            args.demo,
        ),
    )
    if not settings.start_minimized:
        window.show()
    elif not tray_exists():
        window.showMinimized()  # no tray to live in: at least stay on the task bar
    return Face(window, DatabaseUpkeep(service.store, paths, parent=service), service)


def ask_about_database(
    check: StartCheck, paths: DataPaths, service: JagaService, window: QWidget
) -> None:
    """A damaged or empty database: said in words, and the links left offered back."""
    from app.start.db_start import Dialogs, damaged_words, offer_rebuild
    from app.storage.db_health import Health

    dialogs = Dialogs()

    if check.health is Health.DAMAGED:
        dialogs.inform(damaged_words(check), window)
    if offer_rebuild(check, paths, service.store, service.default_engine, dialogs, window):
        service.reload_accounts()  # rows the rebuild wrote: into the read model
