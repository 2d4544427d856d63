"""WAHA's words for Jaga's: statuses, acks, chat and message ids, signatures, bodies."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from app.domain.status import SessionStatus
from app.gateway import signing
from app.gateway.envelope import body_bytes, envelope
from app.gateway.waha import (
    WahaStatus,
    ack_level,
    bare_message_id,
    chat_id,
    jaga_chat,
    message_serial,
    waha_status,
)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (SessionStatus.CONNECTED, WahaStatus.WORKING),
        (SessionStatus.QR, WahaStatus.SCAN_QR_CODE),
        (SessionStatus.PAIRING_CODE, WahaStatus.SCAN_QR_CODE),
        (SessionStatus.STARTING, WahaStatus.STARTING),
        (SessionStatus.RECONNECTING, WahaStatus.STARTING),
        (SessionStatus.STOPPED, WahaStatus.STOPPED),
        (SessionStatus.LOGGED_OUT, WahaStatus.FAILED),
        (SessionStatus.CONFLICT, WahaStatus.FAILED),
        (SessionStatus.FAILED, WahaStatus.FAILED),
    ],
)
def test_every_status_has_a_waha_word(status, expected):
    assert waha_status(status) is expected


def test_a_number_behind_a_down_bridge_is_never_working():
    assert waha_status(SessionStatus.CONNECTED, bridge_up=False) is WahaStatus.STARTING
    assert waha_status(SessionStatus.STOPPED, bridge_up=False) is WahaStatus.STOPPED


def test_ack_levels_follow_waha():
    assert [(ack_level(s).value, ack_level(s).name) for s in ("failed", "queued", "sent")] == [
        (-1, "ERROR"),
        (0, "PENDING"),
        (1, "SERVER"),
    ]
    assert ack_level("delivered").name == "DEVICE" and ack_level("read").value == 3


def test_chat_ids_both_ways():
    assert chat_id("6281234567890") == "6281234567890@c.us"
    assert chat_id("120363040000000000@g.us") == "120363040000000000@g.us"
    assert jaga_chat("6281234567890@c.us") == "6281234567890"
    assert jaga_chat(" 6281234567890@s.whatsapp.net") == "6281234567890"
    assert jaga_chat("120363040000000000@g.us") == "120363040000000000@g.us"


def test_message_serials_round_trip():
    serial = message_serial(from_me=True, chat="6281", message_id="3EB0ABC")
    assert serial == "true_6281@c.us_3EB0ABC"
    assert bare_message_id(serial) == "3EB0ABC"
    assert bare_message_id("3EB0ABC") == "3EB0ABC"
    assert bare_message_id(message_serial(from_me=False, chat="1@g.us", message_id="X_1")) == "1"


def test_the_signature_is_hex_hmac_sha512_of_the_raw_body():
    body = body_bytes({"text": "Halo, pesanan #12 sudah dikirim"})
    sent = signing.headers(request_id="r1", timestamp_ms=1700000000000, body=body, secret="s3")
    expected = hmac.new(b"s3", body, hashlib.sha512).hexdigest()
    assert sent["X-Webhook-Hmac"] == expected
    assert sent["X-Webhook-Hmac-Algorithm"] == "sha512"
    assert sent["X-Webhook-Timestamp"] == "1700000000000"
    assert signing.verify("s3", body, expected.upper())
    assert not signing.verify("s3", body + b" ", expected)
    assert not signing.verify("other", body, expected)


def test_without_a_secret_nothing_pretends_to_be_signed():
    sent = signing.headers(request_id="r1", timestamp_ms=1, body=b"{}", secret=None)
    assert "X-Webhook-Hmac" not in sent and "X-Webhook-Hmac-Algorithm" not in sent


def test_the_envelope_is_wahas_and_keeps_the_customers_words():
    document = envelope(
        event_id="evt_01hz",
        event="message",
        session="acc-1",
        payload={"body": "Sudah transfer ✅"},
        me={"id": "6281@c.us", "pushName": "Toko"},
        timestamp_ms=1700000000123,
    )
    body = body_bytes(document)
    assert "Sudah transfer ✅".encode() in body
    parsed = json.loads(body)
    assert parsed["id"] == "evt_01hz" and parsed["event"] == "message"
    assert parsed["engine"] == "NOWEB" and parsed["environment"]["engine"] == "NOWEB"
    assert set(parsed) == {
        "id",
        "timestamp",
        "session",
        "metadata",
        "engine",
        "event",
        "payload",
        "me",
        "environment",
    }
    with pytest.raises(ValueError, match="unknown webhook event"):
        envelope(event_id="e", event="presence", session="s", payload={}, me=None, timestamp_ms=0)
