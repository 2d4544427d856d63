"""A webhook address the window refuses is said in the owner's language, and nothing is
stored (app/domain/webhook_address.py; the words in resources/translations). The address
is typed into the Shop API dialog's webhook editor
(app/ui/gateway_setup/webhook_editor.py), which stays open with what was typed.

Seen failing against: main at 583a38a (an address with a tab was taken; a refusal was
shown in English only).
"""

from __future__ import annotations

import pytest

from app.ui.gateway_setup.dialog import GatewayDialog
from app.ui.shared.i18n import Translations
from tests.apilive import make_gateway
from tests.liveapp import run


@pytest.fixture
def offline_gateway(loop, offline_service):
    live = make_gateway(offline_service)
    run(loop, live.start())
    yield live
    run(loop, live.aclose())


@pytest.mark.parametrize(
    ("address", "words_en", "words_id"),
    [
        ("http://toko.example/\thook", "cannot contain spaces, tabs", "tidak boleh berisi spasi"),
        ("http://::1/hook", "IPv6 address in brackets", "kurung siku"),
        ("ftp://toko.example/hook", "http:// or https://", "harus diawali http://"),
    ],
)
def test_a_refused_address_is_said_in_english_and_indonesian(
    qtbot, offline_gateway, settings, english, address, words_en, words_id
):
    dialog = GatewayDialog(offline_gateway, settings)
    qtbot.addWidget(dialog)
    editor = dialog.webhooks.open_editor()
    for language, words in (("en", words_en), ("id", words_id)):
        Translations().apply(language)
        editor.url.setText(address)
        editor.add_button.click()
        assert editor.isVisible() and words in editor.refusal.text(), editor.refusal.text()
        assert editor.url.text() == address  # nothing typed is lost
    assert offline_gateway.webhooks.targets() == []
