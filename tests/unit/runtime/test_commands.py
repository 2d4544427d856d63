"""The owner's commands (app/runtime/commands.py) with a bridge client in memory: those
that go through the recorder on a real app.sqlite3 (`core`), the rest on in-memory
repositories (`memory`)."""

from __future__ import annotations

from typing import Any

import pytest

from app.bridge.protocol import Limits
from app.domain.outbox import MessageError, SendOptions
from app.domain.store_error import StoreError
from app.domain.window_views import AccountChange
from app.runtime.commands import OwnerCommands
from app.runtime.dispatcher import Dispatcher
from app.runtime.reconciler import Reconciler
from app.runtime.recorder import StatusRecorder
from app.storage.accounts import StoredAccounts
from app.storage.outbox import StoredOutbox
from tests.liveapp import run


@pytest.fixture
def commands(core) -> OwnerCommands:
    return commands_on(core)


def commands_on(core) -> OwnerCommands:
    """The owner's commands on the real app.sqlite3's repositories (the recorder's too)."""
    reconciler = Reconciler(core.recorder, client=core.client, session_options={})
    dispatcher = Dispatcher(StoredOutbox(core.store), core.model, core.signals, client=core.client)
    accounts = StoredAccounts(core.store)
    commands = OwnerCommands(
        reconciler, dispatcher, accounts=accounts, client=core.client, limits=Limits
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


# --- on in-memory repositories (tests/unit/runtime/fakes.py): no SQLite file ------------


class NoStore:
    """The recorder's store, for commands that must not reach it (they ask a repository)."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the owner's commands reached the store ({name})")


@pytest.fixture
def owner(memory) -> OwnerCommands:
    recorder = StatusRecorder(NoStore(), memory.model, memory.signals, on_connected=lambda: None)
    reconciler = Reconciler(recorder, client=memory.client, session_options={})
    dispatcher = Dispatcher(memory.outbox, memory.model, memory.signals, client=memory.client)
    commands = OwnerCommands(
        reconciler, dispatcher, accounts=memory.accounts, client=memory.client, limits=Limits
    )
    commands.default_engine = "sim"
    return commands


def test_the_owner_s_wish_is_stored_and_the_read_model_follows_it(memory, owner, loop):
    changes: list[AccountChange] = []
    memory.model.changed.connect(changes.append)
    counted: list[None] = []
    memory.signals.accounts_changed.connect(lambda: counted.append(None))
    account = owner.create_account("  Toko  ")
    assert (account.label, account.engine, account.desired_state) == ("Toko", "sim", "running")
    assert memory.accounts.get(account.id) == account == memory.model.account(account.id)
    assert owner.set_wanted(account.id, False).desired_state == "stopped"
    assert memory.accounts.get(account.id).desired_state == "stopped"
    assert [c.reason for c in changes] == ["owner_added", "owner_stopped"]
    run(loop, owner.remove_account(account.id))
    assert memory.bridge.named("stop_session") == [(account.id,)]
    assert memory.accounts.get(account.id) is None and account.id not in memory.model
    assert len(counted) == 2  # added, removed
    with pytest.raises(StoreError):  # the number is gone: the wish cannot be kept
        owner.set_wanted(account.id, True)


def test_a_send_is_queued_once_woken_and_told(memory, owner):
    account = memory.number("Toko", "connected", phone="6281234567001")
    added: list[int] = []
    memory.signals.message_added.connect(added.append)
    with pytest.raises(MessageError):
        owner.send_message(account, "halo", "teks")  # not a phone number: nothing queued
    assert memory.outbox.rows == {} and added == []
    first, new = owner.send_once(account, "+62 857 1234 5678", "halo", "JAGAKEY1")
    again, new_again = owner.send_once(account, "+62 857 1234 5678", "halo", "JAGAKEY1")
    assert (new, new_again) == (True, False) and again == first and added == [first.id]
    assert (first.chat, first.message_id, first.status) == ("6285712345678", "JAGAKEY1", "queued")
    assert owner.dispatcher._wakeup.is_set()  # it leaves when the dispatcher looks
    assert memory.bridge.calls == []  # the dispatcher sends it, not the command


def test_a_reply_must_quote_a_message_of_the_same_chat(memory, owner):
    account = memory.number("Toko", "connected", phone="6281234567001")
    memory.outbox.incoming(account, "6285712345678", "ada stok?", "WAIN1")
    with pytest.raises(MessageError, match="not in this chat"):
        owner.send_message(account, "+6591234567", "ada", None, SendOptions(reply_to="WAIN1"))
    reply = owner.send_message(
        account, "+62 857 1234 5678", "ada", None, SendOptions(reply_to="WAIN1")
    )
    assert reply.reply_to == "WAIN1"


def test_a_send_repeated_at_the_same_moment_answers_the_first_one(memory, owner):
    """Two callers with one idempotency key: the second's queueing finds the id taken and
    answers the first's message, not an error.

    Seen failing against: send_once catching sqlalchemy's IntegrityError only (the
    repository raises ClientIdTaken)."""
    account = memory.number("Toko", "connected", phone="6281234567001")
    first = memory.outbox.queue(account, "6285712345678", "halo", "JAGAKEY2")
    looked: list[str] = []
    real_outgoing = memory.outbox.outgoing

    def outgoing(account_id: str, client_id: str):  # the other caller had not committed yet
        looked.append(client_id)
        return None if len(looked) == 1 else real_outgoing(account_id, client_id)

    memory.outbox.outgoing = outgoing
    message, created = owner.send_once(account, "+62 857 1234 5678", "halo", "JAGAKEY2")
    assert (message, created, looked) == (first, False, ["JAGAKEY2", "JAGAKEY2"])


def test_a_failed_message_sent_again_is_queued_told_and_woken(memory, owner):
    account = memory.number("Toko", "connected", phone="6281234567001")
    message = owner.send_message(account, "+62 857 1234 5678", "halo")
    memory.outbox.mark_failed(message.id, "gave up after 8 tries")
    owner.dispatcher._wakeup.clear()
    updated: list[int] = []
    memory.signals.message_updated.connect(updated.append)
    owner.resend_message(message.id)
    assert memory.outbox.rows[message.id].status == "queued" and updated == [message.id]
    assert owner.dispatcher._wakeup.is_set()
