"""Takes the README's "Photos, documents and voice notes" screenshot from the real app.

Demo mode, the real bridge, sim WhatsApp, as make_screenshots.py (whose helpers it uses):

    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python docs/screenshots/make_media.py

A customer sends a transfer receipt (photo) and a voice note, the shop answers with an
invoice (PDF) and a product photo, and a video too large for the limit stays on the phone.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_screenshots import link, run_app, settle, shot, until
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath

from app.service import JagaService
from app.ui.chats.media_delegate import thumb_sha
from app.ui.main_window.window import MainWindow

CUSTOMER = "6285712345678"


def jpeg(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)
    return bytes(buffer.data().data())


def receipt() -> bytes:
    """A phone's "transfer succeeded" screen, as customers send them."""
    image = QImage(480, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f6f8"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(QRectF(0, 0, 480, 120), QColor("#0a5fb4"))
    p.setPen(QColor("white"))
    p.setFont(QFont("DejaVu Sans", 26, QFont.Weight.Bold))
    p.drawText(QRectF(0, 30, 480, 60), Qt.AlignmentFlag.AlignCenter, "m-Transfer")
    p.setBrush(QColor("#1fa463"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QPointF(240, 215), 52, 52)
    p.setPen(QColor("white"))
    p.setFont(QFont("DejaVu Sans", 44, QFont.Weight.Bold))
    p.drawText(QRectF(188, 163, 104, 104), Qt.AlignmentFlag.AlignCenter, "✓")
    p.setPen(QColor("#1d2a36"))
    p.setFont(QFont("DejaVu Sans", 22, QFont.Weight.Bold))
    p.drawText(QRectF(0, 290, 480, 40), Qt.AlignmentFlag.AlignCenter, "Transfer Berhasil")
    p.setFont(QFont("DejaVu Sans", 30, QFont.Weight.Bold))
    p.drawText(QRectF(0, 340, 480, 50), Qt.AlignmentFlag.AlignCenter, "Rp 150.000")
    p.setFont(QFont("DejaVu Sans", 15))
    p.setPen(QColor("#55626e"))
    for n, line in enumerate(("Ke: TOKO SARI", "BCA 123-456-7890", "30/11/2026 14:02 WIB")):
        p.drawText(QRectF(0, 420 + n * 36, 480, 30), Qt.AlignmentFlag.AlignCenter, line)
    p.end()
    return jpeg(image)


def product() -> bytes:
    """A red T-shirt on a light table: the shop's product photo."""
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#ece6dc"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    shirt = QPainterPath()
    shirt.moveTo(250, 90)
    for x, y in (
        (200, 110),
        (130, 180),
        (175, 230),
        (215, 200),
        (215, 400),
        (425, 400),
        (425, 200),
        (465, 230),
        (510, 180),
        (440, 110),
        (390, 90),
    ):
        shirt.lineTo(x, y)
    shirt.quadTo(320, 150, 250, 90)
    p.fillPath(shirt, QColor("#c62828"))
    p.setPen(QColor("#8e1b1b"))
    p.drawPath(shirt)
    p.setPen(QColor("#3b3b3b"))
    p.setFont(QFont("DejaVu Sans", 20, QFont.Weight.Bold))
    p.drawText(QRectF(0, 420, 640, 40), Qt.AlignmentFlag.AlignCenter, "Kaos Polos — Merah, L")
    p.end()
    return jpeg(image)


def invoice_pdf() -> bytes:
    return b"%PDF-1.4\n% Jaga screenshot invoice\n" + bytes(range(256)) * 160


async def scenario(service: JagaService, window: MainWindow, folder: Path) -> None:
    service.start()
    await until(lambda: service.client is not None)
    shop = await link(service, "Toko Sari", "6281234567801", "Toko Sari")
    assert service.client is not None

    async def arrive(message: dict) -> None:
        count = len(service.store.messages(shop))
        body = {"messages": [{"from": CUSTOMER, **message}]}
        await service.client.sim(f"sessions/{shop}/inbound", body)
        await until(lambda: len(service.store.messages(shop)) == count + 1)

    def send(path: Path, caption: str) -> None:
        service.media.send_file(shop, "+" + CUSTOMER, path, caption=caption)

    await arrive({"text": "Kak, kaos polos merah ukuran L masih ada?"})
    photo = folder / "kaos-merah-L.jpg"
    photo.write_bytes(product())
    send(photo, "Masih kak, tinggal 2. Rp 75.000 per pcs")
    await arrive(
        {
            "media": {
                "type": "image",
                "mimetype": "image/jpeg",
                "caption": "Sudah transfer ya kak, ini buktinya",
                "data_b64": base64.b64encode(receipt()).decode(),
            }
        }
    )
    invoice = folder / "Nota-0042-Toko-Sari.pdf"
    invoice.write_bytes(invoice_pdf())
    send(invoice, "Terima kasih! Ini notanya kak")
    voice = b"OggS" + bytes(range(256)) * 48
    await arrive(
        {
            "media": {
                "type": "voice",
                "mimetype": "audio/ogg; codecs=opus",
                "data_b64": base64.b64encode(voice).decode(),
            }
        }
    )
    await arrive(
        {"media": {"type": "video", "mimetype": "video/mp4", "size": 180_000_000, "seed": "s"}}
    )
    outgoing = [m for m in service.store.messages(shop) if m.direction == "out"]
    await until(lambda: all(service.store.message(m.id).status == "read" for m in outgoing))

    chats = window.open_chats(shop)
    assert chats is not None
    chats.resize(1000, 860)
    chats.open_chat(CUSTOMER)
    shas = [s for m in service.store.messages(shop) if (s := thumb_sha(m))]
    for sha in shas:
        chats.thumbnails.image(sha)
    await until(lambda: all(chats.thumbnails.image(sha) is not None for sha in shas))
    chats.messages.scrollToBottom()
    await settle(1.0)
    shot(chats, "chats-media.png")
    chats.close()


def main() -> int:
    run_app(
        "jaga-media-shot-",
        lambda stage: scenario(stage.service, stage.window, stage.folder),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
