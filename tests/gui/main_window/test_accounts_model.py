"""The table of numbers: row-by-row updates (never a reset), words, badges and uptime."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from app.domain.bridge_policy import State
from app.domain.status import Health
from app.storage.tables import Account
from app.ui.main_window.accounts_model import AccountIdRole, AccountsModel, Column, HealthRole
from app.ui.shared.formatting import time_of_day, utcnow
from tests.gui.conftest import observe, set_bridge
from tests.liveapp import eventually, run

NOW = datetime(2026, 11, 23, 12, 0, 0)


class ModelSpy:
    """Records every structural and data signal of a model."""

    def __init__(self, model) -> None:
        self.changed: list[tuple[int, int, int, int]] = []
        self.resets = 0
        self.layouts = 0
        self.inserted: list[int] = []
        self.removed: list[int] = []
        model.dataChanged.connect(
            lambda tl, br, _roles=(): self.changed.append(
                (tl.row(), br.row(), tl.column(), br.column())
            )
        )
        model.modelReset.connect(lambda: self._count("resets"))
        model.layoutChanged.connect(lambda *_: self._count("layouts"))
        model.rowsInserted.connect(lambda _p, first, _last: self.inserted.append(first))
        model.rowsRemoved.connect(lambda _p, first, _last: self.removed.append(first))

    def _count(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)


def account(account_id: str, status: str = "connected", **fields) -> Account:
    values = {
        "label": account_id.title(),
        "phone": None,
        "status": status,
        "desired_state": "running",
        "status_since": NOW - timedelta(minutes=5),
        "last_activity_at": None,
    }
    values.update(fields)
    return Account(id=account_id, **values)


def test_a_status_change_updates_its_row_only_without_a_reset(qapp):
    model = AccountsModel(now=lambda: NOW)
    model.set_bridge_up(True)
    model.set_accounts([account("a"), account("b"), account("c")])
    spy = ModelSpy(model)

    model.update_account(account("b", "reconnecting"))

    assert spy.changed == [(1, 1, 0, len(Column) - 1)]
    assert spy.resets == 0 and spy.layouts == 0 and not spy.inserted and not spy.removed
    assert model.index(1, Column.STATUS).data() == "Reconnecting…"
    assert model.index(1, Column.STATUS).data(HealthRole) is Health.BUSY


def test_adding_and_removing_numbers_inserts_and_removes_rows_not_a_reset(qapp):
    model = AccountsModel(now=lambda: NOW)
    model.set_accounts([account("a"), account("b")])
    spy = ModelSpy(model)
    model.set_accounts([account("b"), account("c")])
    assert spy.removed == [0] and spy.inserted == [1] and spy.resets == 0
    assert [model.index(r, 0).data(AccountIdRole) for r in range(2)] == ["b", "c"]


def test_the_words_a_shop_owner_reads(qapp):
    model = AccountsModel(now=lambda: NOW)
    model.set_bridge_up(True)
    model.set_accounts(
        [
            account(
                "a",
                phone="628123456789",
                label="Shop front",
                last_activity_at=NOW - timedelta(hours=3),
            ),
            account("b", "logged_out", reason="logged_out"),
        ]
    )
    model.set_uptime("a", 0.5)
    row = [model.index(0, c).data() for c in Column]
    assert row == [
        "Shop front",
        "",  # nothing unread (app.ui.inbox)
        "+62 812-3456-789",
        "Connected",
        "5 min ago",
        "3 h ago",
        "—",
        "—",
        "50.0 %",
    ]
    assert model.index(1, Column.PHONE).data() == "not linked yet"
    assert model.index(1, Column.STATUS).data() == "Logged out — link again"
    assert model.index(1, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole) == (
        "This computer was unlinked on the phone."
    )
    assert model.index(1, Column.UPTIME).data() == "—"
    assert model.index(0, Column.STATUS).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Status: Connected"
    )


def test_a_down_bridge_shows_bridge_restarting_never_a_stale_connected(qapp):
    model = AccountsModel(now=lambda: NOW)
    model.set_bridge_up(True)
    model.set_accounts([account("a"), account("b")])
    spy = ModelSpy(model)
    model.set_bridge_up(False)
    assert spy.changed == [(0, 1, Column.STATUS, Column.STATUS)] and spy.resets == 0
    assert model.index(0, Column.STATUS).data() == "Bridge restarting…"
    assert model.index(0, Column.STATUS).data(HealthRole) is Health.BRIDGE_DOWN


def test_the_clock_refreshes_only_the_timed_columns(qapp):
    moment = [NOW]
    model = AccountsModel(now=lambda: moment[0])
    model.set_accounts([account("a"), account("b")])
    spy = ModelSpy(model)
    moment[0] = NOW + timedelta(minutes=10)
    model.refresh_times()
    assert spy.changed == [(0, 1, Column.SINCE, Column.UPTIME)] and spy.resets == 0
    assert model.index(0, Column.SINCE).data() == "15 min ago"


def test_uptime_changes_touch_one_cell(qapp):
    model = AccountsModel(now=lambda: NOW)
    model.set_accounts([account("a"), account("b")])
    spy = ModelSpy(model)
    model.set_uptime("b", 0.997)
    model.set_uptime("b", 0.997)  # unchanged: no signal
    assert spy.changed == [(1, 1, Column.UPTIME, Column.UPTIME)]
    assert model.index(1, Column.UPTIME).data() == "99.7 %"


def test_the_periodic_uptime_refresh_is_one_signal_for_every_row(qapp):
    """The table sizes columns to contents: a signal per row made a refresh quadratic."""
    model = AccountsModel(now=lambda: NOW)
    model.set_accounts([account(name) for name in ("a", "b", "c", "d")])
    model.set_uptime("d", 0.5)
    spy = ModelSpy(model)
    model.set_uptimes({"a": 0.9, "b": 0.8, "c": 0.7, "d": 0.5, "gone": 0.1})
    assert spy.changed == [(0, 2, Column.UPTIME, Column.UPTIME)]
    assert [model.index(r, Column.UPTIME).data() for r in range(4)] == [
        "90.0 %",
        "80.0 %",
        "70.0 %",
        "50.0 %",
    ]
    model.set_uptimes({"a": 0.9})
    assert len(spy.changed) == 1


def test_the_window_updates_one_row_per_status_event(qtbot, offline_service, make_window):
    ids = [
        offline_service.create_account(name, "sim").id
        for name in ("Shop front", "Cashier", "Online")
    ]
    for account_id in ids:
        observe(offline_service, account_id, "connected", phone=None)
    window = make_window(offline_service)
    set_bridge(offline_service, State.RUNNING)
    spy = ModelSpy(window.model)

    observe(offline_service, ids[1], "reconnecting", "connection_lost")

    rows = {(first, last) for first, last, _c0, _c1 in spy.changed}
    assert rows == {(1, 1)}
    assert spy.resets == 0 and spy.layouts == 0
    assert window.model.index(1, Column.STATUS).data(HealthRole) is Health.BUSY


def test_the_live_table_follows_a_drop_on_the_real_bridge(qtbot, loop, service, make_window):
    window = make_window(service)

    async def scenario():
        account = await service.add_account("Shop front")
        await eventually(lambda: service.latest_qr.get(account.id) is not None)
        await service.simulate_scan(account.id, "628123450001", "Toko")
        row = window.model.row_of(account.id)
        await eventually(lambda: window.model.index(row, Column.STATUS).data() == "Connected")
        spy = ModelSpy(window.model)
        await service.client.sim(f"sessions/{account.id}/close", {"code": 428})
        await eventually(lambda: window.model.index(row, Column.STATUS).data() != "Connected")
        assert spy.resets == 0 and spy.layouts == 0
        assert {(first, last) for first, last, _a, _b in spy.changed} == {(row, row)}

    run(loop, scenario())


def test_last_message_in_and_out_update_their_cells_only(qtbot, offline_service, make_window):
    service = offline_service
    shop = service.create_account("Shop front", "sim").id
    cashier = service.create_account("Cashier", "sim").id
    for account_id, phone in ((shop, "628123456789"), (cashier, "628129876543")):
        observe(service, account_id, "connected", phone=phone)
    window = make_window(service)
    row = window.model.row_of(cashier)
    assert window.model.index(row, Column.LAST_IN).data() == "—"
    spy = ModelSpy(window.model)

    inbound = service.store.store_inbound(cashier, "wamid-1", "628111222333", "Ada stok?", None)
    assert inbound is not None
    service.message_added.emit(inbound)
    qtbot.waitUntil(lambda: bool(spy.changed), timeout=2000)  # redrawn at most 5 times a second
    assert spy.changed == [(row, row, Column.LAST_IN, Column.LAST_OUT)] and spy.resets == 0
    assert window.model.index(row, Column.LAST_IN).data() == "just now"
    tip = window.model.index(row, Column.LAST_IN).data(Qt.ItemDataRole.ToolTipRole)
    assert "+62 811-1222-333" in tip and "Ada stok?" in tip

    outgoing = service.store.queue_message(cashier, "628111222333", "Ada, kak", "c-1")
    service.message_added.emit(outgoing.id)
    qtbot.waitUntil(
        lambda: window.model.index(row, Column.LAST_OUT).data() == "waiting to be sent",
        timeout=2000,
    )
    service.store.mark_sent([outgoing.id])
    service.message_updated.emit(outgoing.id)
    qtbot.waitUntil(
        lambda: window.model.index(row, Column.LAST_OUT).data() == "just now", timeout=2000
    )
    assert window.model.index(window.model.row_of(shop), Column.LAST_OUT).data() == "—"


def test_rows_never_say_connected_while_the_bridge_stalls_or_gives_up(
    qtbot, offline_service, make_window
):
    shop = offline_service.create_account("Shop front", "sim").id
    observe(offline_service, shop, "connected", phone="628123450002")
    window = make_window(offline_service)
    set_bridge(offline_service, State.RUNNING)
    status = window.model.index(0, Column.STATUS)
    assert status.data() == "Connected"

    set_bridge(offline_service, State.UNHEALTHY)  # a heartbeat is late (the stall)
    assert status.data() == "Bridge not responding…"
    assert status.data(HealthRole) is Health.BRIDGE_DOWN

    offline_service.supervisor.machine.retry_at = time.monotonic() + 300
    set_bridge(offline_service, State.FATAL, "The bridge failed 5 times in 60 seconds.")
    words = status.data()
    assert words.startswith("Bridge stopped after repeated failures — trying again at ")
    soon = [utcnow() + timedelta(seconds=s) for s in (300, 301)]
    assert any(words.endswith(time_of_day(moment)) for moment in soon)
    assert "trying again in 5:00" in window.bridge_status.text() or (
        "trying again in 4:59" in window.bridge_status.text()
    )


def test_the_owners_own_log_out_is_a_calm_grey_row(qtbot, offline_service, make_window):
    shop = offline_service.create_account("Shop front", "sim").id
    observe(offline_service, shop, "logged_out", "logout_requested", phone="628123450003")
    window = make_window(offline_service)
    set_bridge(offline_service, State.RUNNING)
    status = window.model.index(0, Column.STATUS)
    assert status.data() == "Logged out by you"
    assert status.data(HealthRole) is Health.IDLE
