"""Search results of the inbox: every number's messages, customers and numbers that match.

A search that cannot run (no word in it, too long) says why in a sentence and leaves
the results as they were; nothing typed ever reaches SQLite as syntax.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.inbox.errors import InboxError
from app.domain.inbox.notices import preview
from app.domain.inbox.views import SearchHit
from app.domain.store_error import StoreError
from app.ports.inbox import InboxPort
from app.ui.inbox.delegate import ALIGN_LEFT, ALIGN_RIGHT, bold, paint_row
from app.ui.inbox.dialog_parts import error_label, show_error
from app.ui.shared.formatting import chat_title, day_or_time, tr, trn, utcnow
from app.ui.shared.message_look import small

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1
HeadRole = Qt.ItemDataRole.UserRole + 2  # (who, "number · time")
LineRole = Qt.ItemDataRole.UserRole + 3  # the message's words


class HitDelegate(QStyledItemDelegate):
    """A result in two lines: the customer (bold) and where and when; then the words."""

    PAD_X, PAD_Y, GAP = 12, 7, 3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title = QFontMetricsF(bold(option.font)).height()
        body = QFontMetricsF(option.font).height()
        return QSize(320, int(2 * self.PAD_Y + title + self.GAP + body + 0.5))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _selected, strong, muted = paint_row(painter, option, index, self)
        who, where = index.data(HeadRole) or ("", "")
        rect = QRectF(option.rect).adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        title_font = bold(option.font)
        metrics = QFontMetricsF(title_font)
        top = QRectF(rect.x(), rect.y(), rect.width(), metrics.height())
        painter.save()
        painter.setFont(small(option.font))
        painter.setPen(muted)
        painter.drawText(top, ALIGN_RIGHT, where)
        room = top.width() - QFontMetricsF(small(option.font)).horizontalAdvance(where) - 12
        painter.setFont(title_font)
        painter.setPen(strong)
        painter.drawText(
            top, ALIGN_LEFT, metrics.elidedText(who, Qt.TextElideMode.ElideRight, room)
        )
        body = QFontMetricsF(option.font)
        line = QRectF(rect.x(), top.bottom() + self.GAP, rect.width(), body.height())
        painter.setFont(option.font)
        words = str(index.data(LineRole) or "")
        painter.drawText(
            line, ALIGN_LEFT, body.elidedText(words, Qt.TextElideMode.ElideRight, line.width())
        )
        painter.restore()


class SearchResults(QWidget):
    open_requested = Signal(str, str, int)  # account id, chat, message row id

    def __init__(
        self,
        port: InboxPort,
        number_name: Callable[[str], str],
        *,
        now: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self._number_name = number_name
        self._now = now
        self.hits: list[SearchHit] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error_label = error_label()
        self.results = QListWidget()
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def search(self, text: str, only: str | None = None) -> bool:
        """Runs a search (in every number, or `only` that one); False (and a sentence) when
        it could not run."""
        try:
            hits = [h for h in self.port.search(text) if only is None or h.account_id == only]
        except (InboxError, StoreError) as error:
            show_error(self.error_label, error)
            return False
        self.error_label.hide()
        self.show_hits(hits)
        return True

    def show_hits(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(self._words(hit))  # what a screen reader says
            item.setData(HitRole, hit)
            item.setData(HeadRole, self._head(hit))
            item.setData(LineRole, self._line(hit))
            item.setToolTip(hit.text[:500])
            self.results.addItem(item)
        self.summary.setText(
            trn("%n found", len(hits)) if hits else tr("Nothing found in any number's chats.")
        )
        if hits:
            self.results.setCurrentRow(0)

    def _head(self, hit: SearchHit) -> tuple[str, str]:
        """(the customer, "number · time")."""
        where = " · ".join((self._number_name(hit.account_id), day_or_time(hit.at, self._now())))
        return (hit.name or chat_title(hit.chat), where)

    def _line(self, hit: SearchHit) -> str:
        words = preview(hit.text, 200)
        return tr("You: %1").replace("%1", words) if hit.direction == "out" else words

    def _words(self, hit: SearchHit) -> str:
        who, where = self._head(hit)
        return ", ".join((who, where, self._line(hit)))

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if isinstance(hit, SearchHit):
            self.open_requested.emit(hit.account_id, hit.chat, hit.row_id)
