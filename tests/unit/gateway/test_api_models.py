"""The shapes built without pydantic (so that the app loads it only on the API's first use)
are the models' own, byte for byte: the webhook envelope, the label payloads and the door's
refusals, each against `dump` through its model (app/gateway/api_models.py, label_models.py).

Seen failing against: a planted reorder of the envelope's `me` fields (pushName first), whose
signed bytes then differed from the model's.
"""

from __future__ import annotations

import importlib
import inspect
import json

import pytest

from app.domain.inbox import labels as rules
from app.domain.inbox.labels import Label, LabelChange
from app.gateway import api_models as m
from app.gateway import label_models as lm
from app.gateway.api_http import error_body, error_response
from app.gateway.api_routes import ROUTES
from app.gateway.envelope import PING, body_bytes, envelope
from app.gateway.label_json import change_json, label_json


def _same(built: dict, model: type[m.Model]) -> None:
    """Equal to the model's dump, keys in the same order (the same JSON bytes)."""
    dumped = m.dump(model, built)
    assert body_bytes(built) == body_bytes(dumped)


@pytest.mark.parametrize(
    ("me", "metadata", "payload"),
    [
        (None, None, {"text": "Jaga test ping"}),
        ({"id": "6281@c.us", "pushName": "Toko"}, {"label": "Toko"}, {"body": "halo ✓", "n": 3}),
        ({"pushName": "Toko", "id": "6281@c.us"}, {}, {"nested": {"list": [1, None, "x"]}}),
    ],
)
def test_the_envelope_is_webhook_bodys_dump(me, metadata, payload):
    document = envelope(
        event_id="01J",
        event=PING,
        session="acc-1",
        payload=payload,
        me=me,
        timestamp_ms=1_700_000_000_000,
        metadata=metadata,
    )
    _same(document, m.WebhookBody)


LABEL = Label(account_id="acc-1", label_id="3", name="Baru", color=5)


def test_label_payloads_are_the_label_models_dumps():
    _same(label_json(LABEL), lm.Label)
    for label in (LABEL, None):
        change = LabelChange(rules.CHAT_ADDED, "acc-1", "3", label, chat="6281234567890")
        _same(change_json(change), lm.LabelChatAssociation)
    assert change_json(LabelChange(rules.UPSERT, "acc-1", "3", LABEL)) == label_json(LABEL)


@pytest.mark.parametrize("status", [400, 401, 404, 413, 421, 500, 599])
def test_refusals_are_the_refusal_models_dumps(status):
    body = error_body(status, "some_code", "Words “quoted”.")
    _same(body, m.ErrorBody)
    for path, model in (("/api/sendText", m.ErrorBody), ("/send", m.FonnteRefusal)):
        sent = json.loads(error_response(status, "some_code", "Words.", path=path).text)
        assert list(sent) == list(m.dump(model, sent)) and sent == m.dump(model, sent)


def test_every_route_names_a_handler_that_exists():
    """The route table names its handlers (imported on first use): a misspelt name would
    only show on the route's first request, so each is looked up here (seen failing
    against a planted "api_sessions.get_mee")."""
    for route in ROUTES:
        module_name, function_name = route.handler.split(".")
        handler = getattr(importlib.import_module(f"app.gateway.{module_name}"), function_name)
        assert inspect.iscoroutinefunction(handler), route.handler
