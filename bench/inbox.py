"""Scenario `inbox`: search and the inbox list at a busy shop's size (issue #28).

- Search: 100,000 messages of 10,000 conversations on three numbers in a real
  app.sqlite3 (written through the real triggers that keep the FTS5 index); typical
  searches (common and rare words, a prefix, a customer's name, part of a phone number,
  two words) through the inbox port, each timed; p50/p99. Goal: ≤ 50 ms.
- The inbox list: the real InboxWindow over the same 10,000 conversations is opened and
  scrolled from top to bottom in steps while a 10 ms Qt timer measures how late it fires
  (the UI's event-loop lag); p50/p99 of that lag, and how long the window took to open.
  Goal: lag p99 ≤ 50 ms.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from datetime import datetime, timedelta
from typing import Any

from bench.context import Context
from bench.harness import ms, stats
from bench.messages import LoopLag, lag_summary, percentile

NAME = "inbox"
GOAL_MS = 50.0
WORDS = [
    "kaos",
    "polos",
    "merah",
    "biru",
    "hitam",
    "putih",
    "ukuran",
    "harga",
    "ongkir",
    "kirim",
    "transfer",
    "sudah",
    "belum",
    "bayar",
    "pesan",
    "stok",
    "ready",
    "order",
    "alamat",
    "bandung",
    "jakarta",
    "surabaya",
    "terima",
    "kasih",
    "kak",
    "mohon",
    "tunggu",
    "resi",
    "paket",
    "kurir",
    "diskon",
    "promo",
    "grosir",
    "ecer",
    "sepatu",
    "sandal",
    "tas",
    "jaket",
    "celana",
    "kemeja",
]
NAMES = ("Budi", "Sari", "Tono", "Dewi", "Agus", "Rina", "Joko", "Wati", "Eko", "Lina")
SEARCHES = ("kaos", "ongkir", "bandung", "transfer belum", "kir", "Budi", "812345", "resi paket")


def _fill(store: Any, accounts: list[str], messages: int, chats: int) -> None:
    """`messages` rows in one transaction, `messages // chats` per chat, through the triggers."""
    rng = random.Random(28)
    per_chat = messages // chats
    start = datetime(2026, 1, 1)
    rows = []
    for n in range(messages):
        chat_no, k = n % chats, n // chats
        inbound = k % 3 != 2
        rows.append(
            (
                accounts[chat_no % len(accounts)],
                "in" if inbound else "out",
                f"62812{chat_no:08d}",
                f"B{n:09d}",
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14))),
                "received" if inbound else "read",
                (start + timedelta(seconds=n * 7)).isoformat(sep=" "),
            )
        )
    assert per_chat > 0
    sql = (
        "INSERT INTO messages (account_id, direction, chat, message_id, text, status, attempts,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)"
    )
    with store.engine.begin() as connection:
        connection.exec_driver_sql(sql, [(*r, r[-1]) for r in rows])
        for chat_no in range(0, chats, 3):  # every third customer told WhatsApp a name
            connection.exec_driver_sql(
                "UPDATE inbox_chats SET name = ?, unread = ? WHERE chat = ?",
                (f"{NAMES[chat_no % len(NAMES)]} {chat_no}", chat_no % 4, f"62812{chat_no:08d}"),
            )


def _port(store: Any) -> Any:
    from app.bridge.protocol import Limits
    from app.runtime.one_inbox.port import OneInbox
    from app.runtime.signals import CoreSignals

    return OneInbox(
        store,
        CoreSignals(),
        client=lambda: None,
        limits=Limits,
        connected=lambda _a: False,
        spawn=asyncio.ensure_future,
        wake_outbox=lambda: None,
    )


def _search(port: Any, rounds: int) -> dict[str, Any]:
    samples: list[float] = []
    found: dict[str, int] = {}
    for _ in range(rounds):
        for text in SEARCHES:
            began = time.perf_counter()
            hits = port.search(text)
            samples.append(ms(time.perf_counter() - began))
            found[text] = len(hits)
    return {
        "title": "search over 100,000 messages (8 kinds of query)",
        **stats(samples, "ms", 2),
        "p50": round(statistics.median(samples), 2),
        "p99": round(percentile(samples, 0.99), 2),
        "goal_ms": GOAL_MS,
        "hits": found,
    }


def _warm_up_qt() -> None:
    """In the app the main window is on screen before the inbox opens: Qt's fonts and
    styles are loaded. Here a first window does that, outside the measurement."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QLabel, QListView, QVBoxLayout, QWidget

    first = QWidget()
    layout = QVBoxLayout(first)
    layout.addWidget(QLabel("Jaga"))
    view = QListView()
    view.setModel(QStringListModel(["Toko Depan", "Gudang"], first))
    layout.addWidget(view)
    first.show()
    QApplication.processEvents()
    first.close()
    first.deleteLater()


async def _list(port: Any, numbers: list[tuple[str, str]]) -> dict[str, Any]:
    from app.ui.inbox.window import InboxWindow

    _warm_up_qt()
    lag = LoopLag()
    lag.start()
    await asyncio.sleep(0.2)
    began = time.perf_counter()
    window = InboxWindow(port, lambda: numbers)
    window.show()
    opened = ms(time.perf_counter() - began)
    await asyncio.sleep(0.1)
    bar = window.list.verticalScrollBar()
    steps = 200
    for i in range(steps + 1):
        bar.setValue(round(bar.maximum() * i / steps))
        await asyncio.sleep(0.015)
    lag.stop()
    rows = window.model.rowCount()
    window.close()
    window.deleteLater()
    summary = lag_summary(lag.samples)
    return {
        "title": f"inbox list of {rows:,} conversations: open, then scroll top to bottom",
        "rows": rows,
        "open_ms": round(opened, 1),
        "ui_lag_p50_ms": summary["p50_ms"],
        "ui_lag_p99_ms": summary["p99_ms"],
        "ui_lag_max_ms": summary["max_ms"],
        "lag_samples": summary["n"],
        "goal_ms": GOAL_MS,
    }


def _linked(store: Any, phone: str, label: str) -> str:
    account = store.create_account(label, "sim")
    store.record_observed(account.id, status="connected", reason=None, message=None, phone=phone)
    return account.id


async def measure(ctx: Context) -> dict[str, Any]:
    from app.storage.store import Store

    messages = ctx.count(100_000, 100_000)
    chats = messages // 10
    store = Store(ctx.folder(NAME) / "app.sqlite3")
    try:
        accounts = [
            _linked(store, f"62813000009{i:02d}", label)
            for i, label in enumerate(("Toko Depan", "Gudang", "CS 1"))
        ]
        began = time.perf_counter()
        _fill(store, accounts, messages, chats)
        ctx.log(f"  {messages:,} messages written in {time.perf_counter() - began:.1f} s")
        port = _port(store)
        search = _search(port, ctx.count(25, 5))
        ctx.log(f"  search p50 {search['p50']} ms, p99 {search['p99']} ms")
        numbers = [
            (a, name) for a, name in zip(accounts, ("Toko Depan", "Gudang", "CS 1"), strict=True)
        ]
        listing = await _list(port, numbers)
        ctx.log(f"  list open {listing['open_ms']} ms, lag p99 {listing['ui_lag_p99_ms']} ms")
        return {"inbox_search": search, "inbox_list": listing}
    finally:
        store.close()


def table_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """This scenario's lines in `python -m bench`'s table (bench/table.py)."""
    out = []
    if "inbox_search" in r:
        s = r["inbox_search"]
        out.append(
            (s["title"], f"p50={s['p50']} ms p99={s['p99']} ms", "", f"goal ≤ {GOAL_MS:g} ms")
        )
    if "inbox_list" in r:
        x = r["inbox_list"]
        words = (
            f"open {x['open_ms']} ms; UI lag p50={x['ui_lag_p50_ms']} p99={x['ui_lag_p99_ms']} ms"
        )
        out.append((x["title"], words, "", f"goal lag p99 ≤ {GOAL_MS:g} ms"))
    return out
