"""Messages survive random kills of the bridge and of the app itself (real processes)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

from app.storage.store import Store
from tests.liveapp import TOKEN

pytestmark = pytest.mark.chaos

SCALE = float(os.environ.get("JAGA_CHAOS_SCALE", "1"))
NUMBERS = [(f"Till {i}", f"62813900000{i}") for i in range(5)]
ROOT = Path(__file__).resolve().parents[2]


class Worker:
    """One run of the app process; remembers the port and pid of its current bridge."""

    def __init__(self, data_dir: Path, plan_file: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.fakes.app_worker", str(data_dir), str(plan_file)],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.port = self.bridge_pid = 0
        self.states: list[str] = []  # supervision states, as the worker prints them
        self.queued = threading.Event()
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("WORKER_READY"):
                _, port, pid = line.split()
                self.port, self.bridge_pid = int(port), int(pid)
                self.ready.set()
            elif line.startswith("WORKER_STATE"):
                self.states.append(line.split()[1])
            elif line.startswith("WORKER_QUEUED"):
                self.queued.set()

    def kill_bridge(self) -> None:
        self.ready.clear()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.bridge_pid, signal.SIGKILL)
        assert self.ready.wait(30), "the bridge did not come back"

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def bridge(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = {"Authorization": f"Bearer {TOKEN.value}"}
        url = f"http://127.0.0.1:{self.port}{path}"
        return httpx.request(method, url, headers=headers, timeout=10, **kwargs)


def outgoing(data_dir: Path) -> list:
    store = Store(data_dir / "app.sqlite3")
    try:
        return [m for a in store.accounts() for m in store.messages(a.id) if m.direction == "out"]
    finally:
        store.close()


def wait_until(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.2)


@pytest.mark.timeout(400)
def test_outbox_delivers_every_message_exactly_once_through_bridge_and_app_kills(
    tmp_path, chaos_counts
):
    rng = random.Random(7)
    total = int(1000 * SCALE)
    plan = {
        "numbers": [list(n) for n in NUMBERS],
        "messages": [
            [NUMBERS[i % 5][1], f"62812{(i % 20):07d}", f"chaos message {i}"] for i in range(total)
        ],
    }
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    data_dir = tmp_path / "data"
    kills = 0

    worker = Worker(data_dir, plan_file)
    try:
        assert worker.queued.wait(120), "the worker did not link and queue"
        for _ in range(5):
            time.sleep(rng.uniform(0.05, 0.6))
            worker.kill_bridge()
            kills += 1
        worker.kill()  # the app itself dies, mid-flight
        assert not psutil.pid_exists(worker.bridge_pid) or _gone_soon(worker.bridge_pid)
        worker = Worker(data_dir, plan_file)
        assert worker.ready.wait(30)
        for _ in range(5):
            time.sleep(rng.uniform(0.05, 0.6))
            worker.kill_bridge()
            kills += 1

        def all_delivered() -> bool:
            rows = outgoing(data_dir)
            return len(rows) == total and all(m.status in ("delivered", "read") for m in rows)

        try:
            wait_until(all_delivered, timeout=180)
        except AssertionError:
            counts: dict[str, int] = {}
            for m in outgoing(data_dir):
                counts[m.status] = counts.get(m.status, 0) + 1
            raise AssertionError(f"not all delivered: {counts}") from None
        sent = worker.bridge("GET", "/sim/network").json()["sent"]
        client_ids = [s["client_id"] for s in sent]
        rows = outgoing(data_dir)
        assert sorted(client_ids) == sorted(m.message_id for m in rows)  # each exactly once
        # In order per chat, as accepted.
        by_chat: dict[tuple[str, str], list[str]] = {}
        for s in sent:
            by_chat.setdefault((s["session_id"], s["to"]), []).append(s["text"])
        for texts in by_chat.values():
            numbers = [int(t.rsplit(" ", 1)[1]) for t in texts]
            assert numbers == sorted(numbers)
    finally:
        worker.kill()
    chaos_counts(kills=kills, app_kills=1, messages_out=total, duplicates=0)


def _gone_soon(pid: int) -> bool:
    """The bridge follows its app: stdin closes and it exits."""
    with contextlib.suppress(psutil.NoSuchProcess):
        psutil.Process(pid).wait(10)
    return True


def inbound_ids(data_dir: Path) -> list[str]:
    store = Store(data_dir / "app.sqlite3")
    try:
        return [
            m.message_id
            for a in store.accounts()
            for m in store.messages(a.id)
            if m.direction == "in"
        ]
    finally:
        store.close()


@pytest.mark.timeout(400)
def test_inbound_is_stored_exactly_once_through_bridge_and_app_kills(tmp_path, chaos_counts):
    rng = random.Random(11)
    total = int(1000 * SCALE)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps({"numbers": [list(n) for n in NUMBERS], "messages": []}))
    data_dir = tmp_path / "data"
    store = None
    worker = Worker(data_dir, plan_file)
    kills = app_kills = retried = 0
    try:
        assert worker.queued.wait(120), "the worker did not link its numbers"
        store = Store(data_dir / "app.sqlite3")
        sessions = [a.id for a in store.accounts()]
        store.close()
        pending = [
            (sessions[i % len(sessions)], f"IN{i:05d}", f"incoming {i}") for i in range(total)
        ]
        batch_number = 0
        while pending:
            batch, pending = pending[:50], pending[50:]
            by_session: dict[str, list[dict]] = {}
            for session_id, message_id, text in batch:
                by_session.setdefault(session_id, []).append(
                    {"from": "6281234567890", "text": text, "message_id": message_id}
                )
            for session_id, messages in by_session.items():
                if not _inject(worker, session_id, messages):
                    retried += 1
                    pending.extend((session_id, m["message_id"], m["text"]) for m in messages)
            batch_number += 1
            if batch_number % 2 == 0 and kills < 10:
                time.sleep(rng.uniform(0, 0.2))
                worker.kill_bridge()
                kills += 1
            if batch_number == 7:
                worker.kill()
                app_kills += 1
                worker = Worker(data_dir, plan_file)
                assert worker.ready.wait(30)

        expected = sorted(f"IN{i:05d}" for i in range(total))
        wait_until(lambda: sorted(set(inbound_ids(data_dir))) == expected, timeout=120)
        stored = inbound_ids(data_dir)
        assert sorted(stored) == expected  # each exactly once
    finally:
        worker.kill()
    chaos_counts(
        kills=kills,
        app_kills=app_kills,
        messages_in=total,
        reinjected_batches=retried,
        duplicates=0,
    )


def _inject(worker: Worker, session_id: str, messages: list[dict]) -> bool:
    """True when the network handed them to a connected session (journaled by the bridge).

    Messages offered while the session is offline wait in the sim's backlog (persistent,
    see test_backlog_chaos.py); they are offered again all the same, with the same ids,
    which the app must not store twice.
    """
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            state = worker.bridge("GET", f"/sessions/{session_id}").json()
            if state.get("status") == "connected":
                answer = worker.bridge(
                    "POST", f"/sim/sessions/{session_id}/inbound", json={"messages": messages}
                )
                if answer.status_code == 200:
                    return not answer.json().get("queued", False)
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.1)
    return False
