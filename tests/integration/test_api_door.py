"""The local API's door on the live core: port taken, shim numbers, docs, keys, LAN."""

from __future__ import annotations

import socket

import httpx
from waha.generated import models

from app.gateway.api_routes import ROUTES, openapi
from app.gateway.api_server import ApiServer
from app.ports.service_port import ServicePort
from tests.apilive import base_url, make_gateway
from tests.integration.test_messages import link
from tests.liveapp import eventually, run


def http(gateway, key: str | None = None) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=base_url(gateway), headers={"X-Api-Key": key or gateway.api_key.value}
    )


def test_a_taken_port_is_said_plainly_and_webhooks_still_run(loop, service):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        gateway = make_gateway(service)
        gateway.server.port = port
        problems: list[str] = []
        service.error.connect(problems.append)
        run(loop, gateway.start())
        try:
            assert gateway.problem == problems[0]
            assert f"port {port} is used by another program" in problems[0]
            assert "Settings" in problems[0]
            assert gateway._sender_task is not None and not gateway._sender_task.done()
        finally:
            run(loop, gateway.aclose())


def test_the_shim_normalises_08_numbers_and_a_retry_is_a_no_op(loop, service, gateway):
    async def scenario():
        account = await link(service, "Toko", "6281300000401")
        async with http(gateway) as client:
            form = {"target": "0812-3456-7890, 081298765432", "message": "Pesanan dikirim"}
            key = {"Idempotency-Key": "ship-77"}
            first = await client.post("/send", data=form, headers=key)
            again = await client.post("/send", data=form, headers=key)
        assert first.status_code == 200, first.text
        assert first.json()["status"] is True
        assert first.json()["target"] == ["6281234567890", "6281298765432"]
        assert again.json()["id"] == first.json()["id"]
        await eventually(
            lambda: (
                len([m for m in service.store.messages(account.id) if m.status != "queued"]) == 2
            ),
            what="both sent",
        )
        wire = [(s["to"], s["text"]) for s in await service.client.sim_network()]
        assert sorted(wire) == [
            ("6281234567890", "Pesanan dikirim"),
            ("6281298765432", "Pesanan dikirim"),
        ]

    run(loop, scenario(), timeout=60)


def test_openapi_names_every_route_and_the_docs_page_lists_them(loop, service, gateway):
    async def scenario():
        async with httpx.AsyncClient(base_url=base_url(gateway)) as client:  # no key needed
            document = (await client.get("/api/openapi.json")).json()
            page = (await client.get("/api/docs")).text
        assert document == openapi()
        for route in ROUTES:
            assert route.method.lower() in document["paths"][route.path]
            assert route.path in page
        assert "<script" not in page and "http" not in page.replace("/api/openapi.json", "")

    run(loop, scenario())


def test_a_regenerated_key_replaces_the_old_one_at_once(loop, service, gateway):
    async def scenario():
        old = gateway.api_key.value
        async with http(gateway, old) as client:
            assert (await client.get("/api/sessions")).status_code == 200
            new = gateway.api_key.regenerate()
            assert (await client.get("/api/sessions")).status_code == 401
        async with http(gateway, new) as client:
            assert (await client.get("/api/sessions")).status_code == 200

    run(loop, scenario())


def test_sessions_answer_wahas_session_model_and_default_is_the_first_number(
    loop, service, gateway
):
    async def scenario():
        first = await link(service, "Toko Utama", "6281300000402")
        await link(service, "Gudang", "6281300000403")
        async with http(gateway) as client:
            listed = (await client.get("/api/sessions")).json()
            by_default = (await client.get("/api/sessions/default")).json()
            by_label = (await client.get("/api/sessions/toko utama")).json()
        for session in listed:
            models.SessionInfo.model_validate(session)
        assert by_default["name"] == by_label["name"] == first.id

    run(loop, scenario())


def test_lan_mode_takes_any_host_local_mode_only_loopback(loop, service):
    port = ServicePort.of(service)
    lan = ApiServer(port, lambda: "k", port=0, lan=True)
    local = ApiServer(port, lambda: "k", port=0)
    assert lan.host == "0.0.0.0" and lan._hosts() is None
    assert local.host == "127.0.0.1" and local._hosts() == {"127.0.0.1:0", "localhost:0"}
