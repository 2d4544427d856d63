"""The main window's table, details and empty state, built once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.status import Health
from app.ports.window import WindowPort
from app.ui.main_window.accounts_model import AccountIdRole, AccountsModel, Column
from app.ui.main_window.details_pane import DetailsPane
from app.ui.main_window.status_delegate import StatusBadgeDelegate
from app.ui.shared.icons import health_icon
from app.ui.shared.screen_fit import room_for
from app.ui.shared.scroll_page import ScrollPage
from app.ui.shared.table_fit import FillColumn

log = logging.getLogger(__name__)

ROW_HEIGHT = 34
MIN_ROWS = 5  # rows the table shows even in the smallest window
#: On a short screen (a 1366x768 laptop at 150 % text) the smallest window shows fewer.
FEWEST_ROWS = 3
#: The height of window (without its frame) below which the table may show FEWEST_ROWS.
ROOMY_HEIGHT = 560


class WindowParts:
    """Part of MainWindow (a mixin): builds the views."""

    def _build_top_row(self) -> QHBoxLayout:
        """Add number on the left; the bridge, the shop API and settings on the right."""
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_number)
        self.bridge_button = QPushButton()
        self.bridge_button.clicked.connect(self.open_bridge_panel)
        self.gateway_button = QPushButton()
        self.gateway_button.clicked.connect(self.gateway_requested)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.open_settings)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addStretch(1)
        for button in (self.bridge_button, self.gateway_button, self.settings_button):
            top.addWidget(button)
        return top

    def _build_views(self, port: WindowPort, now: Callable[[], datetime]) -> None:
        """The table, the details beside it, and the empty state for a first start."""
        self._init_table(now)
        self._init_details(port, now)
        self._init_empty_state()
        self.stack = QStackedWidget()
        self.empty_page = ScrollPage(self.empty_state)  # a short window scrolls the steps
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.splitter)

    def _init_table(self, now: Callable[[], datetime]) -> None:
        self.model = AccountsModel(self, now=now)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.STATUS, StatusBadgeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # Every column as wide as what it shows, in the current language; the name takes
        # the room left but is never cut for a half-empty column (a narrow window scrolls).
        self.column_fit = FillColumn(self.table, Column.NAME)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.activated.connect(lambda _index: self.reconnect_selected())

    def _init_details(self, port: WindowPort, now: Callable[[], datetime]) -> None:
        self.details = DetailsPane(port, now=now)
        self.link_button = self.details.link_button
        self.link_button.clicked.connect(self.link_selected)
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

        # Even the smallest window shows five numbers (three on a short screen): the details
        # give way first, and scroll.
        rows = MIN_ROWS if room_for(self)[1] >= ROOMY_HEIGHT else FEWEST_ROWS
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + rows * ROW_HEIGHT
            + self.table.horizontalScrollBar().sizeHint().height()  # a narrow window scrolls
            + 2 * self.table.frameWidth()
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.details_page = ScrollPage(self.details)
        self.splitter.addWidget(self.details_page)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

    def _init_empty_state(self) -> None:
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

    def _row_menu(self, position: QPoint) -> None:
        menu = self.row_menu_at(position)
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(position))

    def row_menu_at(self, position: QPoint) -> QMenu | None:
        """The context menu of the row at `position` (selected first), or None."""
        index = self.table.indexAt(position)
        if not index.isValid():
            return None
        self.select(index.data(AccountIdRole))
        menu = QMenu(self)
        for action in (
            self.link_action,
            self.reconnect_action,
            self.toggle_action,
            self.logout_action,
            self.remove_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.chats_action)
        if self.demo_controls is not None:
            menu.addSeparator()
            menu.addMenu(self.demo_controls.row_menu(menu))
        return menu
