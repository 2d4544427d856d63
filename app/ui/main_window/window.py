"""The main window: every number, its health, and the actions that fix it."""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.login_start import Autostart
from app.domain.notify_policy import Notice
from app.domain.stall import StallDetector
from app.ports.window import WindowPort
from app.ui.bridge_status.panel import BridgePanel
from app.ui.linking.dialog import QrDialog
from app.ui.main_window.accounts_model import AccountIdRole
from app.ui.main_window.banner_area import BannerArea
from app.ui.main_window.demo_controls import DemoControls
from app.ui.main_window.inbox_hooks import install_inbox
from app.ui.main_window.live_updates import LiveViews
from app.ui.main_window.owner_actions import OwnerActions
from app.ui.main_window.panes import WindowParts
from app.ui.main_window.presence import WindowPresence
from app.ui.main_window.secrets_banner import secrets_banner
from app.ui.settings.dialog import SettingsDialog
from app.ui.settings.preferences import AppSettings
from app.ui.shared.banner import Banner, NoticeBoard
from app.ui.shared.formatting import (
    tr,
    utcnow,
)
from app.ui.shared.i18n import Translations
from app.ui.shared.icons import health_icon
from app.ui.shared.retranslating import Retranslating
from app.ui.tray.notifier import Notifier
from app.ui.tray.tray_icon import Tray

if TYPE_CHECKING:
    from app.ui.chats.window import ChatsWindow

log = logging.getLogger(__name__)

#: How often ages ("5 min ago") and uptimes are brought up to date.
REFRESH_MS = 30_000


class MainWindow(WindowParts, LiveViews, OwnerActions, WindowPresence, Retranslating, QMainWindow):
    #: The owner chose Quit (menu or tray): the app should end, not hide in the tray.
    quit_requested = Signal()
    #: The owner wants the shop API and webhooks dialog (the launcher owns the gateway).
    gateway_requested = Signal()

    def __init__(
        self,
        port: WindowPort,
        *,
        demo: bool = False,
        settings: AppSettings | None = None,
        translations: Translations | None = None,
        notifier: Notifier | None = None,
        tray_available: bool | None = None,
        autostart: Autostart | None = None,
        data_dir: Path | None = None,
        start_command: Sequence[str] | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        """`start_command`: how to start this same Jaga at login (its data folder, settings
        file and mode: app.system.autostart.start_command)."""
        super().__init__()
        self._init_state(port, demo, settings, translations, autostart, data_dir, now)
        self.start_command = list(start_command) if start_command is not None else None
        self._build_views(port, now)
        self._init_central()
        self._init_status_bar()
        self._init_actions()
        self._init_menu()
        self._init_tray(tray_available, notifier)
        self._init_timers()
        self._connect_service()
        self._init_tab_order()
        self.demo_controls = DemoControls(self) if demo else None
        self.retranslate()
        self.refresh_accounts()
        self.show_bridge_state(port.bridge.view().state.value)
        self._show_what_came_before()
        self._init_geometry()

    def _init_state(
        self,
        port: WindowPort,
        demo: bool,
        settings: AppSettings | None,
        translations: Translations | None,
        autostart: Autostart | None,
        data_dir: Path | None,
        now: Callable[[], datetime],
    ) -> None:
        self.port = port
        self.demo = demo
        self.settings = settings or AppSettings()
        port.commands.default_region = self.settings.default_region
        self.translations = translations
        self.autostart = autostart
        self.data_dir = data_dir or port.records.data_dir
        self._now = now
        self.qr_dialogs: dict[str, QrDialog] = {}
        self.chat_windows: dict[str, ChatsWindow] = {}
        self.bridge_panel: BridgePanel | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.add_dialog: QInputDialog | None = None
        self.taskbar_note: QMessageBox | None = None  # no tray: Close said once
        self._problem_sentence = ""  # the core's sentence behind the problem banner
        self._demo_phone_counter = 0
        self._quitting = False
        self.notices: list[Notice] = []  # every notice shown this run, for the owner and tests

    def _init_central(self) -> None:
        """The top row, the banners (they scroll when many), and the list or the empty state."""
        top = self._build_top_row()
        self.banners = BannerArea()
        self.notice_board = NoticeBoard()
        self.notice_board.fix_requested.connect(self.open_fix)
        self.banners.add(self.notice_board)
        self.recovery_banner: Banner | None = None  # a damaged bridge.sqlite3 was set aside
        self.problem_banner: Banner | None = None
        self.keyring_banner = secrets_banner(
            self.port.settings.token_persistent, self.port.settings.secrets_file
        )
        if self.keyring_banner is not None:
            self.banners.add(self.keyring_banner)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.banners)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setStyleSheet(
            "QLabel#emptyTitle { font-size: 20pt; font-weight: 600; }"
            " QPushButton#primary { font-weight: 600; padding: 6px 18px; }"
        )

    def _init_status_bar(self) -> None:
        self.bridge_status = QPushButton()
        self.bridge_status.setFlat(True)
        self.bridge_status.clicked.connect(self.open_bridge_panel)
        self.progress_label = QLabel()
        self.statusBar().addWidget(self.bridge_status)
        self.statusBar().addPermanentWidget(self.progress_label)

    def _init_actions(self) -> None:
        """Actions with shortcuts (also the row's context menu)."""
        self.add_action = self._action(QKeySequence.StandardKey.New, self.add_number)
        self.reconnect_action = self._action(QKeySequence("Ctrl+R"), self.reconnect_selected)
        self.link_action = self._action(QKeySequence("Ctrl+L"), self.link_selected)
        self.toggle_action = self._action(QKeySequence("Ctrl+T"), self.toggle_selected)
        self.logout_action = self._action(None, self.logout_selected)
        self.remove_action = self._action(QKeySequence.StandardKey.Delete, self.remove_selected)
        self.chats_action = self._action(QKeySequence("Ctrl+Shift+C"), self.open_chats_selected)
        self.bridge_action = self._action(QKeySequence("Ctrl+B"), self.open_bridge_panel)
        self.settings_action = self._action(
            QKeySequence.StandardKey.Preferences, self.open_settings
        )
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.quit)
        self.gateway_action = self._action(None, self.gateway_requested.emit)
        for action in (self.remove_action,):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)

    def _init_menu(self) -> None:
        """The Jaga menu: what the top row has, and Quit (there may be no tray to quit from)."""
        menu = self.jaga_menu = self.menuBar().addMenu("")
        menu.addAction(self.add_action)
        menu.addSeparator()
        for action in (self.gateway_action, self.bridge_action, self.settings_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    def _init_tray(self, tray_available: bool | None, notifier: Notifier | None) -> None:
        """The tray (where there is one) and the notices."""
        self.tray = Tray(self.port, available=tray_available, parent=self)
        self.tray.open_requested.connect(self.bring_to_front)
        self.tray.reconnect_requested.connect(self.reconnect)
        self.tray.link_requested.connect(self.link_again)
        self.tray.quit_requested.connect(self.quit)
        self.tray.notice_clicked.connect(self.open_fix)
        self.notifier = notifier or Notifier(self.port, parent=self)
        self.notifier.notice.connect(self.present_notice)
        self.inbox_hooks = install_inbox(self)  # Inbox button, unread totals, message notices

    def _init_timers(self) -> None:
        """Keeping current: ages, uptimes, last messages, the app's own stalls, countdowns."""
        self._messages_changed: set[int] = set()
        self._uptime_due: set[str] = set()
        # A crash changes every row: history read once.
        self._uptime_timer = self._timer(1000, self._refresh_due_uptimes, single=True)
        self._messages_timer = self._timer(200, self._refresh_last_messages, single=True)
        self._clock_timer = self._timer(REFRESH_MS, self.refresh_times)
        self._clock_timer.start()
        self._stalls = StallDetector()
        self.last_stall_words = ""
        self._stall_timer = self._timer(
            int(self._stalls.interval * 1000), lambda: self.check_stall(time.monotonic())
        )
        self._stall_timer.start()
        self._countdown = self._timer(1000, self._tick_countdown)

    def _timer(
        self, interval_ms: int, slot: Callable[[], object], *, single: bool = False
    ) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def _connect_service(self) -> None:
        port = self.port
        port.numbers.changed.connect(self.apply_change)
        port.changes.bridge_state_changed.connect(self.show_bridge_state)
        port.changes.restore_progress.connect(self.show_restore_progress)
        port.changes.error.connect(self.show_problem)
        port.changes.trouble_gone.connect(self.trouble_gone)
        port.changes.bridge_recovered.connect(self._show_bridge_recovery)
        port.changes.message_added.connect(self.refresh_messages_of)
        port.changes.message_updated.connect(self.refresh_messages_of)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

    def _init_tab_order(self) -> None:
        """Keyboard: from the list straight to what can be done with the selected number."""
        order = [
            self.add_button,
            self.table,
            self.link_button,
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
        self.link_action.setText(tr("Link again"))
        self.logout_action.setText(tr("Log out"))
        self.remove_action.setText(tr("Remove"))
        self.chats_action.setText(tr("Chats"))
        self.bridge_action.setText(tr("Bridge…"))
        self.settings_action.setText(tr("Settings…"))
        self.gateway_action.setText(tr("Shop API…"))
        self.quit_action.setText(tr("Quit Jaga"))
        self.jaga_menu.setTitle(tr("&Jaga"))
        self.model.retranslate()
        self.show_bridge_state(self.port.bridge.view().state.value)
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
            (self.link_action, self.link_button),
            (self.reconnect_action, self.reconnect_button),
            (self.toggle_action, self.stop_button),
            (self.logout_action, self.logout_button),
            (self.remove_action, self.remove_button),
            (self.chats_action, self.chats_button),
        ):
            action.setEnabled(account_id is not None and button.isEnabled())
            action.setVisible(not button.isHidden())  # the menu offers what the pane does
        self.toggle_action.setText(self.stop_button.text().replace("&", ""))
        self.setWindowIcon(health_icon(self.tray.level))
