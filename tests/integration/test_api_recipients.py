"""Property: for any valid number of any region, the target the API answers is exactly
the number the (simulated) WhatsApp network receives — sendText and the Fonnte shim.

Seen failing against: main at 583a38a (6591234567@c.us answered 6591234567@c.us and went
to 626591234567; /send countryCode=0 the same).
"""

from __future__ import annotations

import itertools

import httpx
import pytest
from hypothesis import HealthCheck, given, settings

from tests.apilive import base_url, make_gateway
from tests.integration.test_messages import link
from tests.liveapp import eventually, run
from tests.unit.domain.test_recipients import valid_numbers

COUNTER = itertools.count()


@pytest.fixture
def linked(loop, service):
    gateway = make_gateway(service)
    run(loop, gateway.start())
    account = run(loop, link(service, "Toko", "6281300000801"))
    headers = {"X-Api-Key": gateway.api_key.value}
    http = httpx.AsyncClient(base_url=base_url(gateway), headers=headers)
    yield account.id, http
    run(loop, http.aclose())
    run(loop, gateway.aclose())


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(digits=valid_numbers)
def test_the_answered_target_is_what_the_wire_carries(loop, service, linked, digits):
    account_id, http = linked

    async def scenario() -> None:
        n = next(COUNTER)
        text, shim_text = f"prop-{n}", f"prop-shim-{n}"
        body = {"session": account_id, "chatId": f"{digits}@c.us", "text": text}
        answered = (await http.post("/api/sendText", json=body)).raise_for_status().json()
        form = {"target": digits, "message": shim_text, "countryCode": "0"}
        shim = (await http.post("/send", data=form)).raise_for_status().json()
        named = {text: answered["to"].removesuffix("@c.us"), shim_text: shim["target"][0]}

        async def carried() -> dict[str, str]:
            sent = await service.client.sim_network()
            return {s["text"]: s["to"] for s in sent if s["text"] in named}

        async def both() -> bool:
            return len(await carried()) == 2

        await eventually(both, timeout=10, what="both sends on the wire")
        assert await carried() == named == {text: digits, shim_text: digits}

    run(loop, scenario(), timeout=30)
