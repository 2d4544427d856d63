"""The main window's banners, one above the other, in a strip that scrolls when they are many.

Several banners at once (a notice per number, a problem, no keyring) would push the list of
numbers off a small screen; here they take what they need up to a share of the window and
scroll beyond it. The strip hides itself while no banner shows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

#: Never less than this shows of the banners (one banner's title and a line).
LEAST_HEIGHT = 56
#: A banner comes, goes, or changes its words.
FOLLOWED = frozenset(
    {
        QEvent.Type.ShowToParent,
        QEvent.Type.HideToParent,
        QEvent.Type.LayoutRequest,
        QEvent.Type.ChildRemoved,
    }
)


class BannerArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.column = QWidget()
        self.column.setObjectName("bannerColumn")
        self.layout_ = QVBoxLayout(self.column)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.setWidget(self.column)
        self.column.installEventFilter(self)
        self.hide()

    def add(self, widget: QWidget, index: int = -1) -> None:
        """Adds a banner (or a board of banners) at `index` (the end by default)."""
        self.layout_.insertWidget(index, widget)
        widget.installEventFilter(self)  # shown or hidden: the strip follows at once
        self._follow_banners()

    def index_of(self, widget: QWidget) -> int:
        return self.layout_.indexOf(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in FOLLOWED:
            self._follow_banners()
        return super().eventFilter(watched, event)

    def _follow_banners(self) -> None:
        shown = any(
            not widget.isHidden()
            for index in range(self.layout_.count())
            if (widget := self.layout_.itemAt(index).widget()) is not None
        )
        if shown == self.isHidden():
            self.setVisible(shown)
        self.updateGeometry()

    def _height_at(self, width: int) -> int:
        """What the banners need at this width (wrapped words take fewer lines when wide)."""
        if width > 0 and self.column.hasHeightForWidth():
            needed = self.column.heightForWidth(width)
            if needed >= 0:
                return needed
        return self.column.sizeHint().height()

    def sizeHint(self) -> QSize:
        hint = self.column.sizeHint()
        return QSize(hint.width(), self._height_at(self.viewport().width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, min(LEAST_HEIGHT, self._height_at(self.viewport().width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wider: fewer lines, less height asked
