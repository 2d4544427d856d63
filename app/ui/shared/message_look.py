"""How a message looks wherever it is shown (the chats window and the inbox): its muted and
waiting colours, the smaller font of its time and ticks, the colour of an error, and the
words for a message that could not be read."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from app.ui.shared.formatting import tr_noop

MUTED = QColor("#667781")
WAITING = QColor("#8a5a00")
ERROR_STYLE = "color: #b3261e;"
UNREADABLE_WORDS = tr_noop("A message could not be read — check the phone")


def small(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    return smaller
