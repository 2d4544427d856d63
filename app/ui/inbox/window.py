"""The inbox: every number's conversations in one list, with search and filters.

It reads the inbox port (app.ports.inbox) and the read model's numbers; a double click
(or Enter) opens the conversation in its number's chats window, where reading it clears
its unread count.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ports.inbox import InboxPort
from app.ui.inbox.conversation_menu import conversation_menu
from app.ui.inbox.delegate import InboxDelegate
from app.ui.inbox.model import ConversationRole, Filter, InboxModel
from app.ui.inbox.search_view import SearchResults
from app.ui.shared.formatting import tr, trn, utcnow
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

#: Changes are gathered this long and applied together (a burst of messages).
BATCH_MS = 50
#: The search runs this long after the owner stopped typing.
TYPING_MS = 300
#: Conversations read when the window opens (a screenful and more), then at a time, with
#: a pause between pages so the window keeps answering while 10,000 load.
FIRST_PAGE = 150
PAGE = 400
PAGE_PAUSE_MS = 5

Numbers = Callable[[], list[tuple[str, str]]]  # (account id, the owner's name for it)


class InboxWindow(OpensOnScreen, Retranslating, QWidget):
    open_requested = Signal(str, str, int)  # account id, chat, message row id (0: the newest)
    quick_replies_requested = Signal()
    labels_requested = Signal(str)  # account id (the filtered number, or "")
    settings_requested = Signal(str)

    def __init__(
        self,
        port: InboxPort,
        numbers: Numbers,
        *,
        now: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.port = port
        self._numbers = numbers
        self._now = now
        self._names: dict[str, str] = {}
        self._pending: set[tuple[str, str]] = set()
        self._pending_rows: set[int] = set()
        self.setMinimumSize(480, 360)
        layout = QVBoxLayout(self)
        self._init_search(layout)
        self._init_filters(layout)
        self._init_body(layout)
        self._init_buttons(layout)
        self._connect_port()
        self.retranslate()
        self.reload()
        self.resize(880, 640)  # what it would like; OpensOnScreen fits it to the screen

    # --- building ------------------------------------------------------------------------

    def _init_search(self, layout: QVBoxLayout) -> None:
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaxLength(10_000)  # longer than allowed, so it is said in words
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_MS)
        self._typing.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._typing.start())
        self.search_box.returnPressed.connect(self.run_search)
        layout.addWidget(self.search_box)

    def _init_filters(self, layout: QVBoxLayout) -> None:
        self.number_filter = QComboBox()
        self.label_filter = QComboBox()
        self.waiting_filter = QCheckBox()
        for combo in (self.number_filter, self.label_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.waiting_filter.toggled.connect(lambda _on: self.apply_filter())
        row = QHBoxLayout()
        row.addWidget(self.number_filter)
        row.addWidget(self.label_filter)
        row.addWidget(self.waiting_filter)
        row.addStretch(1)
        layout.addLayout(row)

    def _init_body(self, layout: QVBoxLayout) -> None:
        self.model = InboxModel(self, number_name=self.number_name, now=self._now)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(InboxDelegate(self.list))
        self.list.setUniformItemSizes(True)  # 10,000 rows scroll without measuring each
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(lambda index: self._open(index.data(ConversationRole)))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.results = SearchResults(self.port, self.number_name, now=self._now)
        self.results.open_requested.connect(self.open_requested)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for page in (self.list, self.results, self.empty):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)

    def _init_buttons(self, layout: QVBoxLayout) -> None:
        self.counts = QLabel()
        self.replies_button = QPushButton()
        self.replies_button.clicked.connect(self.quick_replies_requested)
        self.labels_button = QPushButton()
        self.labels_button.clicked.connect(lambda: self.labels_requested.emit(self._number()))
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(lambda: self.settings_requested.emit(self._number()))
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        for button in (self.replies_button, self.labels_button, self.settings_button):
            row.addWidget(button)
        layout.addLayout(row)

    def _connect_port(self) -> None:
        self._oldest: int | None = None
        self._pages = QTimer(self)  # the older pages, between other events
        self._pages.setInterval(PAGE_PAUSE_MS)
        self._pages.timeout.connect(self._next_page)
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._apply_pending)
        self.port.chat_changed.connect(self.chat_changed)
        self.port.labels_changed.connect(self._labels_changed)  # bound: gone with the window

    # --- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Inbox — every number's chats"))
        self.search_box.setPlaceholderText(tr("Search messages, customers' names and numbers"))
        self.search_box.setAccessibleName(tr("Search"))
        self.waiting_filter.setText(tr("&Waiting for an answer"))
        self.replies_button.setText(tr("&Quick replies…"))
        self.labels_button.setText(tr("&Labels…"))
        self.settings_button.setText(tr("&Hours and notices…"))
        self.list.setAccessibleName(tr("Conversations"))
        self.empty.setText(
            tr("No conversation here yet. When customers write to your numbers, they show here.")
        )
        self.refresh_numbers()
        self._show_counts()
        self.model.refresh()

    # --- numbers, labels, filters -------------------------------------------------------

    def number_name(self, account_id: str) -> str:
        return self._names.get(account_id, "")

    def refresh_numbers(self) -> None:
        """The number filter and the names on the rows, from the read model."""
        numbers = self._numbers()
        self._names = dict(numbers)
        chosen = self.number_filter.currentData()
        self.number_filter.blockSignals(True)
        self.number_filter.clear()
        self.number_filter.addItem(tr("All numbers"), "")
        for account_id, name in numbers:
            self.number_filter.addItem(name, account_id)
        self.number_filter.setCurrentIndex(max(0, self.number_filter.findData(chosen or "")))
        self.number_filter.blockSignals(False)
        self._refresh_label_filter()
        self.model.refresh()

    def forget_gone_numbers(self) -> None:
        """A number removed: its chats leave the list."""
        for account_id in self.model.accounts() - set(self._names):
            self.model.remove_number(account_id)
        self._show_page()
        self._show_counts()

    def _refresh_label_filter(self) -> None:
        chosen = self.label_filter.currentData()
        names: dict[str, str] = {}
        for label in self.port.labels():
            names.setdefault(label.name.casefold(), label.name)
        self.label_filter.blockSignals(True)
        self.label_filter.clear()
        self.label_filter.addItem(tr("All labels"), "")
        for key in sorted(names):
            self.label_filter.addItem(names[key], key)
        self.label_filter.setCurrentIndex(max(0, self.label_filter.findData(chosen or "")))
        self.label_filter.blockSignals(False)

    def _labels_changed(self, _account_id: str = "") -> None:
        self._refresh_label_filter()
        self.model.set_labels(self.port.labels())
        self._show_page()

    def show_number(self, account_id: str) -> None:
        """One number's chats (the tray's line of that number)."""
        self.number_filter.setCurrentIndex(max(0, self.number_filter.findData(account_id)))

    def _number(self) -> str:
        return str(self.number_filter.currentData() or "")

    def apply_filter(self) -> None:
        self.model.set_filter(
            Filter(
                account_id=self._number() or None,
                label_name=str(self.label_filter.currentData() or "") or None,
                waiting=self.waiting_filter.isChecked(),
            )
        )
        if self.stack.currentWidget() is self.results:
            self.run_search()  # the number chosen narrows the search too
        self._show_page()

    # --- keeping current -----------------------------------------------------------------

    def reload(self) -> None:
        """Everything again (opening the window): the newest page at once, then the older
        ones a page at a time between other events, so 10,000 chats never freeze it."""
        first = self.port.conversations(limit=FIRST_PAGE)
        self.model.load(first, self.port.labels())
        self._show_page()
        self._show_counts()
        self._oldest = min((c.last_row_id for c in first), default=None)
        if len(first) == FIRST_PAGE:
            self._pages.start()

    def _next_page(self) -> None:
        page = self.port.conversations(before=self._oldest, limit=PAGE)
        self.model.extend(page)
        if len(page) < PAGE:
            self._pages.stop()
            self._show_page()
            self._show_counts()  # over all of them, once
            return
        self._oldest = min(c.last_row_id for c in page)

    def chat_changed(self, account_id: str, chat: str) -> None:
        self._pending.add((account_id, chat))
        if not self._batch.isActive():
            self._batch.start()

    def messages_changed(self, row_ids: set[int]) -> None:
        """Messages added or changed: their chats are read once the burst is over."""
        self._pending_rows |= row_ids
        if not self._batch.isActive():
            self._batch.start()

    def _apply_pending(self) -> None:
        rows, self._pending_rows = self._pending_rows, set()
        if rows:
            self._pending |= self.port.chats_of_messages(rows)
        pending, self._pending = self._pending, set()
        for account_id, chat in sorted(pending):
            conversation = self.port.conversation(account_id, chat)
            if conversation is not None:
                self.model.put(conversation)
        self._show_page()
        self._show_counts()

    def _show_page(self) -> None:
        if self.search_box.text().strip() and self.stack.currentWidget() is self.results:
            return
        self.stack.setCurrentWidget(self.list if self.model.rowCount() else self.empty)

    def _show_counts(self) -> None:
        waiting, unread = self.model.counts()
        self.counts.setText(
            trn("%n waiting for an answer", waiting) + " · " + trn("%n unread", unread)
        )

    # --- search and opening --------------------------------------------------------------

    def run_search(self) -> None:
        self._typing.stop()
        text = self.search_box.text()
        if not text.strip():
            self.results.error_label.hide()
            self.stack.setCurrentWidget(self.list)
            self._show_page()
            return
        if self.results.search(text, self._number() or None):
            self.stack.setCurrentWidget(self.results)
        elif self.stack.currentWidget() is not self.results:
            self.stack.setCurrentWidget(self.results)  # the sentence says why

    def _open(self, conversation: object) -> None:
        key = getattr(conversation, "key", None)
        if key is not None:
            self.open_requested.emit(key[0], key[1], 0)

    def _menu(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        conversation = index.data(ConversationRole) if index.isValid() else None
        if conversation is None:
            return
        menu = conversation_menu(
            self, self.port, conversation, lambda a, c: self.open_requested.emit(a, c, 0)
        )
        menu.popup(self.list.viewport().mapToGlobal(position))
