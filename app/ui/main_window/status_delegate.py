"""The status cell as a colored badge with words (color alone never carries the meaning)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.domain.status import Health
from app.ui.main_window.accounts_model import HealthRole
from app.ui.shared.icons import HEALTH_COLORS

PAD_X, PAD_Y, MARGIN = 9, 3, 4


class StatusBadgeDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            # Background and selection as usual, then the badge on top.
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        health = index.data(HealthRole)
        color = HEALTH_COLORS.get(health, HEALTH_COLORS[Health.IDLE])
        metrics = QFontMetrics(_bold(option))
        rect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        # A few pixels of slack: advances are rounded, and a badge must never cut its word.
        width = min(rect.width(), metrics.horizontalAdvance(text) + 2 * PAD_X + 4)
        badge = QRectF(rect.x(), rect.y(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        radius = badge.height() / 2
        painter.drawRoundedRect(badge, radius, radius)
        painter.setPen(QColor("white"))
        painter.setFont(_bold(option))
        inner = badge.adjusted(PAD_X - 2, 0, -(PAD_X - 2), 0)
        elided = painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(inner.width())
        )
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignCenter), elided)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        metrics = QFontMetrics(_bold(option))
        width = metrics.horizontalAdvance(option.text) + 2 * (PAD_X + MARGIN) + 4
        height = metrics.height() + 2 * (PAD_Y + MARGIN)
        return QSize(width, height)


def _bold(option: QStyleOptionViewItem) -> QFont:
    font = QFont(option.font)
    font.setBold(True)
    return font
