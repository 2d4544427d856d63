"""Small things that confused an owner: each one says what is true, in the owner's words."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from app.domain.bridge_policy import State
from app.domain.status import Health
from app.ui.bridge_status.panel import BridgePanel
from app.ui.chats.new_message import NewMessageDialog
from app.ui.linking.dialog import QrDialog
from app.ui.main_window.accounts_model import Column
from app.ui.shared.formatting import percent
from app.ui.shared.i18n import Translations
from tests.gui.conftest import observe, set_bridge


def test_add_number_with_an_empty_name_says_why_and_asks_again(qtbot, offline_service, make_window):
    window = make_window(offline_service)
    first = window.add_number()
    first.setTextValue("   ")
    first.accept()
    again = window.add_dialog
    assert again is not None and again is not first and again.isVisible()
    assert again.labelText().startswith("Give the number a name, for example “Shop front”.")
    assert offline_service.accounts() == []
    again.setTextValue("Shop\nfront")
    again.accept()
    assert window.add_dialog.labelText().startswith(
        "A name cannot contain line breaks, tabs or control characters."
    )


def test_the_tray_offers_reconnect_only_where_it_does_something(qtbot, offline_service):
    """And Link again where the words say "link again" (seen failing against: main at
    583a38a, which had no Link again anywhere)."""
    from app.ui.tray.tray_icon import Tray

    service = offline_service
    wanted = {"connected": False, "starting": False, "reconnecting": True, "logged_out": False}
    ids = {}
    for status in wanted:
        ids[status] = service.create_account(status, "sim").id
        observe(service, ids[status], status, "logged_out" if status == "logged_out" else None)
    set_bridge(service, State.RUNNING)
    tray = Tray(service.window, available=False)
    shown = {s: tray._rows[ids[s]][1].isVisible() for s in wanted}
    assert shown == wanted
    linking = {s: tray._rows[ids[s]][2].isVisible() for s in wanted}
    assert linking == {
        "connected": False,
        "starting": False,
        "reconnecting": False,
        "logged_out": True,
    }
    assert tray._rows[ids["logged_out"]][2].text() == "Link again"
    set_bridge(service, State.BACKOFF)  # nothing reaches the bridge: nothing to offer
    assert not any(tray._rows[i][1].isVisible() for i in ids.values())
    assert not any(tray._rows[i][2].isVisible() for i in ids.values())


def test_the_status_bar_icon_follows_the_bridge(qtbot, offline_service, make_window):
    window = make_window(offline_service)
    for state, health in (
        (State.STARTING, Health.BUSY),  # no green tick while it starts
        (State.RUNNING, Health.OK),
        (State.UNHEALTHY, Health.BUSY),
        (State.FATAL, Health.BRIDGE_DOWN),
        (State.STOPPED, Health.BRIDGE_DOWN),
    ):
        set_bridge(offline_service, state)
        assert window.bridge_status.property("health") == health.value, state


def test_closing_to_the_tray_says_once_that_jaga_keeps_watching(
    qtbot, offline_service, make_window, settings
):
    window = make_window(offline_service, tray=True)
    window.show()
    window.close()
    assert not window.isVisible()
    assert window.tray.last_told is not None
    assert window.tray.last_told[0] == "Jaga keeps watching from the tray"
    assert settings.told_about_tray
    window.tray.last_told = None
    window.show()
    window.close()
    assert window.tray.last_told is None  # once is enough


def test_open_log_file_falls_back_to_the_folder_then_says_where(qtbot, offline_service):
    panel = BridgePanel(offline_service.bridge_status)
    qtbot.addWidget(panel)
    log_file = offline_service.supervisor.logs.path
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.touch()
    asked: list[Path] = []

    def only_folders(url: QUrl) -> bool:
        asked.append(Path(url.toLocalFile()))
        return Path(url.toLocalFile()).is_dir()

    panel.open_url = only_folders
    assert panel.open_log_file() is None
    assert asked == [log_file, log_file.parent]

    panel.open_url = lambda _url: False
    box = panel.open_log_file()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "This computer has no program set to open the log file."
    assert box.informativeText() == f"You find it here: {log_file}"


def test_uptime_is_written_one_way():
    assert [percent(s) for s in (1.0, 0.99999, 0.99, 0.42, 0.0)] == [
        "100.0 %",
        "99.9 %",
        "99.0 %",
        "42.0 %",
        "0.0 %",
    ]


def test_a_refusal_goes_as_soon_as_the_owner_types_again(qtbot, offline_service):
    shop = offline_service.create_account("Shop front", "sim").id
    observe(offline_service, shop, "connected", phone="6281300000105")
    dialog = NewMessageDialog(offline_service.window, shop)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.to_edit.setText("0857-1234-5678")
    dialog.send()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "The message is empty."
    qtbot.keyClicks(dialog.text_edit, "Halo")
    assert not dialog.error_label.isVisible()


def test_the_to_fields_example_fits_in_indonesian(qtbot, offline_service, english):
    Translations().apply("id")
    shop = offline_service.create_account("Toko depan", "sim").id
    dialog = NewMessageDialog(offline_service.window, shop)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.to_edit
    assert edit.placeholderText().startswith("misalnya")
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 8


def test_linking_a_number_to_another_phone_asks_first_naming_both(qtbot, offline_service):
    shop = offline_service.create_account("Shop front", "sim").id
    observe(offline_service, shop, "connected", phone="6281234567890")
    observe(offline_service, shop, "logged_out", "logged_out")
    dialog = QrDialog(offline_service.window, shop)
    qtbot.addWidget(dialog)
    dialog.show_pairing()
    dialog.phone_edit.setText("0813-9999-8888")
    dialog.get_code_button.click()
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    assert box.text() == (
        "“Shop front” was linked to +62 812-3456-7890. Link it to +62 813-9999-8888 instead?"
    )
    assert [b.text() for b in box.buttons()] == ["Link +62 813-9999-8888", "Cancel"]
    next(b for b in box.buttons() if b.text() == "Cancel").click()
    assert dialog.pairing_code is None and dialog.get_code_button.isEnabled()

    dialog.phone_edit.setText("0812-3456-7890")  # the same phone: nothing to ask
    dialog.confirm_box = None
    dialog.get_code_button.click()
    assert dialog.confirm_box is None


def many_numbers(service, count: int = 6) -> None:
    names = ["Shop front", "Kasir belakang", "Gudang Cikarang", "Toko online", "Admin", "Sari"]
    for n in range(count):
        account = service.create_account(names[n], "sim")
        observe(service, account.id, "connected", phone=f"62812000000{n:02d}")


def test_the_smallest_window_shows_five_numbers(qtbot, offline_service, make_window):
    many_numbers(offline_service)
    window = make_window(offline_service)
    window.show()
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.size() == window.minimumSize())
    rows = window.table.viewport().height() / window.table.verticalHeader().defaultSectionSize()
    assert rows >= 5


def test_in_indonesian_names_are_not_cut_and_columns_fit_what_they_show(
    qtbot, offline_service, make_window, english
):
    many_numbers(offline_service)
    Translations().apply("id")
    window = make_window(offline_service)
    window.show()
    qtbot.waitExposed(window)
    table, header = window.table, window.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(Column.NAME) >= table.sizeHintForColumn(Column.NAME))
    # The name takes the room left: the columns fill the table, no gap, no stretched last one.
    total = sum(header.sectionSize(c) for c in Column)
    assert total == table.viewport().width()
    assert header.sectionSize(Column.UPTIME) <= max(
        table.sizeHintForColumn(Column.UPTIME), header.sectionSizeHint(Column.UPTIME)
    )
    # The status column is as wide as the statuses shown, not the longest one possible.
    assert header.sectionSize(Column.STATUS) <= max(
        table.sizeHintForColumn(Column.STATUS), header.sectionSizeHint(Column.STATUS)
    )
    # At the default size everything fits: no sideways scrolling.
    assert not table.horizontalScrollBar().isVisible()


def test_the_events_tab_says_what_the_core_wrote_in_words(qapp, english):
    from app.ui.shared.event_text import audit_detail_words, exit_words

    assert audit_detail_words("reconcile_start", "restore: 1 to start") == (
        "1 number started after the bridge started"
    )
    assert audit_detail_words("reconcile_start", "periodic: 3 to start") == (
        "3 numbers started at the regular check"
    )
    assert audit_detail_words("owner_reconnect", "qr") == "it was: Waiting for QR scan"
    assert audit_detail_words("bridge_ready", "pid 42, boot ab-12, version 0.1.0") == (
        "version 0.1.0, process 42"
    )
    assert exit_words("Error: port in use (killed by a signal)") == (
        "Error: port in use (it was killed by a signal)"  # the bridge's own words kept
    )
    Translations().apply("id")
    assert audit_detail_words("reconcile_start", "restore: 4 to start") == (
        "4 nomor dijalankan setelah penghubung berjalan"
    )
    assert exit_words("stopped") == "dihentikan"
    assert exit_words("killed by a signal") == "dihentikan paksa oleh sinyal"
    assert audit_detail_words("owner_reconnect", "qr") == "sebelumnya: Menunggu pindai QR"


def test_a_ban_is_said_with_whatsapps_reason_and_its_end_in_both_languages(qapp, english):
    """The bridge's 402/406 words (node_bridge/src/sessions/close_codes.js) as the owner reads them.
    Seen failing against main: 402 and 406 had no words (the bridge's reason codes did not
    exist; it reconnected in a loop)."""
    from app.ui.shared.formatting import clock_time, reason_words

    message = (
        "WhatsApp has banned this number for a while (reason 104: you sent the same message to "
        "too many people); the ban ends at 2031-05-01T10:00:00.000Z. Jaga does not reconnect "
        "it by itself; start it again once the ban is over."
    )
    words = reason_words("temporarily_banned", message, "failed")
    # English writes the end as the computer's region does (app/ui/shared/clock_text.py).
    ends = clock_time(datetime(2031, 5, 1, 10, 0))
    assert words.startswith(
        "WhatsApp has banned this number for a while. WhatsApp's reason: the same message went "
        f"to too many people. The ban ends at {ends}. "
    )
    assert words.endswith("start it again once the ban is over.")
    bare = reason_words("temporarily_banned", "something else", "failed")
    assert bare == (
        "WhatsApp has banned this number for a while. Jaga does not reconnect it by itself."
    )
    Translations().apply("id")
    words = reason_words("temporarily_banned", message, "failed")
    assert words.startswith(
        "WhatsApp memblokir nomor ini untuk sementara. Alasan dari WhatsApp: pesan yang sama "
        "terkirim ke terlalu banyak orang. Blokir berakhir pada 01/05 "
    )
    assert reason_words("banned", "x", "failed").startswith("WhatsApp memblokir nomor ini.")
