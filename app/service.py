"""Jaga's app core behind one thin facade: what the window and a local API both use.

The parts, one job each: the bridge link (app.bridge.link), the status recorder, the
inbox of durable events, the outbox dispatcher, the reconciler and the owner's commands
(app.runtime). Faces read the read model (`model`) and call the methods below; they
never reach into the store or the supervisor.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, SignalInstance

from app.bridge.client import BridgeClient, BridgeError
from app.bridge.events import EventStream
from app.bridge.link import BridgeLink
from app.bridge.protocol import (
    BridgeEvent,
    Limits,
    QrCode,
    ReadyInfo,
    SessionInfo,
)
from app.bridge.recovery import parse_recovery
from app.bridge.supervisor import BridgeSupervisor
from app.domain.bridge_policy import State
from app.domain.inbox.events import InboxEvent
from app.domain.linking import qr_rotation_s
from app.domain.overall_health import BridgeView
from app.domain.restart_pauses import RestartPolicy
from app.domain.whatsapp_edges import ChatMerge
from app.domain.window_views import Progress
from app.ports.window import SupervisedBridge, SystemSettings, WindowPort
from app.runtime.chat_reads import StoredChats
from app.runtime.commands import OwnerCommands
from app.runtime.demo import DemoWorld
from app.runtime.dispatcher import Dispatcher
from app.runtime.inbox import Inbox
from app.runtime.media_commands import MediaCommands
from app.runtime.one_inbox.port import OneInbox
from app.runtime.owner_actions import OwnerActions
from app.runtime.read_model import AccountView, ReadModel
from app.runtime.reconciler import Reconciler
from app.runtime.recorder import StatusRecorder
from app.runtime.signals import CoreSignals
from app.storage.accounts import StoredAccounts
from app.storage.message_views import ChatMessages
from app.storage.number_records import StoredNumbers
from app.storage.outbox import StoredOutbox
from app.storage.store import Ack, Inbound, Store, StoreError
from app.system.data_folders import DataPaths
from app.system.media_files import MediaFiles
from app.tasks.keeper import TaskKeeper

log = logging.getLogger(__name__)

RECONCILE_INTERVAL_MS = 30_000

__all__ = ["JagaService", "Progress"]


class JagaService(QObject, OwnerActions):
    def __init__(
        self,
        store: Store,
        supervisor: BridgeSupervisor,
        token: str,
        *,
        default_engine: str = "baileys",
        session_options: dict[str, Any] | None = None,
        reconcile_interval_ms: int = RECONCILE_INTERVAL_MS,
        restart_policy: RestartPolicy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.supervisor = supervisor
        #: All the bridge panel sees of the process (app.ports.window).
        self.bridge_status = SupervisedBridge(supervisor)
        self.signals = CoreSignals(self)
        self._init_signal_aliases()
        self.keeper = TaskKeeper(self.signals.error.emit, policy=restart_policy)  # every task
        self._init_read_model(store)
        self.link = BridgeLink(token, self, supervisor.activity)
        self._init_runtime(store, default_engine, session_options or {})
        self._init_media_and_inbox(store, supervisor)
        self._stopping = False
        self._kept: list[asyncio.Task[None]] = []  # the dispatcher and the reconciler
        self._reconcile_every_s = reconcile_interval_ms / 1000
        self._follow(supervisor)
        #: What is stored beyond the read model, read on demand (also the facade's reads).
        self.number_records = StoredNumbers(store)
        self.chat_reads = StoredChats(self.messages, self.commands, self.media)
        #: All the window asks of the core, part by part (app.ports.window).
        self.window = WindowPort(
            numbers=self.model,
            records=self.number_records,
            qr_codes=self.recorder,
            changes=self.signals,
            commands=self,  # the owner's actions (app.runtime.owner_actions, a part of this)
            chats=self.chat_reads,
            media=self.media,
            settings=SystemSettings(),
            bridge=self.bridge_status,
            demo=self.demo,
            inbox=self.one_inbox,
        )

    def _init_signal_aliases(self) -> None:
        """The core's signals are the facade's: service.account_updated.connect(...)."""
        self.accounts_changed: SignalInstance = self.signals.accounts_changed
        self.account_updated: SignalInstance = self.signals.account_updated
        self.status_changed: SignalInstance = self.signals.status_changed
        self.qr_received: SignalInstance = self.signals.qr_received
        self.restore_progress: SignalInstance = self.signals.restore_progress
        self.bridge_state_changed: SignalInstance = self.signals.bridge_state_changed
        self.error: SignalInstance = self.signals.error
        self.bridge_recovered: SignalInstance = self.signals.bridge_recovered
        self.message_added: SignalInstance = self.signals.message_added
        self.message_updated: SignalInstance = self.signals.message_updated
        self.trouble_gone: SignalInstance = self.signals.trouble_gone

    def _init_read_model(self, store: Store) -> None:
        self.stored_accounts = StoredAccounts(store)
        self.model = ReadModel(self)
        self.model.load(self.stored_accounts.all())
        # Told before the window exists (a damaged bridge.sqlite3 at start): kept for it.
        self.signals.bridge_recovered.connect(self.model.note_recovery)
        self.signals.error.connect(self.model.note_problem)
        self.signals.trouble_gone.connect(self.model.note_problem_gone)
        store.write_watch.on_gone.append(self.signals.trouble_gone.emit)

    def _init_runtime(
        self, store: Store, default_engine: str, session_options: dict[str, Any]
    ) -> None:
        """The recorder, the outbox's dispatcher, the inbox of durable events, the
        reconciler and the owner's commands (app.runtime)."""
        self.recorder = StatusRecorder(
            store, self.model, self.signals, on_connected=lambda: self.dispatcher.wake()
        )
        outbox = StoredOutbox(store)  # the repositories (app.storage) the runtime is handed
        self.dispatcher = Dispatcher(outbox, self.model, self.signals, client=self._client)
        self.inbox = Inbox(
            store, self.signals, client=self._client, boot_id=self._boot, spawn=self._spawn
        )
        self.reconciler = Reconciler(
            self.recorder, client=self._client, session_options=session_options
        )
        self.restored = self.reconciler.restored  # an asyncio.Event: a restore has run
        self.commands = OwnerCommands(
            self.reconciler,
            self.dispatcher,
            accounts=self.stored_accounts,
            client=self._client,
            limits=self._limits,
        )
        self.commands.default_engine = default_engine
        self.messages = ChatMessages(store)  # a number's messages, read as views
        self.demo = DemoWorld(self._client, self.model, self.messages)  # the sim's (--demo)

    def _init_media_and_inbox(self, store: Store, supervisor: BridgeSupervisor) -> None:
        #: Photos, documents, voice notes: send_file, limits, where the bytes are.
        self.media = MediaCommands(
            self.commands,
            MediaFiles(DataPaths(store.path.parent).media),
            client=self._client,
            spawn=self._spawn,
            set_env=supervisor.update_env,
        )
        #: One inbox across the numbers (app.ports.inbox): unread, labels, quick replies, hours.
        self.one_inbox = OneInbox(
            store,
            self.signals,
            client=self._client,
            limits=self._limits,
            connected=lambda a: getattr(self.model.account(a), "status", "") == "connected",
            spawn=self._spawn,
            wake_outbox=lambda: self.dispatcher.wake(),
            parent=self,
        )

    def _follow(self, supervisor: BridgeSupervisor) -> None:
        supervisor.ready.connect(self._on_ready)
        supervisor.went_down.connect(self._on_bridge_down)
        supervisor.state_changed.connect(self.signals.bridge_state_changed)
        supervisor.state_changed.connect(self._audit_bridge_state)
        supervisor.on_request_stop = self._post_shutdown

    # --- what faces read -----------------------------------------------------------------

    def _client(self) -> BridgeClient | None:
        return self.link.client

    def _boot(self) -> str | None:
        return self.link.boot_id

    def _limits(self) -> Limits:
        return self.link.limits

    @property
    def client(self) -> BridgeClient | None:
        return self.link.client

    @property
    def event_stream(self) -> EventStream | None:
        return self.link.stream

    @property
    def boot_id(self) -> str | None:
        return self.link.boot_id

    @property
    def limits(self) -> Limits:
        return self.link.limits

    @property
    def latest_qr(self) -> dict[str, QrCode]:
        return self.recorder.latest_qr

    @property
    def qr_rotation_s(self) -> float:
        """How long each QR after the first lives (a pairing code's clock, app.domain.linking)."""
        return qr_rotation_s(self.reconciler.session_options)

    @property
    def bridge_up(self) -> bool:
        return self.client is not None and self.supervisor.state in (State.RUNNING, State.UNHEALTHY)

    def reload_accounts(self) -> None:
        """The store was written outside the core (a rebuild at start): the read model
        takes it in, one change per row."""
        self.model.load(self.stored_accounts.all())
        self.accounts_changed.emit()

    def bridge(self) -> BridgeView:
        return self.supervisor.view()

    @property
    def bridge_state(self) -> State:
        return self.supervisor.state

    def accounts(self) -> list[AccountView]:
        return self.model.accounts()

    def account(self, account_id: str) -> AccountView | None:
        return self.model.account(account_id)

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        self._stopping = False
        self.keeper.reopen()
        self.supervisor.start()
        if not self._kept:
            self._kept = [
                self.keeper.keep("outbox", self.dispatcher.run_forever),
                self.keeper.keep("reconciler", self._reconcile_periodically),
            ]

    async def aclose(self) -> None:
        """Stops the event stream, media work and the bridge (gracefully: it flushes its
        auth state), then every background task, and waits for each."""
        self._stopping = True
        await self.link.drop()
        self.inbox.close()
        self.media.close()
        self.supervisor.stop_and_wait()
        await self.keeper.aclose()
        self._kept = []

    def _spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        return self.keeper.spawn(coroutine)

    async def _reconcile_periodically(self) -> None:
        while True:
            await asyncio.sleep(self._reconcile_every_s)
            await self.reconcile("periodic")

    # --- the bridge comes and goes ------------------------------------------------------

    def _audit_bridge_state(self, state: str) -> None:
        if state == State.FATAL.value:
            self.recorder.audit("bridge_fatal", self.supervisor.machine.fatal_reason or "")

    def _on_ready(self, info: ReadyInfo) -> None:
        self._spawn(self._connect(info))

    async def _connect(self, info: ReadyInfo) -> None:
        new_boot = await self.link.connect(info, self.keeper)
        self.recorder.new_boot()
        self.inbox.new_boot()
        self.recorder.audit(
            "bridge_ready", f"pid {info.pid}, boot {info.boot_id}, version {info.version}"
        )
        if new_boot:
            self._spawn(self._check_bridge_recovery(self.link.client))
            # Once per boot, not per event: rows written outside the core (a rebuild at
            # start) are in the read model before the restore reads it.
            self.model.load(self.stored_accounts.all())
            await self.reconcile("restore", restoring=True)

    async def _check_bridge_recovery(self, client: BridgeClient | None) -> None:
        """A damaged bridge.sqlite3 set aside at this start: audited, and the window told."""
        if client is None:
            return
        try:
            recovery = parse_recovery(await client.health())
        except BridgeError as error:
            log.warning("could not ask the bridge about its database: %s", error)
            return
        if recovery is not None:
            self.recorder.audit("bridge_db_recovered", recovery.summary())
            self.signals.bridge_recovered.emit(recovery)

    def _on_bridge_down(self, reason: str) -> None:
        asked = self.supervisor.machine.last_exit_asked
        if asked == "restart":
            why = "bridge_restarted"  # the owner's Restart: not a crash
        elif asked == "stop" or self._stopping:
            why = "bridge_stopped"
        else:
            why = "bridge_crashed"
        self.recorder.audit(why, reason)
        self._spawn(self.link.drop())
        self.recorder.bridge_gone(why, reason)

    def _post_shutdown(self) -> None:
        client = self.client
        if client is not None:
            self._spawn(self._quiet(client.shutdown()))

    async def _quiet(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        try:
            await coroutine
        except BridgeError as error:
            log.info("bridge call failed: %s", error)

    # --- events from the link (app.bridge.link.EventHandler) ----------------------------

    async def on_session(self, info: SessionInfo) -> None:
        if self.recorder.apply(info):
            await self.reconciler.reconcile_one(info)

    def on_qr(self, qr: QrCode) -> None:
        self.recorder.qr(qr)

    def on_durable(
        self, boot_id: str, seq: int, item: Inbound | Ack | ChatMerge | InboxEvent
    ) -> None:
        self.inbox.accept(boot_id, seq, item)  # decoded into the types the store keeps

    def on_unreadable_durable(self, event: BridgeEvent, why: str) -> None:
        data = event.data if isinstance(event.data, dict) else {}
        session_id = str(data.get("session_id", ""))
        self.inbox.park_unreadable(event.boot_id, event.seq, session_id, event.data, why)

    def on_reset(self) -> None:
        self._spawn(self.reconcile("reset"))

    def on_event_given_up(self, event: BridgeEvent, error: StoreError) -> None:
        self.recorder.report(error)
        self._spawn(self._reconcile_later("store_error"))

    async def _reconcile_later(self, why: str) -> None:
        await asyncio.sleep(2.0)  # give the store a moment; the periodic one follows anyway
        await self.reconcile(why)

    # --- reconciliation and the owner's commands (app.runtime) --------------------------

    async def reconcile(self, why: str, *, restoring: bool = False) -> None:
        await self.reconciler.reconcile(why, restoring=restoring)

    def restart_bridge(self) -> None:
        """The owner's Restart: recorded as asked, with fresh counters (also from FATAL)."""
        self.supervisor.restart()
