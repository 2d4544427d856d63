"""Runs the real app core (JagaService, QProcess supervision, SQLite) for the benchmarks.

One qasync loop, marked running for the whole process (as in tests/liveapp.py): Qt events
and asyncio callbacks are always handled with a running loop. Each benchmark is one
coroutine run to its end while Qt's event loop turns.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import statistics
import subprocess
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import psutil

# The tests' helpers for driving the live app core: the same loop discipline here.
from tests.liveapp import eventually
from tests.liveapp import run as run_on

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
TOKEN_VALUE = "bench-token-0123456789abcdef"


class BenchError(Exception):
    """A benchmark could not measure what it set out to (the run is not valid)."""


# --- the event loop ---------------------------------------------------------------------

_loop: Any = None


def qt_loop() -> Any:
    """The process's one QApplication and qasync loop (created once)."""
    global _loop
    if _loop is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from app.start.app_loop import running_loop

        app = QApplication.instance() or QApplication(["jaga-bench"])
        _loop = running_loop(app)
    return _loop


def run(coroutine: Coroutine[Any, Any, T], timeout: float = 600) -> T:
    """Runs a coroutine to its end while Qt's own event loop turns (as in the app)."""
    return run_on(qt_loop(), coroutine, timeout)


# --- statistics -------------------------------------------------------------------------


def stop_process(proc: Any) -> None:
    """Asks a child app to end (it stops its bridge), then insists."""
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def stats(samples: list[float], unit: str = "ms", digits: int = 1) -> dict[str, Any]:
    if not samples:
        return {"n": 0, "unit": unit, "median": None, "min": None, "max": None, "samples": []}
    return {
        "n": len(samples),
        "unit": unit,
        "median": round(statistics.median(samples), digits),
        "min": round(min(samples), digits),
        "max": round(max(samples), digits),
        "samples": [round(s, digits) for s in samples],
    }


def ms(seconds: float) -> float:
    return seconds * 1000.0


# --- the app core under test --------------------------------------------------------------


def bench_policy() -> Any:
    """The default supervision policy, except that every kill counts as an isolated crash.

    By default a crash after a stable run (30 s) restarts at once, and five crashes in a
    minute give up (FATAL). The benchmarks kill the bridge every few seconds, so they
    shorten "stable" to 0.5 s and never give up; the restart path itself is the default.
    """
    from app.domain.bridge_policy import Policy

    return Policy(healthy_reset=0.5, fatal_failures=1_000_000)


class AppView:
    """What the app shows, tracked from the service's own signals (timestamps exact).

    Every signal that can change the view re-evaluates the registered conditions, so a
    condition's time is the moment the app's state changed, not a polling tick. The view
    is checked against the store itself after every measurement (`verify`).
    """

    def __init__(self, service: Any) -> None:
        self.service = service
        self.status: dict[str, str] = {}
        self.ready_at: list[float] = []
        self.down_at: list[float] = []
        self._waiters: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []
        self.refresh()
        service.status_changed.connect(self._on_status)
        service.accounts_changed.connect(self.refresh)
        service.supervisor.ready.connect(self._on_ready)
        service.supervisor.went_down.connect(self._on_down)
        service.supervisor.state_changed.connect(lambda _state: self._check())

    def refresh(self) -> None:
        self.status = {a.id: a.status for a in self.service.store.accounts()}
        self._check()

    def connected(self) -> int:
        return sum(1 for s in self.status.values() if s == "connected")

    def all_connected(self, n: int | None = None) -> bool:
        n = len(self.status) if n is None else n
        return len(self.status) == n and self.connected() == n

    def truthful_down(self) -> bool:
        """The app admits the bridge is down and shows no number as connected."""
        return not self.service.bridge_up and self.connected() == 0

    def _on_status(self, account_id: str, _old: str, new: str) -> None:
        self.status[account_id] = new
        self._check()

    def _on_ready(self, _info: Any) -> None:
        self.ready_at.append(time.monotonic())
        self._check()

    def _on_down(self, _reason: str) -> None:
        self.down_at.append(time.monotonic())
        self._check()

    def _check(self) -> None:
        now = time.monotonic()
        for entry in list(self._waiters):
            predicate, future = entry
            if not future.done() and predicate():
                future.set_result(now)
                self._waiters.remove(entry)

    async def until(self, predicate: Callable[[], bool], timeout: float, what: str) -> float:
        """Monotonic time at which the predicate first held (at once if it holds now)."""
        if predicate():
            return time.monotonic()
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        entry = (predicate, future)
        self._waiters.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            raise BenchError(f"{what} not seen within {timeout:g} s") from None
        finally:
            if entry in self._waiters:
                self._waiters.remove(entry)

    def verify(self) -> None:
        stored = {a.id: a.status for a in self.service.store.accounts()}
        if stored != self.status:
            raise BenchError("the signal-tracked view differs from the store")


class Fleet:
    """A live JagaService with the real bridge (sim engine) in a data folder of its own."""

    def __init__(
        self,
        data_dir: Path,
        *,
        policy: Any = None,
        session_options: dict[str, Any] | None = None,
    ) -> None:
        from app.application import Options, create_service
        from app.system.data_folders import DataPaths
        from app.system.secrets import BridgeToken

        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir = data_dir
        self.service = create_service(
            DataPaths(data_dir),
            Options(
                sim_control=True,
                token=BridgeToken(TOKEN_VALUE, persistent=True),
                policy=policy or bench_policy(),
                # None: the sim's own defaults (connect latency 300 ms), as in real use.
                session_options=session_options,
            ),
        )
        self.view = AppView(self.service)
        self._phones = 0

    @property
    def pid(self) -> int | None:
        return self.service.supervisor.pid

    async def start(self) -> None:
        self.service.start()
        await self.wait_running(20)

    async def wait_running(self, timeout: float = 30) -> None:
        from app.domain.bridge_policy import State

        await eventually(
            lambda: (
                self.service.supervisor.state is State.RUNNING and self.service.client is not None
            ),
            timeout,
            what="bridge running",
        )

    async def link(self, n: int, timeout: float = 120) -> None:
        """Adds and links (sim QR scan) numbers until `n` are connected."""
        service = self.service
        have = len(self.view.status)
        accounts = []
        for i in range(have, n):
            accounts.append(await service.add_account(f"Bench {i + 1:03d}"))
        self.view.refresh()

        async def scan(account: Any) -> None:
            await self.view.until(
                lambda: self.view.status.get(account.id) == "qr", 30, f"QR for {account.id}"
            )
            self._phones += 1
            await service.simulate_scan(account.id, f"6281{self._phones:09d}")

        limit = asyncio.Semaphore(8)

        async def scan_limited(account: Any) -> None:
            async with limit:
                await scan(account)

        await asyncio.gather(*(scan_limited(a) for a in accounts))
        await self.view.until(lambda: self.view.all_connected(n), timeout, f"{n} connected")
        self.view.verify()

    async def kill(self, sig: int = signal.SIGKILL) -> tuple[int, float]:
        pid = self.pid
        if not pid:
            raise BenchError("no bridge process to signal")
        at = time.monotonic()
        os.kill(pid, sig)
        return pid, at

    def bridge_rss(self) -> int | None:
        pid = self.pid
        if not pid:
            return None
        try:
            return psutil.Process(pid).memory_info().rss
        except psutil.Error:
            return None

    async def settle(self, low: float = 0.2, high: float = 0.6) -> None:
        """A random pause, so kills land at random moments (heartbeats, keep-alives)."""
        await asyncio.sleep(random.uniform(low, high))

    async def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        service = self.service
        try:
            await service.aclose()
        finally:
            service.store.close()
            service.supervisor.logs.close()
            service.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def machine_info() -> dict[str, Any]:
    import platform
    import subprocess

    from app.bridge.node import resolve_node

    node = resolve_node()
    node_version = None
    if node is not None:
        with contextlib.suppress(OSError):
            node_version = subprocess.run(
                [str(node), "--version"], capture_output=True, text=True, timeout=10
            ).stdout.strip()
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.strip()
        )
    except OSError:
        commit, dirty = None, None
    cpu_model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "node": node_version,
        "git_commit": commit,
        "git_dirty": dirty,
    }
