"""Chats: the focus stays in the reply box after Send; no sideways scroll; a file's name is
shown as the system reads it (no bidi tricks, no NUL); a program is opened only after
asking, with its real extension said."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.domain.media import Media
from app.ui.chats.model import PreviewRole
from app.ui.shared.media_text import chip_title
from tests.gui.chats.test_chat_media import CUSTOMER, Opened, arrive, linked_shop, open_window

DISGUISED = "invoice\u202efdp.exe"  # shows as "invoiceexe.pdf" where bidi is obeyed


def a_document(service, shop: str, name: str, seq: int = 1):
    stored = service.media.files.import_bytes(b"MZ\x90\x00 not really a pdf", 10**7)
    media = Media("document", "application/pdf", stored.size, stored.sha256, name, "stored")
    arrive(service, shop, seq, "", media)
    return stored


def test_after_send_the_focus_stays_in_the_reply_box(qtbot, offline_service):
    """Seen failing against: main at 583a38a (the focus went to a bubble)."""
    shop = linked_shop(offline_service)
    chats = open_window(qtbot, offline_service, shop)
    chats.open_chat(CUSTOMER)
    chats.activateWindow()
    qtbot.waitUntil(chats.isActiveWindow)
    chats.reply.setFocus()
    qtbot.keyClicks(chats.reply, "Ada stok?")
    qtbot.mouseClick(chats.send_button, Qt.MouseButton.LeftButton)
    assert chats.reply.toPlainText() == ""
    assert chats.focusWidget() is chats.reply
    qtbot.keyClicks(chats.focusWidget(), "Warna merah")  # the next words land in the box
    assert chats.reply.toPlainText() == "Warna merah"


def test_no_sideways_scroll_for_a_long_word_in_a_narrow_window(qtbot, offline_service):
    shop = linked_shop(offline_service)
    chats = open_window(qtbot, offline_service, shop)
    chats.resize(chats.minimumSize())
    offline_service.send_message(shop, CUSTOMER, "https://toko.example/" + "x" * 300)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    for view in (chats.messages, chats.conversations):
        assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    index = chats.messages_model.index(0)
    qtbot.waitUntil(
        lambda: chats.messages.visualRect(index).right() < chats.messages.viewport().width()
    )


def test_a_disguised_name_shows_its_real_extension(qtbot, offline_service):
    """Seen failing against: main at 583a38a (it showed "invoiceexe.pdf")."""
    shop = linked_shop(offline_service)
    chats = open_window(qtbot, offline_service, shop)
    a_document(offline_service, shop, DISGUISED)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    [message] = offline_service.store.messages(shop)
    assert chip_title(message) == "invoicefdp.exe"
    preview = chats.conversations_model.index(0).data(PreviewRole)
    assert preview == "Document invoicefdp.exe"
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in preview)


def test_a_program_is_opened_only_after_asking_with_its_real_extension(qtbot, offline_service):
    """Seen failing against: main at 583a38a (the .exe went to the desktop without a word)."""
    shop = linked_shop(offline_service)
    chats = open_window(qtbot, offline_service, shop)
    a_document(offline_service, shop, DISGUISED)
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    [message] = offline_service.store.messages(shop)
    viewer = Opened()
    QDesktopServices.setUrlHandler("file", viewer, "open")
    try:
        box = chats.open_media(message.id)
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "(.exe)" in box.text() and "invoicefdp.exe" in box.text()
        assert box.defaultButton().text() == "Cancel"
        box.defaultButton().click()
        assert viewer.urls == []  # cancelled: nothing ran
        box = chats.open_media(message.id)
        [anyway] = [b for b in box.buttons() if b.text() == "Open anyway"]
        anyway.click()
        qtbot.waitUntil(lambda: bool(viewer.urls), timeout=2000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(viewer.urls[0].toLocalFile()).name == "invoicefdp.exe"


def test_a_name_with_a_nul_opens_without_asking_and_without_an_error(qtbot, offline_service):
    """Seen failing against: main at 583a38a (ValueError inside the slot: nothing happened)."""
    shop = linked_shop(offline_service)
    chats = open_window(qtbot, offline_service, shop)
    a_document(offline_service, shop, "nota\x00.pdf")
    qtbot.waitUntil(lambda: chats.messages_model.rowCount() == 1, timeout=3000)
    [message] = offline_service.store.messages(shop)
    viewer = Opened()
    QDesktopServices.setUrlHandler("file", viewer, "open")
    try:
        assert chats.open_media(message.id) is None  # a PDF: no question
        qtbot.waitUntil(lambda: bool(viewer.urls), timeout=2000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(viewer.urls[0].toLocalFile()).name == "nota.pdf"
    assert chats.error_label.isHidden()
