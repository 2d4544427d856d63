"""The real world's edges as the owner reads them: no internet in the row and the QR dialog,
a limit on new contacts on the row, in Indonesian too."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.ui.linking.dialog import QrDialog
from app.ui.main_window.accounts_model import AccountsModel, Column
from app.ui.shared.formatting import clock_time
from tests.gui.conftest import observe
from tests.gui.main_window.test_accounts_model import NOW, account

NO_INTERNET = "No internet connection — Jaga reconnects by itself when it is back"


def test_the_row_says_no_internet_and_the_limit_on_new_contacts(qapp):
    model = AccountsModel(now=lambda: NOW)
    model.set_bridge_up(True)
    offline = account("a", "reconnecting", reason="network_unreachable", status_message=NO_INTERNET)
    until = NOW + timedelta(hours=2)
    limited = account("b", limit_reason="reachout_timelock", limited_until=until)
    expired = account("c", limit_reason="reachout_timelock", limited_until=NOW - timedelta(1))
    model.set_accounts([offline, limited, expired])
    assert model.index(0, Column.STATUS).data() == "No internet connection"
    assert NO_INTERNET in model.index(0, Column.STATUS).data(0x3)  # ToolTipRole
    words = model.index(1, Column.STATUS).data()
    assert words.startswith("Connected · Sending to new contacts is limited until ")
    assert words.endswith(clock_time(until, NOW))  # the owner's clock, as the language writes it
    assert model.index(2, Column.STATUS).data() == "Connected", "an ended limit is not shown"
    model.set_bridge_up(False)
    assert model.index(0, Column.STATUS).data() == "Bridge restarting…"


def test_the_qr_dialog_says_no_internet_instead_of_connecting_and_recovers(qtbot, offline_service):
    account_id = offline_service.create_account("Shop front", "baileys").id
    observe(offline_service, account_id, "starting")
    dialog = QrDialog(offline_service.window, account_id, now=lambda: datetime(2026, 11, 30, 12))
    qtbot.addWidget(dialog)
    assert dialog.qr_label.text().startswith("Connecting…")
    observe(offline_service, account_id, "reconnecting", "network_unreachable", message=NO_INTERNET)
    assert dialog.headline.text() == "No internet connection"
    assert dialog.qr_label.text() == NO_INTERNET
    observe(offline_service, account_id, "starting", "restart_required")
    assert dialog.qr_label.text().startswith("Connecting…")


def test_indonesian_words(qtbot, offline_service, english):
    from app.ui.shared.i18n import Translations

    Translations().apply("id")
    model = AccountsModel(now=lambda: NOW)
    model.set_bridge_up(True)
    model.set_accounts(
        [
            account("a", "reconnecting", reason="network_unreachable"),
            account("b", limit_reason="new_chat_cap", limited_until=None),
        ]
    )
    assert model.index(0, Column.STATUS).data() == "Tidak ada koneksi internet"
    assert model.index(1, Column.STATUS).data().endswith("dibatasi untuk sementara")


def test_a_pairing_code_refused_for_no_internet_says_so_in_the_owners_language(
    qtbot, offline_service, english
):
    from app.bridge.client import BridgeError
    from app.ui.shared.i18n import Translations

    account_id = offline_service.create_account("Shop front", "baileys").id
    dialog = QrDialog(offline_service.window, account_id)
    qtbot.addWidget(dialog)
    refusal = BridgeError("network_unreachable", NO_INTERNET, 409)
    dialog._code_failed(refusal)
    assert dialog.code_error.text() == f"Could not get a code: {NO_INTERNET}"
    Translations().apply("id")
    dialog._code_failed(refusal)
    assert "Tidak ada koneksi internet" in dialog.code_error.text()
