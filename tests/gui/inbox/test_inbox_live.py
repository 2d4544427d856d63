"""One inbox, driven through the real windows against the real bridge (sim engine): two
numbers, customers writing to both; unread on the rows, the tray and the list; reading on
the phone; a notice per number; a quick reply; a label filter; the away message."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from app.ui.inbox.model import ConversationRole
from app.ui.main_window.accounts_model import Column
from tests.liveapp import eventually, link, run, settled

BUDI, SARI, TONO = "6281234500011", "6281234500012", "6281234500013"


def unread_cells(window) -> dict[str, str]:
    model = window.model
    return {
        model.account_at(r).label: model.index(r, Column.UNREAD).data()
        for r in range(model.rowCount())
    }


def listed(inbox) -> list[tuple[str, str, int]]:
    model = inbox.model
    rows = [model.index(r).data(ConversationRole) for r in range(model.rowCount())]
    return [(inbox.number_name(c.account_id), c.chat, c.unread) for c in rows]


async def write(service, account_id: str, *messages: dict) -> None:
    await service.client.sim(f"sessions/{account_id}/inbound", {"messages": list(messages)})


def test_unread_everywhere_read_on_the_phone_a_notice_per_number_and_a_click_opens_it(
    qtbot, loop, service, make_window
):
    window = make_window(service, tray=False)  # no tray: notices come as a banner
    hooks = window.inbox_hooks

    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000401")
        store = await link(service, "Gudang", "6281300000402")
        inbox = hooks.open_inbox()
        await write(
            service, shop.id, {"from": BUDI, "text": "Ada kaos merah?", "push_name": "Budi"}
        )
        await write(service, shop.id, {"from": SARI, "text": "Ongkir ke Bandung?"})
        await write(service, store.id, {"from": TONO, "text": "Barang sudah dikirim?"})
        await eventually(lambda: unread_cells(window) == {"Toko Depan": "2", "Gudang": "1"})
        assert hooks.tray_action.text() == "Inbox — 3 unread"
        lines = [action.text() for action in hooks.tray_menu.actions()]
        assert lines == ["Open the inbox", "Toko Depan — 2 unread", "Gudang — 1 unread"]
        assert hooks.button.text() == "&Inbox (3)"
        await eventually(lambda: len(listed(inbox)) == 3)
        assert sorted(listed(inbox)) == [
            ("Gudang", TONO, 1),
            ("Toko Depan", BUDI, 1),
            ("Toko Depan", SARI, 1),
        ]
        # One notice per number, grouped: the shop's says two messages from two customers.
        await eventually(lambda: len(hooks.banner.rows) == 2)
        texts = sorted(hooks.banner.texts())
        assert texts[0].startswith("Gudang — ") and "Barang sudah dikirim?" in texts[0]
        assert texts[1].startswith("Toko Depan: 2 new messages from 2 customers")

        # The owner reads Sari's chat on the phone: the counts follow everywhere.
        await service.client.sim(f"sessions/{shop.id}/read", {"chat": SARI})
        await eventually(lambda: unread_cells(window) == {"Toko Depan": "1", "Gudang": "1"})
        await eventually(lambda: ("Toko Depan", SARI, 0) in listed(inbox))
        assert hooks.tray_action.text() == "Inbox — 2 unread"

        # A click on the store's notice opens its chat; the chat shown is read.
        _widget, _heading, _words, button = hooks.banner.rows[store.id]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        chats = window.chat_windows[store.id]
        assert chats.isVisible() and chats.chat == TONO
        await eventually(lambda: unread_cells(window) == {"Toko Depan": "1", "Gudang": ""})
        assert store.id not in hooks.banner.rows
        # Opened from the inbox: the shop's Budi.
        row = inbox.model.row_of(shop.id, BUDI)
        inbox.list.activated.emit(inbox.model.index(row))
        assert window.chat_windows[shop.id].chat == BUDI
        await eventually(lambda: hooks.tray_action.text() == "Inbox — nothing unread")

    run(loop, scenario())


def test_a_quick_reply_is_filled_in_and_sent_once_and_a_label_filters_the_list(
    qtbot, loop, service, make_window
):
    window = make_window(service)
    hooks = window.inbox_hooks
    port = service.one_inbox

    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000403")
        await write(service, shop.id, {"from": BUDI, "text": "Sudah transfer", "push_name": "Budi"})
        await write(service, shop.id, {"from": SARI, "text": "Halo"})
        dialog = hooks.open_quick_replies()
        dialog.shortcut.setText("terima")
        dialog.text.setPlainText("Terima kasih {name}, pesanan Anda kami proses.")
        assert dialog.save() is not None
        await eventually(lambda: port.conversation(shop.id, BUDI) is not None)

        chats = hooks.open_conversation(shop.id, BUDI)
        qtbot.keyClicks(chats.reply, "/ter")
        assert hooks_list_shows(chats)
        qtbot.keyClick(chats.reply, Qt.Key.Key_Return)  # chooses; does not send
        assert chats.reply.toPlainText() == "Terima kasih Budi, pesanan Anda kami proses."
        qtbot.keyClick(chats.reply, Qt.Key.Key_Return)  # sends
        await eventually(lambda: sent_to(service, BUDI))
        await settled(service, shop.id)
        texts = [s["text"] for s in await service.client.sim_network() if s["to"] == BUDI]
        assert texts == ["Terima kasih Budi, pesanan Anda kami proses."]

        # A label put on Budi's chat from the chat's own list filters the inbox to him.
        port.save_label(shop.id, None, "Sudah bayar", 5)
        row = chats.conversations_model.row_of(BUDI)
        spot = chats.conversations.visualRect(chats.conversations_model.index(row)).center()
        menu = chats.inbox_extras.menu_at(spot)
        [labels] = [a.menu() for a in menu.actions() if a.menu() is not None]
        [paid] = [a for a in labels.actions() if a.text() == "Sudah bayar"]
        paid.trigger()
        assert [x.name for x in port.chat_labels(shop.id, BUDI)] == ["Sudah bayar"]
        inbox = hooks.open_inbox()
        await eventually(lambda: inbox.label_filter.findText("Sudah bayar") >= 0)
        inbox.label_filter.setCurrentIndex(inbox.label_filter.findText("Sudah bayar"))
        assert [chat for _n, chat, _u in listed(inbox)] == [BUDI]
        inbox.label_filter.setCurrentIndex(0)
        inbox.waiting_filter.setChecked(True)  # Budi was answered; Sari waits
        waiting = [chat for _n, chat, _u in listed(inbox) if chat != MARKER]
        assert waiting == [SARI]

    run(loop, scenario())


MARKER = "628999000111"  # tests.liveapp.settled's customer


def hooks_list_shows(chats) -> bool:
    completer = chats.inbox_extras.completer
    return completer.list.isVisibleTo(chats) and completer.list.count() == 1


async def sent_to(service, chat: str) -> bool:
    return any(s["to"] == chat for s in await service.client.sim_network())


def test_outside_hours_one_away_message_per_customer_none_in_hours_none_to_a_group(
    loop, service, make_window
):
    window = make_window(service)
    hooks = window.inbox_hooks

    async def scenario():
        shop = await link(service, "Toko Depan", "6281300000404")
        dialog = hooks.open_hours(shop.id)
        today = datetime.now().weekday()
        for day, edit in enumerate(dialog.days):
            edit.setText("" if day == today else "08:00-17:00")  # closed all of today
        dialog.away_on.setChecked(True)
        dialog.away_text.setPlainText("Kami tutup hari ini, besok dibalas.")
        assert dialog.save()
        group = await service.client.sim(
            f"sessions/{shop.id}/groups", {"subject": "Reseller", "participants": [BUDI]}
        )
        await write(service, shop.id, {"from": BUDI, "text": "halo"}, {"from": BUDI, "text": "?"})
        await write(service, shop.id, {"from": SARI, "text": "buka?"})
        await write(service, shop.id, {"from": TONO, "group": group["jid"], "text": "info"})
        await eventually(lambda: away_count(service, 2), what="two away messages")
        # Now open all day today: a new customer gets none.
        dialog.days[today].setText("00:00-24:00")
        assert dialog.save()
        await write(service, shop.id, {"from": TONO, "text": "pagi"})
        await settled(service, shop.id)
        away = [s["to"] for s in await service.client.sim_network() if s["text"].startswith("Kami")]
        assert sorted(away) == sorted([BUDI, SARI])

    async def away_count(service, n: int) -> bool:
        sent = await service.client.sim_network()
        return len([s for s in sent if s["text"].startswith("Kami")]) == n

    run(loop, scenario())
