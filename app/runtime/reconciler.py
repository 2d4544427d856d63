"""Desired against observed: starts what should run and does not, stops orphans."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

from app.bridge.client import BridgeClient, BridgeError
from app.bridge.protocol import SessionInfo
from app.domain.reconcile import Wanted, plan
from app.domain.status import ACTIVE, SessionStatus
from app.domain.window_views import Progress
from app.runtime.read_model import AccountView
from app.runtime.recorder import StatusRecorder

log = logging.getLogger(__name__)

#: Sessions started by one request (PUT /sessions), one request at a time per engine: a
#: real engine opens sockets and loads keys, so a crowd of them at start-up is throttled;
#: the sim is cheap.
RESTORE_CONCURRENCY = {"baileys": 4, "sim": 100}
DEFAULT_CONCURRENCY = 4


class Reconciler:
    def __init__(
        self,
        recorder: StatusRecorder,
        *,
        client: Callable[[], BridgeClient | None],
        session_options: dict[str, Any],
    ) -> None:
        self.recorder = recorder
        self.model = recorder.model
        self.signals = recorder.signals
        self._client = client
        self.session_options = session_options
        self._lock = asyncio.Lock()
        #: Numbers an owner's command is acting on right now: left alone meanwhile (a
        #: snapshot taken between a Stop and a Reconnect must not start one a second time).
        self._in_hand: dict[str, int] = {}
        self._acts = 0  # counts the owner's commands
        self._acted: dict[str, int] = {}  # account id → number of its latest command
        #: Set once a restore has run, or failed (the launcher builds the window after it).
        self.restored = asyncio.Event()

    @contextlib.contextmanager
    def hands_off(self, account_id: str) -> Iterator[None]:
        self._in_hand[account_id] = self._in_hand.get(account_id, 0) + 1
        try:
            yield
        finally:
            self._acts += 1
            self._acted[account_id] = self._acts
            self._in_hand[account_id] -= 1
            if not self._in_hand[account_id]:
                del self._in_hand[account_id]

    def _busy_since(self, mark: int) -> set[str]:
        """Numbers a command acts on now, or acted on since `mark` (a snapshot is older)."""
        return set(self._in_hand) | {a for a, n in self._acted.items() if n > mark}

    async def reconcile(self, why: str, *, restoring: bool = False) -> None:
        try:
            await self._reconcile(why, restoring)
        finally:
            if restoring:
                self.restored.set()

    async def _reconcile(self, why: str, restoring: bool) -> None:
        async with self._lock:
            client = self._client()
            if client is None:
                return
            mark = self._acts
            try:
                snapshot = await client.sessions()
            except BridgeError as error:
                log.info("reconcile (%s) skipped: %s", why, error)
                return
            for info in snapshot.sessions.values():
                self.recorder.apply_quietly(info)
            for account in self.model.accounts():
                # The bridge knows nothing of it: not running, whatever the store said. On
                # a restore, one that is wanted is started next: "starting" is its truth,
                # and a "stopped" in between would be a false line in its history.
                if (
                    account.id not in snapshot.sessions
                    and SessionStatus.parse(account.status) in ACTIVE
                    and not (restoring and account.desired_state == "running")
                ):
                    self.recorder.record(
                        account.id, SessionStatus.STOPPED.value, "not_on_bridge", None
                    )
            accounts = {a.id: a for a in self.model.accounts()}
            running = {sid: s.status for sid, s in snapshot.sessions.items()}
            todo = plan([wanted(a) for a in accounts.values()], running)
            todo = todo.without(self._busy_since(mark))
            for session_id, reason in todo.stop:
                self.recorder.audit("reconcile_stop", reason, session_id)
                await call(client.stop_session(session_id))
            if todo.start:
                self.recorder.audit("reconcile_start", f"{why}: {len(todo.start)} to start")
                await self._start_many(client, [accounts[i] for i in todo.start], restoring)

    async def reconcile_one(self, info: SessionInfo) -> None:
        """Reconciliation on every status event, for that one session (no full snapshot)."""
        client = self._client()
        if client is None:
            return
        account = self.model.account(info.id)
        todo = plan([wanted(account)] if account is not None else [], {info.id: info.status})
        todo = todo.without(self._in_hand)
        for session_id, reason in todo.stop:
            self.recorder.audit("reconcile_stop", reason, session_id)
            await call(client.stop_session(session_id))
        for session_id in todo.start:
            if account is not None and session_id == account.id:
                self.recorder.audit("reconcile_start", "event", session_id)
                await self.start_session(client, account)

    async def _start_many(
        self, client: BridgeClient, accounts: list[AccountView], restoring: bool
    ) -> None:
        total = len(accounts)
        done = 0
        if restoring:
            self.signals.restore_progress.emit(Progress(0, total))

        async def start_engine(engine: str) -> None:
            nonlocal done
            mine = [a for a in accounts if a.engine == engine]
            size = RESTORE_CONCURRENCY.get(engine, DEFAULT_CONCURRENCY)
            for first in range(0, len(mine), size):
                group = mine[first : first + size]
                await self.start_sessions(client, group)
                done += len(group)
                if restoring:
                    self.signals.restore_progress.emit(Progress(done, total))

        await asyncio.gather(*(start_engine(e) for e in sorted({a.engine for a in accounts})))

    async def start_sessions(self, client: BridgeClient, accounts: list[AccountView]) -> None:
        """One request for many (a round trip each was most of a restore's time)."""
        starts = [(a.id, a.engine, self.session_options) for a in accounts]
        answers = await call(client.start_sessions(starts))
        for account, answer in zip(accounts, answers or [], strict=False):
            if isinstance(answer, BridgeError):
                log.warning("could not start %s: %s (%s)", account.id, answer, answer.code)
            else:
                self.recorder.apply_quietly(answer)

    async def start_session(self, client: BridgeClient, account: AccountView) -> None:
        info = await call(client.start_session(account.id, account.engine, self.session_options))
        if info is not None:
            self.recorder.apply_quietly(info)


async def call(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """A bridge call whose failure is logged, not raised (the next reconcile tries again)."""
    try:
        return await coroutine
    except BridgeError as error:
        log.warning("bridge call failed: %s (%s)", error, error.code)
        return None


def wanted(account: AccountView) -> Wanted:
    return Wanted(
        account_id=account.id,
        engine=account.engine,
        desired_running=account.desired_state == "running",
        last_status=SessionStatus.parse(account.status),
    )
