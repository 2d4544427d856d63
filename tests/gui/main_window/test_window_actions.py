"""The main window without the bridge: details, actions, confirmations, keyboard, language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton

from app.domain.bridge_policy import State
from app.ui.main_window.accounts_model import Column
from app.ui.shared.i18n import Translations
from tests.gui.conftest import observe, set_bridge
from tests.liveapp import eventually, run


def three_numbers(service) -> list[str]:
    shop = service.create_account("Shop front", "sim").id
    cashier = service.create_account("Cashier", "sim").id
    online = service.create_account("Online orders", "sim").id
    set_bridge(service, State.RUNNING)
    observe(service, shop, "connected", phone="628123456789")
    observe(service, cashier, "connected", phone="628129876543")
    observe(service, cashier, "reconnecting", "connection_lost")
    observe(service, online, "logged_out", "logged_out")
    return [shop, cashier, online]


def button(box: QMessageBox, text: str) -> QAbstractButton:
    (found,) = [b for b in box.buttons() if b.text() == text]
    return found


def test_empty_state_guides_the_first_number(qtbot, offline_service, make_window):
    window = make_window(offline_service)
    window.show()
    assert window.stack.currentWidget() is window.empty_page
    assert window.empty_title.text() == "Add your WhatsApp number"
    assert "Linked devices" in window.empty_steps.text()
    qtbot.mouseClick(window.empty_add_button, Qt.MouseButton.LeftButton)
    assert window.add_dialog is not None and window.add_dialog.isVisible()
    assert window.add_dialog.okButtonText() == "Add and show QR code"


def test_details_show_the_history_with_reasons_and_the_events(qtbot, offline_service, make_window):
    ids = three_numbers(offline_service)
    window = make_window(offline_service)
    window.show()
    window.select(ids[1])
    details = window.details
    assert details.title.text() == "Cashier   +62 812-9876-543"
    assert "Reconnecting…" in details.status_line.text()
    assert "The connection was lost." in details.status_line.text()
    history = [
        [details.history.topLevelItem(i).text(c) for c in (1, 2)]
        for i in range(details.history.topLevelItemCount())
    ]
    assert history == [
        ["Reconnecting…", "The connection was lost."],
        ["Connected", ""],
    ]
    events = [
        details.events.topLevelItem(i).text(1) for i in range(details.events.topLevelItemCount())
    ]
    assert "Number added" in events
    # Connected moments ago: too little service for an uptime yet (a 1 s drop is not 97 %).
    assert window.model.index(0, Column.UPTIME).data() == "—"


def test_buttons_follow_the_selected_number(qtbot, loop, offline_service, make_window):
    shop, cashier, online = three_numbers(offline_service)
    window = make_window(offline_service)
    window.select(shop)
    assert not window.reconnect_button.isEnabled()  # connected: nothing to fix
    assert window.stop_button.text() == "&Stop"
    assert window.logout_button.isEnabled()
    window.select(online)  # logged out: "link again", and Link again in Reconnect's place
    assert window.link_button.isEnabled() and not window.link_button.isHidden()
    assert window.reconnect_button.isHidden()
    assert not window.logout_button.isEnabled()  # never linked a phone here: nothing to unlink
    window.select(cashier)
    run(loop, offline_service.stop_account(cashier))
    assert window.stop_button.text() == "S&tart"


def test_link_again_opens_the_qr_dialog_for_that_number(qtbot, offline_service, make_window):
    _shop, _cashier, online = three_numbers(offline_service)
    window = make_window(offline_service)
    window.select(online)
    qtbot.mouseClick(window.link_button, Qt.MouseButton.LeftButton)
    assert list(window.qr_dialogs) == [online]
    assert window.qr_dialogs[online].windowTitle() == "Link Online orders"


def test_remove_says_what_is_kept_and_removes_only_that_row(
    qtbot, loop, offline_service, make_window
):
    shop, cashier, _online = three_numbers(offline_service)
    window = make_window(offline_service)
    window.select(shop)
    box = window.remove_selected()
    assert box is not None
    assert box.text() == "Remove “Shop front” from Jaga?"
    assert "Kept: the link on the phone" in box.informativeText()
    assert "event log" in box.informativeText()
    assert box.defaultButton() is button(box, "Cancel")
    assert button(box, "Log out and remove")  # the phone can be unlinked in the same step
    resets = []
    window.model.modelReset.connect(lambda: resets.append(1))
    button(box, "Remove").click()

    async def removed() -> None:
        await eventually(lambda: window.model.row_of(shop) is None)

    run(loop, removed())
    assert window.model.rowCount() == 2 and not resets
    assert offline_service.store.account(cashier) is not None


def test_cancelling_remove_keeps_the_number(qtbot, offline_service, make_window):
    shop, *_ = three_numbers(offline_service)
    window = make_window(offline_service)
    window.select(shop)
    box = window.remove_selected()
    button(box, "Cancel").click()
    assert offline_service.store.account(shop) is not None


def test_log_out_asks_first(qtbot, offline_service, make_window):
    shop, *_ = three_numbers(offline_service)
    window = make_window(offline_service)
    window.select(shop)
    box = window.logout_selected()
    assert box is not None and box.text() == "Log out “Shop front”?"
    assert "scan a new QR code" in box.informativeText()
    assert box.defaultButton() is button(box, "Cancel")


def test_every_control_has_an_accessible_name_or_text(qtbot, offline_service, make_window):
    three_numbers(offline_service)
    window = make_window(offline_service)
    window.show()
    for widget in window.findChildren(QPushButton):
        assert widget.accessibleName() or widget.text(), widget.objectName()
    assert window.table.accessibleName() == "WhatsApp numbers"
    assert window.details.history.accessibleName() == "Status history"


def test_keyboard_tab_leaves_the_table_for_the_actions(qtbot, offline_service, make_window):
    three_numbers(offline_service)
    window = make_window(offline_service)
    window.select(online := window.model.account_at(2).id)  # needs a fix: Link again is on
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # arrows stay in the table
    assert window.focusWidget() is window.table
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.link_button
    qtbot.keyClick(window.link_button, Qt.Key.Key_Space)
    assert online in window.qr_dialogs or window.selected_account_id() in window.qr_dialogs


def test_close_hides_to_the_tray_and_quit_ends_the_app(qtbot, offline_service, make_window):
    window = make_window(offline_service, tray=True)
    window.show()
    with qtbot.assertNotEmitted(window.quit_requested):
        window.close()
    assert not window.isVisible()
    window.bring_to_front()
    assert window.isVisible()
    with qtbot.waitSignal(window.quit_requested):
        window.quit_action.trigger()
    assert not window.isVisible()


def test_close_ends_the_app_when_close_to_tray_is_off(
    qtbot, offline_service, make_window, settings
):
    settings.close_to_tray = False
    window = make_window(offline_service, tray=True)
    window.show()
    with qtbot.waitSignal(window.quit_requested):
        window.close()


def test_a_missing_keyring_is_said_in_the_window(qtbot, offline_service, make_window):
    offline_service.window.settings.token_persistent = False
    window = make_window(offline_service)
    assert window.keyring_banner is not None
    assert "keyring" in window.keyring_banner.title.text()


def test_switching_to_indonesian_retranslates_the_open_window(
    qtbot, offline_service, make_window, english
):
    shop, *_ = three_numbers(offline_service)
    window = make_window(offline_service, translations=Translations())
    window.show()
    window.select(shop)
    window.settings.language = "id"
    window._settings_saved()
    # Qt posts LanguageChange to every window; the open window retranslates itself.
    qtbot.waitUntil(lambda: window.add_button.text() == "&Tambah nomor")
    assert window.model.headerData(Column.PHONE, Qt.Orientation.Horizontal) == "Nomor HP"
    assert window.model.index(0, Column.STATUS).data() == "Terhubung"
    assert window.details.tabs.tabText(0) == "Riwayat status"
    assert window.tray.icon.toolTip().startswith("Jaga — Perlu Anda")


def test_remove_names_every_message_it_deletes_and_keeps_a_copy_on_request(
    qtbot, loop, offline_service, make_window, data_dir
):
    import json

    shop, *_ = three_numbers(offline_service)
    store = offline_service.store
    store.queue_message(shop, "628555000111", "two bags of rice", "c-1")
    store.queue_message(shop, "628555000111", "and sugar", "c-2")
    window = make_window(offline_service)
    window.select(shop)
    box = window.remove_selected()
    words = box.informativeText()
    assert "its 2 messages (in and out)" in words
    assert "2 messages still waiting to be sent, which will never be sent" in words
    assert "status history" in words
    assert box.textFormat() == Qt.TextFormat.PlainText
    keep = box.checkBox()
    assert keep is not None and keep.isChecked()  # there is something to keep
    button(box, "Remove").click()
    run(loop, eventually(lambda: store.account(shop) is None))
    [copy] = (data_dir / "backups").glob(f"removed-{shop}-*.json")
    doc = json.loads(copy.read_text(encoding="utf-8"))
    assert doc["number"]["label"] == "Shop front"
    assert [m["text"] for m in doc["messages"]] == ["two bags of rice", "and sugar"]
    assert [h["status"] for h in doc["status_history"]][:1] == ["connected"]
    assert copy.stat().st_mode & 0o077 == 0
    assert store.messages(shop) == []
