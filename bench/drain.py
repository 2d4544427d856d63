"""Scenario 7a: the outbox drain after a reconnect, with the main window shown.

One number is linked and stopped by its owner; 10,000 messages to 50 chats are accepted
into the outbox while it is away; the number is reconnected, and the clock runs from the
reconnect until every message is sent (the bridge took it), then delivered (the sim
network's receipt is stored). Repeated (3 drains; --quick: 1 of 1,000) on the same number.
Meanwhile the main window is shown and a 10 ms Qt timer measures the UI's lag. The sim
network's journal is checked after each drain: every message on the wire exactly once.

Seed strategies in the same run, against the same bridge:
- no outbox: a message sent while its number is away goes straight to the bridge (100
  tries, counting how many the bridge accepts);
- one request per message: with the number connected, a client without an outbox posts
  each message on its own, 50 in flight (what a web app's workers do): its send rate is
  the baseline of the drain's.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.context import Context
from bench.harness import BenchError, Fleet, eventually, stats
from bench.ui_lag import LoopLag, lag_summary

CHATS = 50
SEED_SAMPLE = 100
#: Messages the one-request-per-message baseline sends, and how many at once.
DIRECT = 2_000
DIRECT_QUICK = 300
DIRECT_IN_FLIGHT = 50
POLL_S = 0.25


def counts(service: Any, account_id: str) -> dict[str, int]:
    """Rows by status, counted in SQL: polling must not slow down what it measures."""
    from sqlalchemy import func, select

    from app.storage.tables import Message

    with service.store.session() as s:
        query = (
            select(Message.status, func.count())
            .where(Message.account_id == account_id)
            .group_by(Message.status)
        )
        return {status: count for status, count in s.execute(query)}


def _client(fleet: Fleet) -> Any:
    client = fleet.service.client
    if client is None:
        raise BenchError("no bridge client for the seed re-enactment")
    return client


async def seed_while_away(fleet: Fleet, account_id: str, tries: int) -> dict[str, int]:
    """The seed had no outbox: a send while the number is away goes straight to the bridge."""
    from app.bridge.client import BridgeError

    client = _client(fleet)
    accepted, refused = 0, {}
    for i in range(tries):
        try:
            await client.send_message(account_id, f"62813{i:07d}", f"seed {i}", f"SEED{i:06d}")
            accepted += 1
        except BridgeError as error:
            refused[error.code] = refused.get(error.code, 0) + 1
    return {"tried": tries, "accepted": accepted, **{f"refused_{k}": v for k, v in refused.items()}}


async def seed_one_request_each(fleet: Fleet, account_id: str, n: int) -> float:
    """Messages a second when each is posted on its own (DIRECT_IN_FLIGHT at once)."""
    client = _client(fleet)
    limit = asyncio.Semaphore(DIRECT_IN_FLIGHT)

    async def one(i: int) -> None:
        async with limit:
            await client.send_message(
                account_id, f"62814{i % CHATS:07d}", f"direct {i}", f"DIRECT{time.time_ns()}{i}"
            )

    began = time.monotonic()
    await asyncio.gather(*(one(i) for i in range(n)))
    return n / (time.monotonic() - began)


async def drain_once(fleet: Fleet, account_id: str, queued: int, run: int) -> dict[str, Any]:
    """Stop, queue `queued`, reconnect: seconds to all sent and delivered, UI lag meanwhile."""
    service = fleet.service
    await service.stop_account(account_id)
    await eventually(
        lambda: service.store.account(account_id).status == "stopped", 10, what="stopped"
    )
    began = time.monotonic()
    for i in range(queued):
        service.send_message(account_id, f"62812{i % CHATS:07d}", f"drain {run}.{i}")
        if i % 200 == 199:
            await asyncio.sleep(0)  # the window keeps painting (one blocking burst was 12 s)
    accept_s = time.monotonic() - began
    await asyncio.sleep(0.5)  # the window has painted the new rows; the loop is idle
    lag = LoopLag()
    lag.start()
    reconnect_at = time.monotonic()
    await service.reconnect(account_id)
    sent_s = delivered_s = None
    while delivered_s is None:
        await asyncio.sleep(POLL_S)
        now = time.monotonic()
        by_status = counts(service, account_id)
        done = sum(by_status.get(s, 0) for s in ("sent", "delivered", "read"))
        delivered = sum(by_status.get(s, 0) for s in ("delivered", "read"))
        if sent_s is None and done == queued * (run + 1):
            sent_s = now - reconnect_at
            lag.stop()
        if delivered == queued * (run + 1):
            delivered_s = now - reconnect_at
        if now - reconnect_at > 900:
            raise BenchError(f"outbox not drained in 900 s ({by_status})")
    assert sent_s is not None
    return {
        "accept_s": accept_s,
        "sent_s": sent_s,
        "delivered_s": delivered_s,
        "rate": queued / sent_s,
        "lag": lag.samples,
    }


async def exactly_once(fleet: Fleet, account_id: str, expected: int) -> dict[str, int]:
    network = await _client(fleet).sim_network()
    ids = [
        str(row["client_id"])
        for row in network
        if row["session_id"] == account_id and str(row["client_id"]).startswith("JAGA")
    ]
    found = {"network_sends": len(ids), "network_duplicates": len(ids) - len(set(ids))}
    if found["network_sends"] != expected or found["network_duplicates"]:
        raise BenchError(f"the sim network did not get each message once: {found}")
    return found


async def measure_drain(ctx: Context) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QEvent

    from app.ui.main_window.window import MainWindow

    queued = 1_000 if ctx.quick else 10_000
    runs = ctx.count(3, 1)
    fleet = Fleet(ctx.folder("messages-drain"))
    service = fleet.service
    window = None
    try:
        await fleet.start()
        await fleet.link(1)
        (account,) = service.store.accounts()
        window = MainWindow(service.window)
        window.show()
        await service.stop_account(account.id)
        await eventually(
            lambda: service.store.account(account.id).status == "stopped", 10, what="stopped"
        )
        seed = await seed_while_away(fleet, account.id, SEED_SAMPLE)
        drains = []
        for run in range(runs):
            drains.append(await drain_once(fleet, account.id, queued, run))
            d = drains[-1]
            ctx.log(
                f"  drain {run + 1}/{runs}: {queued} sent in {d['sent_s']:.1f} s "
                f"({d['rate']:.0f}/s), delivered after {d['delivered_s']:.1f} s, UI lag p99 "
                f"{lag_summary(d['lag'])['p99_ms']} ms"
            )
        once = await exactly_once(fleet, account.id, queued * runs)
        direct = await seed_one_request_each(
            fleet, account.id, DIRECT_QUICK if ctx.quick else DIRECT
        )
        ctx.log(f"  seed, one request per message: {direct:.0f}/s")
    finally:
        await fleet.close()  # first: nothing may reach the window once it is gone
        if window is not None:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    rate = stats([d["rate"] for d in drains], "msg/s")
    lags = [sample for d in drains for sample in d["lag"]]
    return {
        "queued": queued,
        "chats": CHATS,
        "runs": runs,
        "drain_per_s": rate,
        "reconnect_to_all_sent_s": stats([d["sent_s"] for d in drains], "s", 2),
        "reconnect_to_all_delivered_s": stats([d["delivered_s"] for d in drains], "s", 2),
        "accepted_per_s": stats([queued / d["accept_s"] for d in drains], "msg/s"),
        "ui_loop_lag": lag_summary(lags),
        "ui_lag_p99_by_run_ms": stats([lag_summary(d["lag"])["p99_ms"] for d in drains], "ms", 2),
        **once,
        "seed_direct_sends_while_away": seed,
        "seed_one_request_each_per_s": round(direct, 1),
        "ratio": round(rate["median"] / direct, 1) if direct else None,
        "note": (
            "pacing off (the sim); sent = the bridge took it; the UI lag is the main window's "
            "event loop during the drain (a 10 ms timer); the seed posts each message on its "
            f"own, {DIRECT_IN_FLIGHT} in flight, with the number connected"
        ),
    }
