"""WhatsApp's server-side backlog (what an offline number has not taken yet) survives kill -9
of the bridge: messages injected while numbers are offline arrive exactly once after it
returns (real app process, real bridge, sim engine)."""

from __future__ import annotations

import json
import random
import time

import pytest

from app.storage.store import Store
from tests.chaos.test_messages_chaos import NUMBERS, SCALE, Worker, inbound_ids, wait_until

pytestmark = pytest.mark.chaos


def _all(worker: Worker, sessions: list[str], status: str) -> bool:
    try:
        return all(
            worker.bridge("GET", f"/sessions/{s}").json().get("status") == status for s in sessions
        )
    except Exception:  # the bridge is restarting
        return False


@pytest.mark.timeout(400)
def test_offline_backlog_survives_bridge_kills_and_arrives_exactly_once(tmp_path, chaos_counts):
    rng = random.Random(23)
    rounds = max(2, int(3 * SCALE))
    per_session = int(40 * SCALE)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps({"numbers": [list(n) for n in NUMBERS], "messages": []}))
    data_dir = tmp_path / "data"
    worker = Worker(data_dir, plan_file)
    kills = injected = 0
    expected: list[str] = []
    try:
        assert worker.queued.wait(120), "the worker did not link its numbers"
        store = Store(data_dir / "app.sqlite3")
        sessions = [a.id for a in store.accounts()]
        store.close()
        for round_number in range(rounds):
            wait_until(lambda: _all(worker, sessions, "connected"), timeout=60)
            assert worker.bridge("POST", "/sim/network", json={"up": False}).status_code == 200
            wait_until(lambda: _all(worker, sessions, "reconnecting"), timeout=30)
            for session_id in sessions:
                ids = [f"R{round_number}-{session_id}-{i:04d}" for i in range(per_session)]
                messages = [
                    {"from": "6281234567890", "text": f"offline {i}", "message_id": mid}
                    for i, mid in enumerate(ids)
                ]
                answer = worker.bridge(
                    "POST", f"/sim/sessions/{session_id}/inbound", json={"messages": messages}
                )
                assert answer.status_code == 200 and answer.json()["queued"] is True
                expected.extend(ids)
                injected += len(ids)
            backlog = worker.bridge("GET", "/sim/network").json()["backlog"]
            assert sum(backlog.values()) == len(sessions) * per_session
            time.sleep(rng.uniform(0, 0.3))
            worker.kill_bridge()  # kill -9; the new bridge's network is up again
            kills += 1
            if round_number % 2 == 1:
                # A second kill while the backlog is being handed over.
                wait_until(lambda: _all(worker, sessions, "connected"), timeout=60)
                worker.kill_bridge()
                kills += 1
        wait_until(lambda: sorted(set(inbound_ids(data_dir))) == sorted(expected), timeout=120)
        stored = inbound_ids(data_dir)
        assert sorted(stored) == sorted(expected), "each exactly once"
    finally:
        worker.kill()
    chaos_counts(kills=kills, messages_in=injected, duplicates=len(stored) - len(set(stored)))
