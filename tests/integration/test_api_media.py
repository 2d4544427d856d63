"""sendImage, sendVideo, sendFile and sendVoice through a real WAHA client (waha-py) on the live app
core and bridge; a webhook's media URL fetched with the key (and refused without)."""

from __future__ import annotations

import base64
import hashlib

import httpx
import pytest
from aiohttp import web
from waha import AsyncWahaClient

from app.domain.media import MediaLimits
from app.gateway.envelope import EVENTS
from app.gateway.lan_address import lan_address
from tests.apilive import base_url, make_gateway
from tests.integration.test_api_webhooks import validate
from tests.integration.test_media import JPEG, MP4, OGG, PDF, inbound_media
from tests.liveapp import eventually, link, run

CHAT = "6281234567890@c.us"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture
def gateway(loop, service, receiver):
    gateway = make_gateway(service)
    gateway.webhooks.add_target(receiver.url, EVENTS, None)
    run(loop, gateway.start())
    yield gateway
    run(loop, gateway.aclose())


class FileServer:
    """The shop's own web server, where a product photo lives (for `file.url`)."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()

        async def serve(request: web.Request) -> web.Response:
            data = self.files.get(request.match_info["name"])
            return web.Response(body=data) if data is not None else web.Response(status=404)

        app.router.add_get("/{name}", serve)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def test_waha_py_sends_a_photo_a_document_and_a_voice_note(loop, service, gateway):
    async def scenario():
        account = await link(service, "Toko", "6281300000401")
        shop_site = FileServer({"katalog.pdf": PDF})
        await shop_site.start()
        client = AsyncWahaClient(base_url(gateway), api_key=gateway.api_key.value)
        try:
            image = {
                "session": "default",
                "chatId": CHAT,
                "file": {"mimetype": "image/jpeg", "filename": "foto.jpg", "data": b64(JPEG)},
                "caption": "Produk baru",
            }
            key = {"Idempotency-Key": "photo-1"}
            first = await client.chatting.a_send_image(image, headers=key)
            again = await client.chatting.a_send_image(image, headers=key)
            assert first["id"] == again["id"] and again["replayed"] is True
            assert first["hasMedia"] is True and first["body"] == "Produk baru"
            document = {
                "chatId": CHAT,
                "file": {
                    "mimetype": "application/pdf",
                    "filename": "katalog.pdf",
                    "url": f"{shop_site.url}/katalog.pdf",
                },
            }
            await client.chatting.a_send_file(document)
            voice = {"chatId": CHAT, "file": {"mimetype": "audio/ogg", "data": b64(OGG)}}
            await client.chatting.a_send_voice(voice)
        finally:
            await client.close()
            await shop_site.stop()

        def delivered() -> bool:
            out = [m for m in service.store.messages(account.id) if m.direction == "out"]
            return len(out) == 3 and all(m.status in ("delivered", "read") for m in out)

        await eventually(delivered, timeout=20, what="three files delivered")
        uploads = [s["media"] for s in await service.client.sim_network()]
        assert [(u["type"], u["sha256"]) for u in uploads] == [
            ("image", sha(JPEG)),
            ("document", sha(PDF)),
            ("voice", sha(OGG)),
        ]
        assert uploads[1]["file_name"] == "katalog.pdf"
        assert uploads[0]["caption"] == "Produk baru"

    run(loop, scenario(), timeout=60)


def test_waha_py_sends_a_video_that_quotes_the_customer(loop, service, gateway):
    async def scenario():
        account = await link(service, "Toko", "6281300000404")
        inbound = [{"from": "6281234567890", "text": "Ada videonya?", "message_id": "ASK-1"}]
        await service.client.sim(f"sessions/{account.id}/inbound", {"messages": inbound})
        await eventually(lambda: len(service.store.messages(account.id)) == 1)
        client = AsyncWahaClient(base_url(gateway), api_key=gateway.api_key.value)
        try:
            video = {
                "session": account.id,
                "chatId": CHAT,
                "file": {"mimetype": "video/mp4", "filename": "kaos.mp4", "data": b64(MP4)},
                "caption": "Ini videonya kak",
                "reply_to": f"false_{CHAT}_ASK-1",
            }
            queued = await client.chatting.a_send_video(video)
            assert queued["hasMedia"] is True and queued["body"] == "Ini videonya kak"
            async with httpx.AsyncClient(base_url=base_url(gateway), trust_env=False) as http:
                elsewhere = {**video, "chatId": "6281234500499@c.us"}  # ASK-1 is not there
                refused = await http.post(
                    "/api/sendVideo", json=elsewhere, headers={"X-Api-Key": gateway.api_key.value}
                )
                assert refused.status_code == 422 and "not in this chat" in refused.text
        finally:
            await client.close()

        async def on_wire() -> list[dict]:
            sent = await service.client.sim_network()
            return [s for s in sent if s["session_id"] == account.id and s.get("media")]

        async def arrived() -> bool:
            return len(await on_wire()) == 1

        await eventually(arrived, timeout=20, what="the video on the wire")
        [sent] = await on_wire()
        assert (sent["media"]["type"], sent["media"]["sha256"]) == ("video", sha(MP4))
        assert sent["quoted"] == "ASK-1" and sent["media"]["caption"] == "Ini videonya kak"
        out = [m for m in service.store.messages(account.id) if m.direction == "out"]
        assert len(out) == 1  # the refused one queued nothing

    run(loop, scenario(), timeout=60)


def test_bad_media_requests_get_clear_errors_and_queue_nothing(loop, service, gateway):
    async def scenario():
        account = await link(service, "Toko", "6281300000402")
        url = base_url(gateway)
        headers = {"X-Api-Key": gateway.api_key.value}
        async with httpx.AsyncClient(base_url=url, headers=headers, trust_env=False) as http:
            pdf_as_photo = {"chatId": CHAT, "file": {"mimetype": "image/jpeg", "data": b64(PDF)}}
            answer = await http.post("/api/sendImage", json=pdf_as_photo)
            assert answer.status_code == 422 and "not a photo" in answer.json()["message"]

            empty = {"chatId": CHAT, "file": {"mimetype": "application/pdf", "data": ""}}
            answer = await http.post("/api/sendFile", json=empty)
            assert answer.status_code == 400

            nul = {"chatId": CHAT, "file": {"filename": "x.pdf", "data": "!!not base64!!"}}
            answer = await http.post("/api/sendFile", json=nul)
            assert answer.status_code == 400 and "base64" in answer.json()["message"]

            worded = {"chatId": CHAT, "file": {"data": b64(OGG)}, "caption": "dengar ya"}
            answer = await http.post("/api/sendVoice", json=worded)
            assert answer.status_code == 422 and "cannot carry words" in answer.text

            bad_url = {"chatId": CHAT, "file": {"url": "file:///etc/passwd"}}
            answer = await http.post("/api/sendFile", json=bad_url)
            assert answer.status_code == 422 and answer.json()["code"] == "bad_url"

            service.media.set_limits(MediaLimits(max_file_bytes=4096, max_total_bytes=10**9))
            huge = b"%PDF" + bytes(200_000)  # its body is over 4 KB base64-encoded plus room
            big = {"chatId": CHAT, "file": {"filename": "big.pdf", "data": b64(huge)}}
            answer = await http.post("/api/sendFile", json=big)
            assert answer.status_code == 413 and answer.json()["code"] == "body_too_large"
            over = {"chatId": CHAT, "file": {"filename": "a.pdf", "data": b64(PDF)}}  # 7 KB
            answer = await http.post("/api/sendFile", json=over)
            assert answer.status_code == 422 and "too large" in answer.json()["message"]
            # Text routes keep their 1 MB cap.
            answer = await http.post("/api/sendText", content=b"x" * (1024 * 1024 + 10))
            assert answer.status_code == 413
        assert [m for m in service.store.messages(account.id) if m.direction == "out"] == []
        assert not service.media.has(sha(PDF))

    run(loop, scenario(), timeout=60)


def test_a_webhook_for_a_photo_carries_a_url_that_needs_the_key(loop, service, gateway, receiver):
    async def scenario():
        account = await link(service, "Toko", "6281300000403")
        media = inbound_media("image", JPEG, "image/jpeg", None, caption="bukti transfer")
        messages = [{"from": "6281234567890", "message_id": "PHOTO1", "media": media}]
        await service.client.sim(f"sessions/{account.id}/inbound", {"messages": messages})

        def photo_hook() -> list[dict]:
            return [d for d, _h, _r in receiver.got if d["event"] == "message"]

        await eventually(lambda: bool(photo_hook()), timeout=15, what="the message webhook")
        validate(photo_hook()[0])  # waha-py's typed webhook model, media included
        payload = photo_hook()[0]["payload"]
        assert payload["hasMedia"] is True and payload["body"] == "bukti transfer"
        assert payload["media"]["mimetype"] == "image/jpeg"
        media_url = payload["media"]["url"]
        assert media_url == f"{base_url(gateway)}/api/files/{account.id}/{sha(JPEG)}"
        assert "data" not in payload["media"]  # a URL, never base64
        async with httpx.AsyncClient(trust_env=False) as http:
            refused = await http.get(media_url)
            assert refused.status_code == 401
            fetched = await http.get(media_url, headers={"X-Api-Key": gateway.api_key.value})
            assert fetched.status_code == 200 and fetched.content == JPEG
            assert fetched.headers["Content-Type"] == "image/jpeg"
            other = media_url.replace(sha(JPEG), sha(PDF))
            missing = await http.get(other, headers={"X-Api-Key": gateway.api_key.value})
            assert missing.status_code == 404
            # The messages route names the same file with an absolute URL too (WAHA's).
            chat = f"{base_url(gateway)}/api/{account.id}/chats/6281234567890@c.us/messages"
            read = await http.get(chat, headers={"X-Api-Key": gateway.api_key.value})
            assert read.json()[0]["media"] == {**payload["media"], "url": media_url}

    run(loop, scenario(), timeout=60)


def test_with_the_api_open_to_the_network_a_media_url_names_this_computer(loop, service, receiver):
    """A web shop on another PC fetches the file: 127.0.0.1 would be its own machine."""
    address = lan_address()
    if address is None:
        pytest.skip("this machine has no network address besides loopback")
    gateway = make_gateway(service, lan=True)
    gateway.webhooks.add_target(receiver.url, EVENTS, None)

    async def scenario():
        await gateway.start()
        try:
            account = await link(service, "Toko", "6281300000405")
            media = inbound_media("document", PDF, "application/pdf", "nota.pdf")
            messages = [{"from": "6281234567890", "message_id": "DOC1", "media": media}]
            await service.client.sim(f"sessions/{account.id}/inbound", {"messages": messages})

            def hooks() -> list[dict]:
                return [d for d, _h, _r in receiver.got if d["event"] == "message"]

            await eventually(lambda: bool(hooks()), timeout=15, what="the message webhook")
            media_url = hooks()[0]["payload"]["media"]["url"]
            port = gateway.server.port
            assert media_url == f"http://{address}:{port}/api/files/{account.id}/{sha(PDF)}"
            async with httpx.AsyncClient(trust_env=False) as http:
                key = {"X-Api-Key": gateway.api_key.value}
                fetched = await http.get(media_url, headers=key)
                assert fetched.status_code == 200 and fetched.content == PDF
        finally:
            await gateway.aclose()

    run(loop, scenario(), timeout=60)
