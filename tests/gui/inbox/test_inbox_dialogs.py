"""The inbox's windows and dialogs on a real app.sqlite3 (no bridge): bad input gets a
sentence and changes nothing; search never breaks; the tray's notice opens the chat."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from app.domain.bridge_messages import Inbound
from app.domain.inbox.errors import InboxError
from app.domain.inbox.labels import clean_name
from app.domain.inbox.search import parse
from app.storage.inbox.tables import InboxSettings
from app.ui.inbox.words import SENTENCES, inbox_words
from tests.store_kit import linked

CHAT = "6281234500021"


@pytest.fixture
def shop(offline_service) -> str:
    account_id = linked(offline_service.store, "6281300000501", "Toko Depan")
    offline_service.reload_accounts()
    return account_id


def arrive(service, account_id: str, message_id: str, text: str, chat: str = CHAT) -> None:
    """As the core's inbox stores a message from the bridge, and says so."""
    item = Inbound(account_id, message_id, chat, text, datetime(2026, 3, 2))
    added, _updated = service.store.store_durable([item])
    for row_id in added:
        service.signals.message_added.emit(row_id)


def test_every_refusal_has_its_sentence_in_english_as_the_rules_say_it():
    samples = [
        lambda: clean_name("x" * 2000),
        lambda: parse('"'),
        lambda: parse("a" * 10_000),
    ]
    for make in samples:
        with pytest.raises(InboxError) as refused:
            make()
        assert refused.value.template == SENTENCES[refused.value.code]
        assert inbox_words(refused.value) == str(refused.value)


@pytest.mark.parametrize("typed", ['"', "*", "a" * 10_000, "NEAR(", "kaos OR *", "'; drop"])
def test_hostile_searches_say_why_or_find_nothing_and_change_nothing(
    qtbot, offline_service, make_window, shop, typed
):
    arrive(offline_service, shop, "A1", "kaos merah")
    window = make_window(offline_service)
    inbox = window.inbox_hooks.open_inbox()
    before = inbox.model.rowCount()
    inbox.search_box.setText(typed)
    inbox.run_search()
    results = inbox.results
    if results.error_label.isVisibleTo(inbox):
        assert results.error_label.text() in (
            "Type a word, a name or a phone number to search for.",
            "Search for at most 200 characters (this has 10,000).",
        )
    else:
        assert results.hits == [] or all("kaos" in h.text for h in results.hits)
    assert inbox.model.rowCount() == before
    inbox.search_box.setText("merah")
    inbox.run_search()
    assert [h.text for h in results.hits] == ["kaos merah"]
    assert not results.error_label.isVisibleTo(inbox)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "Give the label a name, for example “Paid”."),
        ("x" * 2000, "A label's name is at most 100 characters (this one has 2,000)."),
    ],
)
def test_a_bad_label_gets_a_sentence_and_changes_nothing(
    qtbot, offline_service, make_window, shop, name, words
):
    window = make_window(offline_service)
    dialog = window.inbox_hooks.open_labels(shop)
    dialog.name.setText("Baru")
    assert dialog.save() is not None
    dialog.new_label()
    dialog.name.setText(name)
    assert dialog.save() is None
    assert dialog.error_label.text() == words
    assert [x.name for x in offline_service.one_inbox.labels(shop)] == ["Baru"]


def test_a_quick_reply_over_the_text_limit_is_refused(qtbot, offline_service, make_window, shop):
    window = make_window(offline_service)
    dialog = window.inbox_hooks.open_quick_replies()
    dialog.shortcut.setText("panjang")
    dialog.text.setPlainText("x" * 60_001)
    assert dialog.save() is None
    assert dialog.error_label.text() == (
        "A quick reply is at most 60,000 characters (this one has 60,001)."
    )
    assert offline_service.one_inbox.quick_replies() == []


@pytest.mark.parametrize(
    ("monday", "words"),
    [
        ("08:00-12:00, 11:00-14:00", "08:00-12:00 and 11:00-14:00 overlap."),
        (
            "09:00-09:00",
            "“09:00-09:00” is empty or ends before it starts; write a span such as 08:00-17:00.",
        ),
        ("pagi", "Write opening hours as 08:00-17:00 (not “pagi”)."),
    ],
)
def test_bad_opening_hours_get_a_sentence_and_nothing_is_saved(
    qtbot, offline_service, make_window, shop, monday, words
):
    window = make_window(offline_service)
    dialog = window.inbox_hooks.open_hours(shop)
    dialog.days[0].setText(monday)
    dialog.away_on.setChecked(True)
    dialog.away_text.setPlainText("Tutup")
    assert not dialog.save()
    assert dialog.error_label.text() == words
    with offline_service.store.session() as s:
        assert s.scalars(select(InboxSettings)).all() == []


def test_away_with_no_opening_hours_at_all_is_refused(qtbot, offline_service, make_window, shop):
    window = make_window(offline_service)
    dialog = window.inbox_hooks.open_hours(shop)
    dialog.away_on.setChecked(True)
    dialog.away_text.setPlainText("Tutup")
    assert not dialog.save()
    assert dialog.error_label.text().startswith("With no opening hours the away message")
    assert not offline_service.one_inbox.settings(shop).auto.away_on


def test_with_a_tray_a_notice_is_a_tray_message_and_a_click_opens_the_chat(
    qtbot, offline_service, make_window, shop
):
    window = make_window(offline_service, tray=True)
    hooks = window.inbox_hooks
    shown = []
    window.tray.icon.showMessage = lambda *args: shown.append(args[:2])
    arrive(offline_service, shop, "A1", "Ada stok kaos?")
    qtbot.waitUntil(lambda: shown == [("Toko Depan — +62 812-3450-0021", "Ada stok kaos?")])
    assert not hooks.banner.rows  # not twice: the tray has it
    window.tray.icon.messageClicked.emit()
    chats = window.chat_windows[shop]
    assert chats.chat == CHAT
    qtbot.waitUntil(lambda: hooks.totals == {})  # the chat shown is read


def test_no_notice_for_own_messages_groups_or_a_number_switched_off(
    qtbot, offline_service, make_window, shop
):
    from app.domain.inbox.notices import NoticeRules
    from app.domain.inbox.views import NumberSettings

    other = linked(offline_service.store, "6281300000502", "Gudang")
    offline_service.reload_accounts()
    window = make_window(offline_service)
    notices = window.inbox_hooks.notices
    offline_service.send_message(shop, "+" + CHAT, "Halo kak")  # the owner's own
    arrive(offline_service, shop, "G1", "info grup", chat="120363000000000002@g.us")
    offline_service.one_inbox.save_settings(NumberSettings(shop, notices=NoticeRules(on=False)))
    arrive(offline_service, shop, "A2", "halo")
    # The last one is told: every earlier message was looked at before it.
    arrive(offline_service, other, "B1", "kirim kapan?")
    qtbot.waitUntil(lambda: len(notices.shown) == 1)
    assert [account_id for account_id, _title, _body in notices.shown] == [other]
