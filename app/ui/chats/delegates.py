"""How the chats look: a conversation row (who, when, last words) and a message bubble."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from app.domain.chats import Tick
from app.domain.window_views import ChatMessage
from app.ui.chats.model import (
    MessageRole,
    NoteRole,
    PreviewRole,
    TickRole,
    TimeRole,
    WaitingRole,
)
from app.ui.shared.formatting import tr
from app.ui.shared.icons import draw_tick
from app.ui.shared.message_look import MUTED, WAITING, small

Index = QModelIndex | QPersistentModelIndex

#: Ticks are drawn 1.5 times as wide as high.
TICK_H = 12.0
TICK_W = 18.0

BUBBLE_IN = QColor("#ffffff")
BUBBLE_OUT = QColor("#d9fdd3")
BUBBLE_FAILED = QColor("#fde8e6")
BORDER = QColor("#d5d9dc")
BORDER_FAILED = QColor("#eba59f")
TEXT = QColor("#111b21")
FAILED = QColor("#b3261e")
LINK = QColor("#0b6bcb")
CHAT_BACKGROUND = "#efeae2"


def wrapped(text: str, font: QFont, width: float) -> tuple[QTextLayout, float, float]:
    """The text laid out in lines at most `width` wide: (layout, widest line, height)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = widest = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return layout, widest, height


# --- the conversations list ----------------------------------------------------------------


class ConversationDelegate(QStyledItemDelegate):
    """Two lines per chat: who (bold) and when; then the tick and the last words."""

    PAD_X, PAD_Y, GAP = 12, 9, 3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title = QFontMetricsF(_bold(option.font))
        body = QFontMetricsF(option.font)
        height = 2 * self.PAD_Y + title.height() + self.GAP + body.height()
        return QSize(220, int(height + 0.5))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = strong if selected else MUTED
        rect = QRectF(option.rect).adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        title_font = _bold(option.font)
        title_metrics = QFontMetricsF(title_font)
        time_font = small(option.font)
        time_metrics = QFontMetricsF(time_font)
        when = str(index.data(TimeRole) or "")
        time_width = time_metrics.horizontalAdvance(when) + 2

        painter.save()
        painter.setFont(time_font)
        painter.setPen(muted)
        top = QRectF(rect.x(), rect.y(), rect.width(), title_metrics.height())
        painter.drawText(
            top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), when
        )
        painter.setFont(title_font)
        painter.setPen(strong)
        title = title_metrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, top.width() - time_width - 8
        )
        painter.drawText(
            top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
        )

        body_metrics = QFontMetricsF(option.font)
        line = QRectF(rect.x(), top.bottom() + self.GAP, rect.width(), body_metrics.height())
        tick = index.data(TickRole)
        if isinstance(tick, Tick) and tick is not Tick.NONE:
            y = line.center().y() - TICK_H / 2
            draw_tick(
                painter, QRectF(line.x() - 3, y, TICK_W, TICK_H), tick, strong if selected else None
            )
            line.setLeft(line.left() + TICK_W + 1)
        color = muted
        if not selected:
            if index.data(WaitingRole):
                color = WAITING
            elif tick is Tick.FAILED:
                color = FAILED
        painter.setFont(option.font)
        painter.setPen(color)
        words = body_metrics.elidedText(
            str(index.data(PreviewRole) or ""), Qt.TextElideMode.ElideRight, line.width()
        )
        painter.drawText(
            line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), words
        )
        painter.restore()


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


# --- the bubbles ---------------------------------------------------------------------------


@dataclass
class Bubble:
    """Where everything of one message goes, in the view's coordinates."""

    frame: QRectF
    text: QTextLayout
    text_at: QPointF
    note: QTextLayout | None
    note_at: QPointF
    time: QRectF
    tick: QRectF | None
    link: QRectF | None  # "Send again" (failed messages only)


def left_click(event: QEvent) -> TypeGuard[QMouseEvent]:
    """A left mouse button released: a click on a bubble's link or button."""
    return (
        event.type() == QEvent.Type.MouseButtonRelease
        and isinstance(event, QMouseEvent)
        and event.button() == Qt.MouseButton.LeftButton
    )


class WidthReflow(QObject):
    """Lays a list's rows out again when its viewport gets narrower or wider (its scroll
    bar came or went): QListView does so only when the view itself is resized, and rows
    measured for the old width would overlap or scroll sideways."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent)
        if resized and event.size().width() != event.oldSize().width():
            self._view.doItemsLayout()
        return super().eventFilter(watched, event)


class BubbleDelegate(QStyledItemDelegate):
    """Messages in (left, white) and out (right, green) with their time and tick.

    A failed message is red with why, and a "Send again" link: a click on it asks for
    `resend_requested(messages.id)`.
    """

    resend_requested = Signal(int)

    SIDE, GAP_Y = 14, 3  # space beside and between the bubbles
    PAD_X, PAD_Y = 10, 6  # inside a bubble
    MAX_SHARE, MAX_WIDTH = 0.72, 620.0
    META_GAP = 10

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    # --- geometry -------------------------------------------------------------------------

    def _row_width(self) -> float:
        return float(max(200, self._view.viewport().width()))

    def bubble(self, row: QRectF, index: Index, font: QFont) -> Bubble:
        message: ChatMessage = index.data(MessageRole)
        out = message.direction == "out"
        room = min(self.MAX_WIDTH, row.width() * self.MAX_SHARE) - 2 * self.PAD_X
        # The model's words for it (a message nobody could read says so, chats/model.py).
        words = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        text, text_w, text_h = wrapped(words, font, room)
        note_font = small(font)
        note_words = str(index.data(NoteRole) or "")
        note: QTextLayout | None = None
        note_w = note_h = 0.0
        if note_words:
            note, note_w, note_h = wrapped(note_words, note_font, room)
        meta = QFontMetricsF(note_font)
        time_w = meta.horizontalAdvance(str(index.data(TimeRole) or "")) + 2
        tick = index.data(TickRole)
        tick_w = TICK_W + 2 if out and tick is not Tick.NONE else 0.0
        link_w = 0.0
        if tick is Tick.FAILED:
            link_w = QFontMetricsF(_bold(note_font)).horizontalAdvance(tr("Send again")) + 4
        meta_w = time_w + tick_w + (link_w + self.META_GAP if link_w else 0.0)
        meta_h = max(meta.height(), TICK_H)

        inner_w = max(text_w, note_w, meta_w)
        width = inner_w + 2 * self.PAD_X
        height = self.PAD_Y + text_h + (note_h + 3 if note else 0.0) + 2 + meta_h + self.PAD_Y
        left = row.right() - self.SIDE - width if out else row.left() + self.SIDE
        frame = QRectF(left, row.top() + self.GAP_Y, width, height)

        inner_left = frame.left() + self.PAD_X
        y = frame.top() + self.PAD_Y
        text_at = QPointF(inner_left, y)
        y += text_h
        note_at = QPointF(inner_left, y + 3)
        if note:
            y += note_h + 3
        y += 2
        right = frame.right() - self.PAD_X
        tick_rect = None
        if tick_w:
            tick_rect = QRectF(right - TICK_W, y + (meta_h - TICK_H) / 2, TICK_W, TICK_H)
            right -= tick_w
        time_rect = QRectF(right - time_w, y, time_w, meta_h)
        link = QRectF(inner_left, y, link_w, meta_h) if link_w else None
        return Bubble(frame, text, text_at, note, note_at, time_rect, tick_rect, link)

    def link_rect(self, index: Index) -> QRectF | None:
        """Where "Send again" of this message is, in the viewport (for tests and clicks)."""
        row = QRectF(self._view.visualRect(index))
        row.setWidth(self._row_width())
        return self.bubble(row, index, self._view.font()).link

    # --- Qt delegate API ------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(MessageRole) is None:
            return super().sizeHint(option, index)
        width = self._row_width()
        bubble = self.bubble(QRectF(0, 0, width, 0), index, option.font)
        return QSize(int(width) - 1, self._row_height(bubble))

    def _row_height(self, bubble: Bubble) -> int:
        return int(bubble.frame.height() + 2 * self.GAP_Y + 0.999)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        message: ChatMessage | None = index.data(MessageRole)
        if message is None:
            return
        row = QRectF(option.rect)
        row.setWidth(self._row_width())
        bubble = self.bubble(row, index, option.font)
        if option.rect.height() != self._row_height(bubble):
            # The message changed (a reason and Send again came) or the width did: the
            # view's row is stale, and the next bubble would cover this one's bottom.
            self.sizeHintChanged.emit(index)
        tick = index.data(TickRole)
        failed = tick is Tick.FAILED
        out = message.direction == "out"

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = BUBBLE_FAILED if failed else (BUBBLE_OUT if out else BUBBLE_IN)
        painter.setPen(QPen(BORDER_FAILED if failed else BORDER, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(bubble.frame.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        if option.state & QStyle.StateFlag.State_HasFocus:
            focus = QPen(option.palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bubble.frame.adjusted(-1.5, -1.5, 1.5, 1.5), 9, 9)

        painter.setPen(TEXT)
        bubble.text.draw(painter, bubble.text_at)
        note_font = small(option.font)
        if bubble.note is not None:
            painter.setPen(FAILED if failed else WAITING)
            bubble.note.draw(painter, bubble.note_at)
        painter.setFont(note_font)
        painter.setPen(MUTED)
        painter.drawText(
            bubble.time,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(index.data(TimeRole) or ""),
        )
        if bubble.tick is not None and isinstance(tick, Tick):
            draw_tick(painter, bubble.tick, tick)
        if bubble.link is not None:
            link_font = _bold(note_font)
            link_font.setUnderline(True)
            painter.setFont(link_font)
            painter.setPen(LINK)
            painter.drawText(
                bubble.link,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                tr("Send again"),
            )
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if left_click(event):
            message: ChatMessage | None = index.data(MessageRole)
            if message is not None and index.data(TickRole) is Tick.FAILED:
                row = QRectF(option.rect)
                row.setWidth(self._row_width())
                link = self.bubble(row, index, option.font).link
                if link is not None and link.adjusted(-4, -4, 4, 4).contains(event.position()):
                    self.resend_requested.emit(message.id)
                    return True
        return super().editorEvent(event, model, option, index)
