"""Notices are never swallowed: a red turn inside another episode is told; an outage is one
notice that names every number and the cause; a click opens each number's fix; and every
row whose words say "link again" has a Link again button (details pane, row menu)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.bridge_policy import State
from app.domain.notify_policy import NoticeKind
from app.domain.status import SessionStatus
from app.ui.shared.formatting import REASON_WORDS, reason_words, says_link_again, status_words
from tests.gui.conftest import observe, set_bridge
from tests.gui.tray.test_notifier import banner_texts, linked_number


def test_open_elsewhere_eight_seconds_after_relinking_is_told(
    qtbot, offline_service, make_window, clock
):
    """Seen failing against: main at 583a38a (the logout's episode swallowed it)."""
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    window = make_window(offline_service)
    observe(offline_service, shop, "logged_out", "logged_out")
    ((_notice, banner),) = window.notice_board.banners.values()
    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)  # Link again
    window.qr_dialogs[shop].close()
    observe(offline_service, shop, "qr")
    clock.advance(5)
    observe(offline_service, shop, "connected", phone="628123456789")
    clock.advance(8)
    observe(offline_service, shop, "conflict", "replaced")
    assert [n.kind for n in window.notices] == [NoticeKind.LOGGED_OUT, NoticeKind.CONFLICT]
    assert banner_texts(window)[0][0] == "“Shop front” is open on another computer"


def test_an_internet_outage_is_one_notice_naming_every_number_and_the_cause(
    qtbot, offline_service, make_window, clock
):
    """Seen failing against: main at 583a38a (two notices, each one number, no cause)."""
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    cashier = linked_number(offline_service, "Cashier", "628123456780")
    window = make_window(offline_service)
    observe(offline_service, shop, "reconnecting", "network_unreachable")
    clock.advance(2)
    observe(offline_service, cashier, "reconnecting", "network_unreachable")
    clock.advance(29)
    window.notifier.check()
    clock.advance(3)
    window.notifier.check()
    [notice] = window.notices
    assert notice.account_ids == (shop, cashier)
    assert banner_texts(window) == [
        (
            "No internet connection",
            "“Shop front” and “Cashier” are offline. Jaga reconnects by itself when the "
            "internet is back.",
            "Show",
        )
    ]
    observe(offline_service, shop, "connected")
    assert window.notice_board.banners  # Cashier is still offline: the notice stays


def test_a_notice_about_two_logouts_opens_both_links(qtbot, offline_service, make_window, clock):
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    cashier = linked_number(offline_service, "Cashier", "628123456780")
    window = make_window(offline_service, quiet=15)
    observe(offline_service, shop, "logged_out", "logged_out")
    observe(offline_service, cashier, "logged_out", "logged_out")
    clock.advance(15)
    window.notifier.check()
    assert banner_texts(window)[0][0] == "“Shop front” and “Cashier” were logged out"
    ((_notice, banner),) = window.notice_board.banners.values()
    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    assert sorted(window.qr_dialogs) == sorted([shop, cashier])


def rows_that_say_link_again() -> list[tuple[str, str | None]]:
    """Every status and reason whose English words ask the owner to link again."""
    found = []
    for status in SessionStatus:
        for reason in (None, *REASON_WORDS):
            words = f"{status_words(status.value, reason=reason)} {reason_words(reason)}"
            if "link again" in words.lower() or "link it again" in words.lower():
                found.append((status.value, reason))
    return found


def test_the_words_and_the_button_agree(qapp):
    said = set(rows_that_say_link_again())
    assert ("logged_out", "logged_out") in said and ("failed", "auth_corrupt") in said
    for status in SessionStatus:
        for reason in (None, *REASON_WORDS):
            if (status.value, reason) in said:
                assert says_link_again(status.value, reason), (status, reason)


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        ("logged_out", "logged_out"),
        ("failed", "auth_corrupt"),
        ("failed", "auth_lost"),
        ("logged_out", "logout_requested"),
    ],
)
def test_a_row_that_says_link_again_has_the_button_and_the_menu_entry(
    qtbot, offline_service, make_window, status, reason
):
    """Seen failing against: main at 583a38a (only Reconnect, nowhere "Link again")."""
    set_bridge(offline_service, State.RUNNING)
    number = linked_number(offline_service)
    observe(offline_service, number, status, reason)
    window = make_window(offline_service)
    window.show()
    window.select(number)
    assert not window.link_button.isHidden() and window.link_button.isEnabled()
    rect = window.table.visualRect(window.model.index(window.model.row_of(number), 0))
    menu = window.row_menu_at(rect.center())
    entries = [a.text() for a in menu.actions() if a.isVisible() and a.isEnabled()]
    assert entries[0] == "Link again" and "Reconnect" not in entries
    window.link_action.trigger()
    assert window.qr_dialogs[number].isVisible()
