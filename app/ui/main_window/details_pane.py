"""The selected number in detail: what it is doing, the actions, its history and events."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.bridge_policy import State
from app.domain.overall_health import BridgeView
from app.domain.status import Health, SessionStatus, health_of
from app.domain.window_views import AccountView
from app.ui.shared.event_text import audit_detail_words
from app.ui.shared.formatting import (
    audit_words,
    format_phone,
    limit_words,
    local_time,
    reason_words,
    says_link_again,
    status_words,
    tr,
    utcnow,
)
from app.ui.shared.icons import health_icon
from app.ui.shared.retranslating import Retranslating

HISTORY_ROWS = 200
EVENT_ROWS = 100


if TYPE_CHECKING:
    from app.ports.window import WindowPort


class DetailsPane(Retranslating, QWidget):
    def __init__(
        self,
        port: WindowPort,
        *,
        now: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self._now = now
        self.account_id: str | None = None
        self.bridge_up = True  # calls can reach the bridge (Log out)
        self.bridge = BridgeView(State.RUNNING)  # what the status line says of it

        self._init_header()
        buttons = self._init_buttons()
        self.history = self._tree(3)
        self.events = self._tree(3)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history, "")
        self.tabs.addTab(self.events, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.status_row)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.setStyleSheet("QLabel#detailsTitle { font-size: 14pt; font-weight: 600; }")
        self.retranslate()

    def _init_header(self) -> None:
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the owner's name for it
        self.title.setObjectName("detailsTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_icon = QLabel()
        self.status_line = QLabel()
        self.status_line.setTextFormat(Qt.TextFormat.RichText)
        self.status_line.setWordWrap(True)
        self.status_row = QHBoxLayout()
        self.status_row.addWidget(self.status_icon)
        self.status_row.addWidget(self.status_line, 1)

    def _init_buttons(self) -> QHBoxLayout:
        """Link again stands where Reconnect would, whenever the words ask for a new link."""
        self.link_button = QPushButton()
        self.link_button.setObjectName("primary")
        self.reconnect_button = QPushButton()
        self.toggle_button = QPushButton()
        self.logout_button = QPushButton()
        self.remove_button = QPushButton()
        self.chats_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (
            self.link_button,
            self.reconnect_button,
            self.toggle_button,
            self.logout_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.chats_button)
        return buttons

    @staticmethod
    def _tree(columns: int) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(columns)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # A few rows at least; more where the window has room (the pane scrolls below that).
        tree.setMinimumHeight(tree.fontMetrics().lineSpacing() * 5)
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return tree

    def retranslate(self) -> None:
        self.tabs.setTabText(0, tr("Status history"))
        self.tabs.setTabText(1, tr("Recent events"))
        self.history.setHeaderLabels([tr("When"), tr("Status"), tr("Why")])
        self.events.setHeaderLabels([tr("When"), tr("What"), tr("Details")])
        self.history.setAccessibleName(tr("Status history"))
        self.events.setAccessibleName(tr("Recent events"))
        self.link_button.setText(tr("&Link again"))
        self.link_button.setToolTip(tr("Link this number to the phone again: a new QR code"))
        self.reconnect_button.setText(tr("&Reconnect"))
        self.reconnect_button.setToolTip(
            tr("Start again; shows a QR code if WhatsApp asks for one")
        )
        self.logout_button.setText(tr("Log &out"))
        self.logout_button.setToolTip(tr("Unlink this computer from the phone"))
        self.remove_button.setText(tr("Re&move"))
        self.remove_button.setToolTip(tr("Remove this number from Jaga"))
        self.chats_button.setText(tr("&Chats…"))
        self.chats_button.setToolTip(tr("Read and send this number's messages"))
        self.show_account(self.account_id)

    def show_account(self, account_id: str | None, *, history: bool = True) -> None:
        """Shows a number; `history=False` when only its live fields changed (no DB read)."""
        history = history or account_id != self.account_id
        self.account_id = account_id
        account = self.port.numbers.account(account_id) if account_id else None
        for button in (
            self.link_button,
            self.reconnect_button,
            self.toggle_button,
            self.logout_button,
            self.remove_button,
            self.chats_button,
        ):
            button.setEnabled(account is not None)
        link = account is not None and says_link_again(account.status, account.reason)
        self.link_button.setVisible(link)
        self.reconnect_button.setVisible(not link)
        if account is None:
            self.title.setText(tr("Select a number to see its details"))
            self.status_line.setText("")
            self.status_icon.clear()
            self.toggle_button.setText(tr("&Stop"))
            self.history.clear()
            self.events.clear()
            return
        phone = format_phone(account.phone)
        self.title.setText(f"{account.label}   {phone}" if phone else account.label)
        status = SessionStatus.parse(account.status)
        health = health_of(status, bridge_up=self.bridge.overlay is None, reason=account.reason)
        self.status_icon.setPixmap(health_icon(health).pixmap(20, 20))
        words = status_words(account.status, reason=account.reason, bridge=self.bridge)
        why = reason_words(account.reason, account.status_message, account.status)
        # Rich text for the bold status; the bridge's own sentence is text, never markup.
        why = html.escape(why) if why else why
        limit = limit_words(account.limit_reason, account.limited_until, self._now())
        self.status_line.setText(
            f"<b>{html.escape(words)}</b>"
            + (f" — {why}" if why else "")
            + (f"<br>{html.escape(limit)}" if limit else "")
        )
        running = account.desired_state == "running"
        self.toggle_button.setText(tr("&Stop") if running else tr("S&tart"))
        self.toggle_button.setToolTip(
            tr("Stop watching this number (it stays linked)")
            if running
            else tr("Connect this number again")
        )
        self.reconnect_button.setEnabled(
            health is not Health.OK and health is not Health.BRIDGE_DOWN
        )
        self.link_button.setEnabled(self.bridge_up)
        self.logout_button.setEnabled(bool(account.phone) and self.bridge_up)
        if history:
            self._fill_history(account)
            self._fill_events(account)

    def _fill_history(self, account: AccountView) -> None:
        now = self._now()
        self.history.clear()
        changes = self.port.records.history(account.id)[-HISTORY_ROWS:]
        for change in reversed(changes):
            item = QTreeWidgetItem(
                [
                    local_time(change.at, now),
                    status_words(change.status, reason=change.reason),
                    reason_words(change.reason, status=change.status),
                ]
            )
            health = health_of(SessionStatus.parse(change.status), reason=change.reason)
            item.setIcon(1, health_icon(health))
            self.history.addTopLevelItem(item)

    def _fill_events(self, account: AccountView) -> None:
        now = self._now()
        self.events.clear()
        shown = 0
        for event in self.port.records.audit_events(limit=1000):
            if event.account_id not in (account.id, None):
                continue
            item = QTreeWidgetItem(
                [
                    local_time(event.at, now),
                    audit_words(event.kind),
                    audit_detail_words(event.kind, event.detail),
                ]
            )
            self.events.addTopLevelItem(item)
            shown += 1
            if shown >= EVENT_ROWS:
                break
