"""Unread counts, reads, names and search, on a real app.sqlite3 (app.storage.inbox)."""

from __future__ import annotations

import pytest

from app.domain.inbox.errors import InboxError
from app.domain.inbox.events import ChatName, ChatRead
from app.domain.inbox.search import parse
from app.storage.inbox.chats import ChatsRepo
from app.storage.inbox.search import SearchRepo
from tests.unit.storage.inbox.conftest import inbound

CUSTOMER = "6281234567890"


def test_incoming_messages_are_unread_until_read_in_jaga(hooked, shop, told):
    chats = ChatsRepo(hooked)
    hooked.store_durable(
        [inbound(shop, "A1", CUSTOMER, "halo"), inbound(shop, "A2", CUSTOMER, "?")]
    )
    assert told.run().chats == {(shop, CUSTOMER)}
    [conversation] = chats.conversations()
    assert (conversation.unread, conversation.last_text, conversation.waiting) == (2, "?", True)
    assert chats.unread_totals() == {shop: 2}
    assert chats.mark_read(shop, CUSTOMER) == [("A1", None), ("A2", None)]
    assert chats.conversation(shop, CUSTOMER).unread == 0
    assert chats.unread_totals() == {}
    assert chats.mark_read(shop, CUSTOMER) == []  # nothing left to tell the customer


def test_the_owners_answer_ends_the_wait_and_the_newest_message_leads(hooked, shop):
    chats = ChatsRepo(hooked)
    hooked.store_durable([inbound(shop, "A1", CUSTOMER, "ada stok?")])
    hooked.queue_message(shop, CUSTOMER, "Ada kak", "JAGA0000000000000001")
    conversation = chats.conversation(shop, CUSTOMER)
    assert (conversation.last_direction, conversation.last_text) == ("out", "Ada kak")
    assert not conversation.waiting
    assert conversation.unread == 1  # answering is not reading


def test_a_read_on_the_phone_clears_up_to_the_messages_it_names(hooked, shop, told):
    chats = ChatsRepo(hooked)
    hooked.store_durable([inbound(shop, f"A{i}", CUSTOMER, str(i)) for i in range(3)])
    hooked.store_durable([ChatRead(shop, CUSTOMER, ("A1",))])
    assert chats.conversation(shop, CUSTOMER).unread == 1
    told.run()
    hooked.store_durable([ChatRead(shop, CUSTOMER, None)])
    assert chats.conversation(shop, CUSTOMER).unread == 0
    assert told.run().chats == {(shop, CUSTOMER)}
    hooked.store_durable([ChatRead(shop, "6289999", None)])  # a chat Jaga does not have
    assert not told.run()


def test_a_read_that_comes_before_its_message_is_not_lost_as_unread(hooked, shop):
    chats = ChatsRepo(hooked)
    hooked.store_durable([inbound(shop, "A1", CUSTOMER, "1")])
    hooked.store_durable([inbound(shop, "A2", CUSTOMER, "2"), ChatRead(shop, CUSTOMER, ("A2",))])
    assert chats.conversation(shop, CUSTOMER).unread == 0


def test_names_from_whatsapp_and_from_the_owner(hooked, shop):
    chats = ChatsRepo(hooked)
    hooked.store_durable([ChatName(shop, CUSTOMER, " Budi  Santoso "), ChatName("gone", "1", "x")])
    hooked.store_durable([inbound(shop, "A1", CUSTOMER, "halo")])
    assert chats.conversation(shop, CUSTOMER).name == "Budi Santoso"
    chats.set_owner_name(shop, CUSTOMER, "Pak Budi (grosir)")
    assert chats.conversation(shop, CUSTOMER).name == "Pak Budi (grosir)"
    chats.set_owner_name(shop, CUSTOMER, "  ")
    assert chats.conversation(shop, CUSTOMER).name == "Budi Santoso"


def test_search_finds_words_names_and_numbers_across_numbers(hooked, shop):
    from tests.store_kit import linked

    other = linked(hooked, "628100000002", "Gudang")
    hooked.store_durable(
        [
            ChatName(shop, CUSTOMER, "Budi"),
            inbound(shop, "A1", CUSTOMER, "Berapa harga kaos polos?"),
            inbound(other, "B1", "6285555", "Pesanan kaosnya sudah dikirim"),
            inbound(other, "B2", "6285555", "terima kasih"),
        ]
    )
    repo = SearchRepo(hooked)
    by_words = repo.search(parse("kaos"))
    assert [(h.account_id, h.text) for h in by_words] == [
        (other, "Pesanan kaosnya sudah dikirim"),
        (shop, "Berapa harga kaos polos?"),
    ]
    assert repo.search(parse("HÁRGA"))[0].text == "Berapa harga kaos polos?"  # case, accents
    [by_name] = [h for h in repo.search(parse("budi")) if h.by_name]
    assert (by_name.chat, by_name.name) == (CUSTOMER, "Budi")
    by_number = repo.search(parse("0812 3456"))
    assert by_number[0].chat == CUSTOMER and by_number[0].by_name


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"kaos',
        "kaos*",
        "NEAR(kaos)",
        "kaos OR",
        "a AND b",
        "-kaos",
        "^kaos",
        "kaos:x",
        "{kaos}",
        "'",
        "%",
        "_",
        "\\",
        "x" * 200,
        "😀 kaos",
    ],
)
def test_nothing_typed_breaks_the_search(hooked, shop, typed):
    hooked.store_durable([inbound(shop, "A1", CUSTOMER, "kaos")])
    repo = SearchRepo(hooked)
    try:
        query = parse(typed)
    except InboxError:
        return  # said in words
    repo.search(query)  # never an FTS syntax error


def test_the_index_follows_removed_messages(hooked, shop):
    hooked.store_durable([inbound(shop, "A1", CUSTOMER, "kaos merah")])
    hooked.remove_account(shop)
    assert SearchRepo(hooked).search(parse("kaos")) == []
    with hooked.engine.connect() as c:
        check = c.exec_driver_sql(
            "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"
        )
        check.close()
