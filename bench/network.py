"""Scenario `network`: the computer loses its internet for a while, then gets it back.

For N numbers connected (sim engine, the real bridge and app core), per outage:
- network off → every number says "No internet connection" (reason network_unreachable);
- network back → all N connected again.
Baseline in the same run: the same bridge and app with the network watch turned off
(`network_probe_ms: 0`), i.e. the engine's plain reconnect backoff (1 s doubling to 60 s,
with jitter), which is how a number comes back when nobody looks for the network.
And a connection that goes silent without closing (the sim stops its frames): time until
the bridge's keep-alive window judges it dead (`reconnecting`, keepalive_timeout), with a
3 s window; the tests check the rule and the order of events, this is its figure.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.context import Context
from bench.harness import Fleet, ms, stats

NAME = "network"
SIZES = (1, 20)
WATCH_OFF = {"network_probe_ms": 0}
#: The keep-alive window for the silent-connection figure (the sim's frames: a third of it).
KEEPALIVE_MS = 3000


async def outage(fleet: Fleet, n: int, hold_s: float) -> dict[str, float]:
    service, view = fleet.service, fleet.view

    def all_offline() -> bool:
        accounts = service.store.accounts()
        return len(accounts) == n and all(a.reason == "network_unreachable" for a in accounts)

    assert service.client is not None
    off = time.monotonic()
    await service.client.sim("network", {"up": False})
    said = await view.until(all_offline, 15, f"{n} numbers saying no internet")
    # Held long enough for the backoff to grow, as in a real outage.
    await asyncio.sleep(max(0.0, hold_s - (time.monotonic() - off)))
    back = time.monotonic()
    await service.client.sim("network", {"up": True})
    connected = await view.until(lambda: view.all_connected(n), 180, f"{n} connected again")
    view.verify()
    return {"no_internet_said_ms": ms(said - off), "restored_ms": ms(connected - back)}


async def run_variant(
    ctx: Context, name: str, options: dict[str, Any] | None, outages: int, hold_s: float
) -> dict[int, dict[str, list[float]]]:
    fleet = Fleet(ctx.folder(f"network-{name}"), session_options=options)
    out: dict[int, dict[str, list[float]]] = {}
    try:
        await fleet.start()
        for n in SIZES:
            await fleet.link(n)
            rows: dict[str, list[float]] = {}
            for i in range(outages):
                await fleet.settle()
                result = await outage(fleet, n, hold_s)
                for key, value in result.items():
                    rows.setdefault(key, []).append(value)
                ctx.log(
                    f"  {name} N={n} outage {i + 1}/{outages} ({hold_s:g} s):"
                    f" said in {result['no_internet_said_ms']:.0f} ms,"
                    f" all connected {result['restored_ms']:.0f} ms after the network returned"
                )
            out[n] = rows
    finally:
        await fleet.close()
    return out


async def silent_connection(ctx: Context, times: int) -> dict[str, Any]:
    """One number whose connection goes silent `times` times: until it is judged dead."""
    fleet = Fleet(ctx.folder("network-keepalive"), session_options={"keepalive_ms": KEEPALIVE_MS})
    samples: list[float] = []
    try:
        await fleet.start()
        await fleet.link(1)
        service, view = fleet.service, fleet.view
        assert service.client is not None
        for i in range(times):
            await fleet.settle()
            (account,) = service.store.accounts()
            silent = time.monotonic()
            await service.client.sim(f"sessions/{account.id}/silence", {"on": True})
            judged = await view.until(
                lambda: service.store.accounts()[0].reason == "keepalive_timeout",
                KEEPALIVE_MS / 1000 + 15,
                "the silent connection judged dead",
            )
            samples.append(ms(judged - silent))
            await view.until(lambda: view.all_connected(1), 60, "connected again")
            ctx.log(f"  silent connection {i + 1}/{times}: judged dead after {samples[-1]:.0f} ms")
    finally:
        await fleet.close()
    return {"window_ms": KEEPALIVE_MS, "judged_dead": stats(samples, "ms", 0)}


async def measure(ctx: Context) -> dict[str, Any]:
    outages = ctx.count(3, 1)
    hold_s = 6.0 if ctx.quick else 20.0
    jaga = await run_variant(ctx, "jaga", None, outages, hold_s)
    plain = await run_variant(ctx, "plain-backoff", WATCH_OFF, outages, hold_s)
    by_n: dict[str, Any] = {}
    for n in SIZES:
        row = {
            "jaga": stats(jaga[n]["restored_ms"], "ms", 0),
            "seed": stats(plain[n]["restored_ms"], "ms", 0),
            "jaga_no_internet_said": stats(jaga[n]["no_internet_said_ms"]),
        }
        j, s = row["jaga"]["median"], row["seed"]["median"]
        row["ratio"] = round(s / j, 1) if j and s else None
        by_n[str(n)] = row
    return {
        "network_restore": {
            "title": "network restored → all N connected",
            "outage_s": hold_s,
            "by_n": by_n,
            "seed_label": "the engine's plain reconnect backoff (network watch off)",
        },
        "keepalive": await silent_connection(ctx, ctx.count(3, 1)),
    }
