"""Damaged auth state: that number fails as auth_corrupt, its rows are quarantined to a
file, and every other number stays connected. Nothing is re-linked silently."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal

import pytest

from tests.liveapp import (
    FAST_SIM,
    dispose,
    eventually,
    make_service,
    run,
    settled,
    status_of,
    until_bridge_ready,
)

pytestmark = [pytest.mark.chaos, pytest.mark.integration]


async def link(service, count: int) -> list[str]:
    ids = [(await service.add_account(f"Till {i}")).id for i in range(count)]
    for i, account_id in enumerate(ids):
        await eventually(lambda a=account_id: status_of(service, a) == "qr", timeout=15)
        await service.simulate_scan(account_id, f"62814{i:08d}")
    await eventually(lambda: all(status_of(service, a) == "connected" for a in ids), timeout=30)
    return ids


def quarantined(data_dir) -> dict[str, list[dict]]:
    """session id → its quarantine files' documents."""
    folder = data_dir / "bridge" / "quarantine"
    out: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("*")) if folder.exists() else []:
        doc = json.loads(path.read_text(encoding="utf-8"))
        out.setdefault(doc["session_id"], []).append(doc)
    return out


def test_corrupt_auth_fails_that_number_alone_and_quarantines_it(
    loop, service, data_dir, chaos_scale, chaos_counts
):
    rng = random.Random(os.environ.get("JAGA_CHAOS_SEED") or None)
    numbers = 4 * chaos_scale
    corrupt_each_way = chaos_scale  # per-number restart, then a bridge crash
    changes: list[tuple[str, str, str]] = []
    service.status_changed.connect(lambda a, old, new: changes.append((a, old, new)))

    async def scenario():
        ids = await link(service, numbers)
        victims = rng.sample(ids, 2 * corrupt_each_way)
        first, second = victims[:corrupt_each_way], victims[corrupt_each_way:]

        # 1. Damaged while connected; the number alone is restarted: it fails at once.
        for victim in first:
            await service.client.sim(f"/sessions/{victim}/corrupt-auth")
        changes.clear()
        for victim in first:
            # As the owner does it: Stop, see "Stopped", then Reconnect.
            await service.stop_account(victim)
            await eventually(lambda v=victim: status_of(service, v) == "stopped", timeout=5)
            await asyncio.sleep(0.2)
            await service.reconnect(victim)
        await eventually(lambda: all(status_of(service, v) == "failed" for v in first), timeout=15)
        neighbours = [a for a in ids if a not in victims]
        assert all(status_of(service, a) == "connected" for a in neighbours + second)
        assert {a for a, _old, _new in changes} <= set(first), changes

        # 2. Damaged, then the bridge crashes: the restore finds it unreadable.
        for victim in second:
            await service.client.sim(f"/sessions/{victim}/corrupt-auth")
        boot = service.boot_id
        os.kill(service.supervisor.pid, signal.SIGKILL)
        await eventually(lambda: service.boot_id not in (None, boot), timeout=20)
        await until_bridge_ready(service)
        await eventually(
            lambda: (
                all(status_of(service, v) == "failed" for v in second)
                and all(status_of(service, a) == "connected" for a in neighbours)
            ),
            timeout=30,
        )
        snapshot = await service.client.sessions()
        return ids, first, second, neighbours, snapshot

    _ids, first, second, neighbours, snapshot = run(loop, scenario(), timeout=90)
    chaos_counts(kills=1, corruptions=len(first) + len(second))

    for victim in first + second:
        account = service.store.account(victim)
        assert (account.status, account.reason) == ("failed", "auth_corrupt")
        assert account.desired_state == "running"  # the owner decides, not the app
    # The bridge agrees, and was not asked to re-link the damaged ones behind the owner.
    for victim in second:
        session = snapshot.sessions.get(victim)
        assert session is not None and (session.status.value, session.reason) == (
            "failed",
            "auth_corrupt",
        )
    for victim in first:  # failed in the previous boot: the restore left it alone
        assert victim not in snapshot.sessions
    for neighbour in neighbours:
        assert snapshot.sessions[neighbour].status.value == "connected"
    # Each damaged number's rows were moved to a quarantine file, not deleted.
    files = quarantined(data_dir)
    assert set(files) == set(first + second)
    for docs in files.values():
        assert len(docs) == 1
        assert docs[0]["format"] == "jaga-auth-quarantine/1"
        assert docs[0]["creds"]  # the damaged creds are kept for a person to look at


def test_stop_then_reconnect_at_once_never_relinks_a_damaged_number(loop, data_dir, chaos_counts):
    """Stop and Reconnect clicked in quick succession on numbers whose auth is damaged.

    The `stopped` event of the Stop may reach the app after the Reconnect's answer (about
    a third of the time here). The app must not act on it as news: a second start is at
    best a no-op and at worst (when the number has failed meanwhile) a fresh link with a
    new QR code, the damaged auth silently replaced. Session objects carry `seq` for this.
    """
    victims_count = 10
    # connect_ms 0: the damage is found the moment a start begins, so any second start
    # (the one a stale event would cause) meets a failed number and re-links it.
    service = make_service(data_dir, session_options={**FAST_SIM, "connect_ms": 0})
    service.start()

    async def scenario():
        await until_bridge_ready(service)
        *ids, carrier = await link(service, victims_count + 1)
        for victim in ids:
            await service.client.sim(f"/sessions/{victim}/corrupt-auth")

        async def stop_and_reconnect(victim: str) -> None:
            await service.stop_account(victim)
            await service.reconnect(victim)

        # All at once: answers and events of different numbers interleave.
        await asyncio.gather(*(stop_and_reconnect(v) for v in ids))
        # Every event the Stops and Reconnects set off, stale ones included, has reached
        # the app (and any start it made of its own accord is in the audit log).
        await settled(service, carrier)
        return ids, await service.client.sessions()

    try:
        ids, snapshot = run(loop, scenario(), timeout=60)
    except BaseException:
        dispose(loop, service)
        raise
    chaos_counts(corruptions=len(ids))
    wrong = []
    for victim in ids:
        account = service.store.account(victim)
        bridge = snapshot.sessions[victim]
        second_starts = [
            e
            for e in service.store.audit_events(2000)
            if e.account_id == victim and e.kind == "reconcile_start"
        ]
        if (
            (account.status, account.reason) != ("failed", "auth_corrupt")
            or (bridge.status.value, bridge.reason) != ("failed", "auth_corrupt")
            or second_starts
        ):
            wrong.append(
                f"{victim}: app {account.status}/{account.reason}, bridge "
                f"{bridge.status.value}/{bridge.reason}, starts by the app itself: "
                f"{len(second_starts)}"
            )
    dispose(loop, service)
    assert not wrong, "\n".join(wrong)
