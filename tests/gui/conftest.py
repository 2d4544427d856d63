from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.bridge.protocol import Me, SessionInfo
from app.domain.bridge_policy import State
from app.domain.status import SessionStatus
from app.service import JagaService
from tests.liveapp import dispose, make_service

pytestmark = pytest.mark.gui


# --- widget tests without the bridge ------------------------------------------------------


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session", autouse=True)
def compiled_translations(qapp) -> None:
    """The .qm files are build output: compile them, then speak English as the app would."""
    from app.ui.shared.i18n import TRANSLATIONS, Translations, ensure_compiled

    folder = ensure_compiled()
    for ts in TRANSLATIONS.glob("jaga_*.ts"):
        assert (folder / (ts.stem + ".qm")).is_file(), f"{ts.name} did not compile"
    Translations().apply("en")


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """Tests that switch the language leave the app in English."""
    from app.ui.shared.i18n import Translations

    yield
    Translations().apply("en")


@pytest.fixture
def offline_service(loop, data_dir) -> Iterator[JagaService]:
    """The real service and store, with the bridge never started: the test plays the bridge."""
    live = make_service(data_dir)
    yield live
    dispose(loop, live)


@pytest.fixture
def settings(tmp_path):
    from app.ui.settings.preferences import AppSettings

    return AppSettings(tmp_path / "settings" / "jaga.ini")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_window(qtbot, settings, clock, tmp_path):
    """A MainWindow with injected settings, fake clock, no tray (or a pretend one)."""
    from app.domain.notify_policy import Rules
    from app.system.autostart import FileAutostart, desktop_entry
    from app.ui.main_window.window import MainWindow
    from app.ui.tray.notifier import Notifier

    def build(service: JagaService, *, tray: bool = False, quiet: float = 0.0, **kwargs):
        notifier = Notifier(
            service.window, rules=Rules(reconnecting_after=30, quiet=quiet, settle=30), clock=clock
        )
        window = MainWindow(
            service.window,
            settings=settings,
            notifier=notifier,
            tray_available=tray,
            autostart=FileAutostart(tmp_path / "autostart" / "jaga.desktop", desktop_entry),
            **kwargs,
        )
        notifier.setParent(window)
        qtbot.addWidget(window)
        return window

    return build


def observe(
    service: JagaService,
    account_id: str,
    status: str,
    reason: str | None = None,
    *,
    message: str | None = None,
    phone: str | None = None,
) -> None:
    """The bridge reports a status: through the real status recorder, as in the app."""
    info = SessionInfo(
        id=account_id,
        engine="sim",
        status=SessionStatus(status),
        reason=reason,
        message=message,
        me=Me(phone) if phone else None,
    )
    assert service.recorder.apply(info)


def set_bridge(service: JagaService, state: State, fatal_reason: str | None = None) -> None:
    """Plays the supervisor: puts its state machine in `state` and says so."""
    machine = service.supervisor.machine
    machine.state = state
    machine.fatal_reason = fatal_reason
    service.supervisor.state_changed.emit(state.value)


@pytest.fixture(autouse=True)
def _collect_qt_garbage(qapp) -> Iterator[None]:
    """Deletes this test's widgets now (deleteLater + GC), not at interpreter exit."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
