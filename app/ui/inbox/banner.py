"""Message notices shown in the main window when there is no tray: one row per number."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.shared.formatting import tr

STYLE = (
    "QFrame#messageBanner { background: #e7f6ec; border: 1px solid #9bd3ad; border-radius: 6px; }"
)


class MessageBanner(QFrame):
    open_requested = Signal(str, str)  # account id, chat

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setStyleSheet(STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.rows: dict[str, tuple[QWidget, QLabel, QLabel, QPushButton]] = {}
        self.hide()

    def show_notice(self, account_id: str, chat: str, title: str, body: str) -> None:
        row = self.rows.get(account_id)
        if row is None:
            row = self._row(account_id)
        _widget, heading, words, button = row
        heading.setText(title)
        words.setText(body)
        button.setProperty("chat", chat)
        self.show()

    def _row(self, account_id: str) -> tuple[QWidget, QLabel, QLabel, QPushButton]:
        widget = QWidget()
        heading, words = QLabel(), QLabel()
        for label in (heading, words):
            label.setTextFormat(Qt.TextFormat.PlainText)  # customers' words, as they wrote them
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        words.setWordWrap(True)
        button = QPushButton(tr("Open the chat"))
        button.clicked.connect(
            lambda: self.open_requested.emit(account_id, str(button.property("chat")))
        )
        close = QPushButton("✕")
        close.setFlat(True)
        close.setAccessibleName(tr("Dismiss"))
        close.clicked.connect(lambda: self.remove(account_id))
        line = QHBoxLayout(widget)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(heading)
        line.addWidget(words, 1)
        line.addWidget(button)
        line.addWidget(close)
        self._layout.addWidget(widget)
        self.rows[account_id] = (widget, heading, words, button)
        return self.rows[account_id]

    def remove(self, account_id: str) -> None:
        row = self.rows.pop(account_id, None)
        if row is not None:
            row[0].deleteLater()
        self.setVisible(bool(self.rows))

    def texts(self) -> list[str]:
        return [f"{heading.text()} {words.text()}" for _w, heading, words, _b in self.rows.values()]
