"""The chats of a number, driven through the real window against the real bridge (sim)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from app.domain.bridge_policy import State
from app.domain.chats import Tick
from app.service import JagaService
from app.ui.chats.model import (
    ChatRole,
    MessageRole,
    NoteRole,
    PreviewRole,
    TickRole,
    WaitingRole,
)
from app.ui.chats.window import ChatsWindow
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import tr
from app.ui.shared.i18n import Translations
from tests.gui.conftest import observe, set_bridge
from tests.gui.main_window.test_accounts_model import ModelSpy
from tests.liveapp import (
    FAST_SIM,
    dispose,
    eventually,
    make_service,
    run,
    status_of,
    until_bridge_ready,
)

CUSTOMER = "6285712345678"
QUEUED = "Queued — will send when reconnected"


@pytest.fixture
def slow_reconnect(loop, data_dir) -> Iterator[JagaService]:
    """The live service, with a dropped number taking a couple of seconds to come back."""
    live = make_service(data_dir, session_options={**FAST_SIM, "backoff_base_ms": 2500})
    live.start()
    run(loop, until_bridge_ready(live))
    yield live
    dispose(loop, live)


async def link(service: JagaService, label: str, phone: str) -> str:
    account = await service.add_account(label)
    await eventually(lambda: status_of(service, account.id) == "qr")
    await service.simulate_scan(account.id, phone)
    await eventually(lambda: status_of(service, account.id) == "connected")
    return account.id


def open_chats(qtbot, make_window, service: JagaService, account_id: str) -> ChatsWindow:
    """Through the main window, as the owner does: select the number, click Chats."""
    window = make_window(service)
    window.show()
    window.select(account_id)
    qtbot.mouseClick(window.chats_button, Qt.MouseButton.LeftButton)
    chats = window.chat_windows[account_id]
    assert chats.isVisible()
    return chats


def rows(chats: ChatsWindow, role: int) -> list:
    model = chats.messages_model
    return [model.index(r).data(role) for r in range(model.rowCount())]


def conversation(chats: ChatsWindow, chat: str, role: int = Qt.ItemDataRole.DisplayRole):
    model = chats.conversations_model
    row = model.row_of(chat)
    assert row is not None, f"no conversation with {chat}"
    return model.index(row).data(role)


def type_reply(qtbot, chats: ChatsWindow, text: str) -> None:
    chats.reply.setFocus()
    qtbot.keyClicks(chats.reply, text)
    qtbot.keyClick(chats.reply, Qt.Key.Key_Return)


def new_message(chats: ChatsWindow, to: str, text: str):
    dialog = chats.new_message()
    assert dialog.isVisible()
    dialog.to_edit.setText(to)
    dialog.text_edit.setPlainText(text)
    dialog.send_button.click()
    return dialog


def test_a_reply_to_a_connected_number_ends_delivered_or_read(qtbot, loop, service, make_window):
    async def scenario() -> None:
        shop = await link(service, "Shop front", "6281300000101")
        chats = open_chats(qtbot, make_window, service, shop)
        assert chats.offline_note.isHidden()
        assert chats.right.currentWidget() is chats.hint  # nothing to show yet

        new_message(chats, "0857-1234-5678", "Halo kak")
        assert chats.new_dialog is None or not chats.new_dialog.isVisible()
        assert chats.chat == CUSTOMER  # the new conversation is open
        assert conversation(chats, CUSTOMER) == "+62 857-1234-5678"

        # Shift+Enter starts a new line; Enter sends.
        chats.reply.setFocus()
        qtbot.keyClicks(chats.reply, "Pesanan siap")
        qtbot.keyClick(chats.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClicks(chats.reply, "diambil jam 5")
        assert len(service.store.messages(shop)) == 1
        qtbot.keyClick(chats.reply, Qt.Key.Key_Return)
        assert chats.reply.toPlainText() == ""
        assert rows(chats, Qt.ItemDataRole.DisplayRole) == [
            "Halo kak",
            "Pesanan siap\ndiambil jam 5",
        ]
        assert [m.chat for m in service.store.messages(shop)] == [CUSTOMER, CUSTOMER]

        done = {Tick.DELIVERED, Tick.READ}
        await eventually(lambda: set(rows(chats, TickRole)) <= done, timeout=10)
        assert conversation(chats, CUSTOMER, TickRole) in done
        assert conversation(chats, CUSTOMER, PreviewRole) == "Pesanan siap diambil jam 5"
        await eventually(lambda: rows(chats, TickRole) == [Tick.READ, Tick.READ], timeout=10)
        assert not any(rows(chats, NoteRole))

    run(loop, scenario())


@pytest.mark.parametrize(("code", "status"), [(428, "reconnecting"), (401, "logged_out")])
def test_a_message_sent_while_away_shows_the_queued_note_then_goes_out(
    qtbot, loop, slow_reconnect, make_window, code, status
):
    service = slow_reconnect

    async def scenario() -> None:
        shop = await link(service, "Shop front", "6281300000102")
        await service.client.sim(
            f"sessions/{shop}/inbound", {"messages": [{"from": CUSTOMER, "text": "Ada stok?"}]}
        )
        chats = open_chats(qtbot, make_window, service, shop)
        await eventually(lambda: chats.conversations_model.rowCount() == 1)
        assert chats.chat == CUSTOMER

        await service.client.sim(f"sessions/{shop}/close", {"code": code})
        await eventually(lambda: status_of(service, shop) == status, timeout=5)
        assert chats.offline_note.isVisible()
        assert "Not connected now" in chats.offline_note.text()

        type_reply(qtbot, chats, "Ada, kak")
        assert rows(chats, NoteRole)[-1] == QUEUED
        assert rows(chats, WaitingRole)[-1] is True
        assert rows(chats, TickRole)[-1] is Tick.CLOCK
        assert conversation(chats, CUSTOMER, PreviewRole) == "Ada, kak"
        assert conversation(chats, CUSTOMER, WaitingRole) is True  # amber, with its clock
        assert QUEUED in conversation(chats, CUSTOMER, Qt.ItemDataRole.ToolTipRole)
        await eventually(lambda: True, timeout=0.3)  # the window keeps saying so meanwhile
        assert rows(chats, NoteRole)[-1] == QUEUED

        if status == "logged_out":
            await service.reconnect(shop)
            await eventually(lambda: status_of(service, shop) == "qr", timeout=5)
            await service.simulate_scan(shop, "6281300000102")
        await eventually(lambda: status_of(service, shop) == "connected", timeout=15)
        await eventually(lambda: rows(chats, TickRole)[-1] in (Tick.DELIVERED, Tick.READ), 15)
        assert rows(chats, NoteRole)[-1] == ""
        assert chats.offline_note.isHidden()
        assert conversation(chats, CUSTOMER, PreviewRole) == "Ada, kak"
        assert conversation(chats, CUSTOMER, WaitingRole) is False
        sent = await service.client.sim_network()
        assert [(s["to"], s["text"]) for s in sent] == [(CUSTOMER, "Ada, kak")]

    run(loop, scenario(), timeout=60)


def test_inbound_messages_appear_in_the_list_and_the_open_conversation_row_by_row(
    qtbot, loop, service, make_window
):
    other = "6281298765432"

    async def inbound(account_id: str, sender: str, text: str) -> None:
        body = {"messages": [{"from": sender, "text": text}]}
        await service.client.sim(f"sessions/{account_id}/inbound", body)

    async def scenario() -> None:
        shop = await link(service, "Shop front", "6281300000103")
        chats = open_chats(qtbot, make_window, service, shop)
        await inbound(shop, CUSTOMER, "Ada stok?")
        await eventually(lambda: chats.conversations_model.rowCount() == 1)
        assert conversation(chats, CUSTOMER) == "+62 857-1234-5678"
        assert conversation(chats, CUSTOMER, PreviewRole) == "Ada stok?"
        assert chats.chat == CUSTOMER  # the first conversation opens by itself
        assert rows(chats, Qt.ItemDataRole.DisplayRole) == ["Ada stok?"]
        assert chats.chat_title.text() == "+62 857-1234-5678"

        conversations = ModelSpy(chats.conversations_model)
        messages = ModelSpy(chats.messages_model)
        await inbound(shop, other, "Buka jam berapa?")
        await eventually(lambda: chats.conversations_model.rowCount() == 2)
        assert chats.conversations_model.chats() == [other, CUSTOMER]
        assert chats.chat == CUSTOMER  # the open conversation stays open
        assert rows(chats, Qt.ItemDataRole.DisplayRole) == ["Ada stok?"]

        await inbound(shop, CUSTOMER, "Yang merah ya")
        await eventually(lambda: rows(chats, Qt.ItemDataRole.DisplayRole)[-1:] == ["Yang merah ya"])
        assert chats.conversations_model.chats() == [CUSTOMER, other]  # moved to the top
        selected = chats.conversations.currentIndex()
        assert selected.data(ChatRole) == CUSTOMER  # the selection moved with it
        assert rows(chats, MessageRole)[-1].direction == "in"
        assert rows(chats, TickRole) == [Tick.NONE, Tick.NONE]

        # Row by row: inserts and a move, never a reset of either list.
        assert conversations.resets == 0 and messages.resets == 0
        assert conversations.inserted == [0]
        assert messages.inserted == [1]

    run(loop, scenario())


def test_a_bad_number_in_new_message_says_why_and_stores_nothing(qtbot, loop, service, make_window):
    async def scenario() -> None:
        shop = await link(service, "Shop front", "6281300000104")
        chats = open_chats(qtbot, make_window, service, shop)
        cases = [
            ("hello", "hi", "“hello” is not a phone number."),
            ("+62 12", "hi", "“+62 12” is not a valid phone number."),
            ("", "hi", "Enter the phone number to send to."),
            ("0857-1234-5678", "   ", "The message is empty."),
        ]
        dialog = None
        for to, text, words in cases:
            dialog = new_message(chats, to, text)
            assert dialog.isVisible()
            assert dialog.error_label.isVisible()
            assert dialog.error_label.text() == words
        assert service.store.messages(shop) == []
        assert chats.conversations_model.rowCount() == 0
        assert dialog is not None
        dialog.reject()

    run(loop, scenario())


def test_a_number_not_linked_yet_says_so_inline(qtbot, offline_service):
    account = offline_service.create_account("Cashier", "sim")
    chats = ChatsWindow(offline_service.window, account.id)
    qtbot.addWidget(chats)
    chats.show()
    assert "not linked to a phone yet" in chats.offline_note.text()
    dialog = new_message(chats, "0857-1234-5678", "halo")
    assert dialog.error_label.text() == "“Cashier” is not linked to a phone yet."
    assert offline_service.store.messages(account.id) == []


def failed_message(service: JagaService) -> tuple[str, int]:
    shop = service.create_account("Shop front", "sim").id
    set_bridge(service, State.RUNNING)
    observe(service, shop, "connected", phone="6281300000105")
    message = service.store.queue_message(shop, CUSTOMER, "Pesanan siap", "JAGA0001")
    service.store.mark_failed(message.id, "gave up after 8 tries: WhatsApp did not answer")
    return shop, message.id


def test_a_failed_message_is_red_with_why_and_send_again_queues_it(qtbot, offline_service):
    shop, message_id = failed_message(offline_service)
    chats = ChatsWindow(offline_service.window, shop)
    qtbot.addWidget(chats)
    chats.show()
    qtbot.waitExposed(chats)
    assert chats.chat == CUSTOMER
    assert rows(chats, TickRole) == [Tick.FAILED]
    assert rows(chats, NoteRole) == ["Not sent: gave up after 8 tries: WhatsApp did not answer"]
    assert conversation(chats, CUSTOMER, PreviewRole) == "Not sent: Pesanan siap"

    updated: list[int] = []
    offline_service.message_updated.connect(updated.append)
    index = chats.messages_model.index(0)
    link = chats.bubbles.link_rect(index)
    assert link is not None
    qtbot.mouseClick(
        chats.messages.viewport(), Qt.MouseButton.LeftButton, pos=link.center().toPoint()
    )
    assert updated == [message_id]
    message = offline_service.store.message(message_id)
    assert message is not None and message.status == "queued" and message.error is None
    assert rows(chats, TickRole) == [Tick.CLOCK]
    assert chats.bubbles.link_rect(index) is None  # nothing to send again now


def test_a_click_beside_the_link_does_not_resend(qtbot, offline_service):
    shop, message_id = failed_message(offline_service)
    chats = ChatsWindow(offline_service.window, shop)
    qtbot.addWidget(chats)
    chats.show()
    qtbot.waitExposed(chats)
    link = chats.bubbles.link_rect(chats.messages_model.index(0))
    assert link is not None
    beside = QPoint(int(link.right()) + 60, int(link.center().y()))
    qtbot.mouseClick(chats.messages.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    message = offline_service.store.message(message_id)
    assert message is not None and message.status == "failed"


def test_chats_open_from_the_details_and_the_table_double_click_still_reconnects(
    qtbot, loop, offline_service, make_window
):
    shop = offline_service.create_account("Shop front", "sim").id
    online = offline_service.create_account("Online orders", "sim").id
    set_bridge(offline_service, State.RUNNING)
    observe(offline_service, shop, "connected", phone="6281300000106")
    observe(offline_service, online, "logged_out", "logged_out")
    window = make_window(offline_service)
    window.show()
    window.select(shop)
    assert window.chats_button.isEnabled()
    chats = window.open_chats_selected()
    assert chats is window.chat_windows[shop]
    assert chats.windowTitle() == "Chats — Shop front"
    assert window.open_chats(shop) is chats  # one window per number

    # Double-click on a row is still "reconnect" (the QR dialog for a logged-out number).
    window.select(online)
    row = window.model.row_of(online)
    rect = window.table.visualRect(window.model.index(row, 0))
    viewport = window.table.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert list(window.qr_dialogs) == [online]
    assert list(window.chat_windows) == [shop]

    # A removed number's chats close with it.
    run(loop, offline_service.remove_account(shop))
    qtbot.waitUntil(lambda: shop not in window.chat_windows)


def test_chats_speak_indonesian(qtbot, offline_service, english):
    from app.domain.outbox import MessageError

    shop = offline_service.create_account("Toko", "sim").id
    observe(offline_service, shop, "reconnecting", "connection_lost", phone="6281300000107")
    offline_service.store.queue_message(shop, CUSTOMER, "Ada, kak", "JAGA0002")
    chats = ChatsWindow(offline_service.window, shop)
    qtbot.addWidget(chats)
    Translations().apply("id")
    # Qt posts LanguageChange to every window; the open window retranslates itself.
    qtbot.waitUntil(lambda: chats.new_button.text() == "&Pesan baru")
    assert chats.send_button.text() == "&Kirim"
    assert chats.windowTitle() == "Chat — Toko"
    assert rows(chats, NoteRole) == ["Dalam antrean — terkirim saat tersambung lagi"]
    assert "Belum tersambung" in chats.offline_note.text()
    assert tr("Send again") == "Kirim lagi"
    assert error_words(MessageError("“halo” is not a phone number.")) == (
        "“halo” bukan nomor telepon."
    )
    dialog = chats.new_message()
    assert dialog.windowTitle() == "Pesan baru"
    dialog.reject()


def test_every_refusal_of_the_core_reads_in_indonesian(qapp, tmp_path, english):
    """The sentences of MessageError and StoreError are matched, not just passed through."""
    from app.domain.outbox import MessageError, validate_text
    from app.domain.recipients import from_typed
    from app.storage.store import Store, StoreError

    refusals: list[Exception] = []
    for call in (
        lambda: from_typed(""),
        lambda: from_typed("hello"),
        lambda: from_typed("+62 12"),
        lambda: validate_text("  "),
        lambda: validate_text("x" * 70_000),
        lambda: validate_text("bad \ud800 text"),
    ):
        with pytest.raises(MessageError) as caught:
            call()
        refusals.append(caught.value)
    store = Store(tmp_path / "app.sqlite3")
    try:
        unlinked = store.create_account("Kasir", "sim")
        for account_id in ("acc-nope", unlinked.id):
            with pytest.raises(StoreError) as refused:
                store.queue_message(account_id, CUSTOMER, "hi", "JAGA0003")
            refusals.append(refused.value)
    finally:
        store.close()

    assert [error_words(e) for e in refusals] == [str(e) for e in refusals]
    Translations().apply("id")
    indonesian = [error_words(e) for e in refusals]
    assert indonesian[1] == "“hello” bukan nomor telepon."
    assert indonesian[4] == (
        "Pesannya terlalu panjang (70,000 karakter; WhatsApp lewat Jaga menerima paling banyak "
        "60,000, lebih sedikit dengan emoji atau huruf non-Latin). Bagi menjadi dua."
    )
    assert indonesian[7] == "“Kasir” belum ditautkan ke HP."
    unmatched = [str(e) for e, words in zip(refusals, indonesian, strict=True) if words == str(e)]
    assert not unmatched


def test_a_burst_of_messages_lands_in_order_without_a_reset(qtbot, loop, service, make_window):
    senders = [CUSTOMER, "6281298765432", "6287812344321"]

    async def scenario() -> None:
        shop = await link(service, "Shop front", "6281300000108")
        chats = open_chats(qtbot, make_window, service, shop)
        await service.client.sim(
            f"sessions/{shop}/inbound", {"messages": [{"from": CUSTOMER, "text": "first"}]}
        )
        await eventually(lambda: chats.chat == CUSTOMER)
        conversations = ModelSpy(chats.conversations_model)
        messages = ModelSpy(chats.messages_model)
        batch = [{"from": senders[i % 3], "text": f"burst {i}"} for i in range(300)]
        await service.client.sim(f"sessions/{shop}/inbound", {"messages": batch})
        await eventually(lambda: chats.messages_model.rowCount() == 101, timeout=20)
        texts = rows(chats, Qt.ItemDataRole.DisplayRole)
        assert texts == ["first"] + [f"burst {i}" for i in range(0, 300, 3)]
        assert chats.conversations_model.chats() == [senders[2], senders[1], senders[0]]
        assert conversation(chats, senders[2], PreviewRole) == "burst 299"
        assert conversations.resets == 0 and messages.resets == 0
        assert len(messages.inserted) == 100

    run(loop, scenario())
