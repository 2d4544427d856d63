"""Restoration and reconciliation against the real bridge: what is shown is what runs."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from app.domain.status import SessionStatus
from tests.liveapp import eventually, run, status_of, until_bridge_ready


async def link(service, label: str, phone: str):
    account = await service.add_account(label)
    await eventually(lambda: status_of(service, account.id) == "qr")
    await service.simulate_scan(account.id, phone)
    await eventually(lambda: status_of(service, account.id) == "connected")
    return account


def statuses(service) -> dict[str, str]:
    return {a.id: a.status for a in service.store.accounts()}


def test_twenty_numbers_come_back_after_kill_9_with_the_gap_on_record(loop, service):
    async def scenario():
        accounts = [await link(service, f"Till {i}", f"62812555{i:04d}") for i in range(20)]
        os.kill(service.supervisor.pid, signal.SIGKILL)
        await eventually(lambda: not service.bridge_up, timeout=2)
        await until_bridge_ready(service)
        await eventually(
            lambda: all(s == "connected" for s in statuses(service).values()), timeout=30
        )
        for account in accounts:
            history = service.store.history(account.id)
            crash = [h for h in history if h.reason == "bridge_crashed"]
            assert len(crash) == 1
            after = history[history.index(crash[0]) + 1 :]
            assert after and after[-1].status == "connected"

    run(loop, scenario(), timeout=90)


def test_a_number_the_owner_stopped_stays_stopped_across_restarts(loop, service):
    async def scenario():
        kept = await link(service, "Kept", "6281200000001")
        stopped = await link(service, "Stopped", "6281200000002")
        await service.stop_account(stopped.id)
        await eventually(lambda: status_of(service, stopped.id) == "stopped")
        os.kill(service.supervisor.pid, signal.SIGKILL)
        await eventually(lambda: not service.bridge_up, timeout=2)
        await until_bridge_ready(service)
        await eventually(lambda: status_of(service, kept.id) == "connected", timeout=10)
        await service.reconcile("test")  # a full reconcile changes nothing either
        snapshot = await service.client.sessions()
        assert snapshot.sessions.get(stopped.id) is None or (
            snapshot.sessions[stopped.id].status is SessionStatus.STOPPED
        )
        assert status_of(service, stopped.id) == "stopped"

    run(loop, scenario(), timeout=60)


def test_a_session_started_behind_the_apps_back_is_stopped(loop, service):
    async def scenario():
        await service.client.start_session("intruder", "sim", {"qr_first_ms": 100})

        # The status event of the unknown session triggers a reconcile that stops it.
        async def stopped() -> bool:
            snapshot = await service.client.sessions()
            intruder = snapshot.sessions.get("intruder")
            return intruder is None or intruder.status is SessionStatus.STOPPED

        await eventually(stopped, timeout=5)
        kinds = [(e.kind, e.detail) for e in service.store.audit_events()]
        assert ("reconcile_stop", "orphan") in kinds

    run(loop, scenario())


def test_a_lost_event_is_corrected_on_resume(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281200000003")
        stream = service.event_stream
        assert stream is not None
        stream.pause()  # the connection drops and stays away for a moment
        await service.client.sim(f"sessions/{account.id}/close", {"code": 401})
        await eventually(lambda: service.client is not None, timeout=1)  # the bridge keeps running
        assert status_of(service, account.id) == "connected"  # the app has not heard yet
        stream.resume()
        await eventually(lambda: status_of(service, account.id) == "logged_out", timeout=5)

    run(loop, scenario())


def test_phone_scenarios_end_in_the_right_status_and_reason(loop, service):
    async def scenario():
        drop = await link(service, "Drop", "6281200000011")
        out = await link(service, "Out", "6281200000012")
        conflict = await link(service, "Conflict", "6281200000013")
        banned = await link(service, "Banned", "6281200000014")
        changes: list[tuple[str, str]] = []
        service.status_changed.connect(lambda aid, _old, new: changes.append((aid, new)))

        await service.client.sim(f"sessions/{drop.id}/close", {"code": 428})
        await eventually(lambda: (drop.id, "reconnecting") in changes, timeout=5)
        await eventually(lambda: status_of(service, drop.id) == "connected", timeout=10)

        await service.client.sim(f"sessions/{out.id}/close", {"code": 401})
        await eventually(lambda: status_of(service, out.id) == "logged_out", timeout=5)

        # 440: one automatic retry after a pause; a second 440 is a conflict, not a loop.
        await service.client.sim(f"sessions/{conflict.id}/close", {"code": 440})
        await eventually(lambda: status_of(service, conflict.id) == "connected", timeout=15)
        await service.client.sim(f"sessions/{conflict.id}/close", {"code": 440})
        await eventually(lambda: status_of(service, conflict.id) == "conflict", timeout=15)

        await service.client.sim(f"sessions/{banned.id}/close", {"code": 403})
        await eventually(lambda: status_of(service, banned.id) == "failed", timeout=5)
        assert service.store.account(banned.id).reason == "forbidden"

        # Nothing that needs the owner is restarted by the app, not even by a full reconcile.
        await service.reconcile("test")
        for account_id, status in ((out.id, "logged_out"), (conflict.id, "conflict")):
            assert status_of(service, account_id) == status
        assert status_of(service, banned.id) == "failed"

    run(loop, scenario(), timeout=90)


def test_a_qr_never_scanned_ends_as_qr_timeout(loop, service):
    async def scenario():
        service.session_options = {"qr_first_ms": 100, "qr_rotate_ms": 100, "qr_max": 3}
        account = await service.add_account("Never scanned")
        await eventually(lambda: status_of(service, account.id) == "failed", timeout=10)
        assert service.store.account(account.id).reason == "qr_timeout"
        await service.reconcile("test")
        assert status_of(service, account.id) == "failed"

    run(loop, scenario())


def test_corrupt_auth_is_quarantined_and_neighbours_stay_connected(loop, service, data_dir):
    async def scenario():
        good = await link(service, "Good", "6281200000021")
        bad = await link(service, "Bad", "6281200000022")
        await service.client.sim(f"sessions/{bad.id}/corrupt-auth")
        os.kill(service.supervisor.pid, signal.SIGKILL)
        await eventually(lambda: not service.bridge_up, timeout=2)
        await until_bridge_ready(service)
        await eventually(lambda: status_of(service, bad.id) == "failed", timeout=10)
        assert service.store.account(bad.id).reason == "auth_corrupt"
        await eventually(lambda: status_of(service, good.id) == "connected", timeout=10)
        quarantined = list(Path(data_dir, "bridge", "quarantine").glob("*"))
        assert quarantined, "the unreadable auth state was not kept aside"

    run(loop, scenario(), timeout=60)


def test_linking_the_same_phone_twice_leaves_one_account(loop, service):
    async def scenario():
        first = await link(service, "Shop", "6281200000031")
        second = await link(service, "WhatsApp 2", "6281200000031")
        accounts = service.store.accounts()
        assert [a.phone for a in accounts] == ["6281200000031"]
        assert accounts[0].id == second.id and accounts[0].label == "Shop"

        # The folded-in account's session is an orphan now and is stopped.
        async def first_stopped() -> bool:
            await service.reconcile("test")
            snapshot = await service.client.sessions()
            old = snapshot.sessions.get(first.id)
            return old is None or old.status is SessionStatus.STOPPED

        await eventually(first_stopped, timeout=5)

    run(loop, scenario())
