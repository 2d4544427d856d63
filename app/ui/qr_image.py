"""QR payloads as pixmaps, drawn by segno."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QPixmap


def qr_pixmap(payload: str, *, scale: int = 6) -> QPixmap:
    code = segno.make(payload, error="l", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dark="#111111", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
