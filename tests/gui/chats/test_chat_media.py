"""Photos, documents and voice notes in the chats window (real widgets offscreen)."""

from __future__ import annotations

from hashlib import sha256
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QUrl,
    Slot,
)
from PySide6.QtGui import QColor, QDesktopServices, QImage

from app.domain.bridge_messages import Inbound
from app.domain.media import Media, media_of
from app.service import JagaService
from app.ui.chats.model import MessageRole, PreviewRole
from app.ui.chats.reply_box import Attachment, png_bytes
from app.ui.chats.window import ChatsWindow
from app.ui.shared.media_text import chip_detail, chip_title, kind_words
from tests.gui.conftest import observe
from tests.liveapp import eventually, link, run

CUSTOMER = "6285712345678"
RED = QColor(220, 30, 30)


def solid_jpeg(color: QColor, width: int = 400, height: int = 300) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(color)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG", 95)
    return bytes(buffer.data().data())


def linked_shop(service: JagaService) -> str:
    shop = service.create_account("Shop front", "sim").id
    observe(service, shop, "connected", phone="6281300000201")
    return shop


def arrive(service: JagaService, shop: str, seq: int, text: str, media: Media) -> None:
    """The bridge's `message.in`, through the real link handler, inbox and store."""
    item = Inbound(shop, f"WAMID{seq}", CUSTOMER, text, None, None, media)
    service.on_durable("boot-test", seq, item)


def open_window(qtbot, service: JagaService, shop: str) -> ChatsWindow:
    chats = ChatsWindow(service.window, shop)
    qtbot.addWidget(chats)
    chats.show()
    qtbot.waitExposed(chats)
    return chats


def close_to(pixel: QColor, wanted: QColor, slack: int = 24) -> bool:
    return all(
        abs(a - b) <= slack for a, b in zip(pixel.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


def test_a_received_photo_shows_its_thumbnail(qtbot, offline_service):
    service = offline_service
    shop = linked_shop(service)
    photo = service.media.files.import_bytes(solid_jpeg(RED), 10**7)
    chats = open_window(qtbot, service, shop)
    media = Media("image", "image/jpeg", photo.size, photo.sha256, None, "stored")
    arrive(service, shop, 1, "bukti transfer", media)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    assert chats.conversations_model.index(0).data(PreviewRole) == "Photo: bukti transfer"

    index = chats.messages_model.index(0)
    rect = chats.bubbles.media_rect(index)
    assert rect is not None and rect.width() >= 200
    center = rect.center().toPoint()

    def painted() -> bool:
        chats.messages.viewport().repaint()
        shot = chats.messages.viewport().grab().toImage()
        return close_to(shot.pixelColor(center), RED)

    qtbot.waitUntil(painted, timeout=5000)  # decoded off the paint path, then drawn
    stored = index.data(MessageRole)
    assert media_of(stored) == media and stored.text == "bukti transfer"


def test_too_large_and_document_chips_say_what_they_are(qtbot, offline_service):
    service = offline_service
    shop = linked_shop(service)
    chats = open_window(qtbot, service, shop)
    why = "the file is over the 64 MiB limit"
    big = Media("video", "video/mp4", 300_000_000, None, None, "too_large", why)
    arrive(service, shop, 1, "", big)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    message = chats.messages_model.index(0).data(MessageRole)
    assert chip_title(message) == "Video"
    assert chip_detail(message) == "Too large — open it on the phone (300 MB)"
    assert chats.bubbles.media_rect(chats.messages_model.index(0)) is not None
    assert chats.messages_model.index(0).data(Qt.ItemDataRole.ToolTipRole) == why


def test_an_attached_document_is_copied_in_and_queued_with_its_name(
    qtbot, offline_service, tmp_path
):
    service = offline_service
    shop = linked_shop(service)
    chats = open_window(qtbot, service, shop)
    arrive(service, shop, 1, "minta nota", Media("image", "image/jpeg", 1, "a" * 64))
    qtbot.waitUntil(lambda: chats.chat == CUSTOMER, timeout=3000)

    invoice = tmp_path / "nota-0042.pdf"
    invoice.write_bytes(b"%PDF-1.7\n" + b"x" * 5000)
    dropped = QMimeData()
    dropped.setUrls([QUrl.fromLocalFile(str(invoice))])
    chats.reply.insertFromMimeData(dropped)  # what a drop or a paste of a file does
    assert chats.reply_pane.strip.isVisible()
    assert "nota-0042.pdf" in chats.reply_pane.file_label.text()
    qtbot.keyClicks(chats.reply, "Ini notanya")
    qtbot.keyClick(chats.reply, Qt.Key.Key_Return)  # copied in off the window's thread
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 2, timeout=3000)

    assert chats.reply.toPlainText() == "" and not chats.reply_pane.strip.isVisible()
    sent = chats.messages_model.index(1).data(MessageRole)
    media = media_of(sent)
    assert media is not None and media.type == "document"
    assert media.file_name == "nota-0042.pdf" and sent.text == "Ini notanya"
    assert service.media.path_of(media.sha256).read_bytes() == invoice.read_bytes()
    assert sent.status == "queued"
    assert chip_title(sent) == "nota-0042.pdf"


def test_a_file_that_cannot_go_is_said_and_stays_attached(qtbot, offline_service, tmp_path):
    service = offline_service
    shop = linked_shop(service)
    chats = open_window(qtbot, service, shop)
    arrive(service, shop, 1, "halo", Media("image", "image/jpeg", 1, "a" * 64))
    qtbot.waitUntil(lambda: chats.chat == CUSTOMER, timeout=3000)
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    chats.reply_pane.attach(Attachment(empty, empty.name))
    qtbot.keyClicks(chats.reply, "caption")
    qtbot.keyClick(chats.reply, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chats.error_label.isVisible(), timeout=3000)
    assert not chats.reply_pane.busy and "kosong.pdf" in chats.error_label.text()
    assert chats.reply.toPlainText() == "caption"  # nothing the owner wrote is lost
    assert chats.reply_pane.attachment is not None
    assert [m.direction for m in service.store.messages(shop)] == ["in"]


def test_a_pasted_picture_becomes_a_png_attachment(qtbot, offline_service):
    service = offline_service
    shop = linked_shop(service)
    chats = open_window(qtbot, service, shop)
    pasted = QMimeData()
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(RED)
    pasted.setImageData(image)
    chats.reply.insertFromMimeData(pasted)
    attachment = chats.reply_pane.attachment
    assert attachment is not None and attachment.name == "image.png"
    assert attachment.source == png_bytes(image)
    assert isinstance(attachment.source, bytes) and attachment.source.startswith(b"\x89PNG")
    assert not isinstance(attachment.source, Path)


def test_an_attached_document_goes_out_through_the_bridge_and_its_chip_shows_the_name(
    qtbot, loop, service, tmp_path
):
    async def scenario() -> None:
        account = await link(service, "Shop front", "6281300000202")
        chats = open_window(qtbot, service, account.id)
        new = chats.new_message()
        new.to_edit.setText("0857-1234-5678")
        new.text_edit.setPlainText("Halo kak")
        new.send_button.click()
        await eventually(lambda: chats.chat == CUSTOMER)

        invoice = tmp_path / "nota-0042.pdf"
        invoice.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
        dropped = QMimeData()
        dropped.setUrls([QUrl.fromLocalFile(str(invoice))])
        chats.reply.insertFromMimeData(dropped)
        chats.send_button.click()
        await eventually(lambda: chats.messages_model.rowCount() == 2, what="the file queued")
        sent = chats.messages_model.index(1).data(MessageRole)
        assert chip_title(sent) == "nota-0042.pdf"

        def delivered() -> bool:
            row = service.store.message(sent.id)
            return row is not None and row.status in ("delivered", "read")

        await eventually(delivered, timeout=15, what="the document delivered")
        wire = {s["client_id"]: s for s in await service.client.sim_network()}
        uploaded = wire[sent.message_id]["media"]
        assert uploaded["file_name"] == "nota-0042.pdf" and uploaded["type"] == "document"
        assert uploaded["sha256"] == sha256(invoice.read_bytes()).hexdigest()
        shown = chats.messages_model.index(1).data(MessageRole)
        assert chip_title(shown) == "nota-0042.pdf"
        assert chats.bubbles.media_rect(chats.messages_model.index(1)) is not None

    run(loop, scenario())


def test_media_limits_in_settings_apply_at_once_and_reach_the_bridges_next_start(
    qtbot, offline_service, make_window, settings
):
    from app.domain.media import MediaLimits
    from app.ui.settings.preferences import MB, AppSettings

    assert settings.media_limits == MediaLimits()  # the bridge's defaults: 64 MB, 2 GB
    window = make_window(offline_service)
    dialog = window.open_settings()
    dialog.max_file.setValue(10)
    dialog.max_total.setValue(500)
    dialog.accept()
    wanted = MediaLimits(10 * MB, 500 * MB)
    assert AppSettings(settings.path).media_limits == wanted  # written through
    assert offline_service.media.limits == wanted  # the app refuses by it now
    env = offline_service.supervisor._env  # what the next bridge starts with
    assert env["JAGA_MEDIA_MAX_FILE_BYTES"] == str(10 * MB)
    assert env["JAGA_MEDIA_MAX_TOTAL_BYTES"] == str(500 * MB)


def test_the_main_windows_last_message_says_what_the_file_is(qtbot, offline_service, make_window):
    from app.ui.main_window.accounts_model import Column

    service = offline_service
    shop = linked_shop(service)
    window = make_window(service)
    media = Media("document", "application/pdf", 9, "b" * 64, "nota-0042.pdf")
    arrive(service, shop, 1, "", media)
    row = window.model.row_of(shop)

    def tip() -> str:
        return str(window.model.index(row, Column.LAST_IN).data(Qt.ItemDataRole.ToolTipRole))

    qtbot.waitUntil(lambda: "Document nota-0042.pdf" in tip(), timeout=3000)


class Opened(QObject):
    """Stands in for the system's viewer: Qt hands it the URLs QDesktopServices opens."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_a_double_click_opens_the_photo_with_a_proper_name(qtbot, offline_service):
    service = offline_service
    shop = linked_shop(service)
    photo = service.media.files.import_bytes(solid_jpeg(RED), 10**7)
    chats = open_window(qtbot, service, shop)
    media = Media("image", "image/jpeg", photo.size, photo.sha256, None, "stored")
    arrive(service, shop, 1, "bukti", media)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    viewer = Opened()
    QDesktopServices.setUrlHandler("file", viewer, "open")
    try:
        index = chats.messages_model.index(0)
        where = chats.bubbles.media_rect(index).center().toPoint()
        viewport = chats.messages.viewport()
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=where)  # as a real double
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=where)  # click begins
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
        qtbot.waitUntil(lambda: bool(viewer.urls), timeout=2000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    opened = Path(viewer.urls[0].toLocalFile())
    assert opened.name == f"photo-{photo.sha256[:8]}.jpg"
    assert opened.read_bytes() == service.media.path_of(photo.sha256).read_bytes()


def test_the_play_button_opens_a_voice_note_in_the_player(qtbot, offline_service):
    service = offline_service
    shop = linked_shop(service)
    note = service.media.files.import_bytes(b"OggS" + bytes(range(256)) * 8, 10**7)
    chats = open_window(qtbot, service, shop)
    media = Media("voice", "audio/ogg; codecs=opus", note.size, note.sha256, None, "stored")
    arrive(service, shop, 1, "", media)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    player = Opened()
    QDesktopServices.setUrlHandler("file", player, "open")
    try:
        rect = chats.bubbles.media_rect(chats.messages_model.index(0))
        play = rect.topLeft().toPoint() + QPoint(20, 20)  # the round button on the left
        qtbot.mouseClick(chats.messages.viewport(), Qt.MouseButton.LeftButton, pos=play)
        qtbot.waitUntil(lambda: bool(player.urls), timeout=2000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(player.urls[0].toLocalFile()).name == f"voice-note-{note.sha256[:8]}.ogg"


def test_save_as_copies_the_document_under_its_own_name(qtbot, offline_service, tmp_path):
    from app.ui.chats.media_actions import save_media_as

    service = offline_service
    shop = linked_shop(service)
    invoice = b"%PDF-1.7\n" + bytes(range(256)) * 4
    stored = service.media.files.import_bytes(invoice, 10**7)
    chats = open_window(qtbot, service, shop)
    media = Media("document", "application/pdf", stored.size, stored.sha256, "nota.pdf")
    arrive(service, shop, 1, "", media)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    message = chats.messages_model.index(0).data(MessageRole)
    suggested: list[str] = []

    def choose(_parent, name: str) -> str:  # the owner picks a folder in the dialog
        suggested.append(name)
        return str(tmp_path / "Downloads" / name)

    (tmp_path / "Downloads").mkdir()
    saved = save_media_as(chats, service.media, message, choose)
    assert suggested == ["nota.pdf"] and saved is not None and saved.read_bytes() == invoice
    assert save_media_as(chats, service.media, message, lambda _p, _n: "") is None  # cancel


def test_media_refusals_and_words_speak_indonesian(english):
    from app.system.media_files import MediaError
    from app.ui.shared.error_text import error_words
    from app.ui.shared.i18n import Translations

    Translations().apply("id")
    assert error_words(MediaError("The file “nota.pdf” is empty.")) == "Berkas “nota.pdf” kosong."
    assert error_words(MediaError("The file is empty.")) == "Berkas kosong."
    too_large = (
        "The file “v.mp4” is too large: Jaga sends files up to 64.0 MB (change it in Settings)."
    )
    assert error_words(MediaError(too_large)) == (
        "Berkas “v.mp4” terlalu besar: Jaga mengirim berkas paling besar 64.0 MB "
        "(ubah di Pengaturan)."
    )
    assert kind_words("voice") == "Pesan suara"


def test_a_received_video_shows_whatsapps_preview_picture(qtbot, offline_service):
    service = offline_service
    shop = linked_shop(service)
    blue = QColor(30, 60, 200)
    preview = service.media.files.import_bytes(solid_jpeg(blue, 320, 240), 10**7)
    clip = service.media.files.import_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(3000), 10**7)
    chats = open_window(qtbot, service, shop)
    media = Media(
        "video", "video/mp4", clip.size, clip.sha256, None, "stored", None, preview.sha256
    )
    arrive(service, shop, 1, "", media)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    rect = chats.bubbles.media_rect(chats.messages_model.index(0))
    beside_the_play_button = (rect.center() + QPointF(rect.width() / 4, 0)).toPoint()

    def painted() -> bool:
        chats.messages.viewport().repaint()
        shot = chats.messages.viewport().grab().toImage()
        return close_to(shot.pixelColor(beside_the_play_button), blue)

    qtbot.waitUntil(painted, timeout=5000)


def test_a_file_dropped_on_the_conversation_is_attached(qtbot, offline_service, tmp_path):
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    service = offline_service
    shop = linked_shop(service)
    chats = open_window(qtbot, service, shop)
    arrive(service, shop, 1, "halo", Media("image", "image/jpeg", 1, "a" * 64))
    qtbot.waitUntil(lambda: chats.chat == CUSTOMER, timeout=3000)
    photo = tmp_path / "produk.jpg"
    photo.write_bytes(solid_jpeg(RED))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    viewport = chats.messages.viewport()
    at = viewport.rect().center()
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(at, action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    QApplication.sendEvent(viewport, drop)
    attachment = chats.reply_pane.attachment
    assert attachment is not None and attachment.name == "produk.jpg"
    assert chats.reply_pane.strip.isVisible()
