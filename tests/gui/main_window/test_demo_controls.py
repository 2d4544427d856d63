"""The demo's controls on the real bridge (sim engine): each one asks the simulated
WhatsApp for an event, and the row changes only when the bridge reports what followed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.ui.main_window.accounts_model import Column
from app.ui.main_window.window import MainWindow
from tests.liveapp import (
    FAST_SIM,
    dispose,
    eventually,
    link,
    make_service,
    run,
    status_of,
    until_bridge_ready,
)

#: The demo's own timings, made quicker: a silent line is noticed in under a second.
DEMO_SIM = {**FAST_SIM, "keepalive_ms": 600, "conflict_pause_ms": 200, "auto_ack": False}


@pytest.fixture
def demo_service(loop, data_dir) -> Iterator:
    live = make_service(data_dir, session_options=DEMO_SIM)
    live.start()
    run(loop, until_bridge_ready(live))
    yield live
    dispose(loop, live)


@pytest.fixture
def demo_window(qtbot, demo_service, make_window) -> MainWindow:
    window = make_window(demo_service, demo=True)
    window.show()
    return window


def row_status(window: MainWindow, account_id: str) -> str:
    row = window.model.row_of(account_id)
    return window.model.index(row, Column.STATUS).data()


def reasons(service, account_id: str) -> list[tuple[str, str | None]]:
    return [(c.status, c.reason) for c in service.number_records.history(account_id)]


async def linked(window: MainWindow, service, label: str, phone: str):
    account = await link(service, label, phone)
    window.select(account.id)
    await eventually(lambda: row_status(window, account.id) == "Connected", what="row connected")
    return account


def test_only_the_demo_has_demo_controls(qtbot, offline_service, make_window):
    window = make_window(offline_service)
    assert window.demo_controls is None
    assert all(menu.title() != "&Demo" for menu in window.menuBar().findChildren(QMenu))


def test_the_connection_drops_and_comes_back_from_the_row_menu(
    qtbot, loop, demo_window, demo_service
):
    window, service = demo_window, demo_service

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000101")
        seen: list[str] = []
        window.model.dataChanged.connect(lambda *_: seen.append(row_status(window, account.id)))
        # Right-click the row: its menu has the Demo entries.
        rect = window.table.visualRect(window.model.index(0, Column.NAME))
        menu = window.row_menu_at(rect.center())
        demo_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
        assert demo_menu.title() == "Demo"
        drop = next(a for a in demo_menu.actions() if a.text() == "The connection drops")
        assert drop.isEnabled()
        drop.trigger()
        await eventually(lambda: "Reconnecting…" in seen, what="the row saying reconnecting")
        await eventually(lambda: row_status(window, account.id) == "Connected")
        assert ("reconnecting", "connection_lost") in reasons(service, account.id)

    run(loop, scenario())


def test_the_phone_logs_this_computer_out(qtbot, loop, demo_window, demo_service):
    window, service = demo_window, demo_service

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000102")
        window.demo_controls.logout_action.trigger()
        await eventually(lambda: row_status(window, account.id) == "Logged out — link again")
        assert reasons(service, account.id)[-1] == ("logged_out", "logged_out")
        assert not window.demo_controls.drop_action.isEnabled()  # nothing left to drop

    run(loop, scenario())


def test_whatsapp_opened_on_another_computer(qtbot, loop, demo_window, demo_service):
    window, service = demo_window, demo_service

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000103")
        window.demo_controls.elsewhere_action.trigger()
        await eventually(
            lambda: row_status(window, account.id) == "Open on another computer", timeout=15
        )
        assert ("reconnecting", "replaced") in reasons(service, account.id)
        assert reasons(service, account.id)[-1][0] == "conflict"

    run(loop, scenario())


def test_the_connection_goes_silent(qtbot, loop, demo_window, demo_service):
    window, service = demo_window, demo_service

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000104")
        window.demo_controls.silent_action.trigger()
        await eventually(
            lambda: ("reconnecting", "keepalive_timeout") in reasons(service, account.id),
            what="the bridge noticing the silence",
        )
        await eventually(lambda: row_status(window, account.id) == "Connected")

    run(loop, scenario())


def test_the_internet_goes_away_and_comes_back(qtbot, loop, demo_window, demo_service):
    window, service = demo_window, demo_service
    controls = demo_window.demo_controls

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000105")
        assert controls.internet_action.text() == "The internet goes away"
        controls.internet_action.trigger()
        await eventually(lambda: row_status(window, account.id) == "No internet connection")
        await eventually(lambda: controls.internet_action.text() == "The internet comes back")
        controls.internet_action.trigger()
        await eventually(lambda: row_status(window, account.id) == "Connected", timeout=15)
        assert ("reconnecting", "network_unreachable") in reasons(service, account.id)

    run(loop, scenario())


def test_a_customer_writes_and_a_receipt_arrives(qtbot, loop, demo_window, demo_service):
    window, service = demo_window, demo_service
    controls = demo_window.demo_controls

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000106")
        dialog = controls.customer_writes()
        assert dialog is not None
        dialog.from_edit.setText("0812-5550-9876")
        dialog.text_edit.setText("Is the blue one still there?")
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        await eventually(
            lambda: any(
                m.text == "Is the blue one still there?"
                for m in service.store.messages(account.id, "6281255509876")
            ),
            what="the customer's message stored",
        )
        row = window.model.row_of(account.id)
        await eventually(lambda: window.model.index(row, Column.LAST_IN).data() != "")

        # The owner answers; receipts come only from the (simulated) recipient's phone.
        sent = service.send_message(account.id, "+62 812-5550-9876", "Yes, it is!")
        await eventually(lambda: service.chat_reads.message(sent.id).status == "sent")
        controls.receipt_action.trigger()
        await eventually(lambda: service.chat_reads.message(sent.id).status == "delivered")
        controls.receipt_action.trigger()
        await eventually(lambda: service.chat_reads.message(sent.id).status == "read")
        controls.receipt_action.trigger()  # nothing left to receipt: it says so
        await eventually(lambda: "waiting for a receipt" in window.statusBar().currentMessage())

    run(loop, scenario())


def test_a_customer_without_a_valid_number_is_refused_in_the_dialog(
    qtbot, demo_window, demo_service
):
    account_id = demo_service.create_account("Shop front", "sim").id
    demo_window.select(account_id)
    dialog = demo_window.demo_controls.customer_writes()
    dialog.from_edit.setText("12")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "“12” is not a valid phone number."


def test_the_link_files_get_damaged(qtbot, loop, demo_window, demo_service):
    window, service = demo_window, demo_service

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000107")
        window.demo_controls.damage_action.trigger()
        await eventually(lambda: row_status(window, account.id) == "Failed", timeout=15)
        assert reasons(service, account.id)[-1] == ("failed", "auth_corrupt")
        assert "put aside" in window.details.status_line.text()

    run(loop, scenario())


def test_reconnect_while_a_retry_waits_retries_now(qtbot, loop, data_dir):
    # A backoff of a minute: without "now", the number would wait it out.
    live = make_service(data_dir, session_options={**DEMO_SIM, "backoff_base_ms": 60_000})
    live.start()

    async def scenario():
        await until_bridge_ready(live)
        account = await link(live, "Shop front", "628120000108")
        await live.demo.drop(account.id)
        await eventually(lambda: status_of(live, account.id) == "reconnecting")
        await live.reconnect(account.id)
        await eventually(lambda: status_of(live, account.id) == "connected", timeout=5)

    try:
        run(loop, scenario())
    finally:
        dispose(loop, live)


def test_a_customer_sends_a_photo_and_a_document_and_whatsapp_refuses_a_send(
    qtbot, loop, demo_window, demo_service
):
    """The Demo menu does what took the bridge token and curl before (seen failing
    against: main at 583a38a, which had no such entries)."""
    window, service = demo_window, demo_service
    controls = demo_window.demo_controls
    entries = [a.text() for a in controls.menu.actions()]
    assert "A customer sends a photo" in entries and "WhatsApp refuses the next send" in entries

    async def scenario():
        account = await linked(window, service, "Shop front", "628120000107")

        def files() -> list:
            return [m for m in service.store.messages(account.id) if m.media_type]

        controls.photo_action.trigger()
        await eventually(lambda: [m.media_state for m in files()] == ["stored"], what="photo")
        controls.document_action.trigger()
        await eventually(lambda: len(files()) == 2 and files()[1].media_state == "stored")
        photo, document = files()
        assert (photo.media_type, document.media_type) == ("image", "document")
        assert document.media_file_name == "nota-pesanan-1024.pdf"
        assert service.media.path_of(document.media_sha256).read_bytes().startswith(b"%PDF")

        controls.refuse_action.trigger()
        await eventually(lambda: "will refuse" in window.statusBar().currentMessage())
        refused = service.send_message(account.id, "+62 812-5550-9876", "Ada, kak")
        await eventually(lambda: service.chat_reads.message(refused.id).status == "failed")
        after = service.send_message(account.id, "+62 812-5550-9876", "Maaf, ini lagi")
        await eventually(lambda: service.chat_reads.message(after.id).status == "sent")  # only once

    run(loop, scenario())
