"""Where a window opens: on the screen, whole. Pure: rectangles in, a rectangle out.

A window is placed by its frame (title bar and borders included): the frame must lie inside
the screen's available area (the screen less its task bar). A window wider or taller than
that area is made smaller; a window with a parent opens centred on it, a window without one
centred on the screen; a size and place remembered from another screen (a larger monitor,
unplugged since) is brought back onto today's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def centre(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


@dataclass(frozen=True)
class Frame:
    """What the window manager adds around the window's own area."""

    left: int = 0
    top: int = 0
    right: int = 0
    bottom: int = 0


def inner_room(available: Box, frame: Frame) -> tuple[int, int]:
    """The largest window (its own area, without the frame) that fits the available area."""
    return (
        max(1, available.width - frame.left - frame.right),
        max(1, available.height - frame.top - frame.bottom),
    )


def place(
    size: tuple[int, int],
    available: Box,
    frame: Frame,
    *,
    around: Box | None = None,
    minimum: tuple[int, int] = (0, 0),
) -> Box:
    """The window's own area: `size` made to fit, centred on `around` (else the screen),
    its frame inside `available`. A minimum larger than the room wins (and is told by the
    layout check), never a window bigger than it has to be."""
    room_w, room_h = inner_room(available, frame)
    width = max(minimum[0], min(size[0], room_w))
    height = max(minimum[1], min(size[1], room_h))
    centre_x, centre_y = (around or available).centre()
    outer_w = width + frame.left + frame.right
    outer_h = height + frame.top + frame.bottom
    x = _clamp(centre_x - outer_w // 2, available.x, available.right - outer_w)
    y = _clamp(centre_y - outer_h // 2, available.y, available.bottom - outer_h)
    return Box(x + frame.left, y + frame.top, width, height)


def bring_back(
    saved: Box, available: Box, frame: Frame, *, minimum: tuple[int, int] = (0, 0)
) -> Box:
    """A remembered place and size, made to fit today's screen (kept where it fits)."""
    room_w, room_h = inner_room(available, frame)
    width = max(minimum[0], min(saved.width, room_w))
    height = max(minimum[1], min(saved.height, room_h))
    outer_w = width + frame.left + frame.right
    outer_h = height + frame.top + frame.bottom
    x = _clamp(saved.x - frame.left, available.x, available.right - outer_w)
    y = _clamp(saved.y - frame.top, available.y, available.bottom - outer_h)
    return Box(x + frame.left, y + frame.top, width, height)


def _clamp(value: int, low: int, high: int) -> int:
    """Within [low, high]; `low` wins when the range is empty (the top-left stays visible)."""
    return max(low, min(value, high))


def parse_box(text: str) -> Box | None:
    """'x,y,width,height' as written by `format_box`; None for anything else."""
    parts = text.split(",")
    if len(parts) != 4:
        return None
    try:
        x, y, width, height = (int(part) for part in parts)
    except ValueError:
        return None
    if width <= 0 or height <= 0:
        return None
    return Box(x, y, width, height)


def format_box(box: Box) -> str:
    return f"{box.x},{box.y},{box.width},{box.height}"
