"""Opening hours and the away message / greeting rule (app.domain.inbox.hours, .away)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.inbox.away import (
    AutoReplies,
    ChatFacts,
    Kind,
    auto_client_id,
    check,
    decide,
    is_auto_reply,
)
from app.domain.inbox.errors import InboxError
from app.domain.inbox.hours import Span, format_day, is_open, parse_day, parse_week

WEEKDAYS = ["08:00-12:00, 13:00-17:00"] * 5 + ["09:00-13:00", ""]
WEEK = parse_week(WEEKDAYS)
MONDAY_NIGHT = datetime(2026, 3, 2, 22, 30)  # a Monday
MONDAY_NOON = datetime(2026, 3, 2, 12, 30)
MONDAY_MORNING = datetime(2026, 3, 2, 9, 0)
SUNDAY = datetime(2026, 3, 8, 10, 0)
CUSTOMER = ChatFacts(is_group=False, first_ever=False, owner_answered_at=None, away_sent_at=None)
AWAY = AutoReplies(away_on=True, away_text="Tutup, besok kami balas", hours=WEEK)


def test_a_day_is_read_as_typed_and_written_back_the_same():
    spans = parse_day("13:00-17:00,08.00 - 12:00")
    assert spans == (Span(480, 720), Span(780, 1020))
    assert format_day(spans) == "08:00-12:00, 13:00-17:00"
    assert parse_day("") == () and parse_day(" , ") == ()
    assert parse_day("00:00-24:00") == (Span(0, 1440),)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("08:00-12:00, 11:00-14:00", "hours_overlap"),
        ("08:00-08:00", "hours_empty"),
        ("17:00-08:00", "hours_empty"),
        ("8-17", "hours_format"),
        ("25:00-26:00", "hours_time"),
        ("08:61-09:00", "hours_time"),
        ("pagi", "hours_format"),
    ],
)
def test_bad_opening_hours_get_a_sentence(text, code):
    with pytest.raises(InboxError) as refused:
        parse_day(text)
    assert refused.value.code == code
    assert str(refused.value)  # a sentence for people


def test_open_is_by_weekday_and_minute():
    assert is_open(WEEK, MONDAY_MORNING)
    assert not is_open(WEEK, MONDAY_NOON)  # the lunch break
    assert not is_open(WEEK, MONDAY_NIGHT)
    assert not is_open(WEEK, SUNDAY)
    assert is_open(WEEK, datetime(2026, 3, 7, 12, 59))  # Saturday
    assert not is_open(WEEK, datetime(2026, 3, 7, 13, 0))  # the end is not open any more


def decided(facts=CUSTOMER, settings=AWAY, local=MONDAY_NIGHT, utc=None):
    return decide(settings, facts, arrived_utc=utc or local, arrived_local=local)


def test_outside_hours_a_customer_gets_the_away_message():
    reply = decided()
    assert reply is not None and reply.kind is Kind.AWAY and reply.text == AWAY.away_text


def test_in_hours_no_away_message():
    assert decided(local=MONDAY_MORNING) is None


def test_never_to_a_group():
    group = ChatFacts(is_group=True, first_ever=True, owner_answered_at=None, away_sent_at=None)
    assert decided(group) is None
    greeting = AutoReplies(greeting_on=True, greeting_text="Halo!", away_on=True, away_text="x")
    assert decided(group, greeting) is None


def test_once_per_customer_per_day():
    at = MONDAY_NIGHT
    sent = ChatFacts(False, False, None, away_sent_at=at - timedelta(hours=23, minutes=59))
    assert decided(sent) is None
    old = ChatFacts(False, False, None, away_sent_at=at - timedelta(hours=24))
    assert decided(old) is not None


def test_not_to_a_customer_the_owner_answered_in_the_last_hour():
    answered = ChatFacts(
        False, False, owner_answered_at=MONDAY_NIGHT - timedelta(minutes=59), away_sent_at=None
    )
    assert decided(answered) is None
    earlier = ChatFacts(
        False, False, owner_answered_at=MONDAY_NIGHT - timedelta(minutes=61), away_sent_at=None
    )
    assert decided(earlier) is not None


def test_the_greeting_answers_a_first_message_even_in_hours():
    settings = AutoReplies(greeting_on=True, greeting_text="Selamat datang", hours=WEEK)
    first = ChatFacts(False, True, None, None)
    reply = decided(first, settings, local=MONDAY_MORNING)
    assert reply is not None and reply.kind is Kind.GREETING
    assert decided(CUSTOMER, settings, local=MONDAY_MORNING) is None


def test_switched_off_or_without_words_nothing_goes():
    assert decided(settings=AutoReplies(away_on=False, away_text="x", hours=WEEK)) is None
    assert decided(settings=AutoReplies(away_on=True, away_text="  ", hours=WEEK)) is None


def test_the_answer_to_one_message_always_has_the_same_client_id():
    first = auto_client_id(Kind.AWAY, "acc-1", "ABC")
    assert first == auto_client_id(Kind.AWAY, "acc-1", "ABC")
    assert first != auto_client_id(Kind.AWAY, "acc-1", "ABD")
    assert first != auto_client_id(Kind.GREETING, "acc-1", "ABC")
    assert is_auto_reply(first) and not is_auto_reply("JAGA0123456789ABCDEF")


@pytest.mark.parametrize(
    ("settings", "code"),
    [
        (AutoReplies(away_on=True, away_text=""), "away_text_missing"),
        (AutoReplies(away_on=True, away_text="Tutup"), "hours_none"),
        (AutoReplies(greeting_on=True, greeting_text=" "), "greeting_text_missing"),
        (AutoReplies(away_on=True, away_text="x" * 61, hours=WEEK), "auto_text_long"),
    ],
)
def test_settings_that_cannot_work_are_refused(settings, code):
    with pytest.raises(InboxError) as refused:
        check(settings, max_utf16=60)
    assert refused.value.code == code


def test_settings_that_work_pass():
    check(AWAY, max_utf16=60)
    check(AutoReplies(), max_utf16=60)
