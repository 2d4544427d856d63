"""Scenario `api`: the local gateway on the real app core and bridge (sim engine).

- sendText → on the sim wire: from the API request to the simulated network taking the
  message (the wire's own timestamp), one request at a time.
- webhook: a customer's message entering the sim → the shop's receiver has the `message`
  webhook, with 1 and with 10 URLs (every URL's delivery is a sample).
- kill: the same events go to a WAHA-style sender re-enacted in this process (it keeps its
  retry queue in memory, as WAHA and Evolution API do) and to Jaga's durable sender. The
  receiver answers 500 for a while; meanwhile both senders are killed once (their task is
  cancelled and their objects dropped: what survives is what they had written to disk)
  and started again. Counted: the events each receiver never got.
"""

from __future__ import annotations

import asyncio
import math
import time
from datetime import UTC, datetime
from typing import Any

import httpx
from aiohttp import web

from bench.context import Context
from bench.harness import Fleet, ms, stats
from bench.waha_style import MemoryRetrySender

NAME = "api"


def latency(samples: list[float], title: str) -> dict[str, Any]:
    """stats() with the 50th and 99th percentiles (nearest rank)."""
    ordered = sorted(samples)

    def rank(p: float) -> float | None:
        if not ordered:
            return None
        return round(ordered[min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))], 1)

    return {"title": title, **stats(samples, "ms", 1), "p50": rank(0.5), "p99": rank(0.99)}


def wall(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


class Receivers:
    """The shop's endpoints on one local server: /hook/<name>; answers 200 or 500."""

    def __init__(self) -> None:
        self.failing = False
        self.got: dict[str, list[tuple[dict[str, Any], float]]] = {}
        self.port = 0
        self._runner: web.AppRunner | None = None

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/hook/{name}"

    async def _handle(self, request: web.Request) -> web.Response:
        at = time.time()
        body = await request.json()
        if self.failing:
            return web.Response(status=500, text="the shop's database is down")
        self.got.setdefault(request.match_info["name"], []).append((body, at))
        return web.Response(text="ok")

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook/{name}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def texts(self, name: str) -> set[str]:
        return {body["payload"]["body"] for body, _at in self.got.get(name, [])}


async def until(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not within {timeout:g} s")
        await asyncio.sleep(0.02)


async def inbound(fleet: Fleet, account_id: str, text: str) -> float:
    """A customer writes; returns the wall time the message entered the sim."""
    assert fleet.service.client is not None
    at = time.time()
    message = {"from": "6281234599001", "text": text, "message_id": text}
    await fleet.service.client.sim(f"sessions/{account_id}/inbound", {"messages": [message]})
    return at


async def send_text_latency(
    fleet: Fleet, http: httpx.AsyncClient, account_id: str, n: int
) -> list[float]:
    assert fleet.service.client is not None
    started: dict[str, float] = {}
    for i in range(n):
        text = f"bench-send-{i}"
        started[text] = time.time()
        answer = await http.post(
            "/api/sendText",
            json={"session": account_id, "chatId": f"62812000{i % 50:05d}@c.us", "text": text},
        )
        answer.raise_for_status()
        await asyncio.sleep(0.01)
    client = fleet.service.client

    async def on_wire() -> list[dict[str, Any]]:
        return [s for s in await client.sim_network() if s["text"] in started]

    deadline = time.monotonic() + 60
    while len(wire := await on_wire()) < n:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{n - len(wire)} sends not on the wire")
        await asyncio.sleep(0.1)
    return [ms(wall(s["at"]) - started[s["text"]]) for s in wire]


async def webhook_latency(
    fleet: Fleet, gateway: Any, receivers: Receivers, account_id: str, urls: int, n: int
) -> list[float]:
    names = [f"lat{urls}-{i}" for i in range(urls)]
    targets = [gateway.webhooks.add_target(receivers.url(name), ["message"], "s") for name in names]
    try:
        entered: dict[str, float] = {}
        for i in range(n):
            text = f"bench-hook{urls}-{i}"
            entered[text] = await inbound(fleet, account_id, text)
            await asyncio.sleep(0.01)

        def all_in() -> bool:
            return all(len(receivers.got.get(name, [])) >= n for name in names)

        await until(all_in, 60, f"{n} webhooks at {urls} URLs")
        return [
            ms(at - entered[body["payload"]["body"]])
            for name in names
            for body, at in receivers.got[name]
            if body["payload"]["body"] in entered
        ]
    finally:
        for target in targets:
            gateway.webhooks.remove_target(target.id)


async def kill_once(
    ctx: Context, fleet: Fleet, gateway: Any, receivers: Receivers, account_id: str, n: int
) -> dict[str, Any]:
    target = gateway.webhooks.add_target(receivers.url("jaga"), ["message"], "s")
    waha = MemoryRetrySender(receivers.url("waha"))
    hook = waha.write_hook()
    fleet.service.store.write_hooks.add(hook)
    sent: list[str] = []
    try:
        receivers.failing = True  # the shop's endpoint fails: both senders hold retries
        for i in range(n):
            sent.append(f"bench-kill-{i}")
            await inbound(fleet, account_id, sent[-1])
        await until(lambda: waha.queued >= n, 30, "the WAHA-style queue holding every event")
        # The kill: each sender's task ends at once and its objects are gone.
        queued_in_memory = waha.queued
        pending_on_disk = gateway.webhooks.health(target.id).pending
        await waha.kill()
        waha.restart()  # a fresh process: an empty queue
        await gateway.restart_sender()  # a fresh sender: what app.sqlite3 holds
        ctx.log(
            f"  killed: WAHA-style held {queued_in_memory} in memory;"
            f" Jaga {pending_on_disk} on disk"
        )
        receivers.failing = False
        for i in range(n, n + n // 4):  # life goes on after the restart
            sent.append(f"bench-kill-{i}")
            await inbound(fleet, account_id, sent[-1])

        def jaga_done() -> bool:
            return set(sent) <= receivers.texts("jaga")

        await until(jaga_done, 120, "Jaga's receiver having every event")
        await until(lambda: waha.queued == 0, 60, "the WAHA-style sender idle")
    finally:
        fleet.service.store.write_hooks.remove(hook)
        await waha.kill()
        gateway.webhooks.remove_target(target.id)
    lost_waha = len(set(sent) - receivers.texts("waha"))
    lost_jaga = len(set(sent) - receivers.texts("jaga"))
    return {
        "events": len(sent),
        "killed_with_queued": {
            "waha_style_in_memory": queued_in_memory,
            "jaga_on_disk": pending_on_disk,
        },
        "lost": {"waha_style": lost_waha, "jaga": lost_jaga},
    }


async def measure(ctx: Context) -> dict[str, Any]:
    import keyring

    from app.domain import webhook_retry as retry
    from app.gateway.gateway import for_service
    from tests.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    # Retries compressed (first 0.1 s, at most 1 s apart) for both senders alike.
    retry.FIRST_DELAY_S, retry.MAX_DELAY_S = 0.1, 1.0
    n = ctx.count(200, 40)
    fleet = Fleet(ctx.folder("api"))
    receivers = Receivers()
    await receivers.start()
    gateway = None
    try:
        await fleet.start()
        await fleet.link(1)
        account_id = fleet.service.accounts()[0].id
        gateway = for_service(fleet.service, "bench", port=0, webhook_timeout_s=2.0)
        await gateway.start()
        headers = {"X-Api-Key": gateway.api_key.value}
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{gateway.server.port}", headers=headers, timeout=30
        ) as http:
            send = await send_text_latency(fleet, http, account_id, n)
        ctx.log(f"  sendText → wire: n={len(send)}")
        one = await webhook_latency(fleet, gateway, receivers, account_id, 1, n)
        ten = await webhook_latency(fleet, gateway, receivers, account_id, 10, max(10, n // 4))
        ctx.log(f"  webhooks: 1 URL n={len(one)}, 10 URLs n={len(ten)}")
        kill = await kill_once(ctx, fleet, gateway, receivers, account_id, max(20, n // 4))
        ctx.log(f"  kill: lost {kill['lost']}")
    finally:
        if gateway is not None:
            await gateway.aclose()
        await receivers.stop()
        await fleet.close()
    return {
        "api_send_text": latency(send, "API sendText → on the sim wire"),
        "api_webhook_1_url": latency(one, "customer message → webhook, 1 URL"),
        "api_webhook_10_urls": latency(ten, "customer message → webhook, 10 URLs"),
        "api_webhook_kill": {
            "title": "webhook sender killed once while the receiver fails: events lost",
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            **kill,
        },
    }
