"""Chats without Qt: conversations from messages, their order, and the delivery ticks."""

from __future__ import annotations

from app.domain.chats import (
    Conversations,
    Placement,
    Tick,
    is_group,
    preview,
    recipient_of,
    tick_for,
    waits_for_reconnect,
)
from app.storage.tables import Message


def message(row_id: int, chat: str, direction: str = "in", status: str = "received") -> Message:
    return Message(
        id=row_id,
        account_id="acc",
        direction=direction,
        chat=chat,
        message_id=f"M{row_id}",
        text=f"text {row_id}",
        status=status,
        attempts=0,
    )


def test_ticks_follow_the_phones_ladder():
    assert tick_for("out", "queued") is Tick.CLOCK
    assert tick_for("out", "sent") is Tick.SENT
    assert tick_for("out", "delivered") is Tick.DELIVERED
    assert tick_for("out", "read") is Tick.READ
    assert tick_for("out", "failed") is Tick.FAILED
    assert tick_for("in", "received") is Tick.NONE
    assert tick_for("out", "something new") is Tick.NONE


def test_only_queued_messages_of_a_number_that_is_away_wait_for_reconnect():
    assert waits_for_reconnect("out", "queued", connected=False)
    assert not waits_for_reconnect("out", "queued", connected=True)  # leaving now: a clock
    assert not waits_for_reconnect("out", "failed", connected=False)
    assert not waits_for_reconnect("out", "sent", connected=False)
    assert not waits_for_reconnect("in", "received", connected=False)


def test_messages_group_into_conversations_newest_first_with_their_last_message():
    chats = Conversations(
        [
            message(1, "6281"),
            message(2, "6282", "out", "read"),
            message(3, "6281", "out", "sent"),
            message(4, "6283"),
            message(5, "6282"),
        ]
    )
    assert chats.chats() == ["6282", "6283", "6281"]
    assert [m.id for m in chats] == [5, 4, 3]
    assert chats.row_of("6283") == 1 and chats.row_of("6289") is None
    # The order messages arrive in does not matter, only their ids.
    shuffled = Conversations([message(5, "6282"), message(1, "6281"), message(3, "6281")])
    assert [m.id for m in shuffled] == [5, 3]


def test_a_new_message_moves_its_conversation_to_the_top():
    chats = Conversations([message(1, "6281"), message(2, "6282"), message(3, "6283")])
    assert chats.apply(message(4, "6281", "out", "queued")) == Placement(2, 0)
    assert chats.chats() == ["6281", "6283", "6282"]
    assert chats[0].id == 4


def test_a_new_chat_is_inserted_at_the_top():
    chats = Conversations([message(1, "6281")])
    assert chats.apply(message(2, "6289")) == Placement(None, 0)
    assert chats.chats() == ["6289", "6281"]


def test_a_status_change_of_the_last_message_updates_its_row_in_place():
    chats = Conversations([message(1, "6281", "out", "queued"), message(2, "6282")])
    assert chats.apply(message(1, "6281", "out", "sent")) == Placement(1, 1)
    assert chats[1].status == "sent"
    assert chats.chats() == ["6282", "6281"]


def test_a_change_to_an_older_message_leaves_the_list_alone():
    chats = Conversations([message(1, "6281", "out", "queued"), message(2, "6281")])
    assert chats.place(message(1, "6281", "out", "sent")) is None
    assert chats.apply(message(1, "6281", "out", "sent")) is None
    assert chats[0].id == 2


def test_place_only_plans_and_put_carries_it_out():
    chats = Conversations([message(1, "6281"), message(2, "6282")])
    placement = chats.place(message(3, "6281"))
    assert placement == Placement(1, 0)
    assert chats.chats() == ["6282", "6281"]  # nothing moved yet
    chats.put(message(3, "6281"), placement)
    assert chats.chats() == ["6281", "6282"]


def test_chats_replies_and_previews():
    assert is_group("120363025246125486@g.us") and not is_group("6281234567890")
    assert recipient_of("6281234567890") == "+6281234567890"
    assert recipient_of("120363025246125486@g.us") == "120363025246125486@g.us"
    assert recipient_of("900000001@lid") == "900000001@lid"
    assert preview("Halo\n\n  kak,   ada?") == "Halo kak, ada?"
    long = preview("x" * 300, limit=20)
    assert len(long) == 20 and long.endswith("…")
