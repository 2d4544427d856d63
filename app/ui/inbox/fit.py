"""A new window opens inside the screen's free area, however small (1366 by 768 at 150 %)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """The wanted size, shrunk to the screen the window opens on, and moved onto it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    w = max(window.minimumWidth(), min(width, int(free.width() * 0.96)))
    h = max(window.minimumHeight(), min(height, int(free.height() * 0.92)))
    window.resize(w, h)
    x = free.x() + max(0, (free.width() - w) // 2)
    y = free.y() + max(0, (free.height() - h) // 3)
    window.move(x, y)
