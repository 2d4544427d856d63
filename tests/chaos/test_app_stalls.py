"""The app itself held up (stopped, or its database locked by another program): the
healthy bridge is not blamed. A hang is judged on what the bridge sent."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time

import httpx
import psutil
import pytest

from tests.chaos.test_messages_chaos import Worker

pytestmark = pytest.mark.chaos

PLAN = {"numbers": [["Till", "6281390000099"]], "messages": []}


def start(tmp_path) -> Worker:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(PLAN))
    data = tmp_path / "data"
    data.mkdir()
    worker = Worker(data, plan)
    assert worker.queued.wait(60), "the worker did not link its number"
    return worker


def bridge_alive(worker: Worker, pid: int, boot_id: str) -> bool:
    if not psutil.pid_exists(pid):
        return False
    try:
        return worker.bridge("GET", "/health").json()["boot_id"] == boot_id
    except httpx.HTTPError:
        return False


def wait_states(worker: Worker, state: str, after: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while state not in worker.states[after:]:
        assert time.monotonic() < deadline, f"{state} not seen: {worker.states[after:]}"
        time.sleep(0.05)


def test_the_app_stopped_for_30_s_does_not_kill_the_healthy_bridge(tmp_path, chaos_counts):
    worker = start(tmp_path)
    try:
        pid, boot = worker.bridge_pid, worker.bridge("GET", "/health").json()["boot_id"]
        seen = len(worker.states)
        os.kill(worker.process.pid, signal.SIGSTOP)
        time.sleep(30)  # the stall itself: the app can do nothing meanwhile
        os.kill(worker.process.pid, signal.SIGCONT)
        # On resume its overdue timers fire; the heartbeats waiting in the socket say alive.
        wait_states(worker, "running", seen)
        assert bridge_alive(worker, pid, boot)
        assert worker.bridge_pid == pid
        chaos_counts(hangs=1)
    finally:
        worker.kill()


def test_the_database_locked_for_40_s_does_not_kill_the_healthy_bridge(tmp_path, chaos_counts):
    worker = start(tmp_path)
    try:
        pid, boot = worker.bridge_pid, worker.bridge("GET", "/health").json()["boot_id"]
        sessions = worker.bridge("GET", "/sessions").json()["sessions"]
        lock = sqlite3.connect(tmp_path / "data" / "app.sqlite3", timeout=1)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            deadline = time.monotonic() + 40
            sent = 0
            while time.monotonic() < deadline:  # traffic the app must store meanwhile
                inbound = [{"from": "6281234567890", "text": f"while locked {sent}"}]
                worker.bridge(
                    "POST", f"/sim/sessions/{sessions[0]['id']}/inbound", json={"messages": inbound}
                )
                sent += 1
                time.sleep(2)
        finally:
            lock.rollback()
            lock.close()
        assert bridge_alive(worker, pid, boot)
        assert worker.bridge_pid == pid

        def stored() -> int:
            db = sqlite3.connect(tmp_path / "data" / "app.sqlite3")
            try:
                return db.execute(
                    "SELECT count(*) FROM messages WHERE text LIKE 'while locked %'"
                ).fetchone()[0]
            finally:
                db.close()

        deadline = time.monotonic() + 30
        while stored() < sent:
            assert time.monotonic() < deadline, f"only {stored()} of {sent} stored"
            time.sleep(0.2)
        assert bridge_alive(worker, pid, boot)
        chaos_counts(hangs=1, messages_in=sent)
    finally:
        worker.kill()
