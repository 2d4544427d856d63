"""Every way Jaga is ended, with the same checks for the source app and the frozen one.

A Jaga in demo mode starts on a copy of a data folder holding a linked number; once the
number is connected again and the local API listens, a burst of messages is sent to the
number (so events are flowing, the inbox storing and acknowledging them, when the quit
comes) and Jaga is ended by one path. Then: exit code 0; the bridge left by its graceful
path ("shutting down" in bridge.log, recorded as `bridge_stopped`, not a crash); nothing
of Jaga left running; app.sqlite3 with its WAL folded in; and not one ERROR line or
traceback in jaga.log (app/start/: launcher.py, app_loop.py, quit_signals.py).

The window's paths (menu, tray, close, session) are run by app/start/quit_drill.py.
"""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import signal
import socket
import sqlite3
from pathlib import Path

from tests.app_process import AppProcess, Bridge, wait_for

PHONE = "6281234567890"
#: The window's quit paths (app/start/quit_drill.py) and the signals.
DRILLS = ("menu", "tray", "close", "session")
SIGNALS = {"SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT}
QUIT_PATHS = (*DRILLS, *SIGNALS)
#: Messages sent to the number just before the quit.
BURST = 500


def free_port() -> int:
    """A free port below the range the OS hands out for port 0. A port found by binding
    port 0 and closed again could be handed to another program (a bridge, a test's
    server) before the app binds it, and the app's API would then find it taken."""
    ephemeral = Path("/proc/sys/net/ipv4/ip_local_port_range")
    lowest = int(ephemeral.read_text().split()[0]) if ephemeral.exists() else 32768
    for port in random.sample(range(10_000, lowest), 100):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below the ephemeral range")


def write_settings(data_dir: Path) -> None:
    """ "Keep watching in the tray" off (closing the window ends Jaga) and an API port of
    its own (tests run beside each other)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.ini").write_text(
        f"[window]\nclose_to_tray=false\n\n[api]\nport={free_port()}\n", encoding="utf-8"
    )


def ready_bridge(app: AppProcess) -> Bridge:
    """This launch's bridge, once it is READY."""
    lines = wait_for(app.bridge_ready_lines, 30, "the bridge's READY", app.alive)
    return Bridge(lines[0])


def link_a_number(app: AppProcess) -> str:
    """The folder's first launch: a number added (as the Add button does) and linked."""
    from app.storage.store import Store

    store = Store(app.data_dir / "app.sqlite3")
    account = store.create_account("Toko Quit", "sim").id
    store.close()
    app.start()
    bridge = ready_bridge(app)
    wait_for(lambda: (app.statuses().get(account) or ("",))[0] == "qr", 20, "a QR", app.alive)
    bridge.scan(account, PHONE)
    wait_for(lambda: app.statuses().get(account) == ("connected", PHONE), 20, "linked", app.alive)
    try:
        assert app.terminate() == 0
        wait_for(bridge.gone, 15, "the first bridge gone")
    finally:
        end_all(app, bridge)
    assert_no_error(app.this_launch_log())
    return account


def copy_folder(template: Path, data_dir: Path) -> None:
    shutil.copytree(template, data_dir, ignore=shutil.ignore_patterns("app-stderr.txt"))
    write_settings(data_dir)


def quit_by(app: AppProcess, path: str, account: str) -> None:
    """Starts `app` on its folder, ends it by `path` amid a burst of messages, checks it."""
    drill = {"JAGA_QUIT_DRILL": path} if path in DRILLS else {}
    app.start(env=drill)
    bridge = ready_bridge(app)
    try:
        wait_for(
            lambda: app.statuses().get(account) == ("connected", PHONE),
            30,
            "the number connected again",
            app.alive,
        )
        try:
            wait_for(lambda: "local API listening" in app.this_launch_log(), 20, "API", app.alive)
        except AssertionError as error:  # why, in the failure itself: the folder goes
            log_tail = app.this_launch_log()[-3000:]
            raise AssertionError(f"{error}; the app's log:\n{log_tail}") from None
        stamp = bridge.inbound(account, BURST)
        # The quit comes while the burst is being stored and acknowledged.
        wait_for(lambda: app.messages_like(f"burst-{stamp}-%"), 10, "the burst", app.alive)
        assert app.process is not None
        app.process.send_signal(SIGNALS.get(path, signal.SIGUSR1))
        code = app.process.wait(30)
        assert code == 0, app.this_launch_log()[-3000:]
        wait_for(lambda: bridge.gone() and not app.leftovers(), 15, "no process left")
    finally:
        end_all(app, bridge)  # a failed check leaves nothing running behind it
    assert_clean_end(app, bridge, path)


def end_all(app: AppProcess, bridge: Bridge) -> None:
    bridge.close()
    app.kill_leftovers()
    if not bridge.gone():
        with contextlib.suppress(ProcessLookupError):
            bridge.kill()


def assert_no_error(log: str) -> None:
    problems = [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert problems == [] and "Traceback" not in log, log[-4000:]


def assert_clean_end(app: AppProcess, bridge: Bridge, path: str) -> None:
    log = app.this_launch_log()
    assert_no_error(log)
    assert "Jaga is closing" in log
    said = f"quit drill: {path}" if path in DRILLS else f"asked to quit by {path}"
    assert said in log
    assert "shutting down" in bridge_messages(app.data_dir, bridge.pid)
    kinds = [kind for kind in audit_kinds(app.data_dir) if kind.startswith("bridge_")]
    assert kinds[-1] == "bridge_stopped", kinds  # asked to stop: not "bridge_crashed"
    wal = app.data_dir / "app.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def bridge_messages(data_dir: Path, pid: int) -> list[str]:
    """What the bridge with this pid wrote in bridge.log."""
    lines = (data_dir / "logs" / "bridge.log").read_text("utf-8", errors="replace").splitlines()
    said = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("pid") == pid:
            said.append(str(record.get("msg", "")))
    return said


def audit_kinds(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{data_dir / 'app.sqlite3'}?mode=ro", uri=True, timeout=5)
    try:
        return [r[0] for r in connection.execute("SELECT kind FROM audit_events ORDER BY id")]
    finally:
        connection.close()
