"""Running the real app core (real bridge process, real SQLite, real QProcess) in tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop

from app.application import Options, create_service
from app.domain.bridge_policy import Policy, State
from app.domain.pacing import Pacing
from app.domain.restart_pauses import RestartPolicy
from app.service import JagaService
from app.system.data_folders import DataPaths
from app.system.secrets import BridgeToken
from app.ui.shared.tasks import finish_actions

T = TypeVar("T")

#: Fast sim timings: a QR at once, rotation every 2 s, quick connects.
FAST_SIM = {"qr_first_ms": 100, "qr_rotate_ms": 2000, "qr_max": 5, "connect_ms": 50}
TOKEN = BridgeToken("test-token-0123456789abcdef", persistent=True)


class SteppedClock:
    """A monotonic clock a test moves on by `offset` seconds (injected where a part takes
    a clock: the supervisor, the notifier)."""

    def __init__(self) -> None:
        self._read = time.monotonic
        self.offset = 0.0

    def __call__(self) -> float:
        return self._read() + self.offset


def run(loop: qasync.QEventLoop, coroutine: Coroutine[Any, Any, T], timeout: float = 60) -> T:
    """Runs a coroutine to its end while Qt's own event loop turns (as in the app).

    The asyncio loop is qasync's, marked running for the whole session: Qt events and
    asyncio callbacks are then always handled with a running loop, never in between.
    """
    task = asyncio.ensure_future(asyncio.wait_for(coroutine, timeout), loop=loop)
    waiter = QEventLoop()
    task.add_done_callback(lambda _task: waiter.quit())
    if not task.done():
        waiter.exec()
    return task.result()


async def eventually(
    predicate: Callable[[], bool | Awaitable[bool]],
    timeout: float = 10,
    step: float = 0.02,
    what: str = "condition",
) -> float:
    """Polls until the predicate holds; returns the monotonic time it was seen to hold.

    The Qt and asyncio loops keep running meanwhile.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if not isinstance(result, bool):
            result = await result
        if result:
            return time.monotonic()
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout:g} s")
        await asyncio.sleep(step)


def make_service(
    data_dir: Path,
    *,
    policy: Policy | None = None,
    session_options: dict[str, Any] | None = None,
    pacing: Pacing | None = None,
    restart_policy: RestartPolicy | None = None,
    clock: Callable[[], float] | None = None,
) -> JagaService:
    return create_service(
        DataPaths(data_dir),
        Options(
            sim_control=True,
            token=TOKEN,
            policy=policy,
            session_options=session_options or FAST_SIM,
            pacing=pacing,
            restart_policy=restart_policy,
            clock=clock,
        ),
    )


async def until_bridge_ready(service: JagaService, timeout: float = 20) -> None:
    await eventually(
        lambda: service.supervisor.state is State.RUNNING and service.client is not None, timeout
    )


async def link(service: JagaService, label: str, phone: str) -> Any:
    """Adds a number and links it with the simulated phone; returns it once connected."""
    account = await service.add_account(label)
    await eventually(lambda: status_of(service, account.id) == "qr", what="a QR")
    await service.simulate_scan(account.id, phone)
    await eventually(lambda: status_of(service, account.id) == "connected", what="connected")
    return account


def status_of(service: JagaService, account_id: str) -> str | None:
    account = service.store.account(account_id)
    return account.status if account else None


async def settled(service: JagaService, carrier: str, timeout: float = 10) -> None:
    """Returns once everything the bridge sent before this call has reached the app.

    A marker message from the simulated network to the connected number `carrier` is
    the last event; the stream is ordered, so when the app has stored the marker it has
    handled every earlier event too. Tests that prove nothing happened wait on this
    instead of sleeping.
    """
    marker = f"settled-{time.monotonic_ns()}"
    body = {"messages": [{"from": "628999000111", "text": marker, "message_id": marker}]}
    await service.client.sim(f"sessions/{carrier}/inbound", body)
    await eventually(
        lambda: any(m.message_id == marker for m in service.store.messages(carrier)),
        timeout,
        what="the marker message reaching the app",
    )


def dispose(loop: qasync.QEventLoop, service: JagaService) -> None:
    """Stops the service and frees its Qt objects now, not at interpreter exit: first the
    window's actions still under way, as the app's Face.aclose does at quit."""
    run(loop, finish_actions())
    run(loop, service.aclose())
    service.store.close()
    service.supervisor.logs.close()
    service.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
