"""One screen size and text scale of the layout check, in a process of its own.

Qt reads the screen (QT_QPA_PLATFORM=offscreen:configfile=…) and the scale
(QT_SCALE_FACTOR) once, at start: tests/gui/shared/test_layout_fit.py runs this module once per
screen and scale and reads its JSON answer from stdout:

    {"cases": N, "failures": [{"language": "id", "window": "settings", "problems": [...]}]}

Every window of tests/gui/layout_cases.py is opened in English and in Bahasa Indonesia on
the real service (its bridge not started: the statuses are played through the real status
recorder), checked with tests/layout_check.py and closed again.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import keyring
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.bridge.protocol import Me, SessionInfo
from app.domain.status import SessionStatus
from app.gateway.gateway import Gateway
from app.service import JagaService
from app.start.app_loop import running_loop
from app.storage.store import Inbound
from app.ui.main_window.window import MainWindow
from app.ui.settings.preferences import AppSettings
from app.ui.shared.i18n import Translations, ensure_compiled
from tests.apilive import make_gateway
from tests.gui.layout_cases import CASES, Stage
from tests.layout_check import problems
from tests.liveapp import make_service
from tests.memory_keyring import MemoryKeyring

LANGUAGES = ("en", "id")
CUSTOMER = "6285712345678"

#: The bridge's sentence for a number banned for a while (close_codes.js temporaryBanSentence).
BANNED = (
    "WhatsApp has banned this number for a while (reason 101: messages to too many people "
    "who do not have this number in their contacts); the ban ends at 2026-12-08T09:30:00.000Z. "
    "Jaga does not reconnect it by itself; start it again once the ban is over."
)

#: The numbers on the stage: role → (label, status, reason, phone, the bridge's sentence).
NUMBERS = {
    "connected": ("Toko Sari — depan", "connected", None, "6281234567001", None),
    "reconnecting": ("Kasir", "reconnecting", "connection_lost", "6281234567002", None),
    "logged_out": ("Pesanan online", "logged_out", "logged_out", "6281234567003", None),
    "never_linked": ("Gudang", "qr", None, None, None),
    "banned": ("Promo", "failed", "temporarily_banned", "6281234567005", BANNED),
}


def settle() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def play(service: JagaService) -> dict[str, str]:
    """Five numbers in five states, and a conversation on the connected one."""
    numbers = {}
    for role, (label, status, reason, phone, sentence) in NUMBERS.items():
        account = service.create_account(label, "sim")
        info = SessionInfo(
            id=account.id,
            engine="sim",
            status=SessionStatus(status),
            reason=reason,
            message=sentence,
            me=Me(phone) if phone else None,
        )
        service.recorder.apply(info)
        numbers[role] = account.id
    words = ["Ada stok warna merah ukuran L? Mau pesan 2 ya kak 🙏", "Sudah transfer ya kak"]
    items = [
        Inbound(numbers["connected"], f"in-{n}", CUSTOMER, text, None)
        for n, text in enumerate(words)
    ]
    service.store.store_durable(items)  # type: ignore[arg-type]
    service.send_message(numbers["connected"], CUSTOMER, "Siap kak, total Rp 150.000.")
    return numbers


def stage_for(folder: Path) -> Stage:
    service = make_service(folder / "data")
    # the longest main window: the no-keyring banner shows
    service.window.settings.token_persistent = False
    settings = AppSettings(folder / "settings.ini")
    gateway: Gateway = make_gateway(service)
    gateway.webhooks.add_target("https://toko.example/whatsapp/webhook", ["message"], "rahasia")
    numbers = play(service)
    window = MainWindow(
        service.window, demo=True, settings=settings, tray_available=False, data_dir=folder / "data"
    )
    window.show()
    window.select(numbers["logged_out"])
    return Stage(service, window, gateway, settings, folder, numbers)


def check_all(stage: Stage) -> tuple[int, list[dict[str, object]]]:
    failures: list[dict[str, object]] = []
    cases = 0
    translations = Translations()
    for language in LANGUAGES:
        translations.apply(language)
        settle()
        for name, opener in CASES:
            cases += 1
            try:
                opened: QWidget = opener(stage)
            except Exception as error:
                failures.append({"language": language, "window": name, "problems": [repr(error)]})
                continue
            opened.show()
            settle()
            found = problems(opened)
            if found:
                failures.append({"language": language, "window": name, "problems": found})
            if opened is not stage.window:
                opened.close()
            settle()
    return cases, failures


def main() -> int:
    keyring.set_keyring(MemoryKeyring())
    app = QApplication(sys.argv[:1])
    ensure_compiled()
    running_loop(app)
    with tempfile.TemporaryDirectory(prefix="jaga-layout-") as folder:
        stage = stage_for(Path(folder))
        cases, failures = check_all(stage)
        stage.window.quit()
        stage.service.store.close()
        stage.service.supervisor.logs.close()
    print(json.dumps({"cases": cases, "failures": failures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
