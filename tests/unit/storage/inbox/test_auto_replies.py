"""The away message and greeting, queued in the transaction of the customer's message."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from app.domain.inbox.away import AutoReplies, is_auto_reply
from app.domain.inbox.hours import parse_week
from app.domain.inbox.views import NumberSettings
from app.storage.inbox.chats import ChatsRepo
from app.storage.inbox.settings import SettingsRepo
from app.storage.tables import Message
from tests.unit.storage.inbox.conftest import inbound

WEEK = parse_week(["08:00-17:00"] * 6 + [""])
NIGHT = datetime(2026, 3, 2, 22, 0)  # a Monday, closed
MORNING = datetime(2026, 3, 3, 9, 0)  # Tuesday, open
CHAT = "6281234567890"
GROUP = "120363000000000001@g.us"


def away_on(store, account, **extra) -> None:
    auto = AutoReplies(away_on=True, away_text="Kami tutup; besok kami balas.", hours=WEEK, **extra)
    SettingsRepo(store).save(NumberSettings(account, auto=auto))


def answers(store, account) -> list[Message]:
    with store.session() as s:
        rows = s.scalars(
            select(Message).where(Message.account_id == account, Message.direction == "out")
        )
        return [m for m in rows if is_auto_reply(m.message_id)]


def test_outside_hours_one_away_message_per_customer(hooked, shop, told):
    away_on(hooked, shop)
    hooked.store_durable(
        [inbound(shop, "A1", CHAT, "halo", NIGHT), inbound(shop, "A2", CHAT, "?", NIGHT)]
    )
    [reply] = answers(hooked, shop)
    assert (reply.chat, reply.status, reply.text) == (
        CHAT,
        "queued",
        "Kami tutup; besok kami balas.",
    )
    assert told.run().queued == [reply.id]
    hooked.store_durable([inbound(shop, "A3", CHAT, "halo lagi", NIGHT + timedelta(hours=2))])
    assert len(answers(hooked, shop)) == 1
    # The answer is not the owner's: the customer still waits, unread stays.
    conversation = ChatsRepo(hooked).conversation(shop, CHAT)
    assert conversation.waiting and conversation.unread == 3


def test_none_in_hours_none_to_a_group_none_after_the_owner_answered(hooked, shop):
    away_on(hooked, shop)
    hooked.store_durable([inbound(shop, "A1", CHAT, "pagi", MORNING)])
    hooked.store_durable([inbound(shop, "G1", GROUP, "malam", NIGHT)])
    assert answers(hooked, shop) == []
    other = "6289876543210"
    hooked.queue_message(shop, other, "sebentar ya", "JAGA00000000000000AA")
    with hooked.session() as s:  # the owner answered five minutes before the message
        row = s.scalars(select(Message).where(Message.chat == other)).one()
        row.created_at = NIGHT - timedelta(minutes=5)
    hooked.store_durable([inbound(shop, "B1", other, "oke", NIGHT)])
    assert answers(hooked, shop) == []


def test_a_replayed_message_is_not_answered_twice(hooked, shop):
    away_on(hooked, shop)
    batch = [inbound(shop, "A1", CHAT, "halo", NIGHT)]
    hooked.store_durable(batch)
    hooked.store_durable(batch)  # the bridge replays what it did not hear acknowledged
    assert len(answers(hooked, shop)) == 1


def test_a_greeting_for_a_first_message_ever(hooked, shop):
    auto = AutoReplies(greeting_on=True, greeting_text="Selamat datang di Toko Depan!", hours=WEEK)
    SettingsRepo(hooked).save(NumberSettings(shop, auto=auto))
    hooked.store_durable([inbound(shop, "A1", CHAT, "halo", MORNING)])
    hooked.store_durable([inbound(shop, "A2", CHAT, "halo lagi", MORNING)])
    [greeting] = answers(hooked, shop)
    assert greeting.text == "Selamat datang di Toko Depan!"


def test_settings_round_trip(hooked, shop):
    repo = SettingsRepo(hooked)
    assert repo.get(shop) == NumberSettings(shop)
    away_on(hooked, shop)
    stored = repo.get(shop)
    assert stored.auto.hours == WEEK and stored.auto.away_on and not stored.blue_ticks
