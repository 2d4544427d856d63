"""Words a person reads: Quit and Close never the same word; one name for the bridge in
Bahasa; every state in the owner's language; times as the language writes them; a routine
restart read as routine."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from app.domain.bridge_policy import State
from app.domain.status import SessionStatus
from app.ui.gateway_setup.webhooks_panel import DELIVERY_WORDS
from app.ui.shared.formatting import (
    bridge_words,
    date_time_format,
    day_or_time,
    reason_words,
    status_words,
    time_of_day,
    tr,
)
from app.ui.shared.i18n import TRANSLATIONS, Translations


def translations(language: str) -> dict[str, str]:
    """Source → translation; a plural's forms joined by newlines (each is read too)."""
    root = ET.parse(TRANSLATIONS / f"jaga_{language}.ts").getroot()
    found = {}
    for message in root.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if translation is not None and translation.get("type") != "vanished":
            forms = [form.text or "" for form in translation.findall("numerusform")]
            found[source.text or ""] = "\n".join(forms) if forms else translation.text or ""
    return found


def test_quit_and_close_are_different_words_in_both_languages(qapp, english):
    """Seen failing against: main at 583a38a (Bahasa: "Tutup Jaga" for Quit, "Tutup" for
    Close, while the close notice said choose "Keluar dari Jaga")."""
    for language in ("en", "id"):
        Translations().apply(language)
        quit_words, close = tr("Quit Jaga"), tr("Close")
        assert close.lower() not in quit_words.lower(), (language, quit_words, close)
        assert quit_words in tr(
            "Your numbers stay connected and Jaga tells you when one drops. "
            "To stop Jaga, choose Quit Jaga in the tray menu."
        ), language
        assert tr("Log out") != quit_words


def test_the_bridge_has_one_name_in_bahasa():
    """Seen failing against: main at 583a38a ("bridge" and "penghubung" mixed), and against
    a plural's forms left unread ("tetapi bridge masih menyimpan tautan…")."""
    mixed = [t for t in translations("id").values() if re.search(r"\bbridge\b", t, re.I)]
    assert mixed == []


def test_every_state_is_said_in_bahasa(qapp, english):
    """Seen failing against: main at 583a38a (the webhook state "delivered" was English)."""
    shown = []
    for language in ("en", "id"):
        Translations().apply(language)
        shown.append(
            [status_words(s.value) for s in SessionStatus]
            + [bridge_words(s) for s in State]
            + [tr(words) for words in DELIVERY_WORDS.values()]
        )
    english_words, bahasa = shown
    same = [e for e, i in zip(english_words, bahasa, strict=True) if e == i]
    assert same == []


def test_times_and_the_date_picker_follow_the_language(qapp, english):
    """Seen failing against: main at 583a38a (a US 12-hour date picker in Bahasa)."""
    Translations().apply("id")
    moment = datetime(2026, 11, 21, 7, 5, 9)
    assert re.fullmatch(r"\d\d\.\d\d", time_of_day(moment))  # 24-hour, as Indonesia writes it
    assert "AP" not in date_time_format() and "HH" in date_time_format()
    assert date_time_format().startswith("dd/MM/yyyy")
    assert re.fullmatch(r"\d\d/\d\d/2025", day_or_time(datetime(2025, 3, 4, 10, 0), moment))


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_routine_restart_after_linking_reads_as_routine(qapp, english, language):
    """Seen failing against: main at 583a38a ("WhatsApp asked for a restart." after every
    link read like an error)."""
    Translations().apply(language)
    words = reason_words("restart_required").lower()
    assert ("routine" if language == "en" else "biasa") in words
