"""The tray icon: the worst status at a glance, a menu per number, and the notices."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.domain.notify_policy import Notice, NoticeKind
from app.domain.overall_health import worst
from app.domain.status import Health, SessionStatus, health_of
from app.domain.window_views import AccountChange, AccountView
from app.ports.window import WindowPort
from app.ui.shared.formatting import says_link_again, status_words, tr, trn
from app.ui.shared.icons import health_icon
from app.ui.shared.notices import NoticeText

NOTICE_MS = 15_000
#: While there is no tray (its host may start after Jaga at login), how often to look again.
TRAY_LOOK_MS = 5_000


def tray_exists() -> bool:
    """The desktop shows tray icons now (stock GNOME does not; tests say no)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


#: Where Reconnect does nothing: connected already, or on its way.
NOTHING_TO_RECONNECT = frozenset({SessionStatus.CONNECTED, SessionStatus.STARTING})


def reconnect_helps(account: AccountView, bridge_up: bool) -> bool:
    """Reconnect starts a stopped or failed number, retries a waiting one now, or shows the
    QR of one that waits for a scan; with the bridge down it cannot reach anything."""
    return bridge_up and SessionStatus.parse(account.status) not in NOTHING_TO_RECONNECT


class Tray(QObject):
    open_requested = Signal()
    reconnect_requested = Signal(str)  # account id
    link_requested = Signal(str)  # account id: its words ask for a new link
    quit_requested = Signal()
    notice_clicked = Signal(object)  # Notice
    #: A tray appeared (its host started after Jaga): closing may now hide to it.
    availability_changed = Signal(bool)

    def __init__(
        self,
        port: WindowPort,
        *,
        available: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.available = tray_exists() if available is None else available
        self.level = Health.IDLE
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        self.last_notice: Notice | None = None
        self.last_told: tuple[str, str] | None = None
        # The menu is built once; rows are added, changed and removed one by one (a menu
        # rebuilt on every change leaked its submenus: clear() does not delete them).
        self._open_action = self.menu.addAction("")
        self._open_action.triggered.connect(self.open_requested)
        self.menu.addSeparator()
        self._end = self.menu.addSeparator()
        self._quit_action = self.menu.addAction("")
        self._quit_action.triggered.connect(self.quit_requested)
        self._rows: dict[str, tuple[QMenu, QAction, QAction]] = {}  # menu, reconnect, link
        # Bound methods, not lambdas: Qt disconnects them when this object is deleted.
        port.numbers.changed.connect(self._on_account)
        port.changes.bridge_state_changed.connect(self._on_bridge)
        for account in port.numbers.accounts():
            self._add_row(account)
        self.retranslate()
        if self.available and tray_exists():
            self.icon.show()
        self._look = QTimer(self)  # a tray that comes later (not when told there is none)
        self._look.setInterval(TRAY_LOOK_MS)
        self._look.timeout.connect(self._look_for_tray)
        if available is None and not self.available:
            self._look.start()

    def _look_for_tray(self) -> None:
        if not tray_exists():
            return
        self._look.stop()
        self.available = True
        self.icon.show()
        self.availability_changed.emit(True)

    # --- following the read model, row by row -----------------------------------------------

    def _on_account(self, change: AccountChange) -> None:
        if change.new is None:
            self._remove_row(change.id)
        elif change.id in self._rows:
            self._update_row(change.new)
        else:
            self._add_row(change.new)
        self._update_level()

    def _on_bridge(self, _state: str) -> None:
        for account in self.port.numbers.accounts():
            self._update_row(account)
        self._update_level()

    def _add_row(self, account: AccountView) -> None:
        submenu = QMenu(self.menu)
        link = QAction(tr("Link again"), submenu)
        link.triggered.connect(lambda _checked=False, a=account.id: self.link_requested.emit(a))
        reconnect = QAction(tr("Reconnect"), submenu)
        reconnect.triggered.connect(
            lambda _checked=False, a=account.id: self.reconnect_requested.emit(a)
        )
        submenu.addAction(link)
        submenu.addAction(reconnect)
        self.menu.insertMenu(self._end, submenu)
        self._rows[account.id] = (submenu, reconnect, link)
        self._update_row(account)
        self._end.setVisible(True)

    def _remove_row(self, account_id: str) -> None:
        row = self._rows.pop(account_id, None)
        if row is None:
            return
        submenu = row[0]
        self.menu.removeAction(submenu.menuAction())
        submenu.deleteLater()
        self._end.setVisible(bool(self._rows))

    def _update_row(self, account: AccountView) -> None:
        row = self._rows.get(account.id)
        if row is None:
            return
        bridge = self.port.bridge.view()
        words = status_words(account.status, reason=account.reason, bridge=bridge)
        health = health_of(
            SessionStatus.parse(account.status),
            bridge_up=bridge.overlay is None,
            reason=account.reason,
        )
        submenu, reconnect, link = row
        name = account.label.replace("&", "&&")  # shown as typed, not as a shortcut key
        submenu.setTitle(f"{name} — {words}")
        submenu.setIcon(health_icon(health))
        reconnect.setText(tr("Reconnect"))
        link.setText(tr("Link again"))
        up = bridge.overlay is None
        linking = says_link_again(account.status, account.reason)
        link.setVisible(up and linking)
        reconnect.setVisible(not linking and reconnect_helps(account, up))

    def retranslate(self) -> None:
        self._open_action.setText(tr("Open Jaga"))
        self._quit_action.setText(tr("Quit Jaga"))
        self._end.setVisible(bool(self._rows))
        for account in self.port.numbers.accounts():
            self._update_row(account)
        self._update_level()

    def refresh(self) -> None:
        """Every row and the icon again (a language change); events update one row each."""
        self.retranslate()

    def _update_level(self) -> None:
        accounts = self.port.numbers.accounts()
        statuses = [SessionStatus.parse(a.status) for a in accounts]
        reasons = [a.reason for a in accounts]
        self.level = worst(statuses, self.port.bridge.view().state, reasons)
        self.icon.setIcon(health_icon(self.level))
        self.icon.setToolTip(self._tooltip(accounts, statuses))

    def _tooltip(self, accounts: list[AccountView], statuses: list[SessionStatus]) -> str:
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

    def show_notice(self, notice: Notice, text: NoticeText) -> None:
        self.last_notice = notice
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if notice.kind is NoticeKind.RECONNECTING
            else QSystemTrayIcon.MessageIcon.Critical
        )
        self.icon.showMessage(text.title, text.body, icon, NOTICE_MS)

    def tell(self, title: str, body: str) -> None:
        """A word from Jaga itself (not a number's notice): a click opens nothing."""
        self.last_notice = None
        self.last_told = (title, body)
        self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, NOTICE_MS)

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
