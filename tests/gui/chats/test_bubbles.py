"""Chat bubbles: what a bubble shows always fits in its row (nothing covers a failed
message's reason or its Send again)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.bridge_policy import State
from app.ui.chats.window import ChatsWindow
from tests.gui.conftest import observe, set_bridge

CUSTOMER = "6285712345678"


def test_a_message_that_fails_later_grows_and_the_next_bubble_moves_down(qtbot, offline_service):
    service = offline_service
    shop = service.create_account("Shop front", "sim").id
    set_bridge(service, State.RUNNING)
    observe(service, shop, "connected", phone="6281300000105")
    first = service.store.queue_message(shop, CUSTOMER, "Pesanan siap", "JAGA0001")
    second = service.store.queue_message(shop, CUSTOMER, "Diambil jam 5 ya", "JAGA0002")
    service.store.mark_sent([second.id])
    chats = ChatsWindow(service.window, shop)
    qtbot.addWidget(chats)
    chats.resize(700, 500)
    chats.show()
    qtbot.waitExposed(chats)
    view, bubbles = chats.messages, chats.bubbles
    top, below = chats.messages_model.index(0), chats.messages_model.index(1)
    short = view.visualRect(top).height()

    # WhatsApp never took it: the first one fails, with a long reason, after it was shown.
    service.store.mark_failed(
        first.id,
        "gave up after 8 tries: WhatsApp did not answer, the connection dropped every time "
        "before the message was taken",
    )
    service.message_updated.emit(first.id)
    view.viewport().repaint()
    QCoreApplication.processEvents()

    def fits() -> bool:
        link = bubbles.link_rect(top)
        row = view.visualRect(top).toRectF()
        row.setWidth(view.viewport().width())  # the delegate lays bubbles on the full row
        frame = bubbles.bubble(row, top, view.font()).frame
        return (
            link is not None
            and view.visualRect(top).height() > short
            and frame.bottom() <= view.visualRect(below).top()
            and link.bottom() <= view.visualRect(below).top()
        )

    qtbot.waitUntil(fits, timeout=2000)


def overlapping_rows(chats: ChatsWindow) -> list[int]:
    """Rows whose bubble, as painted, reaches into the next row."""
    view, bubbles, model = chats.messages, chats.bubbles, chats.messages_model
    found = []
    for row in range(model.rowCount() - 1):
        here = model.index(row)
        rect = view.visualRect(here).toRectF()
        rect.setWidth(view.viewport().width())
        frame = bubbles.bubble(rect, here, view.font()).frame
        if frame.bottom() > view.visualRect(model.index(row + 1)).top():
            found.append(row)
    return found


def test_bubbles_fit_their_rows_when_the_scroll_bar_comes_and_the_window_narrows(
    qtbot, offline_service
):
    service = offline_service
    shop = service.create_account("Shop front", "sim").id
    set_bridge(service, State.RUNNING)
    observe(service, shop, "connected", phone="6281300000105")
    words = "Pesanan atas nama Ibu Sari sudah siap diambil di toko depan "
    for n in range(14):
        message = service.store.queue_message(shop, CUSTOMER, words * (1 + n % 3), f"JAGA{n:04d}")
        if n % 2:
            service.store.mark_failed(message.id, "gave up after 8 tries: " + words)
    chats = ChatsWindow(service.window, shop)
    qtbot.addWidget(chats)
    chats.resize(900, 420)
    chats.show()
    qtbot.waitExposed(chats)
    for width in (900, 640, 520, 760):
        chats.resize(width, 420)
        qtbot.waitUntil(lambda: chats.messages.verticalScrollBar().isVisible(), timeout=1000)
        for _ in range(3):
            chats.messages.viewport().repaint()
            QCoreApplication.processEvents()
        qtbot.waitUntil(lambda: overlapping_rows(chats) == [], timeout=2000)
