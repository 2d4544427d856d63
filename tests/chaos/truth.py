"""The truthfulness sampler: what the app shows for each number vs what the bridge says.

Every `period` seconds it asks the bridge itself, found independently of the app (the pid
in the bridge's lock file, its listening port from the OS), for `GET /sessions`, then
reads what the app shows at once:

- the app shows "down" for every number while its supervisor says the bridge is not up
  (the UI's "Bridge restarting…"), otherwise each number's status in the read model; with
  a window, what its rows say (any overlay is "down");
- the truth is "down" when no live bridge process holds the lock or its port refuses,
  otherwise each session's status from `GET /sessions` ("stopped" when it is absent);
- a stopped (SIGSTOP) or unresponsive bridge says nothing: such samples are "unknown" and
  are not compared (the hang test checks how fast the supervisor acts on it instead).

A disagreement that may have lasted more than `grace` seconds counts: from its first
disagreeing sample to the first agreeing one after it (an upper bound, so the check errs
on the strict side), less the time in which the bridge could say nothing (from the first
"unknown" sample to the next known one): what cannot be checked is not counted as a lie,
nor as the truth. Every sample in it is a bad sample.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

from app.domain.overall_health import bridge_up
from app.service import JagaService
from tests.liveapp import TOKEN


@dataclass
class Run:
    """An ongoing disagreement for one number."""

    first: float
    last: float
    samples: int = 1
    example: tuple[str, str] = ("", "")
    unknown_since: float | None = None  # the bridge went silent (frozen) meanwhile
    unknown_s: float = 0.0  # time in which the bridge could say nothing: not counted

    def known(self, now: float) -> None:
        """The bridge speaks again: the silence since `unknown_since` is set aside."""
        if self.unknown_since is not None:
            self.unknown_s += now - self.unknown_since
            self.unknown_since = None


@dataclass
class TruthSampler:
    service: JagaService
    bridge_data: Path
    window: Any = None  # a MainWindow: its rows are sampled instead of the read model
    period: float = 0.1
    grace: float = 1.0
    #: What a lie's length is measured with (a test steps it); the rounds keep real time.
    clock: Callable[[], float] = time.monotonic
    samples: int = 0  # (sample, number) pairs compared
    unknown: int = 0  # samples where the bridge could say nothing
    rounds: int = 0
    bad_samples: int = 0
    longest: float = 0.0
    brief: int = 0  # disagreements that ended within the grace period
    row_samples: int = 0  # of them, window rows read
    worst: list[str] = field(default_factory=list)
    _runs: dict[str, Run] = field(default_factory=dict)
    _ports: dict[int, int] = field(default_factory=dict)
    _task: asyncio.Task[None] | None = None

    # --- the truth, from the bridge alone ------------------------------------------------

    def _bridge_process(self) -> psutil.Process | None:
        try:
            pid = int(json.loads((self.bridge_data / "bridge.lock").read_text())["pid"])
            process = psutil.Process(pid)
            if process.status() == psutil.STATUS_ZOMBIE:
                return None
            return process
        except (OSError, ValueError, KeyError, TypeError, psutil.Error):
            return None

    def _port(self, process: psutil.Process) -> int | None:
        if process.pid in self._ports:
            return self._ports[process.pid]
        try:
            for conn in process.net_connections(kind="tcp"):
                if conn.status == psutil.CONN_LISTEN and conn.laddr.ip == "127.0.0.1":
                    self._ports[process.pid] = conn.laddr.port
                    return conn.laddr.port
        except psutil.Error:
            return None
        return None

    async def truth(self, http: httpx.AsyncClient) -> dict[str, str] | str:
        """{id: status}, or "down", or "unknown" (frozen or not answering)."""
        process = self._bridge_process()
        if process is None:
            return "down"
        try:
            if process.status() == psutil.STATUS_STOPPED:
                return "unknown"
        except psutil.Error:
            return "down"
        port = self._port(process)
        if port is None:
            return "down"  # not listening (yet): it serves nothing
        try:
            response = await http.get(
                f"http://127.0.0.1:{port}/sessions",
                headers={"Authorization": f"Bearer {TOKEN.value}"},
            )
        except httpx.ConnectError:
            return "down"
        except httpx.HTTPError:
            return "unknown"
        if response.status_code == 503:
            return "down"  # shutting down
        response.raise_for_status()
        return {s["id"]: s["status"] for s in response.json()["sessions"]}

    # --- what the app shows -----------------------------------------------------------

    def shown(self) -> dict[str, str]:
        """The read model (what every face reads), or the window's rows when one is given."""
        if self.window is not None:
            return self._rows()
        up = bridge_up(self.service.bridge_state)
        return {a.id: (a.status if up else "down") for a in self.service.accounts()}

    def _rows(self) -> dict[str, str]:
        """The status column as the owner reads it, in the sampler's words: an overlay
        ("Bridge restarting…", "not responding", "stopped after repeated failures") is
        "down"; anything else is the status whose words it shows."""
        from app.domain.status import SessionStatus
        from app.ui.main_window.accounts_model import AccountIdRole, Column
        from app.ui.shared.formatting import status_words

        words = {status_words(s.value): s.value for s in SessionStatus}
        words[status_words("logged_out", reason="logout_requested")] = "logged_out"
        model = self.window.model
        shown = {}
        for row in range(model.rowCount()):
            account_id = model.index(row, 0).data(AccountIdRole)
            text = model.index(row, Column.STATUS).data()
            shown[account_id] = words.get(text, "down")
        self.row_samples += len(shown)
        return shown

    # --- comparing ---------------------------------------------------------------------

    def compare(self, truth: dict[str, str] | str, shown: dict[str, str], now: float) -> None:
        self.rounds += 1
        if truth == "unknown":
            self.unknown += len(shown)
            for run in self._runs.values():
                if run.unknown_since is None:
                    run.unknown_since = now
            return
        for run in self._runs.values():
            run.known(now)
        for number, app_says in shown.items():
            bridge_says = truth if isinstance(truth, str) else truth.get(number, "stopped")
            self.samples += 1
            if bridge_says == app_says:
                self._close(number, now)
                continue
            run = self._runs.get(number)
            if run is None:
                self._runs[number] = Run(now, now, 1, (app_says, bridge_says))
            else:
                run.last = now
                run.samples += 1

    def _close(self, number: str, now: float) -> None:
        run = self._runs.pop(number, None)
        if run is None:
            return
        run.known(now)
        span = now - run.first - run.unknown_s
        self.longest = max(self.longest, span)
        if span <= self.grace:
            self.brief += 1
        else:
            self.bad_samples += run.samples
            app_says, bridge_says = run.example
            self.worst.append(
                f"{number}: app showed {app_says!r}, bridge said {bridge_says!r} for {span:.2f} s"
            )

    def finish(self) -> None:
        now = self.clock()
        for number in list(self._runs):
            self._close(number, now)

    @property
    def fraction(self) -> float:
        return self.bad_samples / self.samples if self.samples else 0.0

    # --- running ---------------------------------------------------------------------

    async def _run(self) -> None:
        async with httpx.AsyncClient(timeout=0.5, trust_env=False) as http:
            next_at = time.monotonic()
            while True:
                truth = await self.truth(http)
                self.compare(truth, self.shown(), self.clock())
                next_at = max(next_at + self.period, time.monotonic())
                await asyncio.sleep(next_at - time.monotonic())

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    async def after_rounds(self, count: int, timeout: float = 30) -> None:
        """Until `count` more rounds were sampled: a wait on the sampler, not on a clock."""
        from tests.liveapp import eventually

        target = self.rounds + count
        await eventually(lambda: self.rounds >= target, timeout, what=f"{count} sampling rounds")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            if self._task.done() and not self._task.cancelled() and self._task.exception():
                raise self._task.exception()  # type: ignore[misc]
        self.finish()
