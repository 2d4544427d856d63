"""QR payloads as pixmaps, drawn by segno."""

from __future__ import annotations

import io

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def qr_pixmap(payload: str, *, target: int = 340) -> QPixmap:
    """A crisp code about `target` pixels wide: whole pixels per module, a quiet zone of 4."""
    # Here, not at the top: the main window imports this module on its way to the screen,
    # and segno with its writers (xml.sax among them) is ~8 ms it need not wait for.
    import segno

    code = segno.make(payload, error="l", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    scale = max(3, target // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dark="#111111", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


#: The code's side on screen (logical pixels): roomy where the window has space, never so
#: small a phone cannot read it (at 150 % text that is still 330 screen pixels).
QR_SIDE = 360
QR_LEAST_SIDE = 200
#: What the linking dialog needs beside the code (headline, countdown, how-to, buttons,
#: title bar): on a short screen the code asks for the rest only.
BESIDE_CODE = 260


class QrView(QLabel):
    """A QR code drawn as large as its place allows (crisp at any text scale), or words
    where there is no code (waiting, a problem)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.payload: str | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_code(self, payload: str) -> None:
        self.payload = payload
        self._draw()

    def show_words(self, text: str) -> None:
        self.payload = None
        self.clear()
        self.setText(text)

    def _draw(self) -> None:
        if self.payload is None:
            return
        side = max(QR_LEAST_SIDE, min(self.width(), self.height()))
        ratio = self.devicePixelRatioF()
        pixmap = qr_pixmap(self.payload, target=int(side * ratio))
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw()

    def sizeHint(self) -> QSize:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - BESIDE_CODE
        side = max(QR_LEAST_SIDE, min(QR_SIDE, room))
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return QSize(QR_LEAST_SIDE, QR_LEAST_SIDE)

    def heightForWidth(self, width: int) -> int:
        """The words' height (the layout check reads it); a code takes a square place."""
        return super().heightForWidth(width) if self.payload is None else -1

    def hasHeightForWidth(self) -> bool:
        return False
