"""Notices inside the window, for systems without a tray (and for lasting warnings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.notify_policy import Notice, NoticeKind
from app.ui.shared.formatting import tr
from app.ui.shared.notices import NoticeText
from app.ui.shared.retranslating import Retranslating

STYLE = {
    "error": "background: #fdecea; border: 1px solid #f1b0aa; border-radius: 6px;",
    "warning": "background: #fff6e0; border: 1px solid #ecd08a; border-radius: 6px;",
}


class Banner(Retranslating, QFrame):
    action_clicked = Signal()
    dismissed = Signal()

    def __init__(
        self,
        title: str,
        body: str,
        action: str | None,
        *,
        tone: str = "error",
        words: Callable[[], tuple[str, str]] | None = None,
    ) -> None:
        """`words`: the title and body in the current language, asked again whenever the
        language changes (a lasting banner); without it the texts stay as given."""
        super().__init__()
        self._words = words
        self.setObjectName("banner")
        self.setStyleSheet(f"QFrame#banner {{ {STYLE[tone]} }} QLabel {{ border: none; }}")
        # Plain text: a title names a number, and a name is the owner's text, never markup.
        self.title = QLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(body)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.body)
        self.action_button = QPushButton(action or "")
        self.action_button.setVisible(bool(action))
        self.action_button.clicked.connect(self.action_clicked)
        self.dismiss_button = QPushButton("✕")
        self.dismiss_button.setFlat(True)
        self.dismiss_button.setFixedWidth(32)
        self.dismiss_button.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.dismiss_button)
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)
        self.retranslate()

    def retranslate(self) -> None:
        self.dismiss_button.setAccessibleName(tr("Dismiss"))
        self.dismiss_button.setToolTip(tr("Dismiss"))
        if self._words is not None:
            title, body = self._words()
            self.title.setText(title)
            self.body.setText(body)
            self.setAccessibleName(title)
            self.setAccessibleDescription(body)


class NoticeBoard(QWidget):
    """One banner per number (or the bridge); a newer notice replaces the older one, and a
    notice about several numbers replaces what each of them had."""

    fix_requested = Signal(object)  # Notice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.banners: dict[str | None, tuple[Notice, Banner]] = {}
        self.hide()

    def add(self, notice: Notice, text: NoticeText) -> Banner:
        for account_id in notice.account_ids or (None,):
            self.remove_about(account_id)
        tone = "warning" if notice.kind is NoticeKind.RECONNECTING else "error"
        banner = Banner(text.title, text.body, text.action, tone=tone)
        banner.action_clicked.connect(lambda n=notice: self._fix(n))
        banner.dismissed.connect(lambda key=notice.account_id: self.remove(key))
        self.banners[notice.account_id] = (notice, banner)
        self._layout.addWidget(banner)
        self.show()
        return banner

    def remove(self, key: str | None) -> None:
        entry = self.banners.pop(key, None)
        if entry is not None:
            entry[1].hide()
            entry[1].deleteLater()
        self.setVisible(bool(self.banners))

    def remove_about(self, account_id: str | None) -> None:
        """Every banner that names this number (or the bridge's, for None)."""
        for key, (notice, _banner) in list(self.banners.items()):
            if key == account_id or account_id in notice.account_ids:
                self.remove(key)

    def healed(self, account_id: str) -> None:
        """The number is connected again: a banner about it alone has nothing left to say."""
        for key, (notice, _banner) in list(self.banners.items()):
            if notice.account_ids == (account_id,):
                self.remove(key)

    def _fix(self, notice: Notice) -> None:
        self.remove(notice.account_id)
        self.fix_requested.emit(notice)
