"""The tray icon and its tooltip follow the worst status; its menu reaches every number."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.core.status import Health
from app.core.supervision import State
from app.ui.icons import HEALTH_COLORS, health_pixmap
from app.ui.tray import Tray
from tests.gui.conftest import observe, set_bridge


def center_color(tray: Tray) -> QColor:
    image = tray.icon.icon().pixmap(32, 32).toImage()
    return image.pixelColor(6, 16)  # inside the disc, clear of the white glyph


def test_icon_and_tooltip_follow_the_worst_status(qtbot, offline_service):
    service = offline_service
    shop = service.store.create_account("Shop front", "sim").id
    cashier = service.store.create_account("Cashier", "sim").id
    tray = Tray(service, available=False)
    set_bridge(service, State.RUNNING)
    service.accounts_changed.emit()

    observe(service, shop, "connected")
    observe(service, cashier, "connected")
    assert tray.level is Health.OK
    assert center_color(tray) == HEALTH_COLORS[Health.OK]
    assert tray.icon.toolTip() == "Jaga — All 2 numbers connected"

    observe(service, cashier, "reconnecting", "connection_lost")
    assert tray.level is Health.BUSY
    assert center_color(tray) == HEALTH_COLORS[Health.BUSY]
    assert tray.icon.toolTip() == "Jaga — Reconnecting: Cashier"

    observe(service, shop, "logged_out", "logged_out")
    assert tray.level is Health.NEEDS_OWNER
    assert center_color(tray) == HEALTH_COLORS[Health.NEEDS_OWNER]
    assert tray.icon.toolTip() == "Jaga — Needs you: Shop front"

    set_bridge(service, State.FATAL, "The bridge failed 5 times in 60 seconds.")
    assert tray.level is Health.BRIDGE_DOWN
    assert center_color(tray) == HEALTH_COLORS[Health.BRIDGE_DOWN]
    assert tray.icon.toolTip() == "Jaga — The bridge is down: no number is connected"

    set_bridge(service, State.RUNNING)
    observe(service, shop, "connected")
    observe(service, cashier, "connected")
    assert tray.level is Health.OK
    tray.deleteLater()


def test_one_connected_number_reads_naturally(qtbot, offline_service):
    shop = offline_service.store.create_account("Shop front", "sim").id
    set_bridge(offline_service, State.RUNNING)
    tray = Tray(offline_service, available=False)
    observe(offline_service, shop, "connected")
    assert tray.icon.toolTip() == "Jaga — Your number is connected"
    tray.deleteLater()


def test_every_level_has_its_own_icon(qapp):
    images = {h: health_pixmap(h, 32).toImage() for h in Health}
    for health, image in images.items():
        assert image.pixelColor(6, 16) == HEALTH_COLORS[health]
    glyphs = {bytes(image.constBits()) for image in images.values()}
    assert len(glyphs) == len(Health)


def test_the_menu_has_open_each_number_with_its_status_and_reconnect_and_quit(
    qtbot, offline_service
):
    service = offline_service
    shop = service.store.create_account("Shop front", "sim").id
    service.store.create_account("Cashier", "sim")
    set_bridge(service, State.RUNNING)
    tray = Tray(service, available=False)
    observe(service, shop, "logged_out", "logged_out")

    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == [
        "Open Jaga",
        "Shop front — Logged out — link again",
        "Cashier — Stopped",
        "Quit Jaga",
    ]
    submenu = tray.menu.actions()[2].menu()
    (reconnect,) = submenu.actions()
    assert reconnect.text() == "Reconnect"
    with qtbot.waitSignal(tray.reconnect_requested) as asked:
        reconnect.trigger()
    assert asked.args == [shop]
    with qtbot.waitSignal(tray.open_requested):
        tray.menu.actions()[0].trigger()
    with qtbot.waitSignal(tray.quit_requested):
        tray.menu.actions()[-1].trigger()
    tray.deleteLater()
