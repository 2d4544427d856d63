"""The QR dialog: a big code, its countdown and attempt, a pairing code, and success."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from app.bridge.protocol import QrCode
from app.ui.linking.dialog import QrDialog
from tests.gui.conftest import observe
from tests.gui.main_window.test_window import decode_pixmap
from tests.liveapp import eventually, run, status_of

NOW = datetime(2026, 11, 23, 12, 0, 0)


def make_dialog(qtbot, service, account_id, moment, **kwargs) -> QrDialog:
    dialog = QrDialog(service.window, account_id, now=lambda: moment[0], **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_a_big_code_with_countdown_attempt_and_how_to(qtbot, offline_service):
    """The codes count from 1 in the dialog, however many WhatsApp showed before it opened
    (seen failing against: main at 583a38a, which opened at "code 2 of 6")."""
    account_id = offline_service.create_account("Shop front", "sim").id
    observe(offline_service, account_id, "qr")
    moment = [NOW]
    dialog = make_dialog(qtbot, offline_service, account_id, moment)
    assert dialog.windowTitle() == "Link Shop front"
    assert dialog.qr_label.text().startswith("Connecting…")

    offline_service.qr_received.emit(
        QrCode(account_id, "2@first-code", NOW + timedelta(seconds=20), 2, 6)
    )
    pixmap = dialog.qr_label.pixmap()
    assert pixmap.width() >= 300  # big enough to scan from a phone at arm's length
    assert decode_pixmap(pixmap) == "2@first-code"
    assert dialog.countdown.text() == "New code in 20 s · code 1 of 5"
    assert "Linked devices" in dialog.how_to.text() and "Link a device" in dialog.how_to.text()

    moment[0] = NOW + timedelta(seconds=7)
    dialog._tick.timeout.emit()
    assert dialog.countdown.text() == "New code in 13 s · code 1 of 5"

    # Auto-refresh: the next code replaces the old one.
    offline_service.qr_received.emit(
        QrCode(account_id, "2@second-code", NOW + timedelta(seconds=27), 3, 6)
    )
    assert decode_pixmap(dialog.qr_label.pixmap()) == "2@second-code"
    assert dialog.countdown.text().endswith("code 2 of 5")


def test_codes_for_other_numbers_are_ignored(qtbot, offline_service):
    mine = offline_service.create_account("Shop front", "sim").id
    other = offline_service.create_account("Cashier", "sim").id
    dialog = make_dialog(qtbot, offline_service, mine, [NOW])
    offline_service.qr_received.emit(QrCode(other, "2@not-mine", NOW, 1, 6))
    assert dialog.current_payload is None


def test_a_timed_out_code_says_what_happened_and_offers_try_again(qtbot, offline_service):
    """Seen failing against: main at 583a38a (an empty area with a small ⚠, the reason in
    small print, and "Simulate phone scan" still live)."""
    account_id = offline_service.create_account("Shop front", "sim").id
    dialog = make_dialog(qtbot, offline_service, account_id, [NOW], demo=True)
    offline_service.qr_received.emit(QrCode(account_id, "2@code", NOW, 6, 6))
    assert dialog.scan_button is not None and dialog.scan_button.isEnabled()
    observe(offline_service, account_id, "failed", "qr_timeout")
    assert dialog.headline.text() == "Failed"
    assert "The QR code was not scanned in time." in dialog.qr_label.text()
    assert dialog.qr_label.pixmap().isNull()  # nothing left to scan
    assert not dialog.retry_button.isHidden() and dialog.retry_button.text() == "Try again"
    assert not dialog.scan_button.isEnabled()
    with qtbot.waitSignal(dialog.reconnect_requested) as asked:
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert asked.args == [account_id]
    observe(offline_service, account_id, "starting")
    assert dialog.retry_button.isHidden()


def test_it_closes_into_success(qtbot, offline_service):
    account_id = offline_service.create_account("Shop front", "sim").id
    dialog = make_dialog(qtbot, offline_service, account_id, [NOW], demo=True)
    observe(offline_service, account_id, "connected", phone="628123456789")
    assert dialog.headline.text() == "Connected as +62 812-3456-789"
    assert dialog.pages.currentWidget() is dialog.success_page
    assert dialog.done_button is not None and dialog.done_button.text() == "Done"
    assert dialog.scan_button is not None and not dialog.scan_button.isEnabled()
    dialog.show()
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QrDialog.DialogCode.Accepted


def test_a_wrong_phone_number_is_explained_before_asking_the_bridge(qtbot, offline_service):
    account_id = offline_service.create_account("Shop front", "sim").id
    dialog = make_dialog(qtbot, offline_service, account_id, [NOW])
    qtbot.mouseClick(dialog.use_code_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.pairing_page
    dialog.show_code("ABCD1234")  # a code asked for earlier
    dialog.phone_edit.setText("12")
    qtbot.mouseClick(dialog.get_code_button, Qt.MouseButton.LeftButton)
    assert dialog.code_error.text() == "“12” is not a valid phone number."
    assert dialog.get_code_button.isEnabled()
    # The old code was for another number: it does not stay on screen under the refusal.
    assert dialog.pairing_code is None
    assert dialog.code_label.text() == "" and dialog.code_how_to.text() == ""

    # Checked as a chat's recipient is: possible-looking but invalid numbers are refused too.
    dialog.phone_edit.setText("0812-0000")
    qtbot.mouseClick(dialog.get_code_button, Qt.MouseButton.LeftButton)
    assert dialog.code_error.text() == "“0812-0000” is not a valid phone number."


def test_the_pairing_number_is_read_in_the_owners_country(qtbot, offline_service):
    offline_service.default_region = "MY"
    account_id = offline_service.create_account("Kedai", "sim").id
    dialog = make_dialog(qtbot, offline_service, account_id, [NOW])
    asked: list[str] = []
    dialog.pairing_page.code_wanted.disconnect()
    dialog.pairing_page.code_wanted.connect(asked.append)
    dialog.show_pairing()
    dialog.phone_edit.setText("012-345 6789")  # a Malaysian mobile, typed the local way
    qtbot.mouseClick(dialog.get_code_button, Qt.MouseButton.LeftButton)
    assert asked == ["60123456789"]
    assert dialog.code_error.text() == ""


def test_link_with_phone_number_instead_on_the_real_bridge(qtbot, loop, service):
    async def scenario():
        account = await service.add_account("Shop front")
        await eventually(lambda: service.latest_qr.get(account.id) is not None)
        dialog = QrDialog(service.window, account.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.use_code_button, Qt.MouseButton.LeftButton)
        assert dialog.headline.text() == "Link with a code instead"
        dialog.phone_edit.setText("0812-3456-7890")  # as an Indonesian owner types it
        qtbot.mouseClick(dialog.get_code_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: dialog.pairing_code is not None)
        code = dialog.pairing_code
        assert code is not None and len(code) == 8
        assert dialog.code_label.text() == f"{code[:4]}-{code[4:]}"
        assert "Link with phone number instead" in dialog.code_how_to.text()

    run(loop, scenario())


def test_demo_pairing_code_is_completed_by_typing_it_on_the_phone(
    qtbot, loop, service, make_window
):
    window = make_window(service, demo=True)

    async def scenario():
        account = await service.add_account("Shop front")
        await eventually(lambda: service.latest_qr.get(account.id) is not None)
        dialog = window.open_qr_dialog(account.id)
        assert dialog.scan_button.text() == "Simulate phone scan (demo)"
        qtbot.mouseClick(dialog.use_code_button, Qt.MouseButton.LeftButton)
        dialog.phone_edit.setText("0812-3456-7890")
        qtbot.mouseClick(dialog.get_code_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: dialog.pairing_code is not None)
        assert dialog.scan_button.text() == "Simulate typing the code on the phone (demo)"
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: status_of(service, account.id) == "connected")
        assert service.account(account.id).phone == "6281234567890"  # the number asked for
        assert dialog.headline.text() == "Connected as +62 812-3456-7890"

    run(loop, scenario())


def test_back_from_the_pairing_code_a_fresh_qr_shows_and_scans(qtbot, loop, service, make_window):
    window = make_window(service, demo=True)

    async def scenario():
        account = await service.add_account("Shop front")
        await eventually(lambda: service.latest_qr.get(account.id) is not None)
        dialog = window.open_qr_dialog(account.id)
        old = dialog.current_payload
        assert old is not None
        qtbot.mouseClick(dialog.use_code_button, Qt.MouseButton.LeftButton)
        dialog.phone_edit.setText("0812-3456-7890")
        qtbot.mouseClick(dialog.get_code_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: status_of(service, account.id) == "pairing_code")

        qtbot.mouseClick(dialog.use_qr_button, Qt.MouseButton.LeftButton)
        # Never the old QR (the phone refuses it once a code was asked for): waiting, ...
        assert dialog.current_payload is None
        assert dialog.qr_label.text().startswith("Connecting…")
        assert dialog.pairing_code is None
        # ... then a new one, from a new linking attempt, well before the old one's 20 s.
        await eventually(lambda: dialog.current_payload not in (None, old), timeout=3)
        assert decode_pixmap(dialog.qr_label.pixmap()) == dialog.current_payload
        assert dialog.countdown.text().endswith("code 1 of 5")
        assert dialog.scan_button.text() == "Simulate phone scan (demo)"
        qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: status_of(service, account.id) == "connected")

    run(loop, scenario())


def test_the_pairing_code_counts_down_to_the_end_of_the_link_attempt(qtbot, offline_service):
    """WhatsApp keeps the code as long as it would have kept offering QRs: the current one's
    end, and a rotation for each still to come (seen failing against: main at 583a38a,
    which showed the code with no time limit)."""
    account_id = offline_service.create_account("Shop front", "sim").id
    moment = [NOW]
    dialog = make_dialog(qtbot, offline_service, account_id, moment)
    offline_service.qr_received.emit(
        QrCode(account_id, "2@code", NOW + timedelta(seconds=20), 2, 6)
    )
    dialog.show_pairing()
    dialog.show_code("ABCD1234")
    rotation = offline_service.qr_rotation_s  # the tests' sim: 2 s
    left = 20 + 4 * rotation
    deadline = dialog.pairing_page.code_deadline
    assert deadline.text() == f"Type it on the phone within 0:{int(left):02d}"
    moment[0] = NOW + timedelta(seconds=10)
    dialog._tick.timeout.emit()
    assert deadline.text() == f"Type it on the phone within 0:{int(left) - 10:02d}"
    moment[0] = NOW + timedelta(seconds=left + 1)
    dialog._tick.timeout.emit()
    assert deadline.text() == "This code has run out. Get a new one."


def test_a_pairing_request_whatsapp_refuses_is_said_in_words_and_no_code_is_shown(
    qtbot, loop, service
):
    """Seen failing against main: the bridge returned a code rc14 made up itself although
    WhatsApp had refused the request, and the dialog showed that dead code."""

    async def scenario():
        await service.client.sim("pairing", {"refuse": 400})
        account = await service.add_account("Shop front")
        await eventually(lambda: service.latest_qr.get(account.id) is not None)
        dialog = QrDialog(service.window, account.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.use_code_button, Qt.MouseButton.LeftButton)
        dialog.phone_edit.setText("0812-3456-7890")
        qtbot.mouseClick(dialog.get_code_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: dialog.code_error.text() != "")
        assert dialog.code_error.text() == (
            "Could not get a code: WhatsApp refused to link by code (error 400: bad-request). "
            "Link by scanning the QR code instead."
        )
        assert dialog.pairing_code is None
        assert status_of(service, account.id) == "qr"

    run(loop, scenario())
