"""Driving the real window against the real bridge (sim engine)."""

from __future__ import annotations

import numpy as np
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.ui.main_window.accounts_model import Column
from app.ui.main_window.window import MainWindow
from tests.liveapp import eventually, run, status_of


def decode_pixmap(pixmap) -> str:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, stride)[:, :width]
    results = zxingcpp.read_barcodes(np.ascontiguousarray(buffer))
    assert results, "no QR code found in the pixmap"
    return results[0].text


def test_empty_state_guides_the_first_number(qtbot, service):
    window = MainWindow(service.window, demo=True)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.empty_page
    assert window.empty_add_button.isVisible()


def test_add_number_shows_the_bridges_qr_and_closes_into_connected(qtbot, loop, service):
    window = MainWindow(service.window, demo=True)
    qtbot.addWidget(window)
    window.show()

    async def scenario():
        qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
        dialog = window.add_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.setTextValue("Shop front")
        dialog.accept()
        await eventually(lambda: len(window.qr_dialogs) == 1)
        ((account_id, qr_dialog),) = window.qr_dialogs.items()
        await eventually(lambda: qr_dialog.current_payload is not None)
        pixmap = qr_dialog.qr_label.pixmap()
        assert decode_pixmap(pixmap) == qr_dialog.current_payload
        assert qr_dialog.current_payload == service.latest_qr[account_id].qr

        # A rotation replaces the pixmap with the new payload.
        first = qr_dialog.current_payload
        await eventually(lambda: qr_dialog.current_payload != first, timeout=6)
        assert decode_pixmap(qr_dialog.qr_label.pixmap()) == qr_dialog.current_payload

        qtbot.mouseClick(qr_dialog.scan_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: status_of(service, account_id) == "connected")
        assert qr_dialog.headline.text().startswith("Connected as +62")

        row = window.model.row_of(account_id)
        status_text = window.model.index(row, Column.STATUS).data()
        phone_text = window.model.index(row, Column.PHONE).data()
        assert status_text == "Connected"
        assert phone_text.startswith("+62 812")
        assert window.stack.currentWidget() is window.splitter

    run(loop, scenario())


def test_the_window_says_what_jaga_itself_waited_for(qtbot, offline_service, make_window):
    window = make_window(offline_service)
    window.check_stall(100.0)
    window.check_stall(131.0)  # thirty seconds without a tick: the app was stopped
    assert window.last_stall_words == "Jaga itself was paused for 30 s; the bridge kept running."
    offline_service.store.slow_wait = (140.0, 12.0)  # the store waited for a lock
    window.check_stall(145.0)
    assert window.last_stall_words == (
        "Jaga waited 13 s for its database (another program was using it); the bridge kept running."
    )
