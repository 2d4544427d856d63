"""The owner's commands (app/runtime/commands.py) with a bridge client in memory."""

from __future__ import annotations

import pytest

from app.bridge.protocol import Limits
from app.domain.outbox import MessageError
from app.runtime.commands import OwnerCommands
from app.runtime.dispatcher import Dispatcher
from app.runtime.reconciler import Reconciler
from app.storage.accounts import StoredAccounts
from app.storage.outbox import StoredOutbox
from tests.liveapp import run


@pytest.fixture
def commands(core) -> OwnerCommands:
    reconciler = Reconciler(core.recorder, client=core.client, session_options={})
    dispatcher = Dispatcher(StoredOutbox(core.store), core.model, core.signals, client=core.client)
    commands = OwnerCommands(
        reconciler,
        dispatcher,
        accounts=StoredAccounts(core.store),
        client=core.client,
        limits=Limits,
    )
    commands.default_engine = "sim"
    return commands


def test_add_stop_reconnect_and_remove_ask_the_bridge_and_keep_the_owner_s_wish(
    core, commands, loop
):
    account = run(loop, commands.add_account("Toko"))
    assert core.bridge.named("start_session") == [(account.id, "sim")]
    assert core.model.account(account.id).status == "qr"
    run(loop, commands.stop_account(account.id))
    assert core.bridge.named("stop_session") == [(account.id,)]
    assert core.store.account(account.id).desired_state == "stopped"
    run(loop, commands.reconnect(account.id))
    assert core.store.account(account.id).desired_state == "running"
    assert core.bridge.named("start_session")[-1] == (account.id, "sim")
    run(loop, commands.remove_account(account.id))
    assert core.store.account(account.id) is None and account.id not in core.model


def test_reconnect_restarts_a_number_waiting_in_its_backoff(core, commands, loop):
    account = core.number("Toko", "reconnecting", phone="6281234567001")
    core.bridge.has("reconnecting", account)
    run(loop, commands.reconnect(account))
    assert [c[0] for c in core.bridge.calls] == ["stop_session", "start_session"]


def test_a_send_is_checked_then_queued_with_its_client_id_once(core, commands):
    account = core.number("Toko", "connected", phone="6281234567001")
    with pytest.raises(MessageError):
        commands.send_message(account, "halo", "teks")  # not a phone number: nothing queued
    assert core.store.messages(account) == []
    first, new = commands.send_once(account, "+62 857 1234 5678", "halo", "JAGAKEY1")
    again, new_again = commands.send_once(account, "+62 857 1234 5678", "halo", "JAGAKEY1")
    assert (new, new_again) == (True, False) and again.id == first.id
    assert (first.chat, first.message_id, first.status) == ("6285712345678", "JAGAKEY1", "queued")
    assert core.bridge.calls == []  # the dispatcher sends it, not the command
