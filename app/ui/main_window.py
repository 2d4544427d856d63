"""The main window: every number, its health, and the actions that fix it."""

from __future__ import annotations

import itertools
import logging
import math
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.autostart import RUN_KEY, Autostart, for_platform
from app.core.notify_policy import Notice, NoticeKind
from app.core.stall import Cause, StallDetector
from app.core.status import Health, SessionStatus
from app.core.supervision import State
from app.core.uptime import Change, uptime
from app.runtime.read_model import AccountChange
from app.service import JagaService, Progress
from app.ui.accounts_model import AccountIdRole, AccountsModel, Column
from app.ui.banner import Banner, NoticeBoard
from app.ui.bridge_panel import BridgePanel
from app.ui.chats_window import ChatsWindow
from app.ui.details_pane import DetailsPane
from app.ui.formatting import (
    BRIDGE_RESTARTING,
    STATUS_WORDS,
    bridge_words,
    error_words,
    tr,
    utcnow,
)
from app.ui.i18n import Translations
from app.ui.icons import health_icon
from app.ui.notices import notice_text
from app.ui.notifier import Notifier
from app.ui.qr_dialog import QrDialog
from app.ui.settings import AppSettings
from app.ui.settings_dialog import SettingsDialog
from app.ui.status_delegate import StatusBadgeDelegate, badge_width
from app.ui.tasks import run_async
from app.ui.tray import Tray

log = logging.getLogger(__name__)

#: How often ages ("5 min ago") and uptimes are brought up to date.
REFRESH_MS = 30_000


def default_autostart() -> Autostart:
    registry = (
        QSettings(RUN_KEY, QSettings.Format.NativeFormat) if sys.platform == "win32" else None
    )
    return for_platform(sys.platform, home=Path.home(), registry=registry)


class MainWindow(QMainWindow):
    #: The owner chose Quit (menu or tray): the app should end, not hide in the tray.
    quit_requested = Signal()

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
        self.setMinimumSize(720, 460)

        # --- the table ---------------------------------------------------------------------
        self.model = AccountsModel(self, now=now)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.STATUS, StatusBadgeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (
            Column.PHONE,
            Column.SINCE,
            Column.ACTIVITY,
            Column.LAST_IN,
            Column.LAST_OUT,
            Column.UPTIME,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Wide enough for every status in the current language: no jumping, no cut words.
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Fixed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.activated.connect(lambda _index: self.reconnect_selected())

        self.details = DetailsPane(service, now=now)
        self.reconnect_button = self.details.reconnect_button
        self.stop_button = self.details.toggle_button
        self.logout_button = self.details.logout_button
        self.remove_button = self.details.remove_button
        self.chats_button = self.details.chats_button
        self.reconnect_button.clicked.connect(self.reconnect_selected)
        self.stop_button.clicked.connect(self.toggle_selected)
        self.logout_button.clicked.connect(self.logout_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chats_button.clicked.connect(self.open_chats_selected)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        # --- the empty state ---------------------------------------------------------------
        self.empty_state = QWidget()
        column = QWidget()
        column.setFixedWidth(560)
        empty_layout = QVBoxLayout(column)
        outer = QHBoxLayout(self.empty_state)
        outer.addStretch(1)
        outer.addWidget(column)
        outer.addStretch(1)
        self.empty_icon = QLabel()
        self.empty_icon.setPixmap(health_icon(Health.OK).pixmap(72, 72))
        self.empty_title = QLabel()
        self.empty_title.setObjectName("emptyTitle")
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_steps = QLabel()
        self.empty_steps.setTextFormat(Qt.TextFormat.RichText)
        self.empty_steps.setWordWrap(True)
        self.empty_add_button = QPushButton()
        self.empty_add_button.setObjectName("primary")
        self.empty_add_button.setMinimumHeight(40)
        self.empty_add_button.clicked.connect(self.add_number)
        empty_layout.addStretch(1)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setWordWrap(True)
        empty_layout.addWidget(self.empty_icon, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.empty_title, self.empty_text, self.empty_steps):
            empty_layout.addWidget(widget)
            empty_layout.addSpacing(6)
        empty_layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.splitter)

        # --- top row, banners, status bar --------------------------------------------------
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_number)
        self.bridge_button = QPushButton()
        self.bridge_button.clicked.connect(self.open_bridge_panel)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.open_settings)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addStretch(1)
        top.addWidget(self.bridge_button)
        top.addWidget(self.settings_button)

        self.notice_board = NoticeBoard()
        self.notice_board.fix_requested.connect(self.open_fix)
        self.keyring_banner: Banner | None = None
        if not service.token_persistent:
            self.keyring_banner = Banner(
                tr("No keyring on this computer"),
                tr(
                    "Jaga makes a new bridge password at every start. "
                    "Everything works; the password is just not saved."
                ),
                None,
                tone="warning",
            )
            self.keyring_banner.dismissed.connect(self.keyring_banner.hide)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.notice_board)
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

        # --- keeping current ---------------------------------------------------------------
        service.model.changed.connect(self.apply_change)
        service.bridge_state_changed.connect(self.show_bridge_state)
        service.restore_progress.connect(self.show_restore_progress)
        service.error.connect(self.show_problem)
        self._messages_changed: set[int] = set()
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
            self.settings_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

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
        statuses = [tr(words) for words in (*STATUS_WORDS.values(), BRIDGE_RESTARTING)]
        self.table.horizontalHeader().resizeSection(
            Column.STATUS, badge_width(statuses, self.table.font())
        )
        self.show_bridge_state(self.service.bridge_state.value)
        self._update_actions()
        self.tray.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- keeping the view current ---------------------------------------------------------

    def refresh_accounts(self) -> None:
        """The whole list from the read model: at start only; changes come row by row."""
        accounts = self.service.accounts()
        self.model.set_accounts(accounts)  # type: ignore[arg-type]
        for account in accounts:
            self.model.set_uptime(account.id, self._uptime(account.id))
            self.model.set_last_messages(account.id, self.service.last_messages(account.id))
        self._rows_changed()

    def apply_change(self, change: AccountChange) -> None:
        """One account changed in the read model: that row, nothing else."""
        if change.new is None:
            self.model.remove_account(change.id)
            self._rows_changed()
            return
        if change.old is None:
            self.model.add_account(change.new)  # type: ignore[arg-type]
            self.model.set_last_messages(change.id, self.service.last_messages(change.id))
            self._rows_changed()
        else:
            self.model.update_account(change.new)  # type: ignore[arg-type]
        if change.old is None or change.old.status != change.new.status:
            self.model.set_uptime(change.id, self._uptime(change.id))  # history: on a change only
        if change.id == self.selected_account_id():
            self.details.show_account(
                change.id,
                history=change.old is None
                or (change.old.status, change.old.reason) != (change.new.status, change.new.reason),
            )
        self._update_actions()

    def refresh_account(self, account_id: str) -> None:
        account = self.service.account(account_id)
        if account is not None:
            self.model.update_account(account)  # type: ignore[arg-type]
        if account_id == self.selected_account_id():
            self.details.show_account(account_id)
        self._update_actions()

    def _rows_changed(self) -> None:
        accounts = self.model.accounts()
        self.stack.setCurrentWidget(self.splitter if self.model.rowCount() else self.empty_state)
        present = {account.id for account in accounts}
        for account_id in [a for a in self.chat_windows if a not in present]:
            self.chat_windows[account_id].close()  # the number was removed
        if self.selected_account_id() is None and self.model.rowCount():
            self.select(self.model.account_at(self.model.rowCount() - 1).id)  # type: ignore[union-attr]
        self._selection_changed()

    def refresh_messages_of(self, message_row_id: int) -> None:
        """A message came in or changed status: that number's last-message cells, soon.

        A burst brings thousands of these a second; the cells are redrawn at most five
        times a second, so the window stays responsive.
        """
        self._messages_changed.add(message_row_id)
        if not self._messages_timer.isActive():
            self._messages_timer.start()

    def _refresh_last_messages(self) -> None:
        row_ids, self._messages_changed = self._messages_changed, set()
        if len(row_ids) > len(self.model.accounts()):
            accounts = {account.id for account in self.model.accounts()}  # cheaper in a burst
        else:
            accounts = {
                message.account_id
                for row_id in row_ids
                if (message := self.service.message(row_id)) is not None
            }
        for account_id in accounts:
            self.model.set_last_messages(account_id, self.service.last_messages(account_id))

    def refresh_times(self) -> None:
        for account in self.model.accounts():
            self.model.set_uptime(account.id, self._uptime(account.id))
        self.model.refresh_times()

    def _uptime(self, account_id: str) -> float | None:
        history = self.service.history(account_id)
        return uptime((Change(c.at, c.status) for c in history), self._now())

    def show_bridge_state(self, state: str) -> None:
        bridge = self.service.bridge()
        up = bridge.up
        self.model.set_bridge(bridge)
        self.details.bridge_up = up
        self.details.bridge = bridge
        words = bridge_words(state)
        if state == State.FATAL.value and bridge.fatal_reason:
            words += " — " + bridge.fatal_reason
        retry_in = None
        if bridge.retry_at is not None and state == State.FATAL.value:
            retry_in = max(0.0, (bridge.retry_at - utcnow()).total_seconds())
        if retry_in is not None:
            minutes, seconds = divmod(math.ceil(retry_in), 60)
            words += " — " + tr("trying again in %1").replace("%1", f"{minutes}:{seconds:02d}")
            self._countdown.start()  # the countdown moves every second while FATAL
        else:
            self._countdown.stop()
        self.bridge_status.setText(words)
        self.bridge_status.setAccessibleName(tr("Bridge status: %1").replace("%1", words))
        healthy = up or state == State.STARTING.value
        self.bridge_status.setIcon(health_icon(Health.OK if healthy else Health.BRIDGE_DOWN))
        self.setWindowIcon(health_icon(self.tray.level))
        self.details.show_account(self.selected_account_id())

    def check_stall(self, now: float) -> None:
        """The window says what Jaga itself waited for, so a pause is not blamed on the bridge."""
        stall = self._stalls.observe(now, self.service.database_wait())
        if stall is None:
            return
        seconds = str(round(stall.seconds))
        if stall.cause is Cause.DATABASE:
            text = tr(
                "Jaga waited %1 s for its database (another program was using it); "
                "the bridge kept running."
            )
        else:
            text = tr("Jaga itself was paused for %1 s; the bridge kept running.")
        self.last_stall_words = text.replace("%1", seconds)
        log.warning("the app was held up for %s s (%s)", seconds, stall.cause)
        self.statusBar().showMessage(self.last_stall_words, 60_000)

    def _tick_countdown(self) -> None:
        self.show_bridge_state(self.service.bridge_state.value)

    def show_restore_progress(self, progress: Progress) -> None:
        if progress.done >= progress.total:
            self.progress_label.setText("")
        else:
            text = tr("Restoring %1 of %2").replace("%1", str(progress.done + 1))
            self.progress_label.setText(text.replace("%2", str(progress.total)))

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

    def _row_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.select(index.data(AccountIdRole))
        menu = QMenu(self)
        for action in (
            self.reconnect_action,
            self.toggle_action,
            self.logout_action,
            self.remove_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.chats_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

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

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # --- the owner's actions --------------------------------------------------------------

    def add_number(self) -> QInputDialog:
        """Asks for a name (non-blocking), then adds the number and shows its QR."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Add number"))
        dialog.setLabelText(tr("A name for this number (for example “Shop front”):"))
        dialog.setOkButtonText(tr("Add and show QR code"))
        dialog.setCancelButtonText(tr("Cancel"))
        dialog.textValueSelected.connect(self._add_named)
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_named(self, label: str) -> None:
        if label.strip():
            run_async(self._add(label.strip()), self.show_error)

    async def _add(self, label: str) -> None:
        account = await self.service.add_account(label)
        self.select(account.id)
        self.open_qr_dialog(account.id)

    def open_qr_dialog(self, account_id: str) -> QrDialog:
        dialog = self.qr_dialogs.get(account_id)
        if dialog is None:
            dialog = QrDialog(self.service, account_id, demo=self.demo, parent=self)
            dialog.simulate_scan_requested.connect(self.simulate_scan)
            dialog.reconnect_requested.connect(self._start_again)
            dialog.finished.connect(lambda _result, a=account_id: self._qr_closed(a))
            self.qr_dialogs[account_id] = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def _qr_closed(self, account_id: str) -> None:
        dialog = self.qr_dialogs.pop(account_id, None)
        if dialog is not None:
            dialog.deleteLater()

    def simulate_scan(self, account_id: str) -> None:
        self._demo_phone_counter += 1
        phone = f"62812000{self._demo_phone_counter:04d}"
        run_async(self.service.simulate_scan(account_id, phone, "Demo phone"), self.show_error)

    def _start_again(self, account_id: str) -> None:
        self.notifier.owner_acted(account_id)
        run_async(self.service.reconnect(account_id), self.show_error)

    def reconnect(self, account_id: str) -> None:
        """Start again, and show the QR dialog (a code appears if WhatsApp wants one)."""
        account = self.service.account(account_id)
        if account is None:
            return
        self._start_again(account_id)
        if SessionStatus.parse(account.status) is not SessionStatus.CONNECTED:
            self.open_qr_dialog(account_id)

    def reconnect_selected(self) -> None:
        account_id = self.selected_account_id()
        if account_id is not None:
            self.reconnect(account_id)

    def toggle_selected(self) -> None:
        account_id = self.selected_account_id()
        account = self.service.account(account_id) if account_id else None
        if account is None:
            return
        self.notifier.owner_acted(account.id)
        if account.desired_state == "running":
            run_async(self.service.stop_account(account.id), self.show_error)
        elif account.phone:
            run_async(self.service.reconnect(account.id), self.show_error)
        else:
            self.reconnect(account.id)  # never linked: it will need a QR

    def logout_selected(self) -> QMessageBox | None:
        account_id = self.selected_account_id()
        account = self.service.account(account_id) if account_id else None
        if account is None:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Log out"))
        box.setText(tr("Log out “%1”?").replace("%1", account.label))
        box.setInformativeText(
            tr(
                "This computer is unlinked from the phone. To use this number in Jaga again "
                "you scan a new QR code."
            )
        )
        confirm = box.addButton(tr("Log out"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)

        def done() -> None:
            if box.clickedButton() is confirm:
                self.notifier.owner_acted(account.id)
                run_async(self.service.logout_account(account.id), self.show_error)

        box.finished.connect(lambda _result: done())
        box.open()
        return box

    def remove_selected(self) -> QMessageBox | None:
        account_id = self.selected_account_id()
        account = self.service.account(account_id) if account_id else None
        if account is None:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Remove number"))
        box.setText(tr("Remove “%1” from Jaga?").replace("%1", account.label))
        box.setInformativeText(
            tr(
                "Jaga stops watching this number and deletes its status history. "
                "Kept: the link on the phone (it stays under Linked devices until you log it "
                "out) and Jaga's event log. Log out first to unlink the phone as well."
            )
        )
        remove = box.addButton(tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        logout_remove = None
        if account.phone and self.service.bridge().up:
            logout_remove = box.addButton(
                tr("Log out and remove"), QMessageBox.ButtonRole.DestructiveRole
            )
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)

        def done() -> None:
            clicked = box.clickedButton()
            if clicked is remove:
                run_async(self.service.remove_account(account.id), self.show_error)
            elif clicked is not None and clicked is logout_remove:
                self.notifier.owner_acted(account.id)
                run_async(self._logout_and_remove(account.id), self.show_error)

        box.finished.connect(lambda _result: done())
        box.open()
        return box

    async def _logout_and_remove(self, account_id: str) -> None:
        await self.service.logout_account(account_id)
        await self.service.remove_account(account_id)

    def open_chats(self, account_id: str) -> ChatsWindow | None:
        """The number's chats, in a window of their own (one per number)."""
        if self.service.account(account_id) is None:
            return None
        window = self.chat_windows.get(account_id)
        if window is None:
            window = ChatsWindow(self.service, account_id, now=self._now, parent=self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _obj=None, a=account_id: self.chat_windows.pop(a, None))
            self.chat_windows[account_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_chats_selected(self) -> ChatsWindow | None:
        account_id = self.selected_account_id()
        return self.open_chats(account_id) if account_id is not None else None

    def open_bridge_panel(self) -> BridgePanel:
        if self.bridge_panel is None:
            self.bridge_panel = BridgePanel(self.service, parent=self)
        self.bridge_panel.show()
        self.bridge_panel.raise_()
        return self.bridge_panel

    def open_settings(self) -> SettingsDialog:
        if self.settings_dialog is None:
            dialog = SettingsDialog(
                self.settings,
                autostart=self.autostart if self.autostart is not None else default_autostart(),
                current_data_dir=self.data_dir,
                tray_available=self.tray.available,
                parent=self,
            )
            dialog.accepted.connect(self._settings_saved)
            dialog.finished.connect(lambda _result: self._settings_closed())
            self.settings_dialog = dialog
        self.settings_dialog.open()
        return self.settings_dialog

    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    def _settings_saved(self) -> None:
        self.service.default_region = self.settings.default_region
        if self.translations is not None:
            self.translations.apply(self.settings.language)

    def show_problem(self, sentence: str) -> None:
        """A background error (full disk, read-only file, a message put aside): a banner
        with the sentence, which says what to do. The same trouble again does not stack."""
        words = error_words(Exception(sentence))
        if self.problem_banner is not None:
            if self.problem_banner.body.text() == words:
                return
            self._dismiss_problem()
        banner = Banner(tr("Jaga needs your attention"), words, None, tone="error")
        banner.dismissed.connect(self._dismiss_problem)
        self._problem_slot.addWidget(banner)
        banner.setVisible(True)  # a child added to a shown window is hidden until shown
        self.problem_banner = banner

    def _dismiss_problem(self) -> None:
        banner, self.problem_banner = self.problem_banner, None
        if banner is not None:
            banner.hide()
            banner.deleteLater()

    def show_error(self, error: Exception) -> None:
        log.warning("action failed: %s", error)
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Something went wrong"), str(error), parent=self
        )
        box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.open()

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
