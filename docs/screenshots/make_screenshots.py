"""Takes the README's screenshots from the real app: demo mode, the real bridge, sim WhatsApp.

Run under a virtual screen (needs Debian's xvfb):

    make screenshots
    # which runs:
    xvfb-run -a -s "-screen 0 1280x900x24" \
        .venv/bin/python docs/screenshots/make_screenshots.py

It starts Jaga's own service and main window on a fresh temporary data folder, drives them
through the states a shop owner meets (no numbers; three numbers: connected, reconnecting,
logged out; a number's chats, and a reply queued while it is away; linking by QR; the
bridge panel; the Demo menu, a customer writing in and a dropped connection; the same in
Bahasa Indonesia) with the demo's own controls and the simulator's control API, and saves
each window as a PNG beside this file.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.application import DEMO_SIM_OPTIONS, Options, create_service  # noqa: E402
from app.domain.bridge_policy import State  # noqa: E402
from app.domain.notify_policy import Rules  # noqa: E402
from app.service import JagaService  # noqa: E402
from app.system.data_folders import DataPaths  # noqa: E402
from app.system.secrets import BridgeToken  # noqa: E402
from app.ui.main_window.window import MainWindow  # noqa: E402
from app.ui.settings.preferences import AppSettings  # noqa: E402
from app.ui.shared.i18n import Translations  # noqa: E402
from app.ui.tray.notifier import Notifier  # noqa: E402

#: A dropped number stays "reconnecting" long enough to be photographed; receipts come by
#: themselves so the chats show their ticks (the demo leaves them to Demo → A receipt arrives).
SIM = {
    **DEMO_SIM_OPTIONS,
    "backoff_base_ms": 600_000,
    "backoff_max_ms": 600_000,
    "auto_ack": True,
}


@dataclass(frozen=True)
class Stage:
    """What a screenshot scenario drives."""

    app: QApplication
    service: JagaService
    window: MainWindow
    folder: Path  # the temporary folder (data, settings), removed afterwards


T = TypeVar("T")


async def until(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the expected state")
        await asyncio.sleep(0.05)


async def settle(seconds: float = 0.6) -> None:
    """Lets layouts, repaints and posted events (LanguageChange) happen."""
    await asyncio.sleep(seconds)


def shot(widget: QWidget, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT)}")


def screen_shot(window: QWidget, name: str) -> None:
    """The window as the screen shows it, open menus included (grab() leaves popups out)."""
    screen = QApplication.primaryScreen()
    frame = window.frameGeometry()
    pixmap = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    path = OUT / name
    pixmap.save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT)}")


def status(service: JagaService, account_id: str) -> str:
    account = service.store.account(account_id)
    return account.status if account else ""


async def link(service: JagaService, label: str, phone: str, name: str) -> str:
    account = await service.add_account(label)
    await until(lambda: account.id in service.latest_qr)
    await service.simulate_scan(account.id, phone, name)
    await until(lambda: status(service, account.id) == "connected")
    return account.id


async def scenario(app: QApplication, service: JagaService, window: MainWindow) -> None:
    translations = window.translations
    assert translations is not None
    window.resize(1180, 680)
    window.show()
    service.start()
    await until(lambda: service.supervisor.state is State.RUNNING and service.client is not None)
    await settle()
    shot(window, "empty-state.png")

    shop = await link(service, "Shop front", "6281234567001", "Toko Sari")
    window.select(shop)
    await settle()
    shot(window, "demo-connected.png")

    cashier = await link(service, "Cashier", "6281234567002", "Kasir")
    online = await link(service, "Online orders", "6281234567003", "Sari Online")
    assert service.client is not None
    # A customer writes in, the shop answers: the "last message" columns fill.
    customer = "6285712345678"
    await service.client.sim(
        f"sessions/{shop}/inbound", {"messages": [{"from": customer, "text": "Ada stok?"}]}
    )
    service.send_message(shop, customer, "Ada, kak. Mau berapa?")
    await until(lambda: service.store.messages(shop) and len(service.store.messages(shop)) == 2)
    await until(lambda: all(m.status != "queued" for m in service.store.messages(shop)))
    await service.client.sim(
        f"sessions/{cashier}/inbound",
        {"messages": [{"from": "6281398765432", "text": "Kak, pesanan saya kapan dikirim?"}]},
    )
    await until(lambda: len(service.store.messages(cashier)) == 1)
    # The Demo menu makes happen what Jaga watches for: a drop, a phone that unlinks.
    controls = window.demo_controls
    assert controls is not None
    window.select(cashier)
    controls.drop_action.trigger()
    window.select(online)
    controls.logout_action.trigger()
    await until(lambda: status(service, cashier) == "reconnecting")
    await until(lambda: status(service, online) == "logged_out")
    await until(lambda: bool(window.notice_board.banners))
    window.select(online)
    await settle()
    shot(window, "three-numbers.png")

    # Chats: a conversation with its ticks, and a reply queued while a number is away.
    await chats_shots(service, window, shop, cashier, customer)

    # The banner's button is the fix: a fresh QR for the logged-out number.
    ((_notice, banner),) = window.notice_board.banners.values()
    banner.action_button.click()
    dialog = window.qr_dialogs[online]
    await until(lambda: dialog.current_payload is not None)
    await settle()
    shot(dialog, "qr-dialog.png")
    dialog.show_pairing()
    dialog.phone_edit.setText("0812-3456-7003")
    dialog.pairing_page.request_code()
    await until(lambda: dialog.pairing_code is not None)
    await settle()
    shot(dialog, "pairing-code.png")
    dialog.show_qr()

    panel = window.open_bridge_panel()
    panel.resize(820, 540)
    await settle(1.2)
    shot(panel, "bridge-panel.png")
    panel.close()

    dialog.close()

    await demo_shots(service, window, shop, "")
    translations.apply("id")
    await settle()
    await demo_shots(service, window, shop, "-id")
    translations.apply("en")
    await settle()

    assert window.demo_controls is not None
    window.select(shop)
    window.demo_controls.drop_action.trigger()  # Demo → The connection drops
    await until(lambda: status(service, shop) == "reconnecting")
    window.details.tabs.setCurrentIndex(0)
    await settle()
    shot(window, "demo-drop.png")
    translations.apply("id")
    await settle()
    shot(window, "indonesian.png")
    dialog = window.open_qr_dialog(online)
    await until(lambda: dialog.current_payload is not None)
    await settle()
    shot(dialog, "qr-dialog-id.png")
    dialog.close()
    translations.apply("en")


async def demo_shots(service: JagaService, window: MainWindow, number: str, suffix: str) -> None:
    """The Demo menu, and a customer writing in (the dialog, then the chat)."""
    controls = window.demo_controls
    assert controls is not None
    window.select(number)
    window.activateWindow()
    bar = window.menuBar()
    controls.menu.popup(
        bar.mapToGlobal(bar.actionGeometry(controls.menu.menuAction()).bottomLeft())
    )
    await settle()
    screen_shot(window, f"demo-menu{suffix}.png")
    controls.menu.hide()

    dialog = controls.customer_writes()
    assert dialog is not None
    dialog.from_edit.setText("0857-2222-3333")
    await settle()
    shot(dialog, f"demo-customer{suffix}.png")
    count = len(service.store.messages(number))
    dialog.accept()
    await until(lambda: len(service.store.messages(number)) == count + 1)
    chats = window.open_chats(number)
    assert chats is not None
    chats.resize(900, 520)
    chats.open_chat("6285722223333")
    await settle()
    shot(chats, f"demo-incoming{suffix}.png")
    chats.close()


async def chats_shots(
    service: JagaService, window: MainWindow, shop: str, cashier: str, customer: str
) -> None:
    assert service.client is not None
    talk = [
        (customer, "in", "Yang merah 2 ya kak"),
        (
            customer,
            "out",
            "Siap kak. Total Rp 150.000, transfer ke BCA 123-456-7890 a.n. Toko Sari.",
        ),
        (customer, "in", "Sudah transfer ya kak, ini buktinya"),
        (customer, "out", "Terima kasih! Pesanan dikirim hari ini,\nresi menyusul sore nanti."),
        ("6281398765432", "in", "Besok buka jam berapa?"),
        ("6281398765432", "out", "Jam 8 pagi kak"),
        ("6287812344321", "in", "Masih ada ukuran L?"),
    ]
    for chat, direction, text in talk:
        count = len(service.store.messages(shop))
        if direction == "in":
            body = {"messages": [{"from": chat, "text": text}]}
            await service.client.sim(f"sessions/{shop}/inbound", body)
        else:
            service.send_message(shop, chat, text)
        await until(lambda n=count: len(service.store.messages(shop)) == n + 1)
        await until(lambda: all(m.status == "read" for m in out_messages(service, shop)))
    chats = window.open_chats(shop)
    assert chats is not None
    chats.resize(1000, 640)
    chats.open_chat(customer)
    await settle()
    shot(chats, "chats.png")
    chats.close()

    away = window.open_chats(cashier)
    assert away is not None
    away.resize(1000, 520)
    away.reply.setPlainText("Hari ini dikirim kak, resinya kami kabari ya.")
    away.send_reply()
    await settle()
    shot(away, "chats-queued.png")
    away.close()


def out_messages(service: JagaService, account_id: str) -> list:
    return [m for m in service.store.messages(account_id) if m.direction == "out"]


def run_app(
    prefix: str,
    scenario: Callable[[Stage], Awaitable[T]],
    *,
    demo: bool = True,
    timeout: float = 120,
) -> T:
    """Jaga's own service and main window on a fresh temporary data folder, in English, on
    a qasync loop; runs `scenario` and closes everything (the folder too)."""
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Jaga")
    app.setQuitOnLastWindowClosed(False)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        translations = Translations()
        translations.apply("en")
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        paths = DataPaths(folder / "data").ensure()
        token = BridgeToken("screenshots-token-0123456789abcdef", persistent=True)
        # The demo runs the sim; without it, the real engine, as `make run`.
        options = (
            Options(demo=True, token=token, session_options=SIM) if demo else Options(token=token)
        )
        service = create_service(paths, options)
        window = MainWindow(
            service,
            demo=demo,
            settings=AppSettings(folder / "settings.ini"),
            translations=translations,
            notifier=Notifier(service, rules=Rules(quiet=0)) if demo else Notifier(service),
            tray_available=False,
            data_dir=paths.root,
        )
        with loop:
            try:
                stage = Stage(app, service, window, folder)
                return loop.run_until_complete(asyncio.wait_for(scenario(stage), timeout))
            finally:
                loop.run_until_complete(service.aclose())
                service.store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    run_app("jaga-screenshots-", lambda stage: scenario(stage.app, stage.service, stage.window))
    return 0


if __name__ == "__main__":
    sys.exit(main())
