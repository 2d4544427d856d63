"""Driving a whole Jaga from outside, as a desktop would: a process, its files, its bridge.

The same for the frozen app (tests/package) and the source one (`python -m app`). Nothing
here imports the app's Qt parts: the app is a separate program. What the test knows of it
comes from what it leaves behind (logs/, app.sqlite3) and from its bridge (the loopback
API, with the token the app handed the bridge in its environment).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import psutil

T = TypeVar("T")


def wait_for(
    probe: Callable[[], T | None],
    timeout: float,
    what: str,
    alive: Callable[[], None] | None = None,
) -> T:
    """Polls until `probe` returns something truthy and returns it; `alive` raises when the
    program under test died, so a crash fails at once and says so."""
    deadline = time.monotonic() + timeout
    while True:
        if alive is not None:
            alive()
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not seen within {timeout:g} s")
        time.sleep(0.05)


def clean_env(home: Path) -> dict[str, str]:
    """A desktop-like environment: no venv, no Node on PATH but the system's, a home of its
    own, no keyring (the app then uses a token for this launch), the offscreen screen."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JAGA_", "PYTHON", "VIRTUAL_ENV", "LC_", "QT_", "XDG_"))
        and key not in ("PATH", "LD_LIBRARY_PATH", "HOME", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(
        PATH="/usr/bin:/bin",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        LANG="id_ID.UTF-8",  # Jaga follows the system's language: Indonesian here
    )
    return env


class AppProcess:
    """One launch of Jaga (`command`) in demo mode on a data folder.

    `bundle`: the frozen app's folder, whose processes are its own (None for the source
    app, whose processes are known by the data folder alone)."""

    def __init__(
        self, command: list[str], data_dir: Path, home: Path, bundle: Path | None = None
    ) -> None:
        self.command = command
        self.bundle = bundle
        self.data_dir = data_dir
        self.home = home
        self.process: subprocess.Popen[bytes] | None = None
        self._ready_before = 0
        self._log_before = 0
        self._stderr = data_dir / "app-stderr.txt"

    # --- the app ----------------------------------------------------------------------

    def start(self, env: dict[str, str] | None = None) -> AppProcess:
        """Starts it; `env` is added to the desktop-like environment (clean_env)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._ready_before = len(self._all_ready_lines())
        self._log_before = len(self.app_log())
        arguments = ["--demo", "--data-dir", str(self.data_dir)]
        arguments += ["--settings", str(self.data_dir / "settings.ini")]
        with self._stderr.open("ab") as stderr:
            self.process = subprocess.Popen(
                [*self.command, *arguments],
                env={**clean_env(self.home), **(env or {})},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        return self

    def alive(self) -> None:
        assert self.process is not None
        code = self.process.poll()
        if code is not None:
            tail = self._stderr.read_text(errors="replace")[-2000:]
            raise AssertionError(f"the frozen app exited with code {code}:\n{tail}")

    def terminate(self, timeout: float = 20) -> int:
        """SIGTERM, as a desktop session ending sends it; returns the exit code."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def kill_leftovers(self) -> None:
        """SIGKILL for this launch and whatever of it is left (after a failed check)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        for process in self.leftovers():
            with contextlib.suppress(psutil.Error):
                process.kill()

    def leftovers(self) -> list[psutil.Process]:
        """Every process still running from this bundle or on this data folder.

        A process on its way out may no longer show its executable: callers also wait for
        the processes they know (Bridge.gone)."""
        found = []
        for process in psutil.process_iter(["exe", "cmdline", "status"]):
            info = process.info
            if info["status"] == psutil.STATUS_ZOMBIE:
                continue
            exe = info["exe"] or ""
            cmdline = " ".join(info["cmdline"] or [])
            mine = self.bundle is not None and exe.startswith(str(self.bundle))
            if mine or str(self.data_dir) in cmdline:
                found.append(process)
        return found

    # --- what it leaves behind --------------------------------------------------------

    def _all_ready_lines(self) -> list[dict[str, Any]]:
        path = self.data_dir / "logs" / "bridge.log"
        if not path.exists():
            return []
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        return [json.loads(line) for line in lines if '"msg":"bridge ready"' in line]

    def bridge_ready_lines(self) -> list[dict[str, Any]]:
        """The bridge's "bridge ready" log lines written since this launch started."""
        return self._all_ready_lines()[self._ready_before :]

    def statuses(self) -> dict[str, tuple[str, str | None]]:
        """{account id: (status, phone)} from app.sqlite3, read-only."""
        try:
            uri = f"file:{self.data_dir / 'app.sqlite3'}?mode=ro"
            with sqlite3.connect(uri, uri=True, timeout=0.5) as conn:
                rows = conn.execute("SELECT id, status, phone FROM accounts").fetchall()
            return {row[0]: (row[1], row[2]) for row in rows}
        except sqlite3.Error:
            return {}

    def messages_like(self, pattern: str) -> int:
        """How many messages in app.sqlite3 have a WhatsApp id LIKE `pattern`."""
        try:
            uri = f"file:{self.data_dir / 'app.sqlite3'}?mode=ro"
            with sqlite3.connect(uri, uri=True, timeout=0.5) as conn:
                query = "SELECT COUNT(*) FROM messages WHERE message_id LIKE ?"
                return int(conn.execute(query, (pattern,)).fetchone()[0])
        except sqlite3.Error:
            return 0

    def app_log(self) -> str:
        path = self.data_dir / "logs" / "jaga.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def this_launch_log(self) -> str:
        """jaga.log as written since this launch started."""
        return self.app_log()[self._log_before :]


def frozen_app(executable: Path, data_dir: Path, home: Path) -> AppProcess:
    """The frozen `jaga` of an unpacked bundle."""
    return AppProcess([str(executable)], data_dir, home, bundle=executable.resolve().parent)


class Bridge:
    """The running bridge of a frozen app, seen from outside: its process and its API."""

    def __init__(self, ready: dict[str, Any]) -> None:
        self.pid = int(ready["pid"])
        self.port = int(ready["port"])
        self.boot_id = str(ready["boot_id"])
        self.process = psutil.Process(self.pid)
        # The app hands the token to its bridge in the environment (never in argv).
        token = self.process.environ()["JAGA_BRIDGE_TOKEN"]
        self._client = httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=5,
        )

    def close(self) -> None:
        self._client.close()

    def sessions(self) -> dict[str, dict[str, Any]]:
        response = self._client.get("/sessions")
        response.raise_for_status()
        body = response.json()
        return {item["id"]: item for item in body["sessions"]}

    def scan(self, session_id: str, phone: str) -> None:
        """The simulated phone scans the QR code (what the demo's button does)."""
        response = self._client.post(
            f"/sim/sessions/{session_id}/scan", json={"phone": phone, "name": "Toko Smoke"}
        )
        response.raise_for_status()

    def inbound(self, session_id: str, count: int) -> int:
        """`count` messages from the simulated network to the number, in one request; their
        WhatsApp ids are burst-<the stamp returned>-<n>."""
        stamp = time.monotonic_ns()
        messages = [
            {"from": "628999000111", "text": f"burst {n}", "message_id": f"burst-{stamp}-{n}"}
            for n in range(count)
        ]
        response = self._client.post(
            f"/sim/sessions/{session_id}/inbound", json={"messages": messages}
        )
        response.raise_for_status()
        return stamp

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)

    def gone(self) -> bool:
        """Ended (a zombie left to a parent that does not reap it has ended too)."""
        try:
            # is_running() is False too when the pid now names another process.
            return not self.process.is_running() or self.process.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True
