"""The inbox's conversations as a Qt list model: every number's chats, newest first.

Filters (a number, a label by name, waiting for an answer) reset the model; a message
or a read changes one row (moved, inserted, removed or repainted), never a reset, so
the list keeps its place while customers write.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.inbox.labels import Label, same_name
from app.domain.inbox.views import Conversation
from app.ui.shared.formatting import chat_title, day_or_time, tr, trn, utcnow
from app.ui.shared.media_text import media_line
from app.ui.shared.message_look import UNREADABLE_WORDS

Index = QModelIndex | QPersistentModelIndex
ConversationRole = Qt.ItemDataRole.UserRole + 1  # the Conversation
NumberRole = Qt.ItemDataRole.UserRole + 2  # the number's name, as the owner calls it
LabelsRole = Qt.ItemDataRole.UserRole + 3  # list[Label] on the chat
TimeRole = Qt.ItemDataRole.UserRole + 4
PreviewRole = Qt.ItemDataRole.UserRole + 5
TitleRole = Qt.ItemDataRole.UserRole + 6  # the customer's name, or their number


@dataclass(frozen=True)
class Filter:
    account_id: str | None = None
    label_name: str | None = None
    waiting: bool = False


def _order(conversation: Conversation) -> int:
    return -conversation.last_row_id  # newest first


def title_of(conversation: Conversation) -> str:
    return conversation.name or chat_title(conversation.chat)


def preview_of(conversation: Conversation) -> str:
    if conversation.last_direction == "in" and conversation.last_status == "unreadable":
        return tr(UNREADABLE_WORDS)  # message.undecryptable, until its readable copy comes
    words = media_line(conversation.last_media, None, conversation.last_text)
    line = " ".join(words.split())
    if conversation.last_direction == "out":
        line = tr("You: %1").replace("%1", line)
    return line[:160]


class InboxModel(QAbstractListModel):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        number_name: Callable[[str], str],
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self._number_name = number_name
        self._now = now
        self._all: list[Conversation] = []
        self._shown: list[Conversation] = []
        self._keys: list[int] = []  # _order of each shown row (sorted)
        self._labels: dict[tuple[str, str], Label] = {}
        self.filter = Filter()

    # --- feeding ------------------------------------------------------------------------

    def load(self, conversations: list[Conversation], labels: list[Label]) -> None:
        self.beginResetModel()
        self._all = sorted(conversations, key=_order)
        self._labels = {(label.account_id, label.label_id): label for label in labels}
        self._refilter()
        self.endResetModel()

    def extend(self, older: list[Conversation]) -> None:
        """The next page, older than every row held (the window loads in pages)."""
        known = {c.key for c in self._all}
        fresh = sorted((c for c in older if c.key not in known), key=_order)
        self._all.extend(fresh)
        shown = [c for c in fresh if self._passes(c)]
        if shown:
            first = len(self._shown)
            self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
            self._shown.extend(shown)
            self._keys.extend(_order(c) for c in shown)
            self.endInsertRows()

    def set_labels(self, labels: list[Label]) -> None:
        """A number's labels changed (a name, a colour): the rows repaint; a label filter
        may show other rows now."""
        self._labels = {(label.account_id, label.label_id): label for label in labels}
        if self.filter.label_name is not None:
            self.set_filter(self.filter)
        else:
            self.refresh()

    def set_filter(self, wanted: Filter) -> None:
        self.beginResetModel()
        self.filter = wanted
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        self._shown = [c for c in self._all if self._passes(c)]
        self._keys = [_order(c) for c in self._shown]

    def _passes(self, conversation: Conversation) -> bool:
        wanted = self.filter
        if wanted.account_id is not None and conversation.account_id != wanted.account_id:
            return False
        if wanted.waiting and not conversation.waiting:
            return False
        if wanted.label_name is not None:
            names = [label.name for label in self.labels_of(conversation)]
            return any(same_name(name, wanted.label_name) for name in names)
        return True

    def put(self, conversation: Conversation) -> None:
        """One conversation changed (or is new): its row moves, appears or goes."""
        self._all = [c for c in self._all if c.key != conversation.key]
        self._all.insert(
            bisect_left([_order(c) for c in self._all], _order(conversation)), conversation
        )
        old = self.row_of(*conversation.key)
        if old is not None:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._shown[old], self._keys[old]
            self.endRemoveRows()
        if not self._passes(conversation):
            return
        row = bisect_left(self._keys, _order(conversation))
        self.beginInsertRows(QModelIndex(), row, row)
        self._shown.insert(row, conversation)
        self._keys.insert(row, _order(conversation))
        self.endInsertRows()

    def remove_number(self, account_id: str) -> None:
        self._all = [c for c in self._all if c.account_id != account_id]
        self.set_filter(self.filter)

    def refresh(self) -> None:
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(len(self._shown) - 1))

    # --- reading ------------------------------------------------------------------------

    def row_of(self, account_id: str, chat: str) -> int | None:
        for row, conversation in enumerate(self._shown):
            if conversation.key == (account_id, chat):
                return row
        return None

    def conversation_at(self, row: int) -> Conversation | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def labels_of(self, conversation: Conversation) -> list[Label]:
        found = (self._labels.get((conversation.account_id, i)) for i in conversation.labels)
        return [label for label in found if label is not None]

    def accounts(self) -> set[str]:
        return {c.account_id for c in self._all}

    def counts(self) -> tuple[int, int]:
        """(conversations waiting for an answer, unread messages) among all of them."""
        return (
            sum(1 for c in self._all if c.waiting),
            sum(c.unread for c in self._all),
        )

    # --- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        c = self._shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, TitleRole):
            return title_of(c)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._spoken(c)
        reads: dict[int, Callable[[], Any]] = {
            ConversationRole: lambda: c,
            NumberRole: lambda: self._number_name(c.account_id),
            LabelsRole: lambda: self.labels_of(c),
            TimeRole: lambda: day_or_time(c.last_at, self._now()),
            PreviewRole: lambda: preview_of(c),
        }
        read = reads.get(role)
        return read() if read is not None else None

    def _spoken(self, c: Conversation) -> str:
        parts = [title_of(c), self._number_name(c.account_id), day_or_time(c.last_at, self._now())]
        if c.unread:
            parts.append(trn("%n unread", c.unread))
        if c.waiting:
            parts.append(tr("waiting for an answer"))
        parts += [label.name for label in self.labels_of(c)]
        parts.append(preview_of(c))
        return ", ".join(p for p in parts if p)
