"""Where the inbox meets the main window (one call in MainWindow): an Inbox button (Ctrl+I)
with the unread total, an Unread column on the numbers' rows, a line in the tray menu, and
new-message notices (tray or banner). The chats window's part: app/ui/chats/inbox_extras.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLayout,
    QMenu,
    QPushButton,
    QWidget,
)

from app.domain.inbox.unread import total
from app.ui.inbox.banner import MessageBanner
from app.ui.inbox.hours_dialog import HoursDialog
from app.ui.inbox.labels_dialog import LabelsDialog
from app.ui.inbox.message_notices import MessageNotices
from app.ui.inbox.quick_replies_dialog import QuickRepliesDialog
from app.ui.inbox.window import InboxWindow
from app.ui.shared.formatting import tr, trn

if TYPE_CHECKING:
    from app.ports.window import WindowPort
    from app.ui.chats.window import ChatsWindow
    from app.ui.main_window.accounts_model import AccountsModel
    from app.ui.main_window.banner_area import BannerArea
    from app.ui.shared.banner import NoticeBoard
    from app.ui.tray.tray_icon import Tray


class InboxHost(Protocol):
    """What the hooks use of the main window (window.py's MainWindow, a QMainWindow): named
    here, so that the window installs the hooks without an import loop."""

    port: WindowPort
    add_button: QPushButton
    banners: BannerArea
    notice_board: NoticeBoard
    tray: Tray
    model: AccountsModel

    def open_chats(self, account_id: str) -> ChatsWindow | None: ...
    def centralWidget(self) -> QWidget: ...
    def addAction(self, action: QAction) -> None: ...
    def installEventFilter(self, watcher: QObject) -> None: ...


def _layout_holding(layout: QLayout, widget: QWidget) -> QLayout | None:
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        found = _layout_holding(child, widget) if child is not None else None
        if found is not None:
            return found
    return None


class InboxHooks(QObject):
    def __init__(self, window: InboxHost) -> None:
        super().__init__(window)  # type: ignore[call-overload]  # a QMainWindow
        self.window = window
        self.window_port = window.port
        self.port = self.window_port.inbox
        self.inbox: InboxWindow | None = None
        self.dialogs: dict[str, QWidget] = {}
        self.totals: dict[str, int] = {}
        self._init_button()
        self._init_tray()
        self._init_notices()
        self.port.totals_changed.connect(self.refresh_totals)
        self.window_port.changes.message_added.connect(self._message_added)
        self.window_port.changes.accounts_changed.connect(self._numbers_changed)
        self.window_port.numbers.changed.connect(self._account_changed)  # bound: gone with self
        window.installEventFilter(self)
        self.retranslate()
        self.refresh_totals()

    def _init_button(self) -> None:
        self.button = QPushButton()
        self.button.setObjectName("inboxButton")
        self.button.clicked.connect(self.open_inbox)
        central = self.window.centralWidget().layout()
        row = _layout_holding(central, self.window.add_button) if central else None
        if isinstance(row, QHBoxLayout):
            row.insertWidget(row.indexOf(self.window.add_button) + 1, self.button)
        self.action = QAction(self.window)
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.action.triggered.connect(lambda _checked=False: self.open_inbox())
        self.window.addAction(self.action)

    def _init_tray(self) -> None:
        """A submenu under "Open Jaga": the unread total, then each number's."""
        tray = self.window.tray
        self.tray_menu = QMenu(tray.menu)
        self.tray_action = self.tray_menu.menuAction()
        actions = tray.menu.actions()
        tray.menu.insertMenu(actions[1] if len(actions) > 1 else None, self.tray_menu)

    def _init_notices(self) -> None:
        self.banner = MessageBanner()
        # With the window's other banners, under the number notices (they scroll when many).
        banners = self.window.banners
        banners.add(self.banner, banners.index_of(self.window.notice_board) + 1)
        self.notices = MessageNotices(
            self.port,
            tray=self.window.tray,
            banner=self.banner,
            number_name=self.number_name,
            parent=self,
        )
        self.notices.open_requested.connect(self.open_conversation)

    # --- words and numbers ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        count = total(self.totals)
        self.button.setText(tr("&Inbox") + (f" ({count})" if count else ""))
        self.button.setToolTip(tr("Every number's chats in one list (Ctrl+I)"))
        self.button.setAccessibleName(trn("Inbox, %n unread", count))
        self.action.setText(tr("Inbox"))
        self.tray_menu.setTitle(
            trn("Inbox — %n unread", count) if count else tr("Inbox — nothing unread")
        )
        self._tray_lines()

    def _tray_lines(self) -> None:
        self.tray_menu.clear()  # its actions are its own: deleted with the clear
        self.tray_menu.addAction(tr("Open the inbox")).triggered.connect(
            lambda _checked=False: self.open_inbox()
        )
        for account_id, name in self.numbers():
            unread = self.totals.get(account_id, 0)
            if unread:
                line = self.tray_menu.addAction(
                    trn("%1 — %n unread", unread).replace("%1", name.replace("&", "&&"))
                )
                line.triggered.connect(
                    lambda _checked=False, a=account_id: self.open_inbox(number=a)
                )

    def numbers(self) -> list[tuple[str, str]]:
        return [(account.id, account.label) for account in self.window_port.numbers.accounts()]

    def number_name(self, account_id: str) -> str:
        account = self.window_port.numbers.account(account_id)
        return account.label if account is not None else ""

    def _account_changed(self, _change: object) -> None:
        self._numbers_changed()

    def _numbers_changed(self) -> None:
        if self.inbox is not None:
            self.inbox.refresh_numbers()
            self.inbox.forget_gone_numbers()
        self.refresh_totals()

    def refresh_totals(self) -> None:
        self.totals = self.port.unread_totals()
        self.window.model.set_unread(self.totals)
        for notice in self.notices.groups.current():
            if not self.totals.get(notice.account_id):
                self.notices.seen(notice.account_id)  # read here or on the phone
        self.retranslate()

    def _message_added(self, row_id: int) -> None:
        self.notices.message_added(row_id)
        if self.inbox is not None:
            self.inbox.messages_changed({row_id})

    # --- opening -------------------------------------------------------------------------

    def open_inbox(self, number: str | None = None) -> InboxWindow:
        """The inbox window (with `number`: showing that number's chats only)."""
        if self.inbox is None:
            self.inbox = InboxWindow(self.port, self.numbers, parent=self.window)
            self.inbox.open_requested.connect(self.open_conversation)
            self.inbox.quick_replies_requested.connect(self.open_quick_replies)
            self.inbox.labels_requested.connect(self.open_labels)
            self.inbox.settings_requested.connect(self.open_hours)
        if number is not None:
            self.inbox.show_number(number)
        self.inbox.show()
        self.inbox.raise_()
        self.inbox.activateWindow()
        return self.inbox

    def open_conversation(self, account_id: str, chat: str, row_id: int = 0) -> ChatsWindow | None:
        """The chat in its number's chats window; at the message a search found."""
        chats = self.window.open_chats(account_id)
        if chats is None:
            return None
        chats.open_chat(chat)
        row = chats.messages_model.row_of(row_id) if row_id else None
        if row is not None:
            index = chats.messages_model.index(row)
            chats.messages.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            chats.messages.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.notices.seen(account_id)
        return chats

    def _dialog(self, key: str, make: Any) -> QWidget:
        dialog = self.dialogs.get(key)
        if dialog is None:
            dialog = self.dialogs[key] = make()
        dialog.show()
        dialog.raise_()
        return dialog

    def open_quick_replies(self) -> QuickRepliesDialog:
        parent = self.inbox or self.window
        return self._dialog("replies", lambda: QuickRepliesDialog(self.port, self.numbers, parent))  # type: ignore[return-value]

    def open_labels(self, account_id: str = "") -> LabelsDialog:
        parent = self.inbox or self.window
        dialog = self._dialog(
            "labels", lambda: LabelsDialog(self.port, self.numbers, account_id, parent)
        )
        return dialog  # type: ignore[return-value]

    def open_hours(self, account_id: str = "") -> HoursDialog:
        parent = self.inbox or self.window
        dialog = self._dialog(
            "hours", lambda: HoursDialog(self.port, self.numbers, account_id, parent)
        )
        return dialog  # type: ignore[return-value]


def install_inbox(window: InboxHost) -> InboxHooks:
    return InboxHooks(window)
