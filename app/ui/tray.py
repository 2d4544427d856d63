"""The tray icon: the worst status at a glance, a menu per number, and the notices."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.core.models import Account
from app.core.notify_policy import Notice, NoticeKind
from app.core.overall import bridge_up, worst
from app.core.status import Health, SessionStatus, health_of
from app.service import JagaService
from app.ui.formatting import status_words, tr, trn
from app.ui.icons import health_icon
from app.ui.notices import NoticeText

NOTICE_MS = 15_000


class Tray(QObject):
    open_requested = Signal()
    reconnect_requested = Signal(str)  # account id
    quit_requested = Signal()
    notice_clicked = Signal(object)  # Notice

    def __init__(
        self,
        service: JagaService,
        *,
        available: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.level = Health.IDLE
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        self.last_notice: Notice | None = None
        # Bound methods, not lambdas: Qt disconnects them when this object is deleted.
        service.accounts_changed.connect(self.refresh)
        service.account_updated.connect(self._on_change)
        service.bridge_state_changed.connect(self._on_change)
        self.refresh()
        if self.available and QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def _on_change(self, _what: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        accounts = self.service.store.accounts()
        statuses = [SessionStatus.parse(a.status) for a in accounts]
        state = self.service.supervisor.state
        self.level = worst(statuses, state)
        self.icon.setIcon(health_icon(self.level))
        self.icon.setToolTip(self._tooltip(accounts, statuses))
        self._build_menu(accounts)

    def _tooltip(self, accounts: list[Account], statuses: list[SessionStatus]) -> str:
        def names(wanted: set[Health]) -> str:
            return ", ".join(
                a.label for a, s in zip(accounts, statuses, strict=True) if health_of(s) in wanted
            )

        match self.level:
            case Health.BRIDGE_DOWN:
                text = tr("The bridge is down: no number is connected")
            case Health.NEEDS_OWNER:
                text = tr("Needs you: %1").replace("%1", names({Health.NEEDS_OWNER}))
            case Health.BUSY if accounts:
                text = tr("Reconnecting: %1").replace("%1", names({Health.BUSY}))
            case Health.BUSY:
                text = tr("Starting…")
            case Health.OK:
                text = trn("All %n numbers connected", len(accounts))
            case _:
                text = tr("No number is running") if accounts else tr("No numbers yet")
        return "Jaga — " + text

    def _build_menu(self, accounts: list[Account]) -> None:
        self.menu.clear()
        open_action = self.menu.addAction(tr("Open Jaga"))
        open_action.triggered.connect(self.open_requested)
        self.menu.addSeparator()
        up = bridge_up(self.service.supervisor.state)
        for account in accounts:
            words = status_words(account.status, bridge_up=up)
            name = account.label.replace("&", "&&")  # shown as typed, not as a shortcut key
            submenu = self.menu.addMenu(f"{name} — {words}")
            health = health_of(SessionStatus.parse(account.status), bridge_up=up)
            submenu.setIcon(health_icon(health))
            reconnect = QAction(tr("Reconnect"), submenu)
            reconnect.triggered.connect(
                lambda _checked=False, a=account.id: self.reconnect_requested.emit(a)
            )
            submenu.addAction(reconnect)
        if accounts:
            self.menu.addSeparator()
        quit_action = self.menu.addAction(tr("Quit Jaga"))
        quit_action.triggered.connect(self.quit_requested)

    def show_notice(self, notice: Notice, text: NoticeText) -> None:
        self.last_notice = notice
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if notice.kind is NoticeKind.RECONNECTING
            else QSystemTrayIcon.MessageIcon.Critical
        )
        self.icon.showMessage(text.title, text.body, icon, NOTICE_MS)

    def _message_clicked(self) -> None:
        if self.last_notice is not None:
            self.notice_clicked.emit(self.last_notice)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def hide(self) -> None:
        self.icon.hide()
