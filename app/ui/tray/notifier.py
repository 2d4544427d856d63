"""Feeds the service's events into the pure notification policy and emits what it decides."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.domain.bridge_policy import State
from app.domain.notify_policy import Notice, NotifyPolicy, Rules
from app.domain.sleep_detector import WakeDetector
from app.domain.status import SessionStatus
from app.ports.window import WindowPort

WAKE_TICK_MS = 5000


class Notifier(QObject):
    notice = Signal(object)  # Notice

    def __init__(
        self,
        port: WindowPort,
        *,
        rules: Rules | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.policy = NotifyPolicy(rules)
        self._clock = clock
        self._wall = wall
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.check)
        self._wake = WakeDetector(WAKE_TICK_MS / 1000)
        self._wake_timer = QTimer(self)
        self._wake_timer.setInterval(WAKE_TICK_MS)
        self._wake_timer.timeout.connect(self._wake_tick)

        now = clock()
        self.policy.quiet_from(now)
        self._wake.observe(now, wall())
        self.policy.bridge(port.bridge.view().state, now)
        for account in port.numbers.accounts():
            status = SessionStatus.parse(account.status)
            self.policy.status(account.id, status, now, account.reason, linked=bool(account.phone))
        port.changes.status_changed.connect(self._on_status)
        port.changes.accounts_changed.connect(self._on_accounts)
        port.changes.bridge_state_changed.connect(self._on_bridge)
        self._wake_timer.start()
        self._schedule()

    # --- inputs ------------------------------------------------------------------------

    def owner_acted(self, account_id: str) -> None:
        self.policy.owner_acted(account_id)

    def _on_status(self, account_id: str, _old: str, new: str) -> None:
        account = self.port.numbers.account(account_id)
        reason = account.reason if account is not None else None
        linked = account is not None and bool(account.phone)
        status = SessionStatus.parse(new)
        self._emit(self.policy.status(account_id, status, self._clock(), reason, linked=linked))

    def _on_accounts(self) -> None:
        now = self._clock()
        accounts = {a.id: a for a in self.port.numbers.accounts()}
        for gone in self.policy.known() - set(accounts):
            self.policy.forget(gone)
        for account_id in set(accounts) - self.policy.known():
            account = accounts[account_id]
            status = SessionStatus.parse(account.status)
            linked = bool(account.phone)
            self._emit(self.policy.status(account_id, status, now, account.reason, linked=linked))
        self._schedule()

    def _on_bridge(self, state: str) -> None:
        reason = self.port.bridge.view().fatal_reason
        self._emit(self.policy.bridge(State(state), self._clock(), reason))

    def _wake_tick(self) -> None:
        now = self._clock()
        if self._wake.observe(now, self._wall()):
            self.policy.quiet_from(now)
            self._schedule()

    # --- outputs ---------------------------------------------------------------------

    def check(self) -> None:
        """Asks the policy what is due now (the timer calls this; tests may too)."""
        self._emit(self.policy.due(self._clock()))

    def _emit(self, notices: list[Notice]) -> None:
        for notice in notices:
            self.notice.emit(notice)
        self._schedule()

    def _schedule(self) -> None:
        now = self._clock()
        moment = self.policy.next_check(now)
        if moment is None:
            self._timer.stop()
            return
        self._timer.start(max(0, int((moment - now) * 1000) + 50))

    @property
    def next_check_in_ms(self) -> int | None:
        return self._timer.remainingTime() if self._timer.isActive() else None
