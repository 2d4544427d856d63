"""The `make run` acceptance on a computer without internet, photographed.

Runs Jaga as `make run` does — the real Baileys engine, no demo, no simulator — on a fresh
temporary data folder, adds a number through the window (Add number → name → QR dialog),
and waits until the QR dialog and the number's row both say there is no internet. Prints
how long that took (the acceptance: within 10 s) and saves the whole screen as
docs/screenshots/no-internet.png. Only meaningful where WhatsApp cannot be reached:

    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python docs/screenshots/make_no_internet.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(OUT))  # make_screenshots' helpers

from make_screenshots import run_app, until  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.bridge_policy import State  # noqa: E402
from app.ui.main_window.accounts_model import AccountIdRole, Column  # noqa: E402
from app.ui.main_window.window import MainWindow  # noqa: E402

LIMIT_S = 10.0


async def scenario(app: QApplication, window: MainWindow) -> float:
    service = window.service
    window.resize(820, 520)
    window.move(QPoint(10, 10))
    window.show()
    service.start()
    await until(lambda: service.supervisor.state is State.RUNNING, 30)
    add = window.add_number()
    add.setTextValue("Shop front")
    started = time.monotonic()
    add.accept()  # "Add and show QR code", as the owner clicks it
    await until(lambda: bool(window.qr_dialogs), 5)
    (account_id, dialog), *_ = window.qr_dialogs.items()
    model = window.model

    def row_says() -> str:
        for row in range(model.rowCount()):
            index = model.index(row, Column.STATUS)
            if model.data(index, AccountIdRole) == account_id:
                return str(model.data(index))
        return ""

    def both_say() -> bool:
        return "No internet" in dialog.headline.text() and "No internet" in row_says()

    await until(both_say, 30)
    took = time.monotonic() - started
    dialog.move(QPoint(440, 180))
    await asyncio.sleep(0.8)  # layouts, repaints
    screen = app.primaryScreen()
    screen.grabWindow(0, 0, 0, 910, 730).save(str(OUT / "no-internet.png"), "PNG")
    print(f"row: {row_says()!r}; dialog: {dialog.headline.text()!r} / {dialog.qr_label.text()!r}")
    print(f"add → both say no internet in {took:.2f} s (limit {LIMIT_S:g} s)")
    account = service.store.account(account_id)
    print(f"stored: {account.status} / {account.reason} / {account.status_message}")
    return took


def main() -> int:
    took = run_app(
        "jaga-no-internet-", lambda stage: scenario(stage.app, stage.window), demo=False, timeout=90
    )
    return 0 if took <= LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())
