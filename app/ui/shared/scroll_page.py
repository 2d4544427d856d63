"""A page that scrolls up and down when the window is shorter than what it shows.

Its width is what the page needs (never a sideways scroll); its height is what the page
wants where the screen has room, and a few lines at least where it has not.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

#: The least a scrolling page shows of itself, in lines of text.
LEAST_LINES = 4


class ScrollPage(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page = page

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def sizeHint(self) -> QSize:
        hint = self.page.sizeHint()
        height = hint.height()
        if self.page.hasHeightForWidth():
            height = max(height, self.page.heightForWidth(hint.width()))
        return QSize(hint.width() + self._bar(), height)

    def minimumSizeHint(self) -> QSize:
        least = self.page.minimumSizeHint()
        lines = LEAST_LINES * self.fontMetrics().lineSpacing()
        return QSize(least.width() + self._bar(), min(least.height(), lines))
