"""Photos, documents and voice notes: the rules, the content-addressed store, the rows."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat

import pytest

from app.bridge.protocol import ProtocolError, decode
from app.domain.media import Media, MediaLimits, human_size, kind_for, media_of, sniff_mimetype
from app.domain.outbox import MessageError
from app.storage.store import Inbound
from app.system.media_files import MediaError, MediaFiles
from tests.store_kit import linked

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60
OGG = b"OggS" + b"\x00" * 60
PDF = b"%PDF-1.7\n" + b"x" * 100
SHA = "a" * 64


# --- the rules ------------------------------------------------------------------------


def test_a_file_is_told_by_its_first_bytes_before_its_name():
    assert sniff_mimetype(JPEG, "receipt.pdf") == "image/jpeg"
    assert sniff_mimetype(OGG, None) == "audio/ogg"
    assert sniff_mimetype(b"plain words", "list.csv") == "text/csv"
    assert sniff_mimetype(b"???", None) == "application/octet-stream"


def test_what_a_file_goes_out_as():
    assert kind_for("image/jpeg") == "image"
    assert kind_for("application/pdf") == "document"
    assert kind_for("audio/mpeg") == "audio"
    assert kind_for("audio/ogg", "voice") == "voice"
    assert kind_for("image/png", "document") == "document"  # anything may go as a document
    with pytest.raises(MessageError, match="not a photo"):
        kind_for("application/pdf", "image")
    with pytest.raises(MessageError, match="Ogg/Opus"):
        kind_for("audio/mpeg", "voice")
    with pytest.raises(MessageError, match="cannot send"):
        kind_for("image/jpeg", "hologram")


def test_sizes_read_as_a_phone_shows_them():
    assert human_size(512) == "512 B"
    assert human_size(1536) == "1.5 KB"
    assert human_size(20_000_000) == "20.0 MB"
    assert human_size(None) == ""


def test_the_bridges_limits_are_read_from_ready_with_its_defaults():
    assert MediaLimits.from_json({"media_max_file_bytes": 10}).max_file_bytes == 10
    assert MediaLimits.from_json(None) == MediaLimits()


def test_message_in_with_media_is_decoded_typed_and_carried_to_the_store():
    data = {
        "session_id": "s",
        "message_id": "M1",
        "chat": "6281",
        "text": "bukti transfer",
        "media": {
            "type": "image",
            "mimetype": "image/jpeg",
            "size": 123,
            "sha256": SHA.upper(),
            "file_name": None,
            "caption": "bukti transfer",
            "state": "stored",
            "error": None,
            "thumb_sha256": "b" * 64,
        },
    }
    item = decode("message.in", data)
    assert item.media == Media("image", "image/jpeg", 123, SHA, None, "stored", None, "b" * 64)
    assert isinstance(item, Inbound)  # the store keeps what the decoder gives
    assert decode("message.in", {**data, "media": None}).media is None


@pytest.mark.parametrize(
    "media",
    [
        {"type": "hologram", "mimetype": "x", "state": "stored", "sha256": SHA},
        {"type": "image", "mimetype": "x", "state": "stored", "sha256": None},
        {"type": "image", "mimetype": "x", "state": "stored", "sha256": "not-hex"},
        {"type": "image", "mimetype": "x", "state": "maybe"},
        "a string",
    ],
)
def test_media_that_breaks_the_contract_is_a_protocol_error(media):
    with pytest.raises(ProtocolError):
        decode("message.in", {"message_id": "M", "chat": "1", "media": media})


def test_too_large_media_keeps_its_metadata_without_bytes():
    data = {"type": "document", "mimetype": "application/pdf", "size": 10**9, "state": "too_large"}
    media = Media.from_json(data)
    assert media is not None and media.state == "too_large" and media.sha256 is None


# --- the content-addressed store -------------------------------------------------------


@pytest.fixture
def files(tmp_path) -> MediaFiles:
    return MediaFiles(tmp_path / "media")


def leftovers(files: MediaFiles) -> list[str]:
    tmp = files.root / ".tmp"
    return sorted(p.name for p in tmp.iterdir()) if tmp.exists() else []


def test_a_file_is_copied_in_under_its_sha256_privately_and_once(files, tmp_path):
    source = tmp_path / "invoice.pdf"
    source.write_bytes(PDF)
    first = files.import_file(source, 1000)
    again = files.import_bytes(PDF, 1000)
    sha = hashlib.sha256(PDF).hexdigest()
    assert first.sha256 == again.sha256 == sha and first.size == len(PDF)
    path = files.path_of(sha)
    assert path == files.root / sha[:2] / sha
    assert path.read_bytes() == PDF
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert files.has(sha, len(PDF)) and not files.has(sha, 1)
    assert leftovers(files) == []
    assert files.total_bytes() == len(PDF)


def test_an_empty_file_is_refused_and_leaves_nothing(files, tmp_path):
    source = tmp_path / "empty.pdf"
    source.write_bytes(b"")
    with pytest.raises(MediaError, match=re.escape("The file “empty.pdf” is empty")):
        files.import_file(source, 1000)
    assert leftovers(files) == [] and files.total_bytes() == 0


def test_a_file_over_the_limit_is_refused_while_streaming_and_leaves_nothing(files, tmp_path):
    source = tmp_path / "big.bin"
    source.write_bytes(b"x" * 5000)
    with pytest.raises(
        MediaError,
        match=re.escape("The file “big.bin” is too large: Jaga sends files up to 4.0 KB"),
    ):
        files.import_file(source, 4000)
    assert leftovers(files) == [] and files.total_bytes() == 0


def test_a_file_that_vanished_is_said_by_name(files, tmp_path):
    with pytest.raises(MediaError, match=re.escape("“gone.jpg” is no longer there")):
        files.import_file(tmp_path / "gone.jpg", 1000)


def test_a_full_disk_is_a_sentence_and_leaves_nothing(files, tmp_path, monkeypatch):
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the OS boundary: where a full disk shows
    with pytest.raises(MediaError, match="The disk is full"):
        files.import_bytes(PDF, 1000, "invoice.pdf")
    monkeypatch.undo()
    assert leftovers(files) == [] and files.total_bytes() == 0


# --- the rows -------------------------------------------------------------------------


def test_inbound_media_is_stored_durably_and_read_back(store):
    account_id = linked(store)
    media = Media("document", "application/pdf", 9, SHA, "nota.pdf", "stored")
    added, _ = store.store_durable([Inbound(account_id, "M1", "6281", "", None, None, media)])
    replay, _ = store.store_durable([Inbound(account_id, "M1", "6281", "", None, None, media)])
    assert len(added) == 1 and replay == []
    row = store.message(added[0])
    assert row is not None and media_of(row) == media and row.text == ""


def test_an_outgoing_media_message_is_queued_with_its_metadata(store):
    account_id = linked(store)
    media = Media("voice", "audio/ogg; codecs=opus", 64, SHA, "note.ogg", "stored")
    message = store.queue_message(account_id, "6281", "", "JAGA1", media=media)
    row = store.message(message.id)
    assert row is not None and row.status == "queued" and media_of(row) == media
    assert media_of(store.queue_message(account_id, "6281", "hi", "JAGA2")) is None


def test_the_bytes_win_over_a_declared_type_which_wins_over_the_name():
    assert sniff_mimetype(PDF, "foto.jpg", "image/jpeg") == "application/pdf"
    assert sniff_mimetype(OGG, None, "audio/ogg; codecs=opus") == "audio/ogg; codecs=opus"
    assert sniff_mimetype(b"a,b\n", "list.csv", "text/plain") == "text/plain"


def test_a_removed_numbers_copy_names_each_messages_file(store, tmp_path):
    import json
    from datetime import datetime

    from app.storage.removal import keep_copy

    account_id = linked(store)
    media = Media("document", "application/pdf", 9, SHA, "nota.pdf", "stored")
    store.store_durable([Inbound(account_id, "M1", "6281", "nota", None, None, media)])
    store.store_durable([Inbound(account_id, "M2", "6281", "halo", None)])
    copy = keep_copy(store, account_id, tmp_path / "backups", datetime(2026, 11, 30))
    saved = json.loads(copy.read_text(encoding="utf-8"))["messages"]
    assert saved[0]["media"]["sha256"] == SHA and saved[0]["media"]["file_name"] == "nota.pdf"
    assert saved[1]["media"] is None


def test_only_the_apps_own_leftovers_are_swept(files):
    tmp = files.root / ".tmp"
    tmp.mkdir(parents=True)
    (tmp / "app-0123abcd").write_bytes(b"half a file")
    (tmp / "bridge-77").write_bytes(b"the bridge's, maybe still writing")
    assert files.sweep_temp() == 1
    assert sorted(p.name for p in tmp.iterdir()) == ["bridge-77"]
