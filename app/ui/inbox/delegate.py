"""One conversation of the inbox, painted: the customer and the time; the number it came
to, its labels and the unread count; then the last words (amber while it waits for an
answer)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.domain.inbox.views import Conversation
from app.ui.inbox.model import ConversationRole, LabelsRole, NumberRole, PreviewRole, TimeRole
from app.ui.shared.message_look import MUTED, WAITING, small

Index = QModelIndex | QPersistentModelIndex
UNREAD = QColor("#25a244")  # WhatsApp's green badge
CHIP_TEXT = QColor("#1f2a30")
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def bold(font: QFont) -> QFont:
    heavy = QFont(font)
    heavy.setBold(True)
    return heavy


def paint_row(
    painter: QPainter, option: QStyleOptionViewItem, index: Index, delegate: QStyledItemDelegate
) -> tuple[bool, QColor, QColor]:
    """The row's background (selection, hover) as the style draws it; (selected, the text's
    colour, the muted colour)."""
    delegate.initStyleOption(option, index)
    option.text = ""
    style = option.widget.style() if option.widget else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    strong = option.palette.color(role)
    return selected, strong, strong if selected else MUTED


class InboxDelegate(QStyledItemDelegate):
    PAD_X, PAD_Y, GAP = 12, 7, 3

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title = QFontMetricsF(bold(option.font)).height()
        body = QFontMetricsF(option.font).height()
        tag = QFontMetricsF(small(option.font)).height() + 4
        return QSize(320, int(2 * self.PAD_Y + title + tag + body + 2 * self.GAP + 0.5))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        selected, strong, muted = paint_row(painter, option, index, self)
        conversation = index.data(ConversationRole)
        if not isinstance(conversation, Conversation):
            return
        rect = QRectF(option.rect).adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        painter.save()
        top = self._title_line(painter, option, index, rect, strong, muted)
        tags = self._tag_line(painter, option, index, conversation, top, muted)
        body = QFontMetricsF(option.font)
        line = QRectF(rect.x(), tags.bottom() + self.GAP, rect.width(), body.height())
        painter.setFont(option.font)
        waiting = conversation.waiting and not selected
        painter.setPen(WAITING if waiting else muted)
        words = str(index.data(PreviewRole) or "")
        painter.drawText(
            line, ALIGN_LEFT, body.elidedText(words, Qt.TextElideMode.ElideRight, line.width())
        )
        painter.restore()

    def _title_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        rect: QRectF,
        strong: QColor,
        muted: QColor,
    ) -> QRectF:
        title_font = bold(option.font)
        metrics = QFontMetricsF(title_font)
        time_font = small(option.font)
        when = str(index.data(TimeRole) or "")
        time_width = QFontMetricsF(time_font).horizontalAdvance(when) + 2
        top = QRectF(rect.x(), rect.y(), rect.width(), metrics.height())
        painter.setFont(time_font)
        painter.setPen(muted)
        painter.drawText(top, ALIGN_RIGHT, when)
        painter.setFont(title_font)
        painter.setPen(strong)
        title = metrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, top.width() - time_width - 8
        )
        painter.drawText(top, ALIGN_LEFT, title)
        return top

    def _tag_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        conversation: Conversation,
        top: QRectF,
        muted: QColor,
    ) -> QRectF:
        """The number's name, the chat's labels as chips, the unread badge on the right."""
        font = small(option.font)
        metrics = QFontMetricsF(font)
        line = QRectF(top.x(), top.bottom() + self.GAP, top.width(), metrics.height() + 4)
        painter.setFont(font)
        right = line.right()
        if conversation.unread:
            count = str(conversation.unread) if conversation.unread < 1000 else "999+"
            width = max(line.height(), metrics.horizontalAdvance(count) + 10)
            badge = QRectF(right - width, line.y(), width, line.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(UNREAD)
            painter.drawRoundedRect(badge, line.height() / 2, line.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(badge, CENTER, count)
            right = badge.left() - 6
        x = line.x()
        number = str(index.data(NumberRole) or "")
        number_width = min(metrics.horizontalAdvance(number) + 2, (right - x) / 2)
        painter.setPen(muted)
        painter.drawText(
            QRectF(x, line.y(), number_width, line.height()),
            ALIGN_LEFT,
            metrics.elidedText(number, Qt.TextElideMode.ElideRight, number_width),
        )
        x += number_width + 8
        for label in index.data(LabelsRole) or []:
            width = metrics.horizontalAdvance(label.name) + 10
            if x + width > right:
                break
            chip = QRectF(x, line.y(), width, line.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(label.color_hex))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(CHIP_TEXT)
            painter.drawText(chip, CENTER, label.name)
            x += width + 4
        return line
