"""The away message survives kill -9 of the bridge and of the app while it is due: each
customer gets it exactly once (real app process, real bridge, sim network's journal)."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.inbox.away import AutoReplies, is_auto_reply
from app.domain.inbox.hours import parse_week
from app.domain.inbox.views import NumberSettings
from app.storage.inbox.settings import SettingsRepo
from app.storage.store import Store
from tests.chaos.test_messages_chaos import Worker, wait_until

pytestmark = pytest.mark.chaos

AWAY = "Toko sedang tutup; kami balas besok pagi."
NUMBER = ("Toko Depan", "6281390000071")


def closed_now() -> NumberSettings:
    days = [""] * 7
    days[(datetime.now().weekday() + 3) % 7] = "08:00-17:00"  # open another day only
    return AutoReplies(away_on=True, away_text=AWAY, hours=parse_week(days))


def away_rows(data_dir: Path) -> list:
    store = Store(data_dir / "app.sqlite3")
    try:
        account = store.accounts()[0]
        return [m for m in store.messages(account.id) if is_auto_reply(m.message_id)]
    finally:
        store.close()


def on_the_wire(worker: Worker) -> list[str]:
    sent = worker.bridge("GET", "/sim/network").json()["sent"]
    return [s["to"] for s in sent if s["text"] == AWAY]


def connected(worker: Worker, session_id: str) -> bool:
    try:
        return worker.bridge("GET", f"/sessions/{session_id}").json().get("status") == "connected"
    except (OSError, ValueError):
        return False


def write(worker: Worker, session_id: str, customers: list[str]) -> None:
    """Two messages from each customer, taken by the connected number (journaled)."""
    wait_until(lambda: connected(worker, session_id), timeout=30)
    messages = [{"from": c, "text": f"halo {n}"} for c in customers for n in (1, 2)]
    answer = worker.bridge(
        "POST", f"/sim/sessions/{session_id}/inbound", json={"messages": messages}
    )
    assert answer.status_code == 200 and not answer.json()["queued"]


@pytest.mark.timeout(240)
def test_an_away_message_due_at_a_kill_is_sent_exactly_once(tmp_path, monkeypatch, chaos_counts):
    # Every send takes a while on the simulated network: the kills land mid-send.
    monkeypatch.setenv("JAGA_SIM_SEND_MS", "700")
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps({"numbers": [list(NUMBER)], "messages": []}))
    data_dir = tmp_path / "data"
    worker = Worker(data_dir, plan_file)
    first = [f"62812770000{i:02d}" for i in range(4)]
    second = [f"62812780000{i:02d}" for i in range(4)]
    try:
        assert worker.queued.wait(120), "the worker did not link its number"
        store = Store(data_dir / "app.sqlite3")
        session_id = store.accounts()[0].id
        SettingsRepo(store).save(NumberSettings(session_id, auto=closed_now()))
        store.close()

        # 1. Away messages queued and on their way: the bridge dies, then the app.
        write(worker, session_id, first)
        wait_until(lambda: len(away_rows(data_dir)) == len(first), timeout=30)
        worker.kill_bridge()
        worker.kill()
        worker = Worker(data_dir, plan_file)
        assert worker.ready.wait(60)

        # 2. The app dies at once after its customers wrote: the bridge replays their
        # messages, and the away messages are decided after the restart.
        write(worker, session_id, second)
        worker.kill()
        worker = Worker(data_dir, plan_file)
        assert worker.ready.wait(60)
        time.sleep(0.5)  # the bridge comes back a moment later, mid-send
        worker.kill_bridge()

        everyone = sorted(first + second)
        wait_until(lambda: sorted(on_the_wire(worker)) == everyone, timeout=90)
        wait_until(lambda: all(m.status != "queued" for m in away_rows(data_dir)), timeout=60)
        assert sorted(m.chat for m in away_rows(data_dir)) == everyone  # one each, stored
        assert sorted(on_the_wire(worker)) == everyone  # one each, on WhatsApp
    finally:
        worker.kill()
    chaos_counts(
        kills=2,
        app_kills=2,
        messages_in=2 * len(everyone),
        messages_out=len(everyone),
        duplicates=0,
    )
