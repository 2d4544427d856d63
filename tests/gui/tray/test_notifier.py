"""Notices: the right words, once per episode, and a click that opens the fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.bridge_policy import State
from app.domain.notify_policy import Notice, NoticeKind
from tests.gui.conftest import observe, set_bridge
from tests.liveapp import eventually, run


def linked_number(service, label: str = "Shop front", phone: str = "628123456789") -> str:
    account_id = service.create_account(label, "sim").id
    observe(service, account_id, "connected", phone=phone)
    return account_id


def banner_texts(window) -> list[tuple[str, str, str]]:
    return [
        (banner.title.text(), banner.body.text(), banner.action_button.text())
        for _notice, banner in window.notice_board.banners.values()
    ]


def test_a_logout_gives_exactly_one_banner_and_its_button_opens_the_qr_dialog(
    qtbot, offline_service, make_window, clock
):
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    window = make_window(offline_service)
    window.show()

    observe(offline_service, shop, "logged_out", "logged_out")
    clock.advance(120)
    window.notifier.check()
    observe(offline_service, shop, "logged_out", "logged_out")  # the same news again

    assert window.notices == [Notice(NoticeKind.LOGGED_OUT, shop, "logged_out")]
    assert banner_texts(window) == [
        (
            "“Shop front” was logged out",
            "WhatsApp unlinked this computer. Scan a new QR code to link it again.",
            "Link again",
        )
    ]
    assert window.notice_board.isVisible()

    ((_notice, banner),) = window.notice_board.banners.values()
    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    assert list(window.qr_dialogs) == [shop]
    assert window.qr_dialogs[shop].isVisible()
    assert window.selected_account_id() == shop
    assert not window.notice_board.banners  # the fix was opened: the banner goes


def test_flapping_reconnects_within_thirty_seconds_give_no_notice(
    qtbot, offline_service, make_window, clock
):
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    window = make_window(offline_service)
    for _ in range(10):
        observe(offline_service, shop, "reconnecting", "connection_lost")
        clock.advance(20)
        window.notifier.check()
        observe(offline_service, shop, "connected")
        clock.advance(3)
        window.notifier.check()
    clock.advance(600)
    window.notifier.check()
    assert window.notices == []
    assert not window.notice_board.banners


def test_a_reconnect_that_lasts_is_told_once_when_the_timer_fires(
    qtbot, offline_service, make_window, clock
):
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    window = make_window(offline_service)
    observe(offline_service, shop, "reconnecting", "connection_lost")
    # The notifier armed its timer for the 30 s mark (the test fires it by hand).
    assert 29_000 < (window.notifier.next_check_in_ms or 0) <= 32_000
    clock.advance(29)
    window.notifier.check()
    assert window.notices == []
    clock.advance(2)
    window.notifier.check()
    window.notifier.check()
    assert window.notices == [Notice(NoticeKind.RECONNECTING, shop, "connection_lost")]
    assert banner_texts(window)[0][0] == "“Shop front” is still reconnecting"


def test_nothing_is_told_in_the_quiet_after_start(qtbot, offline_service, make_window, clock):
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    observe(offline_service, shop, "conflict", "replaced")
    window = make_window(offline_service, quiet=15)
    clock.advance(10)
    window.notifier.check()
    assert window.notices == []
    clock.advance(5)
    window.notifier.check()
    assert [n.kind for n in window.notices] == [NoticeKind.CONFLICT]
    assert banner_texts(window)[0][:2] == (
        "“Shop front” is open on another computer",
        "WhatsApp moved this number to another computer. Reconnect to use it here.",
    )


def test_what_the_owner_does_by_hand_is_not_announced(qtbot, offline_service, make_window):
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    window = make_window(offline_service)
    window.notifier.owner_acted(shop)
    observe(offline_service, shop, "logged_out", "logged_out")
    assert window.notices == []


def test_a_bridge_crash_loop_is_told_and_opens_the_bridge_panel(
    qtbot, offline_service, make_window
):
    set_bridge(offline_service, State.RUNNING)
    window = make_window(offline_service)
    window.show()
    reason = "The bridge failed 5 times in 60 seconds (last: exited with code 1)."
    set_bridge(offline_service, State.FATAL, reason)
    assert window.notices == [Notice(NoticeKind.BRIDGE_FATAL, None, reason)]
    ((title, body, action),) = banner_texts(window)
    assert action == "Open bridge panel"
    assert title == "Jaga's bridge has stopped"
    assert body == "The bridge failed 5 times in 60 seconds (last: it ended with code 1)." + (
        " No number is connected until it runs again. Jaga tries again by itself every "
        "5 minutes; Restart in the bridge panel tries now."
    )
    ((_notice, banner),) = window.notice_board.banners.values()
    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    assert window.bridge_panel is not None and window.bridge_panel.isVisible()


def test_with_a_tray_the_notice_is_a_tray_message_and_clicking_it_opens_the_fix(
    qtbot, offline_service, make_window
):
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    window = make_window(offline_service, tray=True)
    shown = []
    window.tray.icon.messageClicked.connect(lambda: None)
    original = window.tray.icon.showMessage
    window.tray.icon.showMessage = lambda *args: (shown.append(args[:2]), original(*args))

    observe(offline_service, shop, "failed", "forbidden")

    assert shown == [("“Shop front” stopped working", "WhatsApp has blocked this number.")]
    assert not window.notice_board.banners  # not twice: the tray has it
    window.tray.icon.messageClicked.emit()
    assert window.qr_dialogs[shop].isVisible()


def test_a_logout_from_the_phone_on_the_real_bridge(qtbot, loop, service, make_window):
    window = make_window(service)
    window.show()

    async def scenario():
        account = await service.add_account("Shop front")
        await eventually(lambda: service.latest_qr.get(account.id) is not None)
        await service.simulate_scan(account.id, "628123450002", "Toko")
        await eventually(lambda: service.store.account(account.id).status == "connected")
        dialog = window.qr_dialogs.pop(account.id, None)
        assert dialog is None  # added through the service: no dialog yet

        await service.client.sim(f"sessions/{account.id}/close", {"code": 401})
        await eventually(lambda: len(window.notices) == 1)
        await eventually(lambda: service.store.account(account.id).status == "logged_out")
        window.notifier.check()
        assert [n.kind for n in window.notices] == [NoticeKind.LOGGED_OUT]
        assert banner_texts(window)[0][0] == "“Shop front” was logged out"

        ((_notice, banner),) = window.notice_board.banners.values()
        qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
        dialog = window.qr_dialogs[account.id]
        assert dialog.isVisible()
        # The fix asks the bridge for a fresh link: a new QR arrives in that dialog.
        await eventually(lambda: dialog.current_payload is not None)
        assert len(window.notices) == 1

    run(loop, scenario())


def test_a_store_error_in_the_background_shows_a_banner_with_what_to_do(
    qtbot, offline_service, make_window, monkeypatch, error_log
):
    from app.storage.store import Store, StoreError

    error_log.expect(r"disk is full")  # the app's own report of the trouble, as it should
    set_bridge(offline_service, State.RUNNING)
    shop = linked_number(offline_service)
    window = make_window(offline_service)
    window.show()
    full = (
        "The disk is full, so Jaga could not save. Free some space; nothing saved before is lost."
    )

    def disk_full(*_args, **_kwargs):
        raise StoreError(full)

    monkeypatch.setattr(Store, "record_observed", disk_full)
    offline_service.recorder.record(shop, "reconnecting", "bridge_crashed", None)
    banner = window.problem_banner
    assert banner is not None and banner.isVisible()
    assert banner.body.text() == full
    # The same trouble again does not stack banners.
    offline_service.recorder.record(shop, "reconnecting", "bridge_crashed", None)
    assert window.problem_banner is banner
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert window.problem_banner is None


def test_restart_from_the_panel_gives_no_reconnect_notice_for_connected_numbers(
    qtbot, loop, service, make_window, clock
):
    """Found: after Restart, "still reconnecting" for numbers already connected again.

    The notifier's own schedule is the observable: once every number is connected again,
    no reconnect clock may still be running for any of them, whatever time passes."""
    window = make_window(service)

    async def scenario():
        ids = []
        for n in range(3):
            account = await service.add_account(f"Shop {n}")
            await eventually(lambda a=account.id: service.latest_qr.get(a) is not None)
            await service.simulate_scan(account.id, f"62812345000{n}", "Toko")
            ids.append(account.id)
        connected = lambda: all(service.account(a).status == "connected" for a in ids)  # noqa: E731
        await eventually(connected)
        boot = service.boot_id
        window.open_bridge_panel().restart()
        clock.advance(5)  # the restart takes a few seconds
        await eventually(lambda: service.boot_id not in (None, boot), what="a new boot")
        await eventually(connected, what="all connected again")
        clock.advance(1)
        window.notifier.check()
        assert window.notifier.policy.next_check(clock()) is None  # no clock left running
        for _ in range(4):  # two minutes of the notifier's checks
            clock.advance(30)
            window.notifier.check()
        assert window.notices == []

    run(loop, scenario())


def test_a_name_that_looks_like_markup_is_shown_as_typed(qtbot):
    """A label is the owner's text: the banner shows it, it never renders it."""
    from app.ui.shared.banner import Banner

    title = "“<b>Big</b> <img src=x> Shop” was logged out"
    banner = Banner(title, "body <i>x</i>", None)
    qtbot.addWidget(banner)
    assert banner.title.text() == title
    assert banner.title.textFormat() == Qt.TextFormat.PlainText
    assert banner.body.textFormat() == Qt.TextFormat.PlainText
    assert banner.title.font().bold()


def test_a_damaged_bridge_database_is_told_in_a_banner(qtbot, offline_service, make_window):
    from app.bridge.recovery import BridgeRecovery

    window = make_window(offline_service)
    window.show()
    recovery = BridgeRecovery(
        problem="database disk image is malformed",
        quarantine="/data/bridge/quarantine/bridge-db-20260101T000000000Z",
        kept=("acc-1", "acc-2"),
        lost=("acc-3",),
        links_unknown=False,
        tables_damaged=("wa_auth_keys",),
    )
    offline_service.bridge_recovered.emit(recovery)
    banner = window.recovery_banner
    assert banner is not None and banner.isVisible()
    assert banner.title.text() == "The bridge's database was damaged"
    body = banner.body.text()
    assert recovery.quarantine in body
    assert "2 linked numbers were kept." in body
    assert "Numbers whose link was lost say so in their status" in body
