"""The main window: every number, its health, and the actions that fix it."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bridge.recovery import BridgeRecovery
from app.core.autostart import Autostart
from app.core.notify_policy import Notice, NoticeKind
from app.core.stall import StallDetector
from app.service import JagaService
from app.ui.accounts_model import AccountIdRole
from app.ui.banner import Banner, NoticeBoard
from app.ui.bridge_panel import BridgePanel
from app.ui.chats_window import ChatsWindow
from app.ui.demo_controls import DemoControls
from app.ui.formatting import (
    tr,
    utcnow,
)
from app.ui.i18n import Translations
from app.ui.icons import health_icon
from app.ui.inbox.hooks import install_inbox
from app.ui.notices import notice_text
from app.ui.notifier import Notifier
from app.ui.qr_dialog import QrDialog
from app.ui.recovery_banner import recovery_banner
from app.ui.retranslating import Retranslating
from app.ui.settings import AppSettings
from app.ui.settings_dialog import SettingsDialog
from app.ui.tray import Tray
from app.ui.window_actions import OwnerActions
from app.ui.window_live import LiveViews
from app.ui.window_parts import WindowParts

log = logging.getLogger(__name__)

#: How often ages ("5 min ago") and uptimes are brought up to date.
REFRESH_MS = 30_000


def keyring_words() -> tuple[str, str]:
    return tr("No keyring on this computer"), tr(
        "Jaga makes a new bridge password at every start. "
        "Everything works; the password is just not saved."
    )


class MainWindow(WindowParts, LiveViews, OwnerActions, Retranslating, QMainWindow):
    #: The owner chose Quit (menu or tray): the app should end, not hide in the tray.
    quit_requested = Signal()
    #: The owner wants the shop API and webhooks dialog (the launcher owns the gateway).
    gateway_requested = Signal()

    def __init__(
        self,
        service: JagaService,
        *,
        demo: bool = False,
        settings: AppSettings | None = None,
        translations: Translations | None = None,
        notifier: Notifier | None = None,
        tray_available: bool | None = None,
        autostart: Autostart | None = None,
        data_dir: Path | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__()
        self.service = service
        self.demo = demo
        self.settings = settings or AppSettings()
        service.default_region = self.settings.default_region
        self.translations = translations
        self.autostart = autostart
        self.data_dir = data_dir or service.data_dir
        self._now = now
        self.qr_dialogs: dict[str, QrDialog] = {}
        self.chat_windows: dict[str, ChatsWindow] = {}
        self.bridge_panel: BridgePanel | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.add_dialog: QInputDialog | None = None
        self._demo_phone_counter = 0
        self._quitting = False
        self.notices: list[Notice] = []  # every notice shown this run, for the owner and tests
        self.resize(1040, 640)
        self.setMinimumWidth(720)  # the height: what five rows and the details need
        self._build_views(service, now)

        # --- top row, banners, status bar --------------------------------------------------
        top = self._build_top_row()

        self.notice_board = NoticeBoard()
        self.notice_board.fix_requested.connect(self.open_fix)
        self.keyring_banner: Banner | None = None
        if not service.token_persistent:
            self.keyring_banner = Banner("", "", None, tone="warning", words=keyring_words)
            self.keyring_banner.dismissed.connect(self.keyring_banner.hide)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.notice_board)
        self.recovery_banner: Banner | None = None  # a damaged bridge.sqlite3 was set aside
        service.bridge_recovered.connect(self._show_bridge_recovery)
        self._problem_slot = QVBoxLayout()
        self._problem_slot.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._problem_slot)
        self.problem_banner: Banner | None = None
        if self.keyring_banner is not None:
            layout.addWidget(self.keyring_banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.bridge_status = QPushButton()
        self.bridge_status.setFlat(True)
        self.bridge_status.clicked.connect(self.open_bridge_panel)
        self.progress_label = QLabel()
        self.statusBar().addWidget(self.bridge_status)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.setStyleSheet(
            "QLabel#emptyTitle { font-size: 20pt; font-weight: 600; }"
            " QPushButton#primary { font-weight: 600; padding: 6px 18px; }"
        )

        # --- actions with shortcuts (also the row's context menu) -----------------------
        self.add_action = self._action(QKeySequence.StandardKey.New, self.add_number)
        self.reconnect_action = self._action(QKeySequence("Ctrl+R"), self.reconnect_selected)
        self.toggle_action = self._action(QKeySequence("Ctrl+T"), self.toggle_selected)
        self.logout_action = self._action(None, self.logout_selected)
        self.remove_action = self._action(QKeySequence.StandardKey.Delete, self.remove_selected)
        self.chats_action = self._action(QKeySequence("Ctrl+Shift+C"), self.open_chats_selected)
        self.bridge_action = self._action(QKeySequence("Ctrl+B"), self.open_bridge_panel)
        self.settings_action = self._action(
            QKeySequence.StandardKey.Preferences, self.open_settings
        )
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.quit)
        for action in (self.remove_action,):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)

        # --- tray and notices --------------------------------------------------------------
        self.tray = Tray(service, available=tray_available, parent=self)
        self.tray.open_requested.connect(self.bring_to_front)
        self.tray.reconnect_requested.connect(self.reconnect)
        self.tray.quit_requested.connect(self.quit)
        self.tray.notice_clicked.connect(self.open_fix)
        self.notifier = notifier or Notifier(service, parent=self)
        self.notifier.notice.connect(self.present_notice)
        self.inbox_hooks = install_inbox(self)  # Inbox button, unread totals, message notices

        # --- keeping current ---------------------------------------------------------------
        service.model.changed.connect(self.apply_change)
        service.bridge_state_changed.connect(self.show_bridge_state)
        service.restore_progress.connect(self.show_restore_progress)
        service.error.connect(self.show_problem)
        self._messages_changed: set[int] = set()
        self._uptime_due: set[str] = set()
        self._uptime_timer = QTimer(self)  # a crash changes every row: history read once
        self._uptime_timer.setSingleShot(True)
        self._uptime_timer.setInterval(1000)
        self._uptime_timer.timeout.connect(self._refresh_due_uptimes)
        self._messages_timer = QTimer(self)
        self._messages_timer.setSingleShot(True)
        self._messages_timer.setInterval(200)
        self._messages_timer.timeout.connect(self._refresh_last_messages)
        service.message_added.connect(self.refresh_messages_of)
        service.message_updated.connect(self.refresh_messages_of)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(REFRESH_MS)
        self._clock_timer.timeout.connect(self.refresh_times)
        self._clock_timer.start()
        self._stalls = StallDetector()
        self.last_stall_words = ""
        self._stall_timer = QTimer(self)
        self._stall_timer.setInterval(int(self._stalls.interval * 1000))
        self._stall_timer.timeout.connect(lambda: self.check_stall(time.monotonic()))
        self._stall_timer.start()
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick_countdown)

        # Keyboard: from the list straight to what can be done with the selected number.
        order = [
            self.add_button,
            self.table,
            self.reconnect_button,
            self.stop_button,
            self.logout_button,
            self.remove_button,
            self.chats_button,
            self.details.tabs,
            self.bridge_button,
            self.gateway_button,
            self.settings_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.demo_controls = DemoControls(self) if demo else None
        self.retranslate()
        self.refresh_accounts()
        self.show_bridge_state(service.bridge_state.value)

    def _action(
        self, shortcut: QKeySequence | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # --- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        title = tr("Jaga — WhatsApp numbers")
        self.setWindowTitle(title + (tr(" (demo)") if self.demo else ""))
        self.table.setAccessibleName(tr("WhatsApp numbers"))
        self.add_button.setText(tr("&Add number"))
        self.add_button.setAccessibleName(tr("Add a WhatsApp number"))
        self.bridge_button.setText(tr("&Bridge…"))
        self.bridge_button.setAccessibleName(tr("Open the bridge panel"))
        self.settings_button.setText(tr("S&ettings…"))
        self.gateway_button.setText(tr("Shop &API…"))
        self.empty_title.setText(tr("Add your WhatsApp number"))
        self.empty_text.setText(
            tr(
                "Jaga keeps your shop's WhatsApp numbers connected "
                "and tells you the moment one drops."
            )
        )
        self.empty_steps.setText(
            tr(
                "<ol><li>Click <b>Add your first number</b> and give it a name.</li>"
                "<li>On the phone: <b>WhatsApp</b> → <b>Linked devices</b> → "
                "<b>Link a device</b>.</li>"
                "<li>Scan the code Jaga shows. Done — Jaga keeps it connected.</li></ol>"
            )
        )
        self.empty_add_button.setText(tr("Add your first number"))
        self.empty_add_button.setAccessibleName(tr("Add your first WhatsApp number"))
        self.add_action.setText(tr("Add number"))
        self.reconnect_action.setText(tr("Reconnect"))
        self.logout_action.setText(tr("Log out"))
        self.remove_action.setText(tr("Remove"))
        self.chats_action.setText(tr("Chats"))
        self.bridge_action.setText(tr("Bridge"))
        self.settings_action.setText(tr("Settings"))
        self.quit_action.setText(tr("Quit Jaga"))
        self.model.retranslate()
        self.show_bridge_state(self.service.bridge_state.value)
        self._update_actions()
        self.tray.refresh()
        if self.demo_controls is not None:
            self.demo_controls.retranslate()

    def selected_account_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(AccountIdRole)

    def select(self, account_id: str) -> None:
        row = self.model.row_of(account_id)
        if row is None:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selection_changed(self) -> None:
        self.details.show_account(self.selected_account_id())
        self._update_actions()
        if self.demo_controls is not None:
            self.demo_controls.refresh()

    def _update_actions(self) -> None:
        account_id = self.selected_account_id()
        for action, button in (
            (self.reconnect_action, self.reconnect_button),
            (self.toggle_action, self.stop_button),
            (self.logout_action, self.logout_button),
            (self.remove_action, self.remove_button),
            (self.chats_action, self.chats_button),
        ):
            action.setEnabled(account_id is not None and button.isEnabled())
        self.toggle_action.setText(self.stop_button.text().replace("&", ""))
        self.setWindowIcon(health_icon(self.tray.level))

    # --- notices ---------------------------------------------------------------------------

    def present_notice(self, notice: Notice) -> None:
        """In the tray where there is one, else as a banner in this window."""
        self.notices.append(notice)
        text = notice_text(notice, self.service.account, self.service.bridge().fatal_reason)
        if self.tray.available:
            self.tray.show_notice(notice, text)
        else:
            self.notice_board.add(notice, text)

    def open_fix(self, notice: Notice) -> None:
        """What a click on a notice opens: the QR dialog of that number, or the bridge panel."""
        self.bring_to_front()
        if notice.kind is NoticeKind.BRIDGE_FATAL:
            self.open_bridge_panel()
            return
        if notice.account_id is None or self.service.account(notice.account_id) is None:
            return
        self.select(notice.account_id)
        if notice.kind is NoticeKind.RECONNECTING:
            return  # Jaga is on it; the details show what happens
        self.reconnect(notice.account_id)

    def _show_bridge_recovery(self, recovery: BridgeRecovery) -> None:
        if self.recovery_banner is not None:
            self.recovery_banner.deleteLater()
        self.recovery_banner = recovery_banner(recovery)
        layout = self.centralWidget().layout()
        layout.insertWidget(layout.indexOf(self.notice_board) + 1, self.recovery_banner)
        self.recovery_banner.show()

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # --- closing ---------------------------------------------------------------------------

    def quit(self) -> None:
        if not self._quitting:
            self._quitting = True
            self.quit_requested.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray.available and self.settings.close_to_tray:
            event.ignore()
            self.hide()
            if not self.settings.told_about_tray:  # once: the owner might think it quit
                self.settings.told_about_tray = True
                self.tray.tell(
                    tr("Jaga keeps watching from the tray"),
                    tr(
                        "Your numbers stay connected and Jaga tells you when one drops. "
                        "To stop Jaga, choose Quit Jaga in the tray menu."
                    ),
                )
            return
        for dialog in list(self.qr_dialogs.values()):
            dialog.close()
        for window in list(self.chat_windows.values()):
            window.close()
        self.tray.hide()
        super().closeEvent(event)
        if not self._quitting:
            self._quitting = True
            self.quit_requested.emit()  # closed for good: the app ends with it
