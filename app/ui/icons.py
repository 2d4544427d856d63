"""Jaga's status icons, drawn with QPainter: one per overall health (tray, window, badges)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.core.status import Health

HEALTH_COLORS = {
    Health.OK: QColor("#1e9e5a"),
    Health.IDLE: QColor("#8a8f98"),
    Health.BUSY: QColor("#c98a00"),
    Health.NEEDS_OWNER: QColor("#d2372c"),
    Health.BRIDGE_DOWN: QColor("#4b515c"),
}

SIZES = (16, 22, 24, 32, 48, 64, 128)


def health_pixmap(health: Health, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)  # draw on a 64 by 64 grid
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(HEALTH_COLORS[health]))
    painter.drawEllipse(QRectF(2, 2, 60, 60))
    pen = QPen(QColor("white"), 7.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    match health:
        case Health.OK:  # a tick
            path = QPainterPath(QPointF(18, 33))
            path.lineTo(28, 43)
            path.lineTo(46, 22)
            painter.drawPath(path)
        case Health.BUSY:  # a turning arrow
            painter.drawArc(QRectF(18, 18, 28, 28), 60 * 16, 270 * 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("white")))
            head = QPainterPath(QPointF(38, 10))
            head.lineTo(49, 20)
            head.lineTo(35, 26)
            head.closeSubpath()
            painter.drawPath(head)
        case Health.NEEDS_OWNER:  # an exclamation mark
            painter.drawLine(QPointF(32, 15), QPointF(32, 36))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("white")))
            painter.drawEllipse(QPointF(32, 47), 4.6, 4.6)
        case Health.BRIDGE_DOWN:  # a cross
            painter.drawLine(QPointF(22, 22), QPointF(42, 42))
            painter.drawLine(QPointF(42, 22), QPointF(22, 42))
        case Health.IDLE:  # a pause
            painter.drawLine(QPointF(26, 21), QPointF(26, 43))
            painter.drawLine(QPointF(38, 21), QPointF(38, 43))
    painter.end()
    return pixmap


_cache: dict[Health, QIcon] = {}


def health_icon(health: Health) -> QIcon:
    icon = _cache.get(health)
    if icon is None:
        icon = QIcon()
        for size in SIZES:
            icon.addPixmap(health_pixmap(health, size))
        _cache[health] = icon
    return icon
