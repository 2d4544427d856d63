"""Labels, quick replies, search queries, unread counts and notices (app.domain.inbox)."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.domain.inbox import labels, quick_replies, search
from app.domain.inbox.errors import InboxError
from app.domain.inbox.notices import Arrival, NoticeGroups, NoticeRules, quiet, tells
from app.domain.inbox.quick_replies import QuickReply
from app.domain.inbox.unread import ReadState, after_inbound, after_read, waiting_for_answer

# --- labels -------------------------------------------------------------------------------


def test_a_label_name_is_trimmed_to_one_line():
    assert labels.clean_name("  Sudah   bayar ") == "Sudah bayar"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", "label_name_missing"),
        ("   ", "label_name_missing"),
        ("\u200b", "label_name_missing"),
        (None, "label_name_missing"),
        ("a\nb", "label_name_control"),
        ("x" * 2000, "label_name_long"),
    ],
)
def test_bad_label_names_get_a_sentence(name, code):
    with pytest.raises(InboxError) as refused:
        labels.clean_name(name)
    assert refused.value.code == code


def test_colours_are_whatsapps_palette():
    assert labels.check_color(0) == 0 and labels.color_hex(1) == "#64c4ff"
    assert labels.color_of_hex("#64C4FF") == 1
    assert labels.color_hex(99) == "#000000"
    for bad in (-1, 20, True, "1", None):
        with pytest.raises(InboxError):
            labels.check_color(bad)
    with pytest.raises(InboxError):
        labels.color_of_hex("#123456")


def test_new_label_ids_follow_the_highest():
    assert labels.next_label_id([]) == "1"
    assert labels.next_label_id(["1", "5", "x"]) == "6"
    assert labels.check_label_id(" 07 ") == "7"
    with pytest.raises(InboxError):
        labels.check_label_id("1; drop")


# --- quick replies ------------------------------------------------------------------------


def test_shortcuts_are_one_lower_case_word():
    assert quick_replies.clean_shortcut("/Terima") == "terima"
    for bad in ("", "/", "dua kata", "x" * 31, "-a"):
        with pytest.raises(InboxError):
            quick_replies.clean_shortcut(bad)


def test_variables_are_filled_in():
    text = "Terima kasih {name}! Nomor {number}, tanggal {today}. {other}"
    expanded = quick_replies.expand(text, name="Budi", number="+6281", today="02/03/2026")
    assert expanded == "Terima kasih Budi! Nomor +6281, tanggal 02/03/2026. {other}"
    assert quick_replies.expand("Halo {name}", name=None, number="+6281", today="") == (
        "Halo +6281"
    )


def test_a_reply_over_the_text_limit_is_refused():
    assert quick_replies.check_text("x" * 100, 100)
    with pytest.raises(InboxError) as refused:
        quick_replies.check_text("x" * 101, 100)
    assert refused.value.code == "reply_text_long"
    with pytest.raises(InboxError):  # room for a name
        quick_replies.check_text("{name}" + "x" * 90, 100)
    with pytest.raises(InboxError):
        quick_replies.check_text("   ", 100)


def test_the_typed_shortcut_and_its_replacement():
    assert quick_replies.typed_shortcut("/ter") == "ter"
    assert quick_replies.typed_shortcut("ok /Ter") == "ter"
    assert quick_replies.typed_shortcut("/") == ""
    assert quick_replies.typed_shortcut("http://x") is None
    assert quick_replies.typed_shortcut("/ter ") is None
    assert quick_replies.replace_typed("ok /ter", "Terima kasih") == "ok Terima kasih"
    assert quick_replies.replace_typed("/ter", "Terima kasih") == "Terima kasih"


def test_matching_replies_the_numbers_own_first():
    replies = [
        QuickReply(1, "terima", "shared"),
        QuickReply(2, "terima", "mine", "acc-1"),
        QuickReply(3, "tolak", "other number", "acc-2"),
        QuickReply(4, "harga", "shared"),
    ]
    found = quick_replies.matching(replies, "t", "acc-1")
    assert [r.id for r in found] == [2, 1]


# --- search -------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ['"', "*", '"*"', "  ", "()", "AND"[:0]])
def test_a_search_with_no_word_gets_a_sentence(typed):
    with pytest.raises(InboxError) as refused:
        search.parse(typed)
    assert refused.value.code == "search_empty"


def test_a_long_search_gets_a_sentence():
    with pytest.raises(InboxError) as refused:
        search.parse("a" * 10_000)
    assert refused.value.code == "search_long"


def test_fts_syntax_is_only_words():
    query = search.parse('harga" OR * NEAR(beli "baju')
    assert query.fts == '"harga"* "or"* "near"* "beli"* "baju"*'
    assert search.parse("0812-3456").digits == "08123456"
    assert search.parse("Budi").digits is None
    assert search.like_pattern("50%_a") == "%50\\%\\_a%"


# --- unread -------------------------------------------------------------------------------


def test_unread_counts_what_came_after_the_read_point():
    state = after_inbound(after_inbound(ReadState(), 10), 11)
    assert state == ReadState(2, 0)
    assert after_inbound(ReadState(0, 20), 15) == ReadState(0, 20)  # read before it was stored
    assert after_read(state, 10, [10, 11]) == ReadState(1, 10)
    assert after_read(ReadState(1, 10), 5, [11]) == ReadState(1, 10)  # never backwards


def test_waiting_means_the_customer_wrote_last():
    assert waiting_for_answer("6281", last_in_id=5, last_answer_id=None)
    assert waiting_for_answer("6281", last_in_id=5, last_answer_id=4)
    assert not waiting_for_answer("6281", last_in_id=5, last_answer_id=6)
    assert not waiting_for_answer("6281", last_in_id=None, last_answer_id=6)
    assert not waiting_for_answer("1203@g.us", last_in_id=5, last_answer_id=None)


# --- notices ------------------------------------------------------------------------------

NIGHT = datetime(2026, 3, 2, 23, 0)
DAY = datetime(2026, 3, 2, 10, 0)


def arrival(chat="6281", direction="in", account="acc-1", text="halo"):
    return Arrival(account, chat, direction, text, sender=chat)


def test_notices_only_for_customers_messages():
    rules = NoticeRules()
    assert tells(rules, arrival(), DAY)
    assert not tells(rules, arrival(direction="out"), DAY)
    assert not tells(rules, arrival(chat="1203@g.us"), DAY)
    assert tells(NoticeRules(groups=True), arrival(chat="1203@g.us"), DAY)
    assert not tells(NoticeRules(on=False), arrival(), DAY)


def test_quiet_hours_may_cross_midnight():
    rules = NoticeRules(quiet_from=22 * 60, quiet_to=7 * 60)
    assert quiet(rules, NIGHT) and quiet(rules, datetime(2026, 3, 3, 6, 59))
    assert not quiet(rules, DAY) and not tells(rules, arrival(), NIGHT)
    assert quiet(NoticeRules(quiet_from=60, quiet_to=120), datetime(2026, 3, 2, 1, 30))
    assert not quiet(NoticeRules(quiet_from=60, quiet_to=60), datetime(2026, 3, 2, 1, 0))


def test_notices_group_per_number_until_seen():
    groups = NoticeGroups()
    groups.add(arrival(chat="6281", text="satu"))
    notice = groups.add(arrival(chat="6282", text="dua " * 40))
    groups.add(arrival(account="acc-2"))
    assert (notice.count, notice.senders, notice.last_chat) == (2, 2, "6282")
    assert notice.last_text.endswith("…") and len(notice.last_text) <= 80
    assert len(groups.current()) == 2
    groups.seen("acc-1")
    assert [n.account_id for n in groups.current()] == ["acc-2"]
