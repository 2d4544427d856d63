"""The table of numbers: one row per account, updated row by row as statuses change."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.models import Account
from app.core.status import Health, SessionStatus, health_of
from app.ui.formatting import age, format_phone, status_words, tr

AccountIdRole = Qt.ItemDataRole.UserRole + 1

HEALTH_COLORS = {
    Health.OK: QColor("#1e9e5a"),
    Health.IDLE: QColor("#8a8f98"),
    Health.BUSY: QColor("#d49a00"),
    Health.NEEDS_OWNER: QColor("#d2372c"),
    Health.BRIDGE_DOWN: QColor("#8a8f98"),
}

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    PHONE = 1
    STATUS = 2
    SINCE = 3
    ACTIVITY = 4


HEADERS = {
    Column.NAME: "Name",
    Column.PHONE: "Phone number",
    Column.STATUS: "Status",
    Column.SINCE: "Since",
    Column.ACTIVITY: "Last activity",
}


class AccountsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Account] = []
        self.bridge_up = False

    # --- feeding the model --------------------------------------------------------------

    def set_accounts(self, accounts: list[Account]) -> None:
        """Adds and removes rows one by one, so views keep selection and scroll position."""
        wanted = {a.id: a for a in accounts}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        present = {a.id for a in self._rows}
        for account in accounts:
            if account.id in present:
                self.update_account(account)
            else:
                row = len(self._rows)
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.append(account)
                self.endInsertRows()

    def update_account(self, account: Account) -> None:
        row = self.row_of(account.id)
        if row is None:
            return
        self._rows[row] = account
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def set_bridge_up(self, up: bool) -> None:
        if up != self.bridge_up:
            self.bridge_up = up
            if self._rows:
                top, bottom = (
                    self.index(0, Column.STATUS),
                    self.index(len(self._rows) - 1, Column.STATUS),
                )
                self.dataChanged.emit(top, bottom)

    def row_of(self, account_id: str) -> int | None:
        for row, account in enumerate(self._rows):
            if account.id == account_id:
                return row
        return None

    def account_at(self, row: int) -> Account | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def accounts(self) -> list[Account]:
        return list(self._rows)

    # --- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        account = self._rows[index.row()]
        column = Column(index.column())
        if role == AccountIdRole:
            return account.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(account, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATUS:
            return HEALTH_COLORS[self.health(account)]
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.STATUS:
            return account.status_message or self._display(account, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{account.label}: {self._display(account, Column.STATUS)}"
        return None

    def health(self, account: Account) -> Health:
        return health_of(SessionStatus.parse(account.status), bridge_up=self.bridge_up)

    def _display(self, account: Account, column: Column) -> str:
        match column:
            case Column.NAME:
                return account.label
            case Column.PHONE:
                return format_phone(account.phone) or tr("not linked yet")
            case Column.STATUS:
                return status_words(account.status, bridge_up=self.bridge_up)
            case Column.SINCE:
                return age(account.status_since)
            case Column.ACTIVITY:
                return age(account.last_activity_at)
