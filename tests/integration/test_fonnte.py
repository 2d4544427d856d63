"""The Fonnte-style /send, every documented field in form and in JSON (docs.fonnte.com,
"API Send Message": target with variables, message, url, filename, schedule, delay,
countryCode; answers status/detail/id/process/requestid/target; refusals
{"status": false, "reason"}), against what the simulated WhatsApp network received.

Seen failing against: main at 583a38a (url/filename sent the text only, schedule was
ignored, `081…|Budi|VIP` refused the batch, url without message was a 400, errors had no
top-level status).
"""

from __future__ import annotations

import hashlib
import itertools
import time
from datetime import UTC, datetime

import httpx
import pytest
from aiohttp import web

from app.ui.chats.model import scheduled
from tests.apilive import base_url, make_gateway
from tests.integration.test_media import PDF
from tests.integration.test_messages import link
from tests.liveapp import dispose, eventually, make_service, run, until_bridge_ready

ENCODINGS = ("form", "json")


@pytest.fixture
def files(loop):
    """A shop's server with an invoice PDF (for `url`)."""

    async def invoice(_request: web.Request) -> web.Response:
        return web.Response(body=PDF, content_type="application/pdf")

    app = web.Application()
    app.router.add_get("/invoice-1042.pdf", invoice)
    runner = web.AppRunner(app, access_log=None)
    run(loop, runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    run(loop, site.start())
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    run(loop, runner.cleanup())


async def post(http: httpx.AsyncClient, encoding: str, fields: dict[str, str]) -> httpx.Response:
    if encoding == "json":
        return await http.post("/send", json=fields)
    return await http.post("/send", data=fields)


def client(gateway) -> httpx.AsyncClient:
    # Fonnte's plugins send the key as a bare Authorization header.
    return httpx.AsyncClient(
        base_url=base_url(gateway), headers={"Authorization": gateway.api_key.value}
    )


async def on_wire(service, texts: set[str], count: int) -> list[dict]:
    async def got() -> list[dict]:
        sent = await service.client.sim_network()
        return [
            s for s in sent if s["text"] in texts or (s.get("media") or {}).get("caption") in texts
        ]

    async def enough() -> bool:
        return len(await got()) >= count

    await eventually(enough, timeout=15, what=f"{count} sends on the wire")
    return await got()


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_targets_variables_country_code_and_the_answer(loop, service, gateway, encoding):
    async def scenario() -> None:
        account = await link(service, "Toko", "6281300000601")
        async with client(gateway) as http:
            fields = {
                "target": "0812-3456-7890|Budi|VIP, 6591234567|Ana",
                "message": f"Halo {{name}}, status {{var1}} ({encoding})",
                "session": account.id,
            }
            answer = await post(http, encoding, fields)
            body = answer.json()
            assert answer.status_code == 200 and body["status"] is True
            assert body["detail"] == "success! message in queue"
            assert body["target"] == ["6281234567890", "6591234567"]
            assert len(body["id"]) == 2 and isinstance(body["requestid"], int)
            assert body["process"] in ("pending", "processing")
            local = {
                "target": "012-345 6789",
                "message": f"Selamat {encoding}",
                "countryCode": "60",
            }
            assert (await post(http, encoding, local)).json()["target"] == ["60123456789"]
        texts = {f"Halo Budi, status VIP ({encoding})", f"Halo Ana, status {{var1}} ({encoding})"}
        wire = await on_wire(service, texts | {f"Selamat {encoding}"}, 3)
        assert {(s["to"], s["text"]) for s in wire} == {
            ("6281234567890", f"Halo Budi, status VIP ({encoding})"),
            ("6591234567", f"Halo Ana, status {{var1}} ({encoding})"),  # no second variable
            ("60123456789", f"Selamat {encoding}"),
        }

    run(loop, scenario(), timeout=60)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_url_and_filename_send_the_file_once_without_a_message(
    loop, service, gateway, files, encoding
):
    async def scenario() -> None:
        await link(service, "Toko", "6281300000602")
        async with client(gateway) as http:
            fields = {
                "target": "081234567890,6591234567",
                "url": f"{files}/invoice-1042.pdf",
                "filename": f"Faktur-{encoding}.pdf",
            }
            key = {"Idempotency-Key": f"invoice-1042-{encoding}"}
            first = await http.post("/send", headers=key, **_encoded(encoding, fields))
            again = await http.post("/send", headers=key, **_encoded(encoding, fields))
            assert first.status_code == 200 and first.json()["id"] == again.json()["id"]

        async def uploads() -> list[dict]:
            sent = await service.client.sim_network()
            return [s["media"] for s in sent if s.get("media")]

        async def both() -> bool:
            return len(await uploads()) == 2

        await eventually(both, timeout=15, what="the invoice to both targets")
        for media in await uploads():
            assert media["type"] == "document" and media["file_name"] == f"Faktur-{encoding}.pdf"
            assert media["sha256"] == hashlib.sha256(PDF).hexdigest()

    run(loop, scenario(), timeout=60)


def _encoded(encoding: str, fields: dict[str, str]) -> dict:
    return {"json": fields} if encoding == "json" else {"data": fields}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_delay_ranges_space_the_targets(loop, service, gateway, encoding):
    async def scenario() -> None:
        account = await link(service, "Toko", "6281300000603")
        async with client(gateway) as http:
            fields = {"target": "081234567891,081234567892,081234567893", "message": "promo",
                      "delay": "2-3"}  # fmt: skip
            assert (await post(http, encoding, fields)).status_code == 200
        rows = sorted(service.store.messages(account.id), key=lambda m: m.id)
        gaps = [
            (b.next_attempt_at - a.next_attempt_at).total_seconds()
            for a, b in itertools.pairwise(rows)
        ]
        assert len(rows) == 3 and all(2 <= gap <= 3 for gap in gaps), gaps

    run(loop, scenario(), timeout=60)


REFUSALS = [
    ({"message": "hi"}, 400, "target"),
    ({"target": "081234567890"}, 400, "message, a url"),
    ({"target": "081234567890", "message": "hi", "countryCode": "+62"}, 400, "countryCode"),
    ({"target": "081234567890", "message": "hi", "schedule": "besok"}, 400, "schedule"),
    ({"target": "081234567890", "message": "hi", "delay": "10-2"}, 400, "delay"),
    ({"target": "0812", "message": "hi"}, 422, "not a valid phone number"),
    ({"target": "081234567890", "url": "ftp://x/a.pdf"}, 422, "http"),
]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_refusals_are_fonntes_shape(loop, service, gateway, encoding):
    async def scenario() -> None:
        account = await link(service, "Toko", "6281300000604")
        async with client(gateway) as http:
            for fields, status, words in REFUSALS:
                answer = await post(http, encoding, fields)
                body = answer.json()
                assert answer.status_code == status and body["status"] is False, answer.text
                assert words in body["reason"] and body["statusCode"] == status
            no_key = await http.post("/send", json=REFUSALS[0][0], headers={"Authorization": "x"})
            assert no_key.status_code == 401 and no_key.json()["status"] is False
        assert service.store.messages(account.id) == []

    run(loop, scenario(), timeout=60)


def test_a_schedule_is_kept_across_a_restart_and_shown_as_scheduled(loop, data_dir):
    first = make_service(data_dir)
    first.start()
    run(loop, until_bridge_ready(first))
    gateway = make_gateway(first)
    run(loop, gateway.start())
    at = int(time.time()) + 4
    try:
        account = run(loop, link(first, "Toko", "6281300000605"))

        async def schedule() -> dict:
            async with client(gateway) as http:
                fields = {"target": "081234567890", "message": "nanti", "schedule": str(at)}
                return (await http.post("/send", data=fields)).json()

        answer = run(loop, schedule())
        [queued] = first.store.messages(account.id)
        assert answer["process"] == "pending" and queued.status == "queued"
        assert queued.next_attempt_at == datetime.fromtimestamp(at, UTC).replace(tzinfo=None)
        assert scheduled(queued, datetime.now(UTC).replace(tzinfo=None))  # the window's note
    finally:
        run(loop, gateway.aclose())
        dispose(loop, first)
    second = make_service(data_dir)  # Jaga restarted: the schedule is in app.sqlite3
    second.start()
    try:
        run(loop, until_bridge_ready(second))
        run(loop, on_wire(second, {"nanti"}, 1), timeout=30)
        [sent] = [s for s in run(loop, second.client.sim_network()) if s["text"] == "nanti"]
        left = datetime.fromisoformat(sent["at"].replace("Z", "+00:00")).timestamp()
        assert left >= at  # not before its time, although the app restarted meanwhile
    finally:
        dispose(loop, second)
