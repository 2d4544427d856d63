"""The real world's edges through the real bridge (sim engine) and the app core: refused
sends, time locks, LID addressing, groups, and no internet."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from app.ui.chats.model import NoteRole
from app.ui.chats.window import ChatsWindow
from app.ui.inbox.model import preview_of
from tests.liveapp import (
    FAST_SIM,
    SteppedClock,
    dispose,
    eventually,
    make_service,
    run,
    status_of,
    until_bridge_ready,
)

NO_INTERNET = "No internet connection — Jaga reconnects by itself when it is back"


async def link(service, label: str, phone: str):
    account = await service.add_account(label)
    await eventually(lambda: status_of(service, account.id) == "qr")
    await service.simulate_scan(account.id, phone)
    await eventually(lambda: status_of(service, account.id) == "connected")
    return account


def out_status(service, message_id: int) -> str:
    return service.store.message(message_id).status


def test_a_refused_message_ends_failed_with_its_reason_in_the_chat_sent_once_never_retried(
    qtbot, loop, service
):
    async def scenario():
        account = await link(service, "Shop", "6281300000201")
        await service.client.sim("recipients", {"phone": "628200000463", "reject": 463})
        message = service.send_message(account.id, "+628200000463", "Halo")
        await eventually(
            lambda: out_status(service, message.id) == "failed",
            timeout=10,
            what=f"failed ({message.chat}: {service.store.messages(account.id)})",
        )
        chats = ChatsWindow(service.window, account.id)
        qtbot.addWidget(chats)
        chats.open_chat("628200000463")
        model = chats.messages_model
        note = model.index(model.rowCount() - 1).data(NoteRole)
        assert note.startswith("Not sent: WhatsApp refused this message")
        assert "(error 463)" in note
        # Dispatcher rounds happen meanwhile: a later message to someone else goes out.
        later = service.send_message(account.id, "+6281234567890", "next")
        await eventually(lambda: out_status(service, later.id) in ("delivered", "read"))
        assert service.store.next_retry_at() is None, "no retry planned"
        sent = [s for s in await service.client.sim_network() if s["to"] == "628200000463"]
        assert len(sent) == 1, "sent once"
        assert out_status(service, message.id) == "failed"

    run(loop, scenario())


def test_under_a_time_lock_new_contacts_wait_and_known_ones_go(qtbot, loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000202")
        await service.client.sim(
            f"sessions/{account.id}/inbound",
            {"messages": [{"from": "628300000001", "text": "hai"}]},
        )
        await eventually(lambda: len(service.store.messages(account.id)) == 1)
        until = datetime.now(UTC) + timedelta(seconds=4)
        await service.client.sim(f"sessions/{account.id}/timelock", {"until": until.isoformat()})
        await eventually(lambda: service.store.account(account.id).limit_reason is not None)
        new = service.send_message(account.id, "628300000002", "to a new contact")
        known = service.send_message(account.id, "628300000001", "to a customer")
        await eventually(lambda: out_status(service, known.id) in ("delivered", "read"), timeout=10)
        assert out_status(service, new.id) == "queued", "held while the lock holds"
        chats = ChatsWindow(service.window, account.id)
        qtbot.addWidget(chats)
        chats.open_chat("628300000002")
        note = chats.messages_model.index(0).data(NoteRole)
        assert note.startswith("Waiting: Sending to new contacts is limited until ")
        chats.open_chat("628300000001")
        assert not chats.messages_model.index(1).data(NoteRole), "a customer's message is not held"
        assert [s["to"] for s in await service.client.sim_network()] == ["628300000001"]
        # The lock ends: the held message goes by itself, and WhatsApp takes it.
        await eventually(lambda: out_status(service, new.id) in ("delivered", "read"), timeout=15)

    run(loop, scenario(), timeout=60)


def test_the_same_person_by_lid_then_by_phone_is_one_chat(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000203")
        sim = f"sessions/{account.id}"
        await service.client.sim(
            f"{sim}/inbound", {"messages": [{"from_lid": "900000001", "text": "by lid"}]}
        )
        await eventually(
            lambda: [m.chat for m in service.store.messages(account.id)] == ["900000001@lid"]
        )
        reply = service.send_message(account.id, "900000001@lid", "answered by lid")
        await eventually(lambda: out_status(service, reply.id) in ("delivered", "read"))
        await service.client.sim(
            f"{sim}/lid-mapping", {"lid": "900000001", "phone": "628400000001"}
        )
        await service.client.sim(
            f"{sim}/inbound", {"messages": [{"from": "628400000001", "text": "by phone"}]}
        )
        await eventually(lambda: len(service.store.messages(account.id)) == 3)
        await eventually(
            lambda: {m.chat for m in service.store.messages(account.id)} == {"628400000001"}
        )
        chat = service.store.chat_messages(account.id, "628400000001")
        assert [m.text for m in chat] == ["by lid", "answered by lid", "by phone"]
        assert len(service.store.conversations(account.id)) == 1

    run(loop, scenario())


def test_a_group_message_has_its_author_and_a_reply_goes_to_the_group(qtbot, loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000204")
        group = await service.client.sim(
            f"sessions/{account.id}/groups",
            {"subject": "Pelanggan", "participants": ["628500000001"]},
        )
        await service.client.sim(
            f"sessions/{account.id}/inbound",
            {"messages": [{"group": group["jid"], "from": "628500000001", "text": "stok?"}]},
        )
        await eventually(lambda: len(service.store.messages(account.id)) == 1)
        inbound = service.store.messages(account.id)[0]
        assert (inbound.chat, inbound.author) == (group["jid"], "628500000001")
        chats = ChatsWindow(service.window, account.id)
        qtbot.addWidget(chats)
        chats.open_chat(group["jid"])
        assert chats.messages_model.index(0).data(NoteRole).startswith("From +62 ")
        assert chats.reply.isEnabled(), "a group answers back"
        chats.reply.setPlainText("ada")
        reply = chats.send_reply()
        assert reply is not None and reply.chat == group["jid"]
        await eventually(lambda: out_status(service, reply.id) in ("delivered", "read"))
        sent = await service.client.sim_network()
        assert [s["to"] for s in sent] == [group["jid"]]

    run(loop, scenario())


def closed_for_no_internet(service, account_id: str) -> int:
    """How many times the bridge's connection of this number closed for want of internet."""
    lines = (json.loads(line) for line in service.supervisor.logs.lines if line.startswith("{"))
    return sum(
        1
        for line in lines
        if line.get("msg") == "connection closed"
        and line.get("session") == account_id
        and line.get("reason") == "network_unreachable"
    )


def test_no_internet_for_a_minute_is_said_within_seconds_and_heals_by_itself(qtbot, loop, data_dir):
    """The minute without internet is compressed, not waited for: the bridge retries
    quickly (backoff 50-200 ms, so a minute's few retries take a moment; each one waited
    for by its log line), and the notifier's clock is stepped past the minute."""
    from app.domain.notify_policy import NoticeKind
    from app.ui.tray.notifier import Notifier

    quick = {**FAST_SIM, "backoff_base_ms": 50, "backoff_max_ms": 200}
    service = make_service(data_dir, session_options=quick)
    service.start()
    clock = SteppedClock()
    notifier = Notifier(service.window, clock=clock)
    notices = []
    notifier.notice.connect(notices.append)

    async def scenario():
        await until_bridge_ready(service)
        linked = [await link(service, f"Shop {i}", f"62813000003{i:02d}") for i in range(3)]
        never = await service.add_account("New number")
        await eventually(lambda: status_of(service, never.id) == "qr")
        everyone = [a.id for a in linked] + [never.id]

        def says_no_internet(account_id: str) -> bool:
            account = service.store.account(account_id)
            return account.reason == "network_unreachable" and account.status_message == NO_INTERNET

        await service.client.sim("network", {"up": False})
        for account_id in everyone:
            await eventually(lambda a=account_id: says_no_internet(a), timeout=5)
        # A minute without internet: every number tries again and again, and is still
        # told as without internet; linked numbers are told as still away, the new one never.
        for account_id in everyone:
            await eventually(lambda a=account_id: closed_for_no_internet(service, a) >= 3)
        assert all(says_no_internet(a) for a in everyone)
        clock.offset += 61.0
        notifier.check()
        # One notice may name several numbers (an outage): every number it names counts.
        told = {(n.kind, a) for n in notices for a in n.account_ids}
        assert (NoticeKind.RECONNECTING, never.id) not in told
        assert {a for kind, a in told if kind is NoticeKind.RECONNECTING} == {a.id for a in linked}
        await service.client.sim("network", {"up": True})
        for account in linked:
            await eventually(lambda a=account: status_of(service, a.id) == "connected", timeout=10)
        await eventually(lambda: status_of(service, never.id) == "qr", timeout=10)

    try:
        run(loop, scenario(), timeout=60)
    finally:
        dispose(loop, service)


def test_a_phone_not_on_whatsapp_fails_its_message_in_words_never_sent(qtbot, loop, service):
    """Seen failing against main: the bridge never asked WhatsApp; the message was "sent"
    to a phone without WhatsApp and stayed so."""

    async def scenario():
        account = await link(service, "Shop", "6281300000203")
        await service.client.sim("recipients", {"phone": "6281299990000", "on_whatsapp": False})
        message = service.send_message(account.id, "+6281299990000", "Halo")
        await eventually(lambda: out_status(service, message.id) == "failed", what="failed")
        chats = ChatsWindow(service.window, account.id)
        qtbot.addWidget(chats)
        chats.open_chat("6281299990000")
        model = chats.messages_model
        note = model.index(model.rowCount() - 1).data(NoteRole)
        assert note == (
            "Not sent: The number 6281299990000 is not on WhatsApp; the message was not sent."
        )
        assert service.store.next_retry_at() is None, "not tried again by itself"
        assert [s for s in await service.client.sim_network() if s["to"] == "6281299990000"] == []

    run(loop, scenario())


def test_a_refused_message_carries_the_apps_words_whichever_word_comes_first(qtbot, loop, service):
    """The send's 422 and its durable failed ack give the same sentence (the one the UI
    translates), whichever the app stores first."""

    async def scenario():
        account = await link(service, "Shop", "6281300000204")
        await service.client.sim("recipients", {"phone": "628200000479", "reject": 479})
        message = service.send_message(account.id, "+628200000479", "Halo")
        await eventually(lambda: out_status(service, message.id) == "failed", what="failed")
        assert service.store.message(message.id).error == (
            "WhatsApp rejected this message (error 479). Jaga does not send it again by itself."
        )

    run(loop, scenario())


def test_a_message_nobody_could_read_shows_in_its_chat_until_a_readable_copy_replaces_it(
    qtbot, loop, data_dir
):
    """Seen failing against main: the bridge dropped the placeholder of a message it could
    not decrypt; the chat never showed that the customer wrote. The inbox part seen failing
    against the merge fb69666 (preview_of did not know the status): an empty line."""
    from app.ui.shared.i18n import Translations, ensure_compiled
    from tests.liveapp import FAST_SIM, dispose, make_service, until_bridge_ready

    ensure_compiled()
    service = make_service(data_dir, session_options={**FAST_SIM, "undecryptable_wait_ms": 100})
    service.start()
    try:
        run(loop, until_bridge_ready(service))

        async def scenario():
            account = await link(service, "Shop", "6281300000205")
            lost = {"from": "628555111222", "undecryptable": True, "message_id": "U1"}
            await service.client.sim(f"sessions/{account.id}/inbound", {"messages": [lost]})

            def stored():
                return [m for m in service.store.messages(account.id) if m.message_id == "U1"]

            await eventually(lambda: bool(stored()), what="the placeholder stored")
            row = stored()[0]
            assert (row.status, row.text, row.chat) == ("unreadable", "", "628555111222")
            chats = ChatsWindow(service.window, account.id)
            qtbot.addWidget(chats)
            chats.open_chat("628555111222")
            model = chats.messages_model
            shown = model.index(model.rowCount() - 1).data()
            assert shown == "A message could not be read — check the phone"
            Translations().apply("id")
            assert model.index(model.rowCount() - 1).data() == (
                "Sebuah pesan tidak dapat dibaca — periksa di ponsel"
            )
            Translations().apply("en")
            # The inbox's list says the same (not an empty line), and counts nothing yet.
            chat = service.one_inbox.conversation(account.id, "628555111222")
            assert (preview_of(chat), chat.unread) == (shown, 0)
            # Its readable copy arrives later (the phone sent it again): it takes the place.
            body = {"messages": [{"from": "628555111222", "text": "Stok ada?", "message_id": "U1"}]}
            await service.client.sim(f"sessions/{account.id}/inbound", body)
            await eventually(lambda: service.store.message(row.id).status == "received")
            assert service.store.message(row.id).text == "Stok ada?"
            assert len(stored()) == 1
            chat = service.one_inbox.conversation(account.id, "628555111222")
            assert (preview_of(chat), chat.unread) == ("Stok ada?", 1)  # counted once
            assert [h.chat for h in service.one_inbox.search("Stok")] == ["628555111222"]

        run(loop, scenario())
    finally:
        Translations().apply("en")
        dispose(loop, service)
