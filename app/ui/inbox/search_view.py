"""Search results of the inbox: every number's messages, customers and numbers that match.

A search that cannot run (no word in it, too long) says why in a sentence and leaves
the results as they were; nothing typed ever reaches SQLite as syntax.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.store import StoreError
from app.domain.inbox.errors import InboxError
from app.domain.inbox.notices import preview
from app.domain.inbox.views import SearchHit
from app.ports.inbox import InboxPort
from app.ui.formatting import chat_title, day_or_time, tr, trn, utcnow
from app.ui.inbox.words import inbox_words
from app.ui.new_message import ERROR_STYLE

HitRole = Qt.ItemDataRole.UserRole + 1


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
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def search(self, text: str) -> bool:
        """Runs a search; False (and a sentence) when it could not run."""
        try:
            hits = self.port.search(text)
        except (InboxError, StoreError) as error:
            self.error_label.setText(inbox_words(error))
            self.error_label.show()
            return False
        self.error_label.hide()
        self.show_hits(hits)
        return True

    def show_hits(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(self._words(hit))
            item.setData(HitRole, hit)
            item.setToolTip(hit.text[:500])
            self.results.addItem(item)
        self.summary.setText(
            trn("%n found", len(hits)) if hits else tr("Nothing found in any number's chats.")
        )
        if hits:
            self.results.setCurrentRow(0)

    def _words(self, hit: SearchHit) -> str:
        who = hit.name or chat_title(hit.chat)
        head = " · ".join(
            (who, self._number_name(hit.account_id), day_or_time(hit.at, self._now()))
        )
        words = preview(hit.text, 160)
        if hit.by_name:
            return f"{head}\n{words}"
        mine = tr("You: %1").replace("%1", words) if hit.direction == "out" else words
        return f"{head}\n{mine}"

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if isinstance(hit, SearchHit):
            self.open_requested.emit(hit.account_id, hit.chat, hit.row_id)
