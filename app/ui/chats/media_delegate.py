"""Bubbles with photos, videos, documents and voice notes (docs/media.md).

A media bubble is a text bubble (its caption) with a media block on top: a thumbnail
for a photo or video, a chip with name and size for a document, a play button for
audio. Thumbnails are decoded off the paint path, on a worker thread, and cached.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
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
    QImage,
    QImageReader,
    QPainter,
    QPainterPath,
    QPolygonF,
)
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from app.domain.file_names import real_extension
from app.domain.media import media_of
from app.domain.window_views import ChatMessage
from app.ui.chats.delegates import (
    MUTED,
    TEXT,
    Bubble,
    BubbleDelegate,
    Index,
    left_click,
    small,
)
from app.ui.chats.model import MessageRole
from app.ui.shared.media_text import chip_detail, chip_title

#: A photo or video shows in a box this big (its thumbnail fitted inside).
THUMB_W, THUMB_H = 240.0, 180.0
CHIP_W, CHIP_H = 300.0, 46.0
GAP = 6.0
CACHE_SIZE = 200
PLACEHOLDER = QColor("#dfe5e7")
ICON = QColor("#54656f")
PLAY = QColor("#00a884")

VISUAL = frozenset({"image", "video", "sticker"})
PLAYABLE = frozenset({"audio", "voice"})


class ThumbnailCache(QObject):
    """Scaled thumbnails by sha256: `image()` answers at once (None while loading) and
    `ready(sha256)` says when one arrived. Decoding never happens on the paint path."""

    ready = Signal(str)

    def __init__(self, path_of: Callable[[str], Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path_of = path_of
        self._images: OrderedDict[str, QImage | None] = OrderedDict()
        self._pool: ThreadPoolExecutor | None = None  # made when first needed
        self._loaded.connect(self._store)

    _loaded = Signal(str, QImage)

    def image(self, sha256: str) -> QImage | None:
        if sha256 in self._images:
            self._images.move_to_end(sha256)
            return self._images[sha256]
        self._images[sha256] = None  # loading; asked once
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="thumbnails")
        self._pool.submit(self._load, sha256)
        return None

    def _load(self, sha256: str) -> None:  # on the worker thread: QImage only, no QPixmap
        reader = QImageReader(str(self._path_of(sha256)))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(
                size.scaled(
                    QSize(int(THUMB_W) * 2, int(THUMB_H) * 2), Qt.AspectRatioMode.KeepAspectRatio
                )
            )
        self._loaded.emit(sha256, reader.read())

    def _store(self, sha256: str, image: QImage) -> None:
        self._images[sha256] = None if image.isNull() else image
        while len(self._images) > CACHE_SIZE:
            self._images.popitem(last=False)
        self.ready.emit(sha256)

    def close(self) -> None:
        """Stops loading (the window closes); a later image() starts again."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)  # no emit to a deleted cache
            self._pool = None
        self._images = OrderedDict((k, v) for k, v in self._images.items() if v is not None)


@dataclass
class MediaBubble(Bubble):
    media: QRectF | None = None


def thumb_sha(message: ChatMessage) -> str | None:
    """Which stored picture stands for this message (the photo itself, or a video's)."""
    media = media_of(message)
    if media is None or media.state != "stored":
        return None
    if media.type in ("image", "sticker"):
        return media.sha256
    return media.thumb_sha256 if media.type == "video" else None


def block_size(message: ChatMessage) -> tuple[float, float]:
    media = media_of(message)
    if media is None:
        return 0.0, 0.0
    if media.type in VISUAL and media.state == "stored":
        return THUMB_W, THUMB_H
    return CHIP_W, CHIP_H


class MediaBubbleDelegate(BubbleDelegate):
    """BubbleDelegate with the media block; a click on it (or its play button) asks for
    `open_requested(messages.id)`."""

    open_requested = Signal(int)

    def __init__(self, view: QAbstractItemView, thumbnails: ThumbnailCache) -> None:
        super().__init__(view)
        self.thumbnails = thumbnails
        thumbnails.ready.connect(lambda _sha: view.viewport().update())

    def bubble(self, row: QRectF, index: Index, font: QFont) -> Bubble:
        base = super().bubble(row, index, font)
        message: ChatMessage = index.data(MessageRole)
        width, height = block_size(message)
        if not height:
            return base
        out = message.direction == "out"
        caption = bool(message.text)
        # The block takes the caption's (empty) line when there is none.
        down = height + GAP if caption else height - text_h_of(base)
        frame = QRectF(base.frame)
        grow = max(0.0, width + 2 * self.PAD_X - frame.width())
        frame.setHeight(frame.height() + down)
        if out:
            frame.setLeft(frame.left() - grow)
        else:
            frame.setRight(frame.right() + grow)
        shift_x = -grow if out else 0.0  # left-aligned parts follow the frame's left
        meta_x = 0.0 if out else grow  # right-aligned parts follow its right
        media = QRectF(frame.left() + self.PAD_X, frame.top() + self.PAD_Y, width, height)
        # Every part of the text bubble, moved below the block (fields copied by name, so
        # a part chats/delegates.py adds later is carried along).
        parts = {f.name: getattr(base, f.name) for f in fields(base)}
        parts.update(
            frame=frame,
            text_at=base.text_at + QPointF(shift_x, down if caption else 0.0),
            note_at=base.note_at + QPointF(shift_x, down),
            time=base.time.translated(meta_x, down),
            tick=base.tick.translated(meta_x, down) if base.tick else None,
            link=base.link.translated(shift_x, down) if base.link else None,
        )
        return MediaBubble(**parts, media=media)

    def media_rect(self, index: Index) -> QRectF | None:
        """Where the media block of this message is, in the viewport (tests and clicks)."""
        row = QRectF(self._view.visualRect(index))
        row.setWidth(self._row_width())
        bubble = self.bubble(row, index, self._view.font())
        return bubble.media if isinstance(bubble, MediaBubble) else None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        message: ChatMessage | None = index.data(MessageRole)
        if message is None or media_of(message) is None:
            super().paint(painter, option, index)
            return
        super().paint(painter, option, index)
        row = QRectF(option.rect)
        row.setWidth(self._row_width())
        bubble = self.bubble(row, index, option.font)
        if isinstance(bubble, MediaBubble) and bubble.media is not None:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_media(painter, bubble.media, message, option.font)
            painter.restore()

    def _paint_media(
        self, painter: QPainter, rect: QRectF, message: ChatMessage, font: QFont
    ) -> None:
        media = media_of(message)
        assert media is not None
        sha = thumb_sha(message)
        if media.type in VISUAL and media.state == "stored":
            clip = QPainterPath()
            clip.addRoundedRect(rect, 6, 6)
            painter.setClipPath(clip)
            painter.fillRect(rect, PLACEHOLDER)
            image = self.thumbnails.image(sha) if sha else None
            if image is not None:
                fitted = QSize(int(rect.width()), int(rect.height()))
                size = image.size().scaled(fitted, Qt.AspectRatioMode.KeepAspectRatio)
                target = QRectF(0, 0, size.width(), size.height())
                target.moveCenter(rect.center())
                painter.drawImage(target, image)
            painter.setClipping(False)
            if media.type == "video":
                _play_button(painter, rect.center(), 22.0)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 14))
        painter.drawRoundedRect(rect, 6, 6)
        icon = QRectF(rect.left() + 6, rect.top() + 6, rect.height() - 12, rect.height() - 12)
        if media.type in PLAYABLE and media.state == "stored":
            _play_button(painter, icon.center(), icon.width() / 2)
        else:
            _file_icon(painter, icon, media.file_name or "", small(font))
        text = QRectF(icon.right() + 8, rect.top() + 5, rect.right() - icon.right() - 14, 0)
        title_font = QFont(font)
        title_font.setBold(True)
        title = QFontMetricsF(title_font)
        painter.setFont(title_font)
        painter.setPen(TEXT)
        line = QRectF(text.left(), text.top(), text.width(), title.height())
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title.elidedText(chip_title(message), Qt.TextElideMode.ElideMiddle, line.width()),
        )
        detail_font = small(font)
        detail = QFontMetricsF(detail_font)
        painter.setFont(detail_font)
        painter.setPen(MUTED)
        below = QRectF(text.left(), line.bottom() + 1, text.width(), detail.height())
        painter.drawText(
            below,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            detail.elidedText(chip_detail(message), Qt.TextElideMode.ElideRight, below.width()),
        )

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if left_click(event) and self._on_play_button(option, index, event.position()):
            self.open_requested.emit(index.data(MessageRole).id)
            return True
        return super().editorEvent(event, model, option, index)

    def _on_play_button(self, option: QStyleOptionViewItem, index: Index, at: QPointF) -> bool:
        message: ChatMessage | None = index.data(MessageRole)
        media = media_of(message) if message is not None else None
        if media is None or media.type not in PLAYABLE or media.state != "stored":
            return False
        row = QRectF(option.rect)
        row.setWidth(self._row_width())
        bubble = self.bubble(row, index, option.font)
        return isinstance(bubble, MediaBubble) and bool(bubble.media and bubble.media.contains(at))


def text_h_of(bubble: Bubble) -> float:
    """The height of a bubble's (empty) caption line, which the block replaces."""
    return bubble.text.boundingRect().height()


def _play_button(painter: QPainter, center: QPointF, radius: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PLAY)
    painter.drawEllipse(center, radius, radius)
    painter.setBrush(QColor("#ffffff"))
    r = radius * 0.45
    triangle = QPolygonF(
        [
            QPointF(center.x() - r * 0.7, center.y() - r),
            QPointF(center.x() - r * 0.7, center.y() + r),
            QPointF(center.x() + r, center.y()),
        ]
    )
    painter.drawPolygon(triangle)


def _file_icon(painter: QPainter, rect: QRectF, file_name: str, font: QFont) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ICON)
    painter.drawRoundedRect(rect, 4, 4)
    extension = real_extension(file_name).lstrip(".").upper()[:4]
    if extension:
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), extension)
