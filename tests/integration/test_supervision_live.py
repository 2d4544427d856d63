"""Supervision of the real bridge: crashes, hangs, exit, and a second app instance."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil

from app.domain.bridge_policy import State
from tests.liveapp import (
    FAST_SIM,
    dispose,
    eventually,
    make_service,
    run,
    status_of,
    until_bridge_ready,
)


def bridges_for(data_dir) -> list[psutil.Process]:
    """Live bridge processes whose data folder is inside `data_dir`."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        try:
            if "main.js" not in " ".join(process.info["cmdline"] or []):
                continue
            ours = process.environ().get("JAGA_BRIDGE_DATA", "").startswith(str(data_dir))
            if ours and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except psutil.Error:
            continue
    return found


async def connect_one(service, label="Shop", phone="628111000001"):
    account = await service.add_account(label)
    await eventually(lambda: status_of(service, account.id) == "qr")
    await service.simulate_scan(account.id, phone)
    await eventually(lambda: status_of(service, account.id) == "connected")
    return account


def test_kill_9_turns_every_number_to_bridge_restarting_at_once_then_back(loop, service):
    async def scenario():
        account = await connect_one(service)
        old_pid, old_boot = service.supervisor.pid, service.boot_id
        down_at: list[float] = []
        service.supervisor.went_down.connect(lambda _reason: down_at.append(time.monotonic()))
        killed_at = time.monotonic()
        os.kill(old_pid, signal.SIGKILL)
        await eventually(lambda: bool(down_at), timeout=2)
        assert down_at[0] - killed_at < 1.0
        assert not service.bridge_up
        assert status_of(service, account.id) != "connected"
        assert service.store.account(account.id).reason == "bridge_crashed"
        # Restarted and READY again with a new boot, and the number is back by itself.
        await until_bridge_ready(service)
        assert service.supervisor.pid != old_pid and service.boot_id != old_boot
        await eventually(lambda: status_of(service, account.id) == "connected", timeout=10)

    run(loop, scenario())


def test_a_frozen_bridge_is_detected_as_hung_and_replaced(loop, service):
    async def scenario():
        pid = service.supervisor.pid
        stopped_at = time.monotonic()
        os.kill(pid, signal.SIGSTOP)
        try:
            await eventually(lambda: service.supervisor.pid not in (None, pid), timeout=20)
        finally:
            if psutil.pid_exists(pid):
                os.kill(pid, signal.SIGCONT)
        detected = time.monotonic() - stopped_at
        assert detected < 20
        assert "hung" in (service.supervisor.machine.last_exit or "")
        await until_bridge_ready(service)

    run(loop, scenario(), timeout=40)


def test_closing_the_app_leaves_no_bridge_behind(loop, data_dir):
    live = make_service(data_dir)
    live.start()
    run(loop, until_bridge_ready(live))
    pid = live.supervisor.pid
    assert bridges_for(data_dir)
    dispose(loop, live)
    assert live.supervisor.state is State.STOPPED
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert bridges_for(data_dir) == []


def test_two_services_on_one_folder_never_run_two_bridges(loop, service, data_dir):
    second = make_service(data_dir, session_options=FAST_SIM)
    second.start()
    try:
        run(loop, eventually(lambda: second.supervisor.state is State.FATAL, timeout=15))
        assert len(bridges_for(data_dir)) == 1
        assert service.supervisor.state is State.RUNNING
    finally:
        dispose(loop, second)


def test_a_second_app_launch_activates_the_first_and_starts_no_bridge(data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "app", "--data-dir", str(data_dir)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while not bridges_for(data_dir) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(bridges_for(data_dir)) == 1
        second = subprocess.run(command, env=env, capture_output=True, timeout=20, text=True)
        assert second.returncode == 0
        assert "already running" in second.stderr
        assert len(bridges_for(data_dir)) == 1
        assert first.poll() is None
    finally:
        first.terminate()
        first.communicate(timeout=20)
    # The first app, ended politely, took its bridge with it.
    deadline = time.monotonic() + 10
    while bridges_for(data_dir) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert bridges_for(data_dir) == []
