"""A screenshot of the frozen app (dist/jaga/jaga, from `make package`) showing emoji on a
desktop without an emoji font: the emoji come from the font the package brings.

Run under a virtual screen (needs Debian's xvfb), on a computer without emoji fonts:

    make package
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_frozen_emoji.py

A fresh data folder is made with a number whose name has an emoji and a customer's message
with emoji; the frozen Jaga is started on it in demo mode, and the screen is saved as
frozen-emoji.png beside this file once the window is on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

from app.storage.store import Inbound, Store  # noqa: E402
from app.system.data_folders import DataPaths  # noqa: E402

FROZEN = ROOT / "dist" / "jaga" / "jaga"


def prepared(folder: Path) -> Path:
    paths = DataPaths(folder / "data").ensure()
    store = Store(paths.database)
    account = store.create_account("Toko Sari 🛍️ 🙏", "sim")
    item = Inbound(account.id, "demo-1", "6285712345678", "Kak, masih ada? 😊🙏👍", None)
    store.store_durable([item])
    store.close()
    return paths.root


def busy(image: QImage) -> bool:
    """Something is drawn: the window is on the screen."""
    colours = {image.pixel(x, y) for x in range(0, image.width(), 40) for y in (200, 300, 400)}
    return len(colours) > 3


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="jaga-frozen-emoji-"))
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder / "home"),
        "DISPLAY": os.environ["DISPLAY"],
        "QT_QPA_PLATFORM": "xcb",
        "LANG": "C.UTF-8",
    }
    process = subprocess.Popen(
        [str(FROZEN), "--demo", "--data-dir", str(prepared(folder))],
        env=env,
        cwd=folder,
    )
    try:
        screen = app.primaryScreen()
        deadline = time.monotonic() + 60
        while not busy(screen.grabWindow(0).toImage()):
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit("the frozen app did not show its window")
            time.sleep(0.5)
        time.sleep(3)  # the restore and the first statuses
        path = OUT / "frozen-emoji.png"
        screen.grabWindow(0).save(str(path), "PNG")
        print(f"wrote {path.relative_to(ROOT)}")
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
