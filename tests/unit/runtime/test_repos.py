"""The repositories' contract (app/runtime/repos.py), run on both implementations: the
SQLite ones (app/storage/outbox.py, accounts.py) and the in-memory fakes the runtime's unit
tests use (tests/unit/runtime/fakes.py). A rule one keeps and the other not fails here, so
a unit test on the fakes says what the app does.

Seen failing against: the fake's `due` handing out every queued message of a chat (not
only its head), and the fake's `resend` keeping a refused message's client id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest

from app.domain.clock import utcnow
from app.domain.outbox import SendOptions
from app.domain.store_error import ClientIdTaken, StoreError
from app.domain.whatsapp_edges import REFUSAL_SENTENCES, SendLimit
from app.runtime.repos import Accounts, Outbox
from app.storage.accounts import StoredAccounts
from app.storage.outbox import StoredOutbox
from app.storage.store import Store
from tests.unit.runtime.fakes import MemoryAccounts, MemoryOutbox

FIRST, SECOND = "6285712345678", "6591234567"


@dataclass
class World:
    """One implementation, and how to set up what the bridge would have told."""

    accounts: Accounts
    outbox: Outbox
    link: object  # (account_id, phone) -> None
    incoming: object  # (account_id, chat, text, message_id) -> None
    limit: object  # (account_id, SendLimit) -> None

    def linked(self, label: str = "Toko", phone: str = "6281234567001") -> str:
        account = self.accounts.create(label, "sim")
        self.link(account.id, phone)  # type: ignore[operator]
        return account.id


def memory_world() -> World:
    accounts = MemoryAccounts()
    outbox = MemoryOutbox(accounts)
    return World(accounts, outbox, accounts.link, outbox.incoming, accounts.limit)


def sqlite_world(store: Store) -> World:
    def link(account_id: str, phone: str) -> None:
        store.record_observed(
            account_id, status="connected", reason=None, message=None, phone=phone
        )

    def incoming(account_id: str, chat: str, text: str, message_id: str) -> None:
        store.store_inbound(account_id, message_id, chat, text, None)

    def limit(account_id: str, send_limit: SendLimit) -> None:
        store.record_limit(account_id, send_limit)

    return World(StoredAccounts(store), StoredOutbox(store), link, incoming, limit)


@pytest.fixture(params=["memory", "sqlite"])
def world(request, tmp_path) -> Iterator[World]:
    if request.param == "memory":
        yield memory_world()
        return
    path = tmp_path / "app.sqlite3"
    path.write_bytes(request.getfixturevalue("empty_database").read_bytes())
    store = Store(path)
    yield sqlite_world(store)
    store.close()


def test_numbers_are_created_wanted_running_changed_and_removed(world):
    account = world.accounts.create("  Toko  ", "sim")
    assert (account.label, account.engine, account.desired_state) == ("Toko", "sim", "running")
    assert (account.status, account.phone) == ("stopped", None)
    later = world.accounts.create("Gudang", "sim")
    assert [a.id for a in world.accounts.all()] == [account.id, later.id]
    world.accounts.set_desired_state(account.id, "stopped")
    assert world.accounts.get(account.id).desired_state == "stopped"
    with pytest.raises(StoreError):
        world.accounts.set_desired_state(account.id, "sleeping")
    with pytest.raises(StoreError):
        world.accounts.create("\n", "sim")
    world.accounts.remove(account.id)
    assert world.accounts.get(account.id) is None
    with pytest.raises(StoreError, match="no longer exists"):
        world.accounts.set_desired_state(account.id, "running")


def test_a_message_is_queued_once_per_client_id_and_only_for_a_linked_number(world):
    unlinked = world.accounts.create("Baru", "sim")
    with pytest.raises(StoreError, match="not linked"):
        world.outbox.queue(unlinked.id, FIRST, "halo", "JAGA00000000000000A1")
    with pytest.raises(StoreError, match="no longer exists"):
        world.outbox.queue("acc-gone", FIRST, "halo", "JAGA00000000000000A2")
    account = world.linked()
    later = utcnow() + timedelta(minutes=5)
    message = world.outbox.queue(
        account, FIRST, "halo", "JAGA00000000000000A3", SendOptions(not_before=later)
    )
    assert (message.direction, message.chat, message.text) == ("out", FIRST, "halo")
    assert (message.status, message.attempts, message.next_attempt_at) == ("queued", 0, later)
    assert world.outbox.outgoing(account, "JAGA00000000000000A3") == message
    assert world.outbox.outgoing(account, "JAGA00000000000000ZZ") is None
    with pytest.raises(ClientIdTaken):
        world.outbox.queue(account, SECOND, "lagi", "JAGA00000000000000A3")


def test_only_each_chat_s_due_head_is_handed_out_and_a_retry_holds_its_chat(world):
    account = world.linked()
    now = utcnow()
    one = world.outbox.queue(account, FIRST, "one", "JAGA00000000000000B1")
    two = world.outbox.queue(account, FIRST, "two", "JAGA00000000000000B2")
    other = world.outbox.queue(account, SECOND, "other", "JAGA00000000000000B3")
    assert [m.id for m in world.outbox.due({account}, now)] == [one.id, other.id]
    assert world.outbox.due(set(), now) == [] and world.outbox.due({"acc-x"}, now) == []
    retry_at = now + timedelta(seconds=30)
    world.outbox.mark_retry(one.id, "timeout", retry_at)
    assert [m.id for m in world.outbox.due({account}, now)] == [other.id]  # `two` waits too
    assert world.outbox.next_retry_at() == retry_at
    again = world.outbox.due({account}, retry_at)
    assert [(m.id, m.attempts, m.error) for m in again] == [
        (one.id, 1, "timeout"),
        (other.id, 0, None),
    ]
    world.outbox.mark_later(other.id, retry_at + timedelta(hours=1))
    assert [m.id for m in world.outbox.due({account}, retry_at)] == [one.id]
    world.outbox.mark_sent([one.id])
    assert [m.id for m in world.outbox.due({account}, retry_at)] == [two.id]


def test_what_was_sent_is_a_known_chat_and_a_new_contact_reached(world):
    account = world.linked()
    before = utcnow() - timedelta(seconds=1)
    sent = world.outbox.queue(account, FIRST, "halo", "JAGA00000000000000C1")
    world.outbox.queue(account, SECOND, "halo", "JAGA00000000000000C2")
    world.incoming(account, "628999", "pesan", "WAIN1")
    assert world.outbox.known_chats(account, [FIRST, SECOND, "628999"]) == {"628999"}
    assert world.outbox.new_contacts_reached(account, before) == 0
    world.outbox.mark_sent([sent.id])
    assert world.outbox.outgoing(account, sent.message_id).status == "sent"
    assert world.outbox.known_chats(account, [FIRST, SECOND]) == {FIRST}
    assert world.outbox.new_contacts_reached(account, before) == 1  # the customer wrote first
    world.outbox.mark_failed(sent.id, "late")  # only a queued message can fail
    assert world.outbox.outgoing(account, sent.message_id).status == "sent"


def test_a_failed_message_is_sent_again_and_a_refused_one_under_a_new_id(world):
    account = world.linked()
    plain = world.outbox.queue(account, FIRST, "one", "JAGA00000000000000D1")
    refused = world.outbox.queue(account, SECOND, "two", "JAGA00000000000000D2")
    world.outbox.mark_failed(plain.id, "gave up after 8 tries")
    refusal = next(iter(REFUSAL_SENTENCES.values())).replace("%1", "463")
    world.outbox.mark_failed(refused.id, refusal)
    assert world.outbox.due({account}, utcnow()) == []
    world.outbox.resend(plain.id)
    world.outbox.resend(refused.id)
    due = {m.id: m for m in world.outbox.due({account}, utcnow())}
    assert (due[plain.id].message_id, due[plain.id].attempts) == (plain.message_id, 0)
    assert due[refused.id].message_id != refused.message_id
    assert due[refused.id].status == "queued" and due[refused.id].error is None


def test_a_reply_quotes_the_chat_s_message_and_a_missing_one_goes_plain(world):
    account = world.linked()
    world.incoming(account, FIRST, "ada stok?", "WAIN2")
    assert world.outbox.chat_message(account, FIRST, "WAIN2").text == "ada stok?"
    assert world.outbox.chat_message(account, SECOND, "WAIN2") is None
    reply = world.outbox.queue(
        account, FIRST, "ada", "JAGA00000000000000E1", SendOptions(reply_to="WAIN2")
    )
    quote = {"id": "WAIN2", "from_me": False, "text": "ada stok?", "participant": None}
    assert world.outbox.quote_of(reply) == quote
    plain = world.outbox.queue(account, SECOND, "x", "JAGA00000000000000E2")
    orphan = world.outbox.queue(
        account, SECOND, "y", "JAGA00000000000000E3", SendOptions(reply_to="GONE")
    )
    assert world.outbox.quote_of(plain) is None and world.outbox.quote_of(orphan) is None


def test_a_limit_on_new_contacts_holds_only_messages_to_new_contacts(world):
    account = world.linked()
    now = utcnow()
    world.incoming(account, FIRST, "halo", "WAIN3")
    known = world.outbox.queue(account, FIRST, "balas", "JAGA00000000000000F1")
    new = world.outbox.queue(account, SECOND, "promo", "JAGA00000000000000F2")
    world.limit(account, SendLimit("new_contacts_cap", now + timedelta(hours=3)))
    assert [m.id for m in world.outbox.due({account}, now)] == [known.id]
    assert new.id in [m.id for m in world.outbox.due({account}, now + timedelta(hours=4))]
