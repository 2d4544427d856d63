"""Photos, documents and voice notes through the real bridge (sim engine), both ways.

Bytes are compared by sha256 at both ends: what the sim's sender had against the app's
media store (inbound), and the app's file against what the sim network recorded as
uploaded (outbound).
"""

from __future__ import annotations

import base64
import hashlib
import os

import pytest

from app.domain.media import MediaLimits, media_of
from app.domain.outbox import MessageError
from tests.liveapp import eventually, link, run

CUSTOMER = "6281234567890"

JPEG = b"\xff\xd8\xff\xe0" + os.urandom(3000)
THUMB = b"\xff\xd8\xff\xdb" + os.urandom(300)
MP4 = b"\x00\x00\x00\x18ftypmp42" + os.urandom(5000)
MP3 = b"ID3\x03" + os.urandom(4000)
OGG = b"OggS" + os.urandom(2500)
PDF = b"%PDF-1.7\n" + os.urandom(7000)
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + os.urandom(900)

INBOUND = {
    "image": (JPEG, "image/jpeg", None),
    "video": (MP4, "video/mp4", None),
    "audio": (MP3, "audio/mpeg", None),
    "voice": (OGG, "audio/ogg; codecs=opus", None),
    "document": (PDF, "application/pdf", "nota-0042.pdf"),
    "sticker": (WEBP, "image/webp", None),
}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inbound_media(kind: str, data: bytes, mimetype: str, name: str | None, **more) -> dict:
    media = {"type": kind, "mimetype": mimetype, "data_b64": base64.b64encode(data).decode()}
    if name:
        media["file_name"] = name
    return {**media, **more}


async def deliver(service, account_id: str, messages: list[dict]) -> None:
    await service.client.sim(f"sessions/{account_id}/inbound", {"messages": messages})


def received(service, account_id: str) -> list:
    return [m for m in service.store.messages(account_id) if m.direction == "in"]


def test_every_kind_of_media_arrives_with_identical_bytes(loop, service):
    async def scenario():
        account = await link(service, "Toko", "6281300000301")
        messages = []
        for n, (kind, (data, mimetype, name)) in enumerate(INBOUND.items()):
            extra = {"caption": f"{kind} kak"} if kind in ("image", "video", "document") else {}
            if kind == "video":
                extra["thumb_b64"] = base64.b64encode(THUMB).decode()
            media = inbound_media(kind, data, mimetype, name, **extra)
            messages.append({"from": CUSTOMER, "message_id": f"IN{n}", "media": media})
        await deliver(service, account.id, messages)
        await eventually(lambda: len(received(service, account.id)) == len(INBOUND), timeout=15)

        rows = {media_of(m).type: m for m in received(service, account.id)}
        assert set(rows) == set(INBOUND)
        for kind, (data, mimetype, name) in INBOUND.items():
            row = rows[kind]
            media = media_of(row)
            assert media.state == "stored", (kind, media)
            assert media.sha256 == sha(data) and media.size == len(data)
            assert media.mimetype.split(";")[0] == mimetype.split(";")[0]
            assert service.media.path_of(media.sha256).read_bytes() == data
            assert media.file_name == name
            # The caption is the message's text; no bracketed placeholder.
            assert row.text == (f"{kind} kak" if kind in ("image", "video", "document") else "")
        video = media_of(rows["video"])
        assert video.thumb_sha256 == sha(THUMB)
        assert service.media.path_of(video.thumb_sha256).read_bytes() == THUMB

    run(loop, scenario(), timeout=60)


def test_an_expired_download_is_asked_for_again_and_completes(loop, service):
    async def scenario():
        account = await link(service, "Toko", "6281300000302")
        media = inbound_media("image", JPEG, "image/jpeg", None, expired=True)
        await deliver(
            service, account.id, [{"from": CUSTOMER, "message_id": "EXP1", "media": media}]
        )
        await eventually(lambda: len(received(service, account.id)) == 1, timeout=15)
        row = media_of(received(service, account.id)[0])
        assert row.state == "stored" and row.sha256 == sha(JPEG)
        assert service.media.path_of(row.sha256).read_bytes() == JPEG
        assert "EXP1" in await service.client.sim_media_reuploads()

    run(loop, scenario(), timeout=60)


def test_over_the_limit_set_in_settings_keeps_the_metadata_without_bytes(loop, service):
    async def scenario():
        account = await link(service, "Toko", "6281300000303")
        service.media.set_limits(MediaLimits(max_file_bytes=4096, max_total_bytes=10**9))

        async def bridge_took_it() -> bool:
            return (await service.client.health())["limits"]["media_max_file_bytes"] == 4096

        await eventually(bridge_took_it, what="PUT /config/media")  # sent in the background
        big = inbound_media("document", PDF, "application/pdf", "big.pdf")
        await deliver(service, account.id, [{"from": CUSTOMER, "message_id": "BIG", "media": big}])
        await eventually(lambda: len(received(service, account.id)) == 1, timeout=15)
        media = media_of(received(service, account.id)[0])
        assert media.state == "too_large" and media.file_name == "big.pdf"
        assert not service.media.has(sha(PDF))

    run(loop, scenario(), timeout=60)


OUTBOUND = [
    ("image", "foto.jpg", JPEG, "image/jpeg", "Ini fotonya"),
    ("video", "video.mp4", MP4, "video/mp4", ""),
    ("audio", "lagu.mp3", MP3, "audio/mpeg", ""),
    ("voice", "pesan.ogg", OGG, "audio/ogg; codecs=opus", ""),
    ("document", "nota-0042.pdf", PDF, "application/pdf", "Nota bulan ini"),
]


def test_every_kind_of_media_goes_out_with_identical_bytes(loop, service, tmp_path):
    async def scenario():
        account = await link(service, "Toko", "6281300000304")
        sent = {}
        for kind, name, data, _mimetype, caption in OUTBOUND:
            source = tmp_path / name
            source.write_bytes(data)
            wanted = "voice" if kind == "voice" else None
            message = service.media.send_file(
                account.id, "+" + CUSTOMER, source, kind=wanted, caption=caption
            )
            source.unlink()  # the bytes were copied in before the message was accepted
            sent[message.message_id] = (kind, name, data, caption)

        def all_delivered() -> bool:
            out = [m for m in service.store.messages(account.id) if m.direction == "out"]
            return len(out) == len(OUTBOUND) and all(m.status in ("delivered", "read") for m in out)

        await eventually(all_delivered, timeout=20, what="every file delivered")
        network = {s["client_id"]: s for s in await service.client.sim_network()}
        for client_id, (kind, name, data, caption) in sent.items():
            uploaded = network[client_id]["media"]
            assert uploaded["sha256"] == sha(data) and uploaded["size"] == len(data), kind
            assert uploaded["type"] == kind
            assert (uploaded["caption"] or "") == caption
            if kind == "document":
                assert uploaded["file_name"] == name
        voice = next(s["media"] for s in network.values() if s["media"]["type"] == "voice")
        assert voice["mimetype"].startswith("audio/ogg")

    run(loop, scenario(), timeout=90)


def test_a_file_queued_while_away_still_has_its_bytes_when_sent(loop, service, tmp_path):
    async def scenario():
        account = await link(service, "Toko", "6281300000305")
        await service.stop_account(account.id)
        await eventually(lambda: service.account(account.id).status == "stopped")
        source = tmp_path / "nota.pdf"
        source.write_bytes(PDF)
        message = service.media.send_file(account.id, "+" + CUSTOMER, source)
        source.unlink()  # the owner deletes or moves the original meanwhile
        assert service.store.message(message.id).status == "queued"
        await service.reconnect(account.id)
        await eventually(
            lambda: service.store.message(message.id).status in ("delivered", "read"),
            timeout=20,
        )
        network = {s["client_id"]: s for s in await service.client.sim_network()}
        assert network[message.message_id]["media"]["sha256"] == sha(PDF)

    run(loop, scenario(), timeout=60)


def test_words_with_a_voice_note_are_refused_or_follow_it_as_a_message(loop, service, tmp_path):
    async def scenario():
        account = await link(service, "Toko", "6281300000306")
        note = tmp_path / "pesan.ogg"
        note.write_bytes(OGG)
        with pytest.raises(MessageError, match="cannot carry words"):
            service.media.send_file(account.id, "+" + CUSTOMER, note, kind="voice", caption="hi")
        assert service.store.messages(account.id) == []
        voice = service.media.send_file(
            account.id, "+" + CUSTOMER, note, kind="voice", caption="Dengar ya", caption_apart=True
        )

        def both_delivered() -> bool:
            out = service.store.messages(account.id)
            return len(out) == 2 and all(m.status in ("delivered", "read") for m in out)

        await eventually(both_delivered, timeout=15)
        first, second = service.store.messages(account.id)
        assert first.id == voice.id and media_of(first).type == "voice" and first.text == ""
        assert media_of(second) is None and second.text == "Dengar ya"
        wire = await service.client.sim_network()
        assert [(s["media"] or {}).get("type") for s in wire] == ["voice", None]
        assert wire[1]["text"] == "Dengar ya"

    run(loop, scenario(), timeout=60)


def test_a_slow_upload_holds_back_only_its_own_chat(loop, data_dir, tmp_path):
    from tests.chaos.test_media_chaos import reading
    from tests.liveapp import FAST_SIM, dispose, make_service

    service = make_service(data_dir, session_options={**FAST_SIM, "media_bps": 20_000})
    service.start()

    async def scenario():
        account = await link(service, "Toko", "6281300000307")
        video = tmp_path / "katalog.pdf"
        video.write_bytes(b"%PDF-1.7\n" + os.urandom(60_000))  # about 3 s on this line
        slow = service.media.send_file(account.id, "+" + CUSTOMER, video)
        after = service.send_message(account.id, "+" + CUSTOMER, "Sudah terkirim?")
        stored = str(service.media.path_of(media_of(slow).sha256))
        await eventually(lambda: reading(service, stored), what="the upload under way")
        other = service.send_message(account.id, "+6281398765432", "Besok buka jam 8")

        def done(message_id: int) -> bool:
            return service.store.message(message_id).status in ("delivered", "read")

        await eventually(lambda: done(other.id), timeout=10, what="the other chat's text")
        assert not done(slow.id) and service.store.message(after.id).status == "queued"
        await eventually(lambda: done(slow.id) and done(after.id), timeout=30)
        wire = [s["client_id"] for s in await service.client.sim_network()]
        # The other chat did not wait; this chat kept its order.
        assert wire == [other.message_id, slow.message_id, after.message_id]

    try:
        run(loop, scenario(), timeout=60)
    finally:
        dispose(loop, service)
