"""The shop API and webhooks dialog: key shown, copied, replaced; LAN warning; webhooks."""

from __future__ import annotations

import json

import httpx
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.webhook_events import PING
from app.gateway import signing
from app.gateway.lan_address import lan_address
from app.ui.gateway_setup.dialog import GatewayDialog, show_for
from tests.apilive import base_url, make_gateway
from tests.liveapp import eventually, run


@pytest.fixture
def gateway(loop, offline_service):
    gateway = make_gateway(offline_service)
    run(loop, gateway.start())
    yield gateway
    run(loop, gateway.aclose())


def test_the_key_is_hidden_copied_and_replaced_for_the_api_at_once(qtbot, loop, gateway, settings):
    dialog = GatewayDialog(gateway, settings)
    qtbot.addWidget(dialog)
    old = gateway.api_key.value
    assert dialog.key.echoMode() is QLineEdit.EchoMode.Password and dialog.key.text() == old
    dialog.show_key.setChecked(True)
    assert dialog.key.echoMode() is QLineEdit.EchoMode.Normal
    dialog.copy_key()
    assert QGuiApplication.clipboard().text() == old
    dialog.regenerate_button.click()
    assert dialog.key.text() == gateway.api_key.value != old

    async def answers(key: str) -> int:
        async with httpx.AsyncClient(base_url=base_url(gateway)) as http:
            return (await http.get("/api/sessions", headers={"X-Api-Key": key})).status_code

    assert run(loop, answers(old)) == 401
    assert run(loop, answers(dialog.key.text())) == 200
    assert f":{gateway.server.port}" in dialog.address.text()


def test_port_and_lan_are_saved_and_lan_warns(qtbot, gateway, settings):
    dialog = GatewayDialog(gateway, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.port.value() == 3000 and not dialog.lan_warning.isVisible()
    dialog.lan.setChecked(True)
    assert dialog.lan_warning.isVisible() and "trust" in dialog.lan_warning.text()
    dialog.port.setValue(3100)
    dialog.accept()
    assert (settings.api_port, settings.api_lan) == (3100, True)


def test_webhooks_add_refuse_ping_retry_and_replay(qtbot, loop, gateway, settings, receiver):
    window = QWidget()
    qtbot.addWidget(window)
    dialog = show_for(window, gateway, settings)
    panel = dialog.webhooks
    dialog.tabs.setCurrentIndex(2)
    panel.add_button.click()  # "Add address…": a small dialog of its own
    editor = panel.editor
    assert editor is not None and editor.isVisible()
    editor.url.setText("ftp://shop.example/hook")
    editor.add_button.click()
    # Refused in words, in the editor, with what was typed kept.
    assert editor.isVisible() and "http://" in editor.refusal.text()
    assert editor.url.text() == "ftp://shop.example/hook" and gateway.webhooks.targets() == []

    editor.url.setText(receiver.url)
    editor.secret.setText("rahasia")
    editor.events["message.ack"].setChecked(False)
    editor.add_button.click()
    assert not editor.isVisible() and panel.result.text() == "Added."
    [target] = gateway.webhooks.targets()
    assert target.events == "message,message.failed,session.status"
    assert panel.targets.count() == 1 and receiver.url in panel.targets.item(0).text()

    panel.ping_button.click()
    qtbot.waitUntil(lambda: "HTTP 200" in panel.result.text(), timeout=5000)
    [(document, headers, raw)] = receiver.got
    assert document["event"] == PING and signing.verify("rahasia", raw, headers["X-Webhook-Hmac"])
    assert gateway.webhooks.recent(target.id) == []  # a ping is not a stored delivery

    body = json.dumps({"id": "evt_1", "event": "message"}).encode()
    gateway.webhooks.enqueue(event="message", event_id="evt_1", order_key="k", body=body)
    gateway.sender.wake()
    qtbot.waitUntil(lambda: gateway.webhooks.health(target.id).pending == 0, timeout=5000)
    panel.show_selected()
    assert panel.recent.rowCount() == 1 and panel.recent.item(0, 2).text() == "Delivered"
    assert "Last success: just now" in panel.health.text()

    panel.retry_button.click()
    assert panel.result.text() == "Sending again now: 0"  # nothing was waiting or refused
    panel.replay_button.click()
    assert panel.result.text() == "Sending again: 1 events"
    qtbot.waitUntil(lambda: len(receiver.got) == 3, timeout=5000)
    assert [d["id"] for d, _h, _r in receiver.got[1:]] == ["evt_1", "evt_1"]
    assert show_for(window, gateway, settings) is dialog  # one dialog per window

    panel.remove_button.click()
    assert gateway.webhooks.targets() == [] and panel.targets.count() == 0


def test_safe_sending_is_explained_saved_and_told_to_the_running_bridge(
    qtbot, loop, service, settings
):
    live = make_gateway(service)
    run(loop, live.start())
    try:
        dialog = GatewayDialog(live, settings)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.tabs.setCurrentIndex(1)
        box = dialog.pacing
        assert box.isVisible() and "restricts numbers" in box.explanation.text()
        assert (box.gap.value(), box.jitter.value(), box.new_per_day.value()) == (4, 3, 50)
        box.gap.setValue(7)
        box.new_per_day.setValue(12)
        dialog.accept()
        assert (settings.pacing.min_gap_s, settings.pacing.new_contacts_per_day) == (7, 12)

        async def bridge_pacing() -> dict:
            return (await service.client.health())["limits"]["pacing"]

        async def told() -> bool:
            return (await bridge_pacing())["min_gap_ms"] == 7000

        run(loop, eventually(told, what="the running bridge paced at 7 s"))
        assert run(loop, bridge_pacing())["new_contacts_per_day"] == 12
        # The next bridge gets it at its start as well.
        assert service.supervisor._env["JAGA_PACING_MIN_GAP_MS"] == "7000"
    finally:
        run(loop, live.aclose())


def test_a_gateway_open_to_the_shop_network_is_shown_at_this_computers_address(
    qtbot, offline_service, settings
):
    """The dialog asks the gateway for the LAN address (it may not import the gateway's
    modules: app/ports/gateway_setup.py). Seen failing against: the dialog showing
    127.0.0.1 whatever the server's choice."""
    gateway = make_gateway(offline_service, lan=True)  # not started: nothing listens
    dialog = GatewayDialog(gateway, settings)
    qtbot.addWidget(dialog)
    host = lan_address() or "this computer's address"
    assert f"http://{host}:{gateway.server.port}" in dialog.address.text()
