"""Jaga's heart: wires the supervised bridge, its API and event stream to the store.

It restores sessions whenever the bridge (re)starts, reconciles desired against observed
state, and tells the UI what changed through Qt signals. The decisions themselves live in
pure modules (app.core.reconcile, app.core.supervision).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.bridge.client import BridgeClient, BridgeError
from app.bridge.events import EventStream
from app.bridge.protocol import BridgeEvent, QrCode, ReadyInfo, SessionInfo, parse_time
from app.bridge.recovery import parse_recovery
from app.bridge.supervisor import BridgeSupervisor
from app.core.clock import SteadyClock
from app.core.edges import ChatMerge, author_of, refusal_of
from app.core.models import Account, Message
from app.core.outbox import (
    new_client_id,
    normalize_recipient,
    retry_delay,
    should_give_up,
    validate_text,
)
from app.core.reconcile import Wanted, plan
from app.core.status import ACTIVE, SessionStatus
from app.core.store import Ack, Inbound, Store, StoreError
from app.core.store_edges import not_held, record_limit
from app.core.supervision import State

log = logging.getLogger(__name__)

RECONCILE_INTERVAL_MS = 30_000
#: Sessions started at once per engine: a real engine opens sockets and loads keys, so a
#: crowd of them at start-up is throttled; the sim is cheap.
RESTORE_CONCURRENCY = {"baileys": 4, "sim": 16}
DEFAULT_CONCURRENCY = 4
#: Durable events (inbound messages, acks) are stored together: one commit, one fsync,
#: per window or per this many events, whichever comes first.
DURABLE_BATCH_WINDOW_S = 0.025
DURABLE_BATCH_MAX = 500


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


class JagaService(QObject):
    accounts_changed = Signal()  # rows added or removed
    account_updated = Signal(str)  # one account's observed state changed
    status_changed = Signal(str, str, str)  # account id, old status, new status
    qr_received = Signal(object)  # QrCode
    restore_progress = Signal(object)  # Progress
    bridge_state_changed = Signal(str)  # supervision State value
    error = Signal(str)  # a sentence for the owner
    bridge_recovered = Signal(object)  # BridgeRecovery: bridge.sqlite3 was damaged at start
    message_added = Signal(int)  # messages.id of a new row (in or out)
    message_updated = Signal(int)  # messages.id whose status changed

    def __init__(
        self,
        store: Store,
        supervisor: BridgeSupervisor,
        token: str,
        *,
        default_engine: str = "baileys",
        session_options: dict[str, Any] | None = None,
        reconcile_interval_ms: int = RECONCILE_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.supervisor = supervisor
        self.default_engine = default_engine
        self.session_options = session_options or {}
        self._token = token
        self.client: BridgeClient | None = None
        self.event_stream: EventStream | None = None
        self.boot_id: str | None = None
        self.latest_qr: dict[str, QrCode] = {}
        self._stream_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._reconcile_lock = asyncio.Lock()
        self._stopping = False
        self.default_region = "ID"  # for numbers typed without a country code
        self._dispatch_wakeup = asyncio.Event()
        #: retry times and the give-up deadline: immune to clock steps (app/core/clock.py)
        self._clock = SteadyClock()
        self._dispatcher: asyncio.Task[None] | None = None
        self._ack_upto = 0  # highest durable event seq stored, not yet acknowledged
        #: (boot id, seq, item) of durable events waiting to be stored
        self._durable_buffer: list[tuple[str, int, Inbound | Ack | ChatMerge]] = []
        self._durable_flush: asyncio.TimerHandle | None = None
        self._applied_seq: dict[str, int] = {}  # session id → seq of the newest object applied
        self._ack_task: asyncio.Task[None] | None = None
        #: False when no keyring works and the token lives for this launch only.
        self.token_persistent = True
        supervisor.ready.connect(self._on_ready)
        supervisor.went_down.connect(self._on_bridge_down)
        supervisor.state_changed.connect(self.bridge_state_changed)
        supervisor.state_changed.connect(self._audit_bridge_state)
        supervisor.on_request_stop = self._post_shutdown
        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.setInterval(reconcile_interval_ms)
        self._reconcile_timer.timeout.connect(lambda: self._spawn(self.reconcile("periodic")))

    # --- lifecycle ----------------------------------------------------------------------

    @property
    def bridge_up(self) -> bool:
        return self.client is not None and self.supervisor.state in (State.RUNNING, State.UNHEALTHY)

    def start(self) -> None:
        self._stopping = False
        self.supervisor.start()
        self._reconcile_timer.start()
        if self._dispatcher is None:
            self._dispatcher = self._spawn(self._dispatch_forever())

    async def aclose(self) -> None:
        """Stops the bridge gracefully (it flushes auth state) and waits for it."""
        self._stopping = True
        self._reconcile_timer.stop()
        await self._drop_connection()
        if self._durable_flush is not None:
            self._durable_flush.cancel()  # unstored events are not acknowledged: replayed
            self._durable_flush = None
        self.supervisor.stop_and_wait()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def _spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            error = task.exception()
            log.error("background task failed: %r", error, exc_info=error)

    # --- the bridge comes and goes ------------------------------------------------------

    def _audit(self, kind: str, detail: str = "", account_id: str | None = None) -> None:
        """The audit log must never stop supervision: a full disk is reported, not raised."""
        try:
            self.store.audit(kind, detail, account_id)
        except StoreError as error:
            self._store_trouble(error)

    def _store_trouble(self, error: StoreError) -> None:
        log.error("store: %s (%r)", error, error.__cause__)
        self.error.emit(str(error))

    def _audit_bridge_state(self, state: str) -> None:
        if state == State.FATAL.value:
            self._audit("bridge_fatal", self.supervisor.machine.fatal_reason or "")

    def _on_ready(self, info: ReadyInfo) -> None:
        self._spawn(self._connect(info))

    async def _connect(self, info: ReadyInfo) -> None:
        await self._drop_connection()
        self.client = BridgeClient(info.port, self._token)
        new_boot = info.boot_id != self.boot_id
        self.boot_id = info.boot_id
        self._applied_seq.clear()  # seqs start again with every boot
        self._ack_upto = 0
        self._audit("bridge_ready", f"pid {info.pid}, boot {info.boot_id}, version {info.version}")
        stream = EventStream(
            info.port, self.client.auth_headers, self._on_event, self.supervisor.activity
        )
        self.event_stream = stream
        self._stream_task = self._spawn(stream.run())
        if new_boot:
            self._spawn(self._check_bridge_recovery(self.client))
            await self.reconcile("restore", restoring=True)

    async def _check_bridge_recovery(self, client: BridgeClient) -> None:
        """A damaged bridge.sqlite3 set aside at this start: audited, and the window told."""
        try:
            recovery = parse_recovery(await client.health())
        except BridgeError as error:
            log.warning("could not ask the bridge about its database: %s", error)
            return
        if recovery is not None:
            self._audit("bridge_db_recovered", recovery.summary())
            self.bridge_recovered.emit(recovery)

    async def _drop_connection(self) -> None:
        self.event_stream = None
        if self._stream_task is not None:
            self._stream_task.cancel()
            await asyncio.gather(self._stream_task, return_exceptions=True)
            self._stream_task = None
        if self.client is not None:
            client, self.client = self.client, None
            await client.aclose()

    def _on_bridge_down(self, reason: str) -> None:
        asked = self._stopping or self.supervisor.state in (State.STOPPED, State.STOPPING)
        why = "bridge_stopped" if asked else "bridge_crashed"
        self._audit(why, reason)
        self._spawn(self._drop_connection())
        # Never show a stale "connected": whatever ran is not running now.
        for account in self.store.accounts():
            if SessionStatus.parse(account.status) in ACTIVE:
                self._record(account.id, SessionStatus.RECONNECTING.value, why, reason)
        self.latest_qr.clear()

    def _post_shutdown(self) -> None:
        client = self.client
        if client is not None:
            self._spawn(self._quiet(client.shutdown()))

    async def _quiet(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        try:
            await coroutine
        except BridgeError as error:
            log.info("bridge call failed: %s", error)

    # --- events ---------------------------------------------------------------------

    async def _on_event(self, event: BridgeEvent) -> None:
        if event.type == "session.status":
            info = SessionInfo.from_json(event.data)
            if self._apply_session(info):
                await self._reconcile_one(info)
        elif event.type == "session.qr":
            qr = QrCode.from_json(event.data)
            self.latest_qr[qr.session_id] = qr
            self.qr_received.emit(qr)
        elif event.type == "bridge.reset":
            self._spawn(self.reconcile("reset"))
        elif event.type == "message.in":
            self._on_message_in(event)
        elif event.type == "message.ack":
            self._on_message_ack(event)
        elif event.type == "chat.mapping":
            self._on_chat_mapping(event)

    def _on_message_in(self, event: BridgeEvent) -> None:
        data = event.data
        item = Inbound(
            str(data.get("session_id", "")),
            str(data["message_id"]),
            str(data.get("chat") or data.get("from") or ""),
            str(data.get("text") or ""),
            parse_time(data.get("timestamp")),
            author_of(data),
        )
        self._buffer_durable(event, item)

    def _on_message_ack(self, event: BridgeEvent) -> None:
        data = event.data
        item = Ack(
            str(data.get("session_id", "")),
            str(data.get("client_id") or data.get("message_id") or ""),
            str(data.get("status", "")),
            refusal_of(data),
        )
        self._buffer_durable(event, item)

    def _buffer_durable(self, event: BridgeEvent, item: Inbound | Ack | ChatMerge) -> None:
        """Durable events that arrive together are stored together, a moment after the first.

        Nothing is acknowledged to the bridge before its commit: a crash in between makes
        the bridge replay the events, and the store ignores what it already has.
        """
        self._durable_buffer.append((event.boot_id, event.seq, item))
        if len(self._durable_buffer) >= DURABLE_BATCH_MAX:
            self._flush_durable()
        elif self._durable_flush is None:
            self._durable_flush = asyncio.get_running_loop().call_later(
                DURABLE_BATCH_WINDOW_S, self._flush_durable
            )

    def _flush_durable(self) -> None:
        if self._durable_flush is not None:
            self._durable_flush.cancel()
            self._durable_flush = None
        batch, self._durable_buffer = self._durable_buffer, []
        if not batch:
            return
        try:
            added, updated = self.store.store_durable([item for _boot, _seq, item in batch])
        except Exception as error:  # disk full, database locked: keep nothing, lose nothing
            log.exception("could not store %d messages/acks", len(batch))
            self.error.emit(f"Jaga could not save incoming messages: {error}")
            stream = self.event_stream
            if stream is not None:
                stream.reconnect(from_start=True)  # the bridge sends them all again
            return
        # Seqs of an earlier boot mean nothing to this bridge: it replays those itself.
        current = [seq for boot, seq, _item in batch if boot == self.boot_id]
        if current:
            self._ack_upto = max(self._ack_upto, *current)
            if self._ack_task is None or self._ack_task.done():
                self._ack_task = self._spawn(self._send_ack(self.boot_id))
        for row_id in added:
            self.message_added.emit(row_id)
        for row_id in updated:
            self.message_updated.emit(row_id)

    async def _send_ack(self, boot_id: str) -> None:
        await asyncio.sleep(0.05)  # one ack for a burst of events
        client = self.client
        upto = self._ack_upto
        if client is None or boot_id != self.boot_id:
            return  # the bridge restarted: it replays what was not acknowledged
        try:
            await client.ack_events(upto, boot_id)
        except BridgeError as error:
            log.info("ack up to %s not taken: %s", upto, error)

    def _apply_session(self, info: SessionInfo) -> bool:
        """Stores what the bridge says of a session; False when it was old news.

        Answers to calls and events race: a PUT's answer can arrive after a newer status
        event. Every session object carries the seq of its last event, so an older one is
        dropped instead of undoing the newer truth.
        """
        if info.seq and info.seq < self._applied_seq.get(info.id, 0):
            return False
        self._applied_seq[info.id] = max(info.seq, self._applied_seq.get(info.id, 0))
        account = self.store.account(info.id)
        if account is None:
            return True  # an orphan: reconciliation stops it
        if info.qr and info.status is SessionStatus.QR and info.id not in self.latest_qr:
            qr = QrCode(info.id, info.qr, info.expires_at, info.attempt, info.max)
            self.latest_qr[info.id] = qr
            self.qr_received.emit(qr)
        if info.status is not SessionStatus.QR:
            self.latest_qr.pop(info.id, None)
        self._record_limit(info)
        self._record(
            info.id,
            info.status.value,
            info.reason,
            info.message,
            since=info,
        )
        return True

    def _record(
        self,
        account_id: str,
        status: str,
        reason: str | None,
        message: str | None,
        *,
        since: SessionInfo | None = None,
    ) -> None:
        try:
            self._record_observed(account_id, status, reason, message, since)
        except StoreError as error:
            self._store_trouble(error)  # the next reconcile records it once space is back

    def _record_observed(
        self,
        account_id: str,
        status: str,
        reason: str | None,
        message: str | None,
        since: SessionInfo | None,
    ) -> None:
        before = self.store.account(account_id)
        if before is None:
            return
        phone = name = None
        if since is not None and since.me is not None:
            phone, name = since.me.phone, since.me.name
        changed = self.store.record_observed(
            account_id,
            status=status,
            reason=reason,
            message=message,
            since=since.since if since else None,
            last_activity_at=since.last_activity_at if since else None,
            phone=phone,
            display_name=name,
        )
        if phone and before.phone != phone:
            self.accounts_changed.emit()  # a twin may have been folded in
        if changed:
            self.status_changed.emit(account_id, before.status, status)
            if status == SessionStatus.CONNECTED.value:
                self._dispatch_wakeup.set()
        self.account_updated.emit(account_id)

    # --- reconciliation -------------------------------------------------------------

    async def reconcile(self, why: str, *, restoring: bool = False) -> None:
        async with self._reconcile_lock:
            client = self.client
            if client is None:
                return
            try:
                snapshot = await client.sessions()
            except BridgeError as error:
                log.info("reconcile (%s) skipped: %s", why, error)
                return
            accounts = {a.id: a for a in self.store.accounts()}
            for info in snapshot.sessions.values():
                self._apply_session(info)
            for account in accounts.values():
                # The bridge knows nothing of it: not running, whatever the store said.
                if (
                    account.id not in snapshot.sessions
                    and SessionStatus.parse(account.status) in ACTIVE
                ):
                    self._record(account.id, SessionStatus.STOPPED.value, "not_on_bridge", None)
            accounts = {a.id: a for a in self.store.accounts()}
            wanted = [_wanted(a) for a in accounts.values()]
            running = {sid: s.status for sid, s in snapshot.sessions.items()}
            todo = plan(wanted, running)
            for session_id, reason in todo.stop:
                self._audit("reconcile_stop", reason, session_id)
                await self._call(client.stop_session(session_id))
            if todo.start:
                self._audit("reconcile_start", f"{why}: {len(todo.start)} to start")
                await self._start_many(client, [accounts[i] for i in todo.start], restoring)

    async def _reconcile_one(self, info: SessionInfo) -> None:
        """Reconciliation on every status event, for that one session (no full snapshot)."""
        client = self.client
        if client is None:
            return
        account = self.store.account(info.id)
        wanted = [_wanted(account)] if account is not None else []
        todo = plan(wanted, {info.id: info.status})
        for session_id, reason in todo.stop:
            self._audit("reconcile_stop", reason, session_id)
            await self._call(client.stop_session(session_id))
        for session_id in todo.start:
            if account is not None and session_id == account.id:
                self._audit("reconcile_start", "event", session_id)
                await self._start_session(client, account)

    async def _start_many(
        self, client: BridgeClient, accounts: list[Account], restoring: bool
    ) -> None:
        total = len(accounts)
        done = 0
        limits = {
            engine: asyncio.Semaphore(RESTORE_CONCURRENCY.get(engine, DEFAULT_CONCURRENCY))
            for engine in {a.engine for a in accounts}
        }
        if restoring:
            self.restore_progress.emit(Progress(0, total))

        async def start_one(account: Account) -> None:
            nonlocal done
            async with limits[account.engine]:
                await self._start_session(client, account)
            done += 1
            if restoring:
                self.restore_progress.emit(Progress(done, total))

        await asyncio.gather(*(start_one(a) for a in accounts))

    async def _start_session(self, client: BridgeClient, account: Account) -> None:
        info = await self._call(
            client.start_session(account.id, account.engine, self.session_options)
        )
        if info is not None:
            self._apply_session(info)

    async def _call(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        try:
            return await coroutine
        except BridgeError as error:
            log.warning("bridge call failed: %s (%s)", error, error.code)
            return None

    # --- the owner's actions ------------------------------------------------------------

    async def add_account(self, label: str, engine: str | None = None) -> Account:
        account = self.store.create_account(label, engine or self.default_engine)
        self.accounts_changed.emit()
        if self.client is not None:
            await self._start_session(self.client, account)
        return account

    async def reconnect(self, account_id: str) -> None:
        """Start again, also from a status that needed the owner (a fresh QR if unlinked)."""
        self.store.set_desired_state(account_id, "running")
        account = self.store.account(account_id)
        client = self.client
        if account is None or client is None:
            return
        self._audit("owner_reconnect", account.status, account_id)
        await self._start_session(client, account)

    async def stop_account(self, account_id: str) -> None:
        self.store.set_desired_state(account_id, "stopped")
        if self.client is not None:
            info = await self._call(self.client.stop_session(account_id))
            if info is not None:
                self._apply_session(info)

    async def logout_account(self, account_id: str) -> None:
        if self.client is not None:
            info = await self._call(self.client.logout(account_id))
            if info is not None:
                self._apply_session(info)

    async def remove_account(self, account_id: str) -> None:
        if self.client is not None:
            await self._call(self.client.stop_session(account_id))
        self.store.remove_account(account_id)
        self.latest_qr.pop(account_id, None)
        self.accounts_changed.emit()

    # --- messages ---------------------------------------------------------------------

    def send_message(self, account_id: str, to: str, text: str) -> Message:
        """Validates and queues a message; it leaves as soon as the number is connected."""
        chat = normalize_recipient(to, self.default_region)
        body = validate_text(text)
        message = self.store.queue_message(account_id, chat, body, new_client_id())
        self.message_added.emit(message.id)
        self._dispatch_wakeup.set()
        return message

    def resend_message(self, message_id: int) -> None:
        self.store.resend(message_id)
        self.message_updated.emit(message_id)
        self._dispatch_wakeup.set()

    async def _dispatch_forever(self) -> None:
        while True:
            try:
                sent_any = await self._dispatch_once()
            except Exception:  # a bug here must not stop every future send
                log.exception("outbox dispatch failed")
                sent_any = False
            if sent_any:
                continue
            await self._wait_for_work()

    async def _wait_for_work(self) -> None:
        next_retry = self.store.next_retry_at()
        timeout = 5.0
        if next_retry is not None:
            timeout = min(timeout, max(0.05, (next_retry - self._clock.now()).total_seconds()))
        self._dispatch_wakeup.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._dispatch_wakeup.wait(), timeout)

    async def _dispatch_once(self) -> bool:
        client = self.client
        if client is None:
            return False
        connected = {
            a.id for a in self.store.accounts() if a.status == SessionStatus.CONNECTED.value
        }
        now = self._clock.now()
        due = not_held(self.store, self.store.due_messages(connected, now), now)
        if not due:
            return False
        taken = await asyncio.gather(*(self._send_one(client, m) for m in due))
        sent = [message.id for message, ok in zip(due, taken, strict=True) if ok]
        if sent:
            # One commit for the round. A crash before it sends these again with the same
            # client ids, and the bridge answers those from its record without resending.
            self.store.mark_sent(sent)
            for message_id in sent:
                self.message_updated.emit(message_id)
        return bool(sent)

    async def _send_one(self, client: BridgeClient, message: Message) -> bool:
        """Hands one message to the bridge; True when it took it."""
        try:
            await client.send_message(
                message.account_id, message.chat, message.text, message.message_id
            )
        except BridgeError as error:
            self._after_send_error(message, error)
            return False
        return True

    def _after_send_error(self, message: Message, error: BridgeError) -> None:
        if error.code in ("session_not_connected", "session_not_found"):
            return  # waits, without using up attempts, until the number is back
        if error.code in ("bad_request", "client_id_reused"):
            self.store.mark_failed(message.id, str(error))
        elif should_give_up(message.attempts + 1, message.created_at, self._clock.now()):
            self.store.mark_failed(
                message.id, f"gave up after {message.attempts + 1} tries: {error}"
            )
        else:
            later = self._clock.now() + retry_delay(message.attempts + 1)
            self.store.mark_retry(message.id, str(error), later)
        self.message_updated.emit(message.id)

    async def request_pairing_code(self, account_id: str, phone: str) -> str:
        """Link by an 8-character code typed on the phone instead of scanning a QR."""
        if self.client is None:
            raise BridgeError("bridge_down", "The bridge is not running.")
        return await self.client.pairing_code(account_id, phone)

    async def simulate_scan(self, account_id: str, phone: str, name: str | None = None) -> None:
        """Demo and tests: the simulated phone scans the QR."""
        if self.client is None:
            raise BridgeError("bridge_down", "The bridge is not running.")
        await self.client.sim_scan(account_id, phone, name)

    # --- the real world's edges (app.core.edges) ----------------------------------------

    def _on_chat_mapping(self, event: BridgeEvent) -> None:
        merge = ChatMerge.from_event(event.data)
        if merge is not None:
            self._buffer_durable(event, merge)

    def _record_limit(self, info: SessionInfo) -> None:
        try:
            if record_limit(self.store, info.id, info.limits):
                self._dispatch_wakeup.set()  # a lifted limit lets held messages go
        except StoreError as error:
            self._store_trouble(error)


def _wanted(account: Account) -> Wanted:
    return Wanted(
        account_id=account.id,
        engine=account.engine,
        desired_running=account.desired_state == "running",
        last_status=SessionStatus.parse(account.status),
    )
