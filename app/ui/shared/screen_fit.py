"""Opening windows on the screen, whole (app.domain.placement does the arithmetic).

Every Jaga window and dialog opens centred on its parent (or the screen), no larger than
the screen's available area, frame included; the main window's remembered place is brought
back onto today's screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QRect, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from app.domain.placement import Box, Frame, bring_back, inner_room, place

#: Before the window manager has framed a window its frame is unknown: this much is kept
#: free for a title bar and borders (logical pixels; common title bars are 24-32).
TITLE_BAR = 32
BORDER = 2


def frame_margins(window: QWidget) -> QMargins:
    """The frame around `window`: as measured once framed, never less than the estimate
    (some platforms report a thin frame of their own before a window manager framed it)."""
    frame, inner = window.frameGeometry(), window.geometry()
    measured = QMargins()
    if frame != inner and frame.contains(inner):
        measured = QMargins(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
    return QMargins(
        max(measured.left(), BORDER),
        max(measured.top(), TITLE_BAR),
        max(measured.right(), BORDER),
        max(measured.bottom(), BORDER),
    )


def _box(rect: QRect) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


def _frame(window: QWidget) -> Frame:
    margins = frame_margins(window)
    return Frame(margins.left(), margins.top(), margins.right(), margins.bottom())


def available_box(window: QWidget, around: QWidget | None = None) -> Box:
    """The available area of the screen `around` (or the window) is on."""
    screen = (around.screen() if around is not None else None) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return _box(screen.availableGeometry())


def room_for(window: QWidget) -> tuple[int, int]:
    """The largest size `window` may have (without its frame) on its screen."""
    return inner_room(available_box(window), _frame(window))


def _minimum(window: QWidget) -> tuple[int, int]:
    hint = window.minimumSizeHint()
    return (
        max(window.minimumWidth(), hint.width() if hint.isValid() else 0),
        max(window.minimumHeight(), hint.height() if hint.isValid() else 0),
    )


def least_height_for(window: QWidget, width: int) -> int | None:
    """The least height whose wrapped words all fit at `width` (Qt does not ask this of a
    window by itself: its minimum ignores words that wrap to more lines when narrow)."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return None
    return layout.totalMinimumHeightForWidth(width)


def _wide_enough(window: QWidget, width: int, room_w: int, room_h: int) -> int:
    """Wider, where words wrapped at `width` would make the window taller than the screen
    (until what it would like to be, not only its least, fits)."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return width
    step = max(16, window.fontMetrics().averageCharWidth() * 4)
    while width < room_w and layout.totalHeightForWidth(width) > room_h:
        width = min(room_w, width + step)
    return width


def open_on_screen(window: QWidget, width: int, height: int, around: QWidget | None = None) -> None:
    """Gives `window` this size, or as much of it as the screen has, centred on `around`."""
    parent = around if around is not None and around.isVisible() else None
    centre = (
        _box(parent.geometry().marginsAdded(frame_margins(parent))) if parent is not None else None
    )
    available, frame = available_box(window, parent), _frame(window)
    room_w, room_h = inner_room(available, frame)
    width = max(_minimum(window)[0], min(width, room_w))
    width = _wide_enough(window, width, room_w, room_h)
    least = least_height_for(window, width)
    minimum = _minimum(window)
    if least is not None:
        layout = window.layout()
        height = max(height, layout.totalHeightForWidth(width) if layout is not None else 0)
        minimum = (minimum[0], max(minimum[1], least))
        window.setMinimumHeight(minimum[1])
    box = place((width, height), available, frame, around=centre, minimum=minimum)
    window.setGeometry(box.x, box.y, box.width, box.height)


def bring_back_on_screen(window: QWidget, saved: Box) -> None:
    """A remembered place and size, fitted to the screen of today."""
    box = bring_back(saved, available_box(window), _frame(window), minimum=_minimum(window))
    window.setGeometry(box.x, box.y, box.width, box.height)


class OpensOnScreen:
    """A window (mixin, before the Qt class) that opens whole on the screen, centred on its
    parent: the size it was given, or as much of it as the screen has."""

    _opened_on_screen = False
    _own_minimum_height = 0

    def showEvent(self, event: QShowEvent) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        if widget.isWindow() and not self._opened_on_screen:
            self._opened_on_screen = True
            self._own_minimum_height = widget.minimumHeight()
            # Sized by the code: that size; else what it would like (not Qt's two thirds).
            resized = widget.testAttribute(Qt.WidgetAttribute.WA_Resized)
            size = widget.size() if resized else widget.sizeHint()
            open_on_screen(widget, size.width(), size.height(), widget.parentWidget())
        super().showEvent(event)  # type: ignore[misc]

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrower means more lines of words: never shorter than they need."""
        widget: QWidget = self  # type: ignore[assignment]
        super().resizeEvent(event)  # type: ignore[misc]
        if not self._opened_on_screen or event.size().width() == event.oldSize().width():
            return
        least = least_height_for(widget, event.size().width())
        if least is not None:
            widget.setMinimumHeight(max(self._own_minimum_height, least))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.LayoutRequest and self._opened_on_screen:
            self._fit_words_shown_since()
        return handled

    def _fit_words_shown_since(self) -> None:
        """Words shown after opening (a refusal under a field): the window grows to them,
        still on the screen. Its minimum was set by hand, so Qt no longer grows it."""
        widget: QWidget = self  # type: ignore[assignment]
        least = least_height_for(widget, widget.width())
        if least is None:
            least = widget.minimumSizeHint().height()
        needed = max(self._own_minimum_height, least)
        if needed != widget.minimumHeight():
            widget.setMinimumHeight(needed)
        if needed <= widget.height():
            return
        grown = Box(widget.x(), widget.y(), widget.width(), needed)
        box = bring_back(grown, available_box(widget), _frame(widget), minimum=_minimum(widget))
        widget.setGeometry(box.x, box.y, box.width, box.height)
