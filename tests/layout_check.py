"""What a person would see wrong in a window: off the screen, squashed, overlapping, cut.

`problems(window)` walks a shown top-level window and returns one sentence per fault:

- the window (with its frame) lies outside the screen's available geometry;
- a visible widget is smaller than its minimum size hint (a layout squeezed below what it
  needs: a line edit 8 px high, a button without its words);
- two widgets side by side in one layout overlap;
- a label's words do not fit in it (a wrapped label too short for its lines, an unwrapped
  one too narrow for its text).

Widgets inside a scroll area are judged by the scroll area's content, which may be larger
than the viewport: that is what scrolling is for.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLayout,
    QSizePolicy,
    QWidget,
)
from shiboken6 import isValid

from app.ui.shared.screen_fit import frame_margins


def problems(window: QWidget) -> list[str]:
    found = _outside_screen(window)
    for widget in _visible_widgets(window):
        found += _too_small(widget)
        found += _cut_label(widget)
    for layout in window.findChildren(QLayout):
        if isValid(layout) and _laid_out_in(layout, window):
            found += _overlaps(layout)
    if window.layout() is not None:
        found += _overlaps(window.layout())
    return found


def _laid_out_in(layout: QLayout, window: QWidget) -> bool:
    """The layout arranges this window, not another window it owns (a hidden one is laid
    out again only when it shows)."""
    owner = layout.parentWidget()
    return owner is not None and owner.window() is window


def name_of(widget: QWidget) -> str:
    """Enough to find it: class, object name or text, and the chain of parents' classes."""
    own = widget.objectName() or _text(widget)[:30]
    chain = []
    parent = widget.parentWidget()
    while parent is not None and len(chain) < 3:
        chain.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__}({own!r}) in {'/'.join(chain)}"


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    if callable(text):
        value = text()
        return value if isinstance(value, str) else ""
    return ""


def _outside_screen(window: QWidget) -> list[str]:
    screen = window.screen() or QApplication.primaryScreen()
    available = screen.availableGeometry()
    frame = window.geometry().marginsAdded(frame_margins(window))
    if available.contains(frame):
        return []
    return [
        f"{type(window).__name__} at {_rect(frame)} (with its frame) is outside the "
        f"available screen {_rect(available)}"
    ]


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


def _visible_widgets(window: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.window() is window and widget.isVisibleTo(window) and _ours(widget, window)
    ]


def _ours(widget: QWidget, window: QWidget) -> bool:
    """Laid out by Jaga: not the inner parts of Qt's own widgets (a spin box's line edit,
    a table's header, a scroll area's bars), which Qt sizes itself."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if child.objectName().startswith("qt_"):
            return False
        if isinstance(parent, QAbstractScrollArea) and child is not parent.viewport():
            return False
        if parent is window:
            return True
        child, parent = parent, parent.parentWidget()
    return True


def smallest(widget: QWidget) -> tuple[int, int]:
    """The smallest size a layout gives `widget` (Qt's qSmartMinSize): its minimum size
    where one is set, else its minimum size hint (or size hint, for a policy that does not
    shrink), never above its maximum."""
    policy = widget.sizePolicy()
    hint, least = widget.sizeHint(), widget.minimumSizeHint()
    sizes = []
    for direction in (0, 1):
        rule = policy.horizontalPolicy() if direction == 0 else policy.verticalPolicy()
        pick = (lambda size: size.width()) if direction == 0 else (lambda size: size.height())
        size = 0
        if rule != QSizePolicy.Policy.Ignored:
            shrinks = bool(rule.value & QSizePolicy.PolicyFlag.ShrinkFlag.value)
            size = pick(least) if shrinks else max(pick(hint), pick(least))
        own = widget.minimumWidth() if direction == 0 else widget.minimumHeight()
        if own > 0:
            size = own
        most = widget.maximumWidth() if direction == 0 else widget.maximumHeight()
        sizes.append(max(0, min(size, most)))
    return sizes[0], sizes[1]


def _too_small(widget: QWidget) -> list[str]:
    needed_w, needed_h = smallest(widget)
    if widget.width() >= needed_w and widget.height() >= needed_h:
        return []
    return [
        f"{name_of(widget)} is {widget.width()}x{widget.height()}, "
        f"smaller than its minimum {needed_w}x{needed_h}"
    ]


def _cut_label(widget: QWidget) -> list[str]:
    if not isinstance(widget, QLabel) or not widget.text():
        return []
    if widget.wordWrap():
        needed = widget.heightForWidth(widget.width())
        if needed > widget.height():
            return [f"{name_of(widget)} is {widget.height()} px high, its words need {needed}"]
        return []
    wanted = widget.sizeHint()
    if widget.width() < wanted.width() or widget.height() < wanted.height():
        return [
            f"{name_of(widget)} is {widget.width()}x{widget.height()}, its text needs "
            f"{wanted.width()}x{wanted.height()}"
        ]
    return []


def _overlaps(layout: QLayout) -> list[str]:
    shown = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        # A layout of a widget being deleted (deleteLater) may hand back a stale item.
        if not isinstance(widget, QWidget) or not isValid(widget) or widget.isWindow():
            continue
        if widget.isVisibleTo(widget.window()):
            shown.append(widget)
    found = []
    for first_index, first in enumerate(shown):
        for second in shown[first_index + 1 :]:
            if first.geometry().intersects(second.geometry()):
                found.append(f"{name_of(first)} overlaps {name_of(second)}")
    return found
