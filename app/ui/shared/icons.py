"""Jaga's status icons, drawn with QPainter: one per overall health (tray, window, badges)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.domain.chats import Tick
from app.domain.status import Health

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


# --- delivery ticks ----------------------------------------------------------------------

TICK_GREY = QColor("#667781")
TICK_BLUE = QColor("#1d9bd1")
TICK_RED = QColor("#d2372c")


def draw_tick(painter: QPainter, rect: QRectF, tick: Tick, color: QColor | None = None) -> None:
    """A message's delivery mark in `rect` (drawn as vectors: crisp at any scale).

    Clock: queued; ✓ sent; ✓✓ delivered; blue ✓✓ read; a red ! in a circle: not sent.
    `color` replaces grey and blue (on a selected row, for instance).
    """
    if tick is Tick.NONE:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.topLeft())
    painter.scale(rect.width() / 24, rect.height() / 16)  # draw on a 24 by 16 grid
    if color is None:
        color = TICK_BLUE if tick is Tick.READ else TICK_GREY
    pen = QPen(color, 1.7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    match tick:
        case Tick.CLOCK:
            painter.drawEllipse(QPointF(12, 8), 6, 6)
            painter.drawLine(QPointF(12, 8), QPointF(12, 4.5))
            painter.drawLine(QPointF(12, 8), QPointF(14.5, 9.5))
        case Tick.SENT:
            _check(painter, 6)
        case Tick.DELIVERED | Tick.READ:
            _check(painter, 2)
            _check(painter, 8)
        case Tick.FAILED:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(TICK_RED))
            painter.drawEllipse(QPointF(12, 8), 7.5, 7.5)
            painter.setPen(
                QPen(QColor("white"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawLine(QPointF(12, 4), QPointF(12, 8.8))
            painter.drawPoint(QPointF(12, 12))
    painter.restore()


def _check(painter: QPainter, x: float) -> None:
    path = QPainterPath(QPointF(x + 1, 8.5))
    path.lineTo(x + 4.5, 12)
    path.lineTo(x + 12, 3.5)
    painter.drawPath(path)
