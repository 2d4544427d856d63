"""QR payloads as pixmaps, drawn by segno."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QPixmap


def qr_pixmap(payload: str, *, target: int = 340) -> QPixmap:
    """A crisp code about `target` pixels wide: whole pixels per module, a quiet zone of 4."""
    code = segno.make(payload, error="l", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    scale = max(3, target // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dark="#111111", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
