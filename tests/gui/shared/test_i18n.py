"""English and Bahasa Indonesia: sources complete, compiled, loaded, and switched live."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from app.ui.shared.formatting import age, status_words, tr, trn
from app.ui.shared.i18n import (
    SOURCES,
    TRANSLATIONS,
    Translations,
    extract,
    read_ts,
    resolve_language,
    source_files,
)


def test_every_text_in_the_code_is_in_the_indonesian_sources_and_translated():
    wanted = {m.source for m in extract(source_files(SOURCES))}
    language, entries = read_ts(TRANSLATIONS / "jaga_id.ts")
    assert language == "id"
    missing = wanted - set(entries)
    assert not missing, f"run `python -m app.ui.shared.i18n update`: {sorted(missing)[:5]}"
    unfinished = [s for s in wanted if entries[s].unfinished or not any(entries[s].translations)]
    assert not unfinished, f"untranslated: {unfinished[:5]}"


def test_the_english_sources_cover_the_same_texts():
    wanted = {m.source for m in extract(source_files(SOURCES))}
    _language, entries = read_ts(TRANSLATIONS / "jaga_en.ts")
    assert wanted <= set(entries)


def test_extraction_finds_tr_trn_and_tr_noop(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        'A = tr_noop("Marked")\nB = tr("Shown")\nC = trn("%n things", 2)\nD = tr(variable)\n',
        encoding="utf-8",
    )
    found = {m.source: m.numerus for m in extract([module], root=tmp_path)}
    assert found == {"Marked": False, "Shown": False, "%n things": True}


def test_indonesian_loads_and_key_strings_are_translated(qapp, english):
    translations = Translations()
    assert translations.apply("id") == "id"
    assert status_words("connected") == "Terhubung"
    assert status_words("logged_out") == "Dikeluarkan — tautkan lagi"
    assert tr("Add your WhatsApp number") == "Tambahkan nomor WhatsApp Anda"
    assert tr("Reconnect") == "Sambungkan ulang"
    assert "Perangkat tertaut" in tr(
        "On your phone open <b>WhatsApp</b> → <b>Settings</b> (or ⋮) → <b>Linked devices</b> → "
        "<b>Link a device</b>, then point the phone at this code."
    )
    assert trn("%n days ago", 3) == "3 hari lalu"
    assert QLocale().name().startswith("id")
    assert translations.apply("en") == "en"
    assert status_words("connected") == "Connected"


def test_english_plurals(qapp):
    from datetime import datetime, timedelta

    now = datetime(2026, 1, 10)
    assert age(now - timedelta(days=1), now) == "1 day ago"
    assert age(now - timedelta(days=4), now) == "4 days ago"


def test_the_ui_follows_the_system_language_unless_told_otherwise():
    assert resolve_language("", QLocale("id_ID")) == "id"
    assert resolve_language("", QLocale("in_ID")) == "id"
    assert resolve_language("", QLocale("de_DE")) == "en"
    assert resolve_language("en", QLocale("id_ID")) == "en"
    assert resolve_language("id", QLocale("en_US")) == "id"
    assert resolve_language("xx", QLocale("en_US")) == "en"
