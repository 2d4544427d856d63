"""What the window may ask of the core, part by part (style.md §2, §6).

`WindowPort` groups it by job, each part a runtime object typed by a small Protocol below
(the port itself forwards nothing):
- `numbers` (the read model: each number as last stored, and each change), `records`
  (history, audit, last messages, what a removal deletes), `qr_codes` (the newest QR of a
  number being linked) and `changes` (the core's signals);
- `commands` (what the owner does to a number), `chats` (a chat's messages as ChatMessage
  views, and its sends), `media` (the files Jaga keeps), `inbox` (its own port);
- `settings` (the computer's side: starting at login, where the token is kept), `bridge`
  (`BridgeStatus`: a `BridgeInfo` record, the log lines, Restart) and `demo` (the
  simulated WhatsApp's controls, --demo only).
JagaService (app/service.py) builds the port once (`service.window`); the window's
features take the port, never the service.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QSettings, SignalInstance

from app.bridge.logs import RING_LINES
from app.domain.bridge_policy import State
from app.domain.demo_files import DemoFile
from app.domain.exit_record import ExitRecord
from app.domain.linking import QrCode
from app.domain.login_start import Autostart
from app.domain.media import MediaLimits
from app.domain.outbox import SendOptions
from app.domain.overall_health import BridgeView
from app.domain.whatsapp_edges import SendLimit
from app.domain.window_views import (
    AccountView,
    AuditEntry,
    BridgeRecovery,
    ChatMessage,
    LastMessages,
    StatusChangeView,
    WhatGoes,
)
from app.ports.inbox import InboxPort
from app.system.autostart import RUN_KEY, for_platform, launch_command

if TYPE_CHECKING:
    from app.bridge.supervisor import BridgeSupervisor

#: How many of the bridge's recent log lines are kept to show.
LOG_LINES_KEPT = RING_LINES


@dataclass(frozen=True)
class BridgeInfo:
    """The bridge process as the owner reads it, at one moment."""

    state: State
    #: In FATAL: why it stopped, in the supervisor's English (app/ui/shared/event_text.py).
    fatal_reason: str | None
    pid: int | None
    #: When the current process started, on the supervisor's monotonic clock.
    started_at: float | None
    restarts: int
    #: Each end of the bridge this run, newest first.
    exits: tuple[ExitRecord, ...]
    #: Why the last process ended, when none ended this run (a start that failed).
    last_exit: str | None
    log_path: Path

    @property
    def up(self) -> bool:
        return self.state in (State.RUNNING, State.UNHEALTHY)


class BridgeStatus(Protocol):
    """The window's bridge part: a record to show, the log, and the owner's Restart."""

    #: The supervisor's state changed (its State value).
    state_changed: SignalInstance
    #: One line of the bridge's log, as it was written.
    log_line: SignalInstance

    def info(self) -> BridgeInfo: ...

    def view(self) -> BridgeView: ...

    def recent_log(self) -> Sequence[str]: ...

    def restart(self) -> None: ...


class SupervisedBridge:
    """BridgeStatus read from the running supervisor."""

    def __init__(self, supervisor: BridgeSupervisor) -> None:
        self._supervisor = supervisor
        self.state_changed = supervisor.state_changed
        self.log_line = supervisor.log_line

    def info(self) -> BridgeInfo:
        supervisor = self._supervisor
        return BridgeInfo(
            state=supervisor.state,
            fatal_reason=supervisor.fatal_reason,
            pid=supervisor.pid,
            started_at=supervisor.started_at,
            restarts=supervisor.restarts,
            exits=tuple(supervisor.exits),
            last_exit=supervisor.last_exit,
            log_path=supervisor.logs.path,
        )

    def view(self) -> BridgeView:
        """State, why it stopped, when it tries again: what the overlays and tray show."""
        return self._supervisor.view()

    def recent_log(self) -> Sequence[str]:
        return tuple(self._supervisor.logs.lines)

    def restart(self) -> None:
        """The owner's Restart: recorded as asked, with fresh counters (also from FATAL)."""
        self._supervisor.restart()


class NumberViews(Protocol):
    """The numbers as last stored, in memory (the runtime's read model)."""

    #: One number added, changed or removed: an AccountChange (app.domain.window_views).
    changed: SignalInstance
    #: What the core told before the window listened: a damaged bridge.sqlite3 set aside
    #: at this start, and a trouble that still holds.
    bridge_recovery: BridgeRecovery | None
    problem: str | None

    def accounts(self) -> list[AccountView]: ...

    def account(self, account_id: str) -> AccountView | None: ...


class NumberRecords(Protocol):
    """What is stored about the numbers beyond the read model, read on demand
    (app.storage.number_records)."""

    @property
    def data_dir(self) -> Path: ...

    def database_wait(self) -> tuple[float, float] | None: ...

    def history(self, account_id: str) -> list[StatusChangeView]: ...

    def audit_events(self, limit: int = 200) -> list[AuditEntry]: ...

    def last_messages(self, account_id: str) -> LastMessages: ...

    def what_goes(self, account_id: str) -> WhatGoes: ...

    def keep_copy(self, account_id: str, folder: Path, now: datetime) -> Path: ...


class QrCodes(Protocol):
    """The newest QR code of each number being linked (the runtime's status recorder)."""

    latest_qr: Mapping[str, QrCode]


class CoreChanges(Protocol):
    """The core's signals (app.runtime.signals.CoreSignals), each a fact to show."""

    accounts_changed: SignalInstance  # numbers added or removed
    account_updated: SignalInstance  # account id: its observed state changed
    status_changed: SignalInstance  # account id, old status, new status
    qr_received: SignalInstance  # a QR code to scan
    restore_progress: SignalInstance  # Progress of the restore at start
    bridge_state_changed: SignalInstance  # the supervisor's State value
    error: SignalInstance  # a sentence for the owner
    trouble_gone: SignalInstance  # that sentence no longer holds
    bridge_recovered: SignalInstance  # a damaged bridge.sqlite3 was set aside
    message_added: SignalInstance  # messages.id of a new row
    message_updated: SignalInstance  # messages.id whose status changed


class ChatReads(Protocol):
    """A chat's reads and sends (app.runtime.chat_reads): each answer a ChatMessage."""

    def conversations(self, account_id: str) -> list[ChatMessage]: ...

    def messages(self, account_id: str, chat: str, limit: int = 500) -> list[ChatMessage]: ...

    def message(self, message_id: int) -> ChatMessage | None: ...

    def messages_with_ids(self, account_id: str, ids: Iterable[int]) -> list[ChatMessage]: ...

    def send_message(
        self, account_id: str, to: str, text: str, options: SendOptions | None = None
    ) -> ChatMessage: ...

    async def send_file(
        self, account_id: str, to: str, source: Path | bytes, **send: Any
    ) -> ChatMessage: ...

    def send_hold(self, account_id: str, chat: str | None, now: datetime) -> SendLimit | None:
        """WhatsApp's limit that keeps this chat's queued messages back now, or None."""
        ...


class OwnerCommands(Protocol):
    """What the owner does to a number (app.runtime.owner_actions)."""

    default_region: str

    @property
    def default_engine(self) -> str: ...

    @property
    def qr_rotation_s(self) -> float:
        """How long each QR after the first lives (a pairing code's clock)."""
        ...

    async def add_account(self, label: str, engine: str | None = None) -> AccountView: ...

    def create_account(self, label: str, engine: str | None = None) -> AccountView: ...

    async def reconnect(self, account_id: str) -> None: ...

    async def stop_account(self, account_id: str) -> None: ...

    async def logout_account(self, account_id: str) -> None: ...

    async def remove_account(self, account_id: str) -> None: ...

    def resend_message(self, message_id: int) -> None: ...

    async def request_pairing_code(self, account_id: str, phone: str) -> str: ...

    async def simulate_scan(self, account_id: str, phone: str, name: str | None = None) -> None: ...


class MediaDesk(Protocol):
    """The media files Jaga keeps (app.runtime.media_commands): where each one is, and the
    owner's limits."""

    def has(self, sha256: str) -> bool: ...

    def path_of(self, sha256: str) -> Path: ...

    def set_limits(self, limits: MediaLimits) -> None: ...


class SimulatedWorld(Protocol):
    """The demo's simulated WhatsApp (--demo only, app.runtime.demo): each control tells
    the sim what happened; the row changes when the bridge reports the consequence."""

    internet_up: bool

    async def drop(self, account_id: str) -> None: ...

    async def phone_logs_out(self, account_id: str) -> None: ...

    async def opened_elsewhere(self, account_id: str) -> None: ...

    async def go_silent(self, account_id: str) -> None: ...

    async def damage_link_files(self, account_id: str) -> None: ...

    async def set_internet(self, up: bool) -> None: ...

    async def customer_writes(self, account_id: str, phone: str, text: str) -> None: ...

    async def customer_sends_file(
        self, account_id: str, phone: str, media: DemoFile, caption: str = ""
    ) -> None: ...

    async def refuse_next_send(self, account_id: str) -> None: ...

    async def receipt_arrives(self, account_id: str) -> bool: ...


class ComputerSettings(Protocol):
    """The computer's side of the owner's settings: starting Jaga at login, and where the
    bridge's token is kept."""

    #: False: no keyring works, the token is for this launch.
    token_persistent: bool
    #: Where the secrets are kept when no keyring works (None: in the keyring).
    secrets_file: Path | None

    def autostart(self) -> Autostart:
        """This system's login-start entry (app.system.autostart)."""
        ...

    def launch_command(self) -> list[str]:
        """How this installation of Jaga is started."""
        ...


class SystemSettings:
    """ComputerSettings of the computer Jaga runs on."""

    def __init__(self) -> None:
        self.token_persistent = True
        self.secrets_file: Path | None = None

    def autostart(self) -> Autostart:
        # Windows keeps the entry in the registry, read and written through QSettings.
        registry = (
            QSettings(RUN_KEY, QSettings.Format.NativeFormat) if sys.platform == "win32" else None
        )
        return for_platform(sys.platform, home=Path.home(), registry=registry)

    def launch_command(self) -> list[str]:
        return launch_command()


@dataclass(frozen=True)
class WindowPort:
    """All the window may ask of the core, by job; each field is a runtime part."""

    numbers: NumberViews
    records: NumberRecords
    qr_codes: QrCodes
    changes: CoreChanges
    commands: OwnerCommands
    chats: ChatReads
    media: MediaDesk
    settings: ComputerSettings
    bridge: BridgeStatus
    demo: SimulatedWorld
    #: One inbox across the numbers: its own port (app.ports.inbox).
    inbox: InboxPort
