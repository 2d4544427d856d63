"""No text reaches the owner without a translation: not in the sources, not among the
reasons and audit kinds the details pane shows, and not on the screen. Each check is also
shown to catch a planted mistake."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.domain.bridge_policy import State
from app.ui.bridge_status.panel import BridgePanel
from app.ui.linking.dialog import QrDialog
from app.ui.shared import formatting
from app.ui.shared.i18n import SOURCES, TRANSLATIONS, extract, read_ts, source_files
from tests.gui.conftest import observe, set_bridge
from tests.i18n_checks import (
    MarkingTranslator,
    app_reasons,
    audit_kinds,
    bridge_reasons,
    literal_shown_texts,
    unmarked,
    widget_texts,
)


def untranslated(sources: set[str], ts_entries: dict) -> list[str]:
    """Texts of the code that the .ts lacks or leaves unfinished."""
    return sorted(
        s
        for s in sources
        if s not in ts_entries or ts_entries[s].unfinished or not any(ts_entries[s].translations)
    )


def missing_words() -> list[str]:
    reasons = (bridge_reasons() | app_reasons()) - set(formatting.REASON_WORDS)
    kinds = audit_kinds() - set(formatting.AUDIT_WORDS)
    return sorted(f"reason {r}" for r in reasons) + sorted(f"audit kind {k}" for k in kinds)


# --- the sources ---------------------------------------------------------------------------


def test_no_literal_text_is_handed_to_a_widget():
    assert literal_shown_texts(source_files(SOURCES)) == []


def test_the_literal_check_catches_a_planted_string(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text(
        "label.setText('Saved')\n"
        "button = QPushButton(f'Send {count}')\n"
        "label.setText(tr('Fine'))\n"
        "mark = QLabel('✔')\n",
        encoding="utf-8",
    )
    assert literal_shown_texts([planted]) == [
        ("planted.py", 1, "Saved"),
        ("planted.py", 2, "Send "),
    ]


def test_every_text_of_the_code_has_an_indonesian_translation():
    wanted = {m.source for m in extract(source_files(SOURCES))}
    _language, entries = read_ts(TRANSLATIONS / "jaga_id.ts")
    assert untranslated(wanted, entries) == []


def test_the_catalogue_check_catches_a_planted_text(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("x = tr('A sentence nobody translated yet')\n", encoding="utf-8")
    wanted = {m.source for m in extract([*source_files(SOURCES), planted], root=tmp_path.root)}
    _language, entries = read_ts(TRANSLATIONS / "jaga_id.ts")
    assert untranslated(wanted, entries) == ["A sentence nobody translated yet"]


# --- the codes the details pane turns into words ---------------------------------------------


def test_every_reason_and_audit_kind_has_words():
    assert bridge_reasons() >= {"keepalive_timeout", "connection_lost", "auth_missing"}
    assert audit_kinds() >= {"bridge_fatal", "reconcile_start", "owner_reconnect"}
    assert missing_words() == []


def test_a_reason_or_kind_without_words_is_caught(monkeypatch):
    monkeypatch.delitem(formatting.REASON_WORDS, "keepalive_timeout")
    monkeypatch.delitem(formatting.AUDIT_WORDS, "bridge_fatal")
    assert missing_words() == ["reason keepalive_timeout", "audit kind bridge_fatal"]


# --- the screen ----------------------------------------------------------------------------

#: A status and reason the bridge or the app can report, for every reason with words.
STATUS_OF_REASON = {
    "restart_required": "reconnecting",
    "logged_out": "logged_out",
    "logout_requested": "logged_out",
    "auth_wipe_pending": "logged_out",
    "replaced": "conflict",
    "stopped_by_request": "stopped",
    "not_on_bridge": "stopped",
    "bridge_stopped": "stopped",
    "bridge_crashed": "reconnecting",
    "bridge_restarted": "reconnecting",
}
FAILED_REASONS = {
    "forbidden", "outdated_version", "auth_corrupt", "auth_lost", "auth_missing",
    "engine_error", "qr_timeout",
}  # fmt: skip

#: Audit details in the shapes the core writes them.
AUDIT_DETAILS = {
    "owner_reconnect": "qr",
    "reconcile_start": "restore: 4 to start",
    "reconcile_stop": "stopped_by_owner",
    "bridge_ready": "pid 4242, boot 1a2b3c, version 0.9.1",
    "bridge_crashed": "killed by a signal",
    "bridge_stopped": "stopped",
    "bridge_restarted": "exited with code 1",
    "bridge_fatal": "The bridge failed 5 times in 60 seconds (last: hung: no heartbeat for 20 s).",
    "send_limit_set": "reachout_timelock until 2026-11-30 18:00 UTC",
    "send_limit_lifted": "new_chat_cap",
    "bridge_db_recovered": "integrity check failed; set aside in /x; links kept 1, lost 0",
    "inbound_parked": '{"item": {}, "error": "ValueError()"}',
    "account_merged": "acc-twin",
}


@pytest.fixture
def marking(qapp) -> Iterator[Callable[[], None]]:
    """Call it to switch to the marking "language" (widgets get a LanguageChange, as when
    the owner picks a language in Settings): text not retranslated then shows unmarked."""
    translator = MarkingTranslator()

    def switch() -> None:
        QCoreApplication.installTranslator(translator)
        QCoreApplication.processEvents()  # the LanguageChange reaches every widget

    yield switch
    QCoreApplication.removeTranslator(translator)
    QCoreApplication.processEvents()


def test_every_screen_of_the_window_speaks_through_the_translations(
    qtbot, offline_service, make_window, marking
):
    service = offline_service
    service.window.settings.token_persistent = False  # the keyring banner shows too
    labels = []
    for n, reason in enumerate(sorted(formatting.REASON_WORDS)):
        status = STATUS_OF_REASON.get(reason, "failed" if reason in FAILED_REASONS else "")
        account = service.create_account(f"Number {n}", "sim")
        labels.append(account.label)
        observe(service, account.id, status or "reconnecting", reason, message="Bridge English.")
        observe(service, account.id, "connected", phone=f"6281200000{n:03d}")
    for status in ("qr", "pairing_code", "starting"):  # no reason: the status says it
        account = service.create_account(f"Fresh {status}", "sim")
        labels.append(account.label)
        observe(service, account.id, status, message="Bridge English sentence.")
    first = service.accounts()[0].id
    for kind in sorted(formatting.AUDIT_WORDS):
        service.store.audit(kind, AUDIT_DETAILS.get(kind, f"Number {kind}"), first)
    labels += [f"Number {kind}" for kind in formatting.AUDIT_WORDS]  # names as typed

    window = make_window(service, demo=True)
    window.show()
    marking()
    for account in service.accounts():
        window.select(account.id)
        found = unmarked(widget_texts(window), labels)
        assert found == [], f"{account.label}: {found}"
    window.select(first)
    window.details.tabs.setCurrentIndex(1)
    assert window.details.events.topLevelItemCount() >= len(formatting.AUDIT_WORDS)
    assert unmarked(widget_texts(window), labels) == []
    assert unmarked(widget_texts(window.tray.menu), labels) == []
    assert unmarked([window.tray.icon.toolTip()], [*labels, "Jaga"]) == []

    for state in (State.STARTING, State.BACKOFF, State.FATAL):
        set_bridge(service, state, "killed by a signal")
        assert unmarked(widget_texts(window), labels) == [], state
    panel = BridgePanel(service.bridge_status)
    qtbot.addWidget(panel)
    assert unmarked(widget_texts(panel), labels) == []

    set_bridge(service, State.RUNNING)
    dialog = QrDialog(service.window, service.accounts()[-1].id, demo=True)
    qtbot.addWidget(dialog)
    dialog.show_pairing()
    assert unmarked(widget_texts(dialog), labels) == []
    window.add_number()
    assert unmarked(widget_texts(window.add_dialog), labels) == []
    window.select(first)
    customer = window.demo_controls.customer_writes()
    assert unmarked(widget_texts(customer), labels) == []
    chats = window.open_chats(first)
    assert unmarked(widget_texts(chats), labels) == []

    # The check itself: a plain text planted in the window is caught.
    window.details.layout().addWidget(QLabel("Planted words"))
    assert unmarked(widget_texts(window), labels) == ["Planted words"]
