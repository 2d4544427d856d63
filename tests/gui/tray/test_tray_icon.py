"""The tray icon and its tooltip follow the worst status; its menu reaches every number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor

from app.domain.bridge_policy import State
from app.domain.status import Health
from app.ui.shared.icons import HEALTH_COLORS, health_pixmap
from app.ui.tray.tray_icon import Tray
from tests.gui.conftest import observe, set_bridge

FIND_ALL = Qt.FindChildOption.FindChildrenRecursively


def center_color(tray: Tray) -> QColor:
    image = tray.icon.icon().pixmap(32, 32).toImage()
    return image.pixelColor(6, 16)  # inside the disc, clear of the white glyph


def test_icon_and_tooltip_follow_the_worst_status(qtbot, offline_service):
    service = offline_service
    shop = service.create_account("Shop front", "sim").id
    cashier = service.create_account("Cashier", "sim").id
    tray = Tray(service.window, available=False)
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
    shop = offline_service.create_account("Shop front", "sim").id
    set_bridge(offline_service, State.RUNNING)
    tray = Tray(offline_service.window, available=False)
    observe(offline_service, shop, "connected")
    assert tray.icon.toolTip() == "Jaga — Your number is connected"
    tray.deleteLater()


def test_every_level_has_its_own_icon(qapp):
    images = {h: health_pixmap(h, 32).toImage() for h in Health}
    for health, image in images.items():
        assert image.pixelColor(6, 16) == HEALTH_COLORS[health]
    glyphs = {bytes(image.constBits()) for image in images.values()}
    assert len(glyphs) == len(Health)


def test_the_menu_has_open_each_number_with_its_status_and_its_fix_and_quit(qtbot, offline_service):
    service = offline_service
    shop = service.create_account("Shop front", "sim").id
    service.create_account("Cashier", "sim")
    set_bridge(service, State.RUNNING)
    tray = Tray(service.window, available=False)
    observe(service, shop, "logged_out", "logged_out")

    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == [
        "Open Jaga",
        "Shop front — Logged out — link again",
        "Cashier — Stopped",
        "Quit Jaga",
    ]
    submenu = tray.menu.actions()[2].menu()
    (link,) = [a for a in submenu.actions() if a.isVisible()]
    assert link.text() == "Link again"  # the words say "link again"
    with qtbot.waitSignal(tray.link_requested) as asked:
        link.trigger()
    assert asked.args == [shop]
    observe(service, shop, "reconnecting", "connection_lost")
    (reconnect,) = [a for a in submenu.actions() if a.isVisible()]
    assert reconnect.text() == "Reconnect"
    with qtbot.waitSignal(tray.reconnect_requested) as asked:
        reconnect.trigger()
    assert asked.args == [shop]
    with qtbot.waitSignal(tray.open_requested):
        tray.menu.actions()[0].trigger()
    with qtbot.waitSignal(tray.quit_requested):
        tray.menu.actions()[-1].trigger()
    tray.deleteLater()


def test_the_menu_is_updated_row_by_row_and_never_grows(qtbot, offline_service):
    from PySide6.QtWidgets import QMenu

    service = offline_service
    ids = [service.create_account(f"Number {i}", "sim").id for i in range(20)]
    set_bridge(service, State.RUNNING)
    tray = Tray(service.window, available=False)
    for account_id in ids:
        observe(service, account_id, "connected")
    submenus = tray.menu.findChildren(QMenu)
    actions = len(tray.menu.findChildren(QAction, options=FIND_ALL))
    for round_ in range(10):  # ten periodic reconciles' worth of status news
        for account_id in ids:
            observe(service, account_id, "reconnecting" if round_ % 2 else "connected")
        set_bridge(service, State.UNHEALTHY if round_ % 2 else State.RUNNING)
    assert tray.menu.findChildren(QMenu) == submenus
    assert len(tray.menu.findChildren(QAction, options=FIND_ALL)) == actions
    set_bridge(service, State.RUNNING)
    titles = [m.title() for m in submenus]
    assert titles[0] == "Number 0 — Reconnecting…"  # the last round's news, row by row
    service.create_account("Number 20", "sim")
    assert len(tray.menu.findChildren(QMenu)) == 21
    tray.deleteLater()
