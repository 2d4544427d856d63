"""Pure rules of the gateway's API: shim numbers, idempotency keys, WAHA shapes."""

from __future__ import annotations

from datetime import datetime

import pytest
from waha.generated import models

from app.domain.status import SessionStatus
from app.gateway.api_http import ApiError
from app.gateway.api_routes import ROUTES, openapi
from app.gateway.api_shim import targets_of
from app.gateway.waha_json import ack_body, me_json, message_json, session_json, status_body
from app.ports.api import NumberView, client_id_for
from app.storage.tables import Message


def number(status: SessionStatus = SessionStatus.CONNECTED, *, bridge_up: bool = True):
    return NumberView(
        id="acc-1",
        label="Toko",
        phone="6281300000001",
        name=None,
        status=status,
        bridge_up=bridge_up,
        status_since=datetime(2026, 11, 30, 10, 0),
        last_activity_at=None,
    )


def message(direction: str, status: str) -> Message:
    return Message(
        account_id="acc-1",
        direction=direction,
        chat="6281234567890",
        message_id="JAGA0123456789ABCDEF",
        text="Halo",
        status=status,
        error=None,
        created_at=datetime(2026, 11, 30, 10, 1),
    )


@pytest.mark.parametrize(
    ("raw", "code", "expected"),
    [
        ("0812-3456-7890", "62", "6281234567890"),
        ("081234567890", "62", "6281234567890"),
        ("6281234567890", "62", "6281234567890"),
        ("+62 812 3456 7890", "62", "6281234567890"),
        ("012-345 6789", "60", "60123456789"),
        ("6281234567890", "0", "6281234567890"),
    ],
)
def test_shim_numbers_get_their_country_code(raw, code, expected):
    assert targets_of(raw, code) == [expected]


@pytest.mark.parametrize("code", ["+62", "abc", "999", "\u00b9"])
def test_a_country_code_that_is_not_one_is_refused(code):
    with pytest.raises(ApiError) as caught:
        targets_of("081234567890", code)
    assert caught.value.status == 400


def test_an_idempotency_key_gives_one_client_id_per_number():
    first = client_id_for("acc-1", "order-12")
    assert first == client_id_for("acc-1", "order-12")
    assert first != client_id_for("acc-2", "order-12") != client_id_for("acc-1", "order-13")
    assert first.startswith("JAGA") and len(first) == 20


def test_sessions_follow_the_status_table_and_never_say_working_without_a_bridge():
    assert session_json(number())["status"] == "WORKING"
    assert session_json(number(bridge_up=False))["status"] == "STARTING"
    assert session_json(number(SessionStatus.QR))["status"] == "SCAN_QR_CODE"
    assert session_json(number(SessionStatus.LOGGED_OUT))["jaga"]["status"] == "logged_out"
    models.SessionInfo.model_validate(session_json(number()))
    models.MeInfo.model_validate(me_json(number()))


def test_messages_and_acks_validate_as_wahas_models():
    out = message_json(number(), message("out", "delivered"))
    assert (out["from"], out["to"], out["ackName"]) == (
        "6281300000001@c.us",
        "6281234567890@c.us",
        "DEVICE",
    )
    assert out["id"] == "true_6281234567890@c.us_JAGA0123456789ABCDEF"
    models.WAMessage.model_validate(out)
    inbound = message_json(number(), message("in", "received"))
    assert inbound["fromMe"] is False and inbound["from"] == "6281234567890@c.us"
    models.WAMessage.model_validate(inbound)
    failed = ack_body(number(), message("out", "failed"))
    assert (failed["ack"], failed["ackName"]) == (-1, "ERROR")
    models.WAMessageAckBody.model_validate(failed)
    models.WASessionStatusBody.model_validate(status_body(number()))


def test_the_openapi_document_is_the_route_table():
    document = openapi()
    listed = {(m.upper(), p) for p, ops in document["paths"].items() for m in ops}
    assert listed == {(r.method, r.path) for r in ROUTES}
    send_text = document["paths"]["/api/sendText"]["post"]["requestBody"]
    assert send_text["content"]["application/json"]["schema"]["required"] == ["chatId", "text"]


def test_media_error_is_an_object_and_a_group_message_names_its_author():
    """Seen failing against: main at 583a38a (media.error was a string; no author)."""
    kept_none = message("in", "received")
    kept_none.media_type, kept_none.media_state = "document", "too_large"
    kept_none.media_mimetype, kept_none.media_file_name = "application/pdf", "katalog.pdf"
    kept_none.chat, kept_none.author = "120363000000000001@g.us", "6281234500009"
    body = message_json(number(), kept_none, "http://127.0.0.1:3000")
    assert body["media"]["url"] is None
    assert body["media"]["error"]["code"] == "too_large" and body["media"]["error"]["message"]
    assert body["author"] == body["participant"] == "6281234500009@c.us"
    models.WAMessage.model_validate(body)


def test_every_operation_documents_its_answers_and_refusals_with_schemas():
    """Seen failing against: main at 583a38a (only "200: OK", no schema)."""
    document = openapi()
    schemas = document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                for content in answer.get("content", {}).values():
                    ref = content["schema"].get("$ref", "")
                    assert not ref or ref.rsplit("/", 1)[1] in schemas, (method, path, status)
            assert {"200", "201"} & set(operation["responses"]), (method, path)
            assert "422" in operation["responses"] and "401" in operation["responses"]
