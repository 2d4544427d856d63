"""Screenshots of Jaga on a 1366x768 laptop screen at 100 % and 150 % text, in English and
Bahasa Indonesia: the main window, the Shop API dialog, Chats and the QR dialog, each as the
whole screen shows it (the window where Jaga placed it).

Run under a virtual screen of that size (needs Debian's xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_fit.py

It runs itself once per text scale (Qt reads QT_SCALE_FACTOR at start) and writes
fit-<window>-<language>-<scale>.png beside this file. The demo's own service and window
drive a simulated WhatsApp, as make_screenshots.py does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import OUT, Stage, link, run_app, settle, until  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gateway.gateway import for_service  # noqa: E402
from app.start.emoji_font import install_emoji_font  # noqa: E402
from app.ui.gateway_setup.dialog import show_for  # noqa: E402

SCALES = {"100": "1", "150": "1.5"}
CUSTOMER = "6285712345678"


def whole_screen(name: str) -> None:
    """The screen as the owner sees it: where the window lies on it, and that it fits."""
    screen = QApplication.primaryScreen()
    path = OUT / name
    screen.grabWindow(0).save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT)}")


async def scenario(stage: Stage, scale: str) -> None:
    service, window = stage.service, stage.window
    install_emoji_font()
    window.show()
    service.start()
    await until(lambda: service.client is not None)
    shop = await link(service, "Toko Sari 🛍️", "6281234567001", "Toko Sari")
    assert service.client is not None
    await service.client.sim(
        f"sessions/{shop}/inbound",
        {"messages": [{"from": CUSTOMER, "text": "Kak, warna merah ukuran L masih ada? 🙏"}]},
    )
    service.send_message(shop, CUSTOMER, "Masih ada kak 😊 Mau berapa?")
    await until(lambda: len(service.store.messages(shop)) == 2)
    waiting = await service.add_account("Kasir")
    await until(lambda: waiting.id in service.latest_qr)
    gateway = for_service(service, "fit-screenshots", port=0)
    await gateway.start()
    try:
        for language in ("en", "id"):
            assert window.translations is not None
            window.translations.apply(language)
            await settle()
            await shots(stage, gateway, shop, waiting.id, f"{language}-{scale}")
    finally:
        await gateway.aclose()


async def shots(stage: Stage, gateway, shop: str, waiting: str, suffix: str) -> None:  # noqa: ANN001
    window = stage.window
    window.select(shop)
    window.raise_()
    await settle()
    whole_screen(f"fit-main-{suffix}.png")

    dialog = show_for(window, gateway, stage.window.settings)
    await settle()
    whole_screen(f"fit-shop-api-{suffix}.png")
    dialog.close()

    chats = window.open_chats(shop)
    assert chats is not None
    chats.open_chat(CUSTOMER)
    await settle()
    whole_screen(f"fit-chats-{suffix}.png")
    chats.close()

    qr = window.open_qr_dialog(waiting)
    await until(lambda: qr.current_payload is not None)
    await settle()
    whole_screen(f"fit-qr-{suffix}.png")
    qr.close()
    await settle()


def main() -> int:
    scale = os.environ.get("JAGA_FIT_SCALE")
    if scale is None:  # once per scale, each in a Qt of its own
        for name, factor in SCALES.items():
            env = {**os.environ, "JAGA_FIT_SCALE": name, "QT_SCALE_FACTOR": factor}
            subprocess.run([sys.executable, __file__], env=env, check=True)
        return 0
    run_app("jaga-fit-", lambda stage: scenario(stage, scale), timeout=180)
    return 0


if __name__ == "__main__":
    sys.exit(main())
