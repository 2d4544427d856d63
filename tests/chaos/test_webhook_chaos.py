"""Webhook chaos: the shop's receiver is down, answers 500, hangs; the app is killed twice.

The app core runs as its own process (tests/fakes/app_worker.py) with the gateway's
webhooks; the receiver is a real HTTP server in this process (its own thread and loop).
At the end every event Jaga stored reached the receiver: each id once after the receiver
de-duplicates, in order per chat, every HMAC valid.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from aiohttp import web

from app.gateway import signing
from tests.chaos.test_messages_chaos import Worker, wait_until

pytestmark = pytest.mark.chaos

SECRET = "kunci-webhook-toko"
NUMBERS = [("Toko A", "6281390000301"), ("Toko B", "6281390000302")]
CHATS = ["6281234500001", "6281234500002", "6281234500003"]


class ThreadReceiver:
    """The shop's endpoint. Modes: ok, down (connections refused), 500, hang."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.requests = 0
        self.bad_signatures = 0
        self.got: list[dict] = []  # every request's body, in arrival order
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._call(self._listen())

    def _call(self, coroutine) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(10)

    async def _handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        self.requests += 1
        if self.mode == "500":
            return web.Response(status=500, text="database is down")
        if not signing.verify(SECRET, raw, request.headers.get("X-Webhook-Hmac", "")):
            self.bad_signatures += 1
            return web.Response(status=401)
        self.got.append(json.loads(raw))
        if self.mode == "hang":
            # The shop took it but answers too late: Jaga sends it again (a duplicate id).
            await asyncio.sleep(3)
        return web.Response(status=204)

    async def _listen(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        self.port = self._runner.addresses[0][1]

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def down(self) -> None:
        self._call(self._close())

    def up(self) -> None:
        self._call(self._listen())

    async def _finish(self) -> None:
        """As asyncio.run ends a loop: the server closed, then every task left cancelled and
        awaited. A connection still being accepted (or a handler still running) closes its
        transport when cancelled; a loop closed under it left the socket to the garbage
        collector ("unclosed transport", raised as unraisable in a later test)."""
        await self._close()
        left = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in left:
            task.cancel()
        await asyncio.gather(*left, return_exceptions=True)

    def stop(self) -> None:
        self._call(self._finish())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"


def rows(data_dir: Path, query: str) -> list[tuple]:
    with sqlite3.connect(f"file:{data_dir / 'app.sqlite3'}?mode=ro", uri=True) as db:
        return db.execute(query).fetchall()


def inject(worker: Worker, data_dir: Path, batch: int, sent: dict[str, list[str]]) -> None:
    """`batch` messages to every number from every chat, numbered per chat."""
    accounts = rows(data_dir, "SELECT id FROM accounts ORDER BY id")
    for (account_id,) in accounts:
        messages = []
        for chat in CHATS:
            key = f"{account_id}:{chat}"
            for _ in range(batch):
                text = f"{key} #{len(sent.setdefault(key, []))}"
                sent[key].append(text)
                messages.append({"from": chat, "text": text})
        answer = worker.bridge(
            "POST", f"/sim/sessions/{account_id}/inbound", json={"messages": messages}
        )
        assert answer.status_code == 200, answer.text


@pytest.mark.timeout(300)
def test_every_webhook_arrives_once_in_order_through_outages_and_app_kills(
    tmp_path, chaos_scale, chaos_counts, error_log
):
    # The receiver's server says so when the app dies in the middle of a request.
    error_log.expect("^Error handling request")
    receiver = ThreadReceiver()
    plan = {
        "numbers": [list(n) for n in NUMBERS],
        "messages": [[NUMBERS[i % 2][1], CHATS[i % 3], f"order {i}"] for i in range(6)],
        "webhook": {"url": receiver.url, "secret": SECRET},
    }
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    data_dir = tmp_path / "data"
    batch = 3 * chaos_scale
    sent: dict[str, list[str]] = {}
    worker = Worker(data_dir, plan_file)
    app_kills = 0
    try:
        assert worker.queued.wait(120), "the worker did not link and queue"
        inject(worker, data_dir, batch, sent)
        for mode in ("down", "500", "hang"):
            if mode == "down":
                receiver.down()
            receiver.mode = mode
            inject(worker, data_dir, batch, sent)
            time.sleep(1.5)  # some attempts fail meanwhile
            if mode != "500":  # the app dies twice: while the shop is down, and while it hangs
                worker.kill()
                app_kills += 1
                worker = Worker(data_dir, plan_file)
                assert worker.queued.wait(60), "the app did not come back"
                inject(worker, data_dir, batch, sent)
            if mode == "down":
                receiver.up()
            receiver.mode = "ok"
        inject(worker, data_dir, batch, sent)
        total_in = sum(len(texts) for texts in sent.values())

        def all_done() -> bool:
            stored = rows(data_dir, "SELECT count(*) FROM messages WHERE direction = 'in'")
            waiting = rows(
                data_dir, "SELECT count(*) FROM webhook_deliveries WHERE state != 'delivered'"
            )
            return stored[0][0] == total_in and waiting[0][0] == 0

        wait_until(all_done, timeout=120)
    finally:
        worker.kill()
        receiver.stop()

    stored_ids = {
        event_id for (event_id,) in rows(data_dir, "SELECT event_id FROM webhook_deliveries")
    }
    seen: dict[str, dict] = {}
    for document in receiver.got:
        seen.setdefault(document["id"], document)  # the receiver de-duplicates by id
    assert set(seen) == stored_ids and receiver.bad_signatures == 0
    inbound = [d for d in seen.values() if d["event"] == "message"]
    assert sorted(d["payload"]["body"] for d in inbound) == sorted(
        t for ts in sent.values() for t in ts
    )
    # In order per chat: the first arrival of each event, per (number, chat).
    first_arrivals: dict[str, list[str]] = {}
    order: list[str] = []
    for document in receiver.got:
        if document["event"] == "message" and document["id"] not in order:
            order.append(document["id"])
            body = document["payload"]["body"]
            first_arrivals.setdefault(body.split(" #")[0], []).append(body)
    assert first_arrivals == sent
    acks = [d for d in seen.values() if d["event"] == "message.ack"]
    assert len({d["payload"]["id"] for d in acks}) == len(plan["messages"])
    attempts = rows(data_dir, "SELECT sum(attempts), count(*) FROM webhook_deliveries")[0]
    chaos_counts(
        app_kills=app_kills,
        messages_in=total_in,
        deliveries=attempts[1],
        retries=attempts[0] - attempts[1],
        # The same event again after a late answer: the receiver de-duplicated these by id.
        webhook_redeliveries=len(receiver.got) - len(seen),
        webhook_requests=receiver.requests,
    )
