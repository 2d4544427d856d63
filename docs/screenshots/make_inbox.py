"""Takes the README's inbox screenshots from the real app (issue #28), in English and Bahasa.

Demo mode, the real bridge, sim WhatsApp, as make_screenshots.py (whose helpers it uses),
on a 1366 by 768 screen:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_inbox.py

Three numbers; customers write to them (some told WhatsApp their name); the shop answered
some; labels on a few chats; a quick reply. Shots: the inbox, a search, and the quick-reply
list in a chat's reply box.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import link, run_app, settle, shot, until
from PySide6.QtTest import QTest

from app.service import JagaService
from app.ui.main_window.window import MainWindow

CUSTOMERS = {
    "shop": [
        ("6281211110001", "Budi Santoso", "Kak, kaos polos hitam ukuran L masih ada?"),
        ("6281211110002", "Sari", "Sudah saya transfer ya kak, mohon dicek"),
        ("6281211110003", None, "Ongkir ke Bandung berapa?"),
    ],
    "store": [
        ("6281211110004", "Dewi", "Paket saya sudah dikirim belum?"),
        ("6281211110005", "Agus Grosir", "Mau order kaos 3 lusin, ada diskon?"),
    ],
    "cs": [("6281211110006", "Rina", "Halo, jam berapa toko buka besok?")],
}


async def arrive(
    service: JagaService, account_id: str, phone: str, name: str | None, text: str
) -> None:
    message = {"from": phone, "text": text, **({"push_name": name} if name else {})}
    await service.client.sim(f"sessions/{account_id}/inbound", {"messages": [message]})


async def scene(service: JagaService, window: MainWindow) -> dict[str, str]:
    window.show()
    service.start()
    await until(lambda: service.client is not None)
    numbers = {
        "shop": await link(service, "Toko Depan", "6281234567101", "Toko Sari"),
        "store": await link(service, "Gudang", "6281234567102", "Gudang Sari"),
        "cs": await link(service, "CS 1", "6281234567103", "CS Toko Sari"),
    }
    port = service.one_inbox
    for key, rows in CUSTOMERS.items():
        for phone, name, text in rows:
            await arrive(service, numbers[key], phone, name, text)
    await until(lambda: sum(port.unread_totals().values()) == 6)
    service.send_message(numbers["shop"], "+6281211110002", "Sudah masuk kak, terima kasih!")
    new = port.save_label(numbers["shop"], None, "Baru", 1)
    paid = port.save_label(numbers["shop"], None, "Sudah bayar", 5)
    sent = port.save_label(numbers["store"], None, "Dikirim", 16)
    port.set_chat_labels(numbers["shop"], "6281211110001", [new.label_id])
    port.set_chat_labels(numbers["shop"], "6281211110002", [paid.label_id])
    port.set_chat_labels(numbers["store"], "6281211110004", [sent.label_id])
    port.save_quick_reply(
        None, "terima", "Terima kasih {name}, pesanan Anda kami proses hari ini.", None
    )
    port.save_quick_reply(None, "tunggu", "Mohon ditunggu ya {name}, kami cek dulu.", None)
    port.mark_read(numbers["shop"], "6281211110002")
    return numbers


async def shots(
    service: JagaService, window: MainWindow, numbers: dict[str, str], tail: str
) -> None:
    hooks = window.inbox_hooks
    inbox = hooks.open_inbox()
    inbox.search_box.clear()
    inbox.run_search()
    inbox.reload()
    await settle(1.0)
    shot(inbox, f"inbox{tail}.png")
    inbox.search_box.setText("kaos")
    inbox.run_search()
    await settle(0.8)
    shot(inbox, f"inbox-search{tail}.png")
    inbox.search_box.clear()
    inbox.run_search()
    chats = hooks.open_conversation(numbers["shop"], "6281211110001")
    assert chats is not None
    chats.resize(1000, 620)
    chats.reply.clear()
    chats.reply.setFocus()
    QTest.keyClicks(chats.reply, "/t")
    await settle(0.8)
    shot(chats, f"chats-quick-reply{tail}.png")
    chats.reply.clear()
    chats.close()
    inbox.close()


async def scenario(service: JagaService, window: MainWindow) -> None:
    numbers = await scene(service, window)
    await shots(service, window, numbers, "")
    assert window.translations is not None
    window.translations.apply("id")
    await settle()
    await shots(service, window, numbers, "-id")


def main() -> int:
    run_app("jaga-inbox-shots-", lambda stage: scenario(stage.service, stage.window))
    return 0


if __name__ == "__main__":
    sys.exit(main())
