"""The table of numbers: one row per account, updated row by row as statuses change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.bridge_policy import State
from app.domain.overall_health import BridgeView
from app.domain.status import Health, SessionStatus, health_of
from app.domain.window_views import AccountView, LastMessages
from app.ui.shared.formatting import (
    NO_INTERNET_SHORT,
    age,
    format_phone,
    limit_words,
    local_time,
    percent,
    reason_words,
    status_words,
    tr,
    tr_noop,
    utcnow,
)
from app.ui.shared.media_text import media_line

AccountIdRole = Qt.ItemDataRole.UserRole + 1
HealthRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
NO_MESSAGES = LastMessages()


class Column(IntEnum):
    NAME = 0
    UNREAD = 1  # the inbox's unread messages of the number (app.ui.inbox)
    PHONE = 2
    STATUS = 3
    SINCE = 4
    ACTIVITY = 5
    LAST_IN = 6
    LAST_OUT = 7
    UPTIME = 8


HEADERS = {
    Column.NAME: tr_noop("Name"),
    Column.UNREAD: tr_noop("Unread"),
    Column.PHONE: tr_noop("Phone number"),
    Column.STATUS: tr_noop("Status"),
    Column.SINCE: tr_noop("Since"),
    Column.ACTIVITY: tr_noop("Last activity"),
    Column.LAST_IN: tr_noop("Last message in"),
    Column.LAST_OUT: tr_noop("Last message out"),
    Column.UPTIME: tr_noop("Uptime (24 h)"),
}

#: How an outgoing message is doing, in the owner's words.
OUT_STATUS = {
    "queued": tr_noop("waiting to be sent"),
    "sent": tr_noop("sent"),
    "delivered": tr_noop("delivered"),
    "read": tr_noop("read"),
    "failed": tr_noop("not sent"),
}

HEADER_TIPS = {
    Column.UNREAD: tr_noop("Messages from customers nobody read yet, in Jaga or on the phone"),
    Column.SINCE: tr_noop("When the number got its current status"),
    Column.ACTIVITY: tr_noop("When WhatsApp last sent anything for this number"),
    Column.LAST_IN: tr_noop("When the last message to this number arrived"),
    Column.LAST_OUT: tr_noop("When this number last sent a message, and how it went"),
    Column.UPTIME: tr_noop("Share of the last 24 hours this number was connected"),
}

#: Columns whose text depends on the clock: refreshed together, every minute.
TIMED = (Column.SINCE, Column.ACTIVITY, Column.LAST_IN, Column.LAST_OUT, Column.UPTIME)


class AccountsModel(QAbstractTableModel):
    def __init__(
        self, parent: QObject | None = None, *, now: Callable[[], datetime] = utcnow
    ) -> None:
        super().__init__(parent)
        self._rows: list[AccountView] = []
        self._uptime: dict[str, float | None] = {}
        self._messages: dict[str, LastMessages] = {}
        self._unread: dict[str, int] = {}
        self._now = now
        self.bridge = BridgeView(State.STOPPED)

    # --- feeding the model --------------------------------------------------------------

    def set_accounts(self, accounts: list[AccountView]) -> None:
        """Adds and removes rows one by one, so views keep selection and scroll position."""
        wanted = {a.id: a for a in accounts}
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._uptime.pop(self._rows[row].id, None)
                self._messages.pop(self._rows[row].id, None)
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

    def add_account(self, account: AccountView) -> None:
        if self.row_of(account.id) is not None:
            self.update_account(account)
            return
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(account)
        self.endInsertRows()

    def remove_account(self, account_id: str) -> None:
        row = self.row_of(account_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._uptime.pop(account_id, None)
        self._messages.pop(account_id, None)
        del self._rows[row]
        self.endRemoveRows()

    def update_account(self, account: AccountView, uptime: float | None = None) -> None:
        """One row changed: dataChanged for that row only (never a reset)."""
        row = self.row_of(account.id)
        if row is None:
            return
        self._rows[row] = account
        if uptime is not None:
            self._uptime[account.id] = uptime
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def set_uptime(self, account_id: str, share: float | None) -> None:
        self.set_uptimes({account_id: share})

    def set_uptimes(self, shares: dict[str, float | None]) -> None:
        """Many rows' uptime at once, in one dataChanged.

        The table sizes columns to their contents, so every dataChanged makes the view ask
        for every row again: one signal per row made the 30-second refresh quadratic
        (seconds of CPU with 100 numbers).
        """
        rows = []
        for account_id, share in shares.items():
            row = self.row_of(account_id)
            if row is None or self._uptime.get(account_id) == share:
                continue
            self._uptime[account_id] = share
            rows.append(row)
        if rows:
            top = self.index(min(rows), Column.UPTIME)
            self.dataChanged.emit(top, self.index(max(rows), Column.UPTIME))

    def set_last_messages(self, account_id: str, last: LastMessages) -> None:
        row = self.row_of(account_id)
        if row is None or self._messages.get(account_id) == last:
            return
        self._messages[account_id] = last
        self.dataChanged.emit(self.index(row, Column.LAST_IN), self.index(row, Column.LAST_OUT))

    def set_unread(self, totals: dict[str, int]) -> None:
        """Every number's unread messages (numbers not named have none)."""
        changed = [a.id for a in self._rows if self._unread.get(a.id, 0) != totals.get(a.id, 0)]
        self._unread = dict(totals)
        for account_id in changed:
            row = self.row_of(account_id)
            if row is not None:
                index = self.index(row, Column.UNREAD)
                self.dataChanged.emit(index, index)

    def refresh_times(self) -> None:
        """The clock moved on: '5 min ago' becomes '6 min ago' (timed columns only)."""
        if self._rows:
            top = self.index(0, min(TIMED))
            bottom = self.index(len(self._rows) - 1, max(TIMED))
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    @property
    def bridge_up(self) -> bool:
        return self.bridge.overlay is None

    def set_bridge_up(self, up: bool) -> None:
        self.set_bridge(BridgeView(State.RUNNING if up else State.BACKOFF))

    def set_bridge(self, bridge: BridgeView) -> None:
        """The bridge's state is every row's overlay: the status column changes, nothing else."""
        if bridge != self.bridge:
            self.bridge = bridge
            if self._rows:
                top = self.index(0, Column.STATUS)
                bottom = self.index(len(self._rows) - 1, Column.STATUS)
                self.dataChanged.emit(top, bottom)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            bottom_right = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), bottom_right)

    def row_of(self, account_id: str) -> int | None:
        for row, account in enumerate(self._rows):
            if account.id == account_id:
                return row
        return None

    def account_at(self, row: int) -> AccountView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def accounts(self) -> list[AccountView]:
        return list(self._rows)

    def health(self, account: AccountView) -> Health:
        return health_of(
            SessionStatus.parse(account.status), bridge_up=self.bridge_up, reason=account.reason
        )

    # --- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[column])
        if role == Qt.ItemDataRole.ToolTipRole and column in HEADER_TIPS:
            return tr(HEADER_TIPS[column])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        account = self._rows[index.row()]
        column = Column(index.column())
        if role == AccountIdRole:
            return account.id
        if role == HealthRole:
            return self.health(account)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(account, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(account, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{tr(HEADERS[column])}: {self._display(account, column)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.UPTIME, Column.UNREAD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, account: AccountView, column: Column) -> str:
        now = self._now()
        match column:
            case Column.NAME:
                return account.label
            case Column.UNREAD:
                unread = self._unread.get(account.id, 0)
                return str(unread) if unread else ""
            case Column.PHONE:
                return format_phone(account.phone) or tr("not linked yet")
            case Column.STATUS:
                words = status_words(account.status, reason=account.reason, bridge=self.bridge)
                if self.bridge_up and account.reason == "network_unreachable":
                    words = tr(NO_INTERNET_SHORT)
                limit = limit_words(account.limit_reason, account.limited_until, now)
                return f"{words} · {limit}" if limit else words
            case Column.SINCE:
                return age(account.status_since, now)
            case Column.ACTIVITY:
                return age(account.last_activity_at, now) or "—"
            case Column.LAST_IN:
                incoming = self._messages.get(account.id, NO_MESSAGES).incoming
                return age(incoming.at, now) if incoming else "—"
            case Column.LAST_OUT:
                outgoing = self._messages.get(account.id, NO_MESSAGES).outgoing
                if outgoing is None:
                    return "—"
                if outgoing.status in ("queued", "failed"):
                    return tr(OUT_STATUS[outgoing.status])
                return age(outgoing.at, now)
            case Column.UPTIME:
                return percent(self._uptime.get(account.id))

    def _tooltip(self, account: AccountView, column: Column) -> str | None:
        match column:
            case Column.STATUS:
                why = reason_words(account.reason, account.status_message, account.status)
                limit = limit_words(account.limit_reason, account.limited_until, self._now())
                return "\n".join(w for w in (why, limit) if w) or self._display(account, column)
            case Column.SINCE if account.status_since is not None:
                return local_time(account.status_since, self._now())
            case Column.ACTIVITY if account.last_activity_at is not None:
                return local_time(account.last_activity_at, self._now())
            case Column.NAME if account.display_name:
                return account.display_name
            case Column.LAST_IN | Column.LAST_OUT:
                last = self._messages.get(account.id, NO_MESSAGES)
                message = last.incoming if column is Column.LAST_IN else last.outgoing
                if message is None:
                    return None
                status = tr(OUT_STATUS[message.status]) if message.status in OUT_STATUS else ""
                when = local_time(message.at, self._now())
                head = " · ".join(p for p in (when, format_phone(message.chat), status) if p)
                words = media_line(message.media_type, message.file_name, message.text)
                return f"{head}\n{words[:200]}"
        return None
