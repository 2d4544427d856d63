"""Photos, documents and voice notes: what a media message is and what may be sent. Pure.

The bytes live in the content-addressed store (app/system/media_files.py); a message row
keeps only this metadata (docs/media.md).
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from app.domain.file_names import shown_name
from app.domain.outbox import MessageError

#: The bridge's defaults (it publishes its own in READY and /health).
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
#: The app's temporary files in media/.tmp (the bridge's are "bridge-…"; each side sweeps
#: only its own: app/system/media_files.py, and the local API's downloads).
TEMP_PREFIX = "app-"
DEFAULT_MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024

INBOUND_TYPES = frozenset({"image", "video", "audio", "voice", "document", "sticker"})
OUTBOUND_TYPES = frozenset({"image", "video", "audio", "voice", "document"})
STATES = frozenset({"stored", "too_large", "unavailable"})

#: What WhatsApp shows as a photo / plays as a video; anything else goes as a document.
IMAGE_MIMETYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
VIDEO_MIMETYPES = frozenset({"video/mp4", "video/3gpp"})
#: A voice note is Opus in Ogg (WhatsApp's push-to-talk format).
VOICE_MIMETYPES = frozenset({"audio/ogg", "audio/opus", "audio/ogg; codecs=opus"})

_SHA256 = re.compile(r"[0-9a-f]{64}")

#: Magic numbers of the formats whose name may lie (a paste has no name at all).
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"WEBP", 8, "image/webp"),
    (b"OggS", 0, "audio/ogg"),
    (b"%PDF", 0, "application/pdf"),
    (b"ftyp", 4, "video/mp4"),
)

#: Types whose files always begin with their magic bytes (MP4's box also marks 3GPP).
_KNOWN_BY_BYTES = frozenset(
    {m for _magic, _offset, m in _MAGIC} | {"video/3gpp", "audio/opus", "image/jpg"}
)


@dataclass(frozen=True)
class MediaLimits:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES

    @classmethod
    def from_json(cls, data: Any) -> MediaLimits:
        """From the bridge's `limits` (READY, /health); its defaults where it says nothing."""
        if not isinstance(data, dict):
            return cls()
        return cls(
            int(data.get("media_max_file_bytes") or cls.max_file_bytes),
            int(data.get("media_max_total_bytes") or cls.max_total_bytes),
        )


def limits_env(limits: MediaLimits) -> dict[str, str]:
    """The bridge's environment for the media limits (read at its start)."""
    return {
        "JAGA_MEDIA_MAX_FILE_BYTES": str(limits.max_file_bytes),
        "JAGA_MEDIA_MAX_TOTAL_BYTES": str(limits.max_total_bytes),
    }


@dataclass(frozen=True)
class Media:
    """A message's media: `message.in`'s `media`, and what an outgoing row carries."""

    type: str
    mimetype: str
    size: int | None = None
    sha256: str | None = None
    file_name: str | None = None
    state: str = "stored"
    error: str | None = None
    thumb_sha256: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> Media | None:
        """`message.in`'s media; None for none. ValueError for one that breaks the contract."""
        if data is None:
            return None
        if not isinstance(data, dict):
            raise ValueError(f"media is not an object: {data!r}")
        kind, state = str(data.get("type", "")), str(data.get("state") or "stored")
        if kind not in INBOUND_TYPES or state not in STATES:
            raise ValueError(f"unknown media type or state: {kind!r}, {state!r}")
        sha = _sha_or_none(data.get("sha256"))
        if state == "stored" and sha is None:
            raise ValueError("stored media without its sha256")
        size = data.get("size")
        return cls(
            type=kind,
            mimetype=str(data.get("mimetype") or "application/octet-stream"),
            size=int(size) if size is not None else None,
            sha256=sha,
            file_name=_text_or_none(data.get("file_name")),
            state=state,
            error=_text_or_none(data.get("error")),
            thumb_sha256=_sha_or_none(data.get("thumb_sha256")),
        )

    def to_bridge(self) -> dict[str, Any]:
        """The `media` of a send request (docs/bridge-api.md)."""
        body: dict[str, Any] = {"type": self.type, "sha256": self.sha256, "mimetype": self.mimetype}
        if self.file_name:
            body["file_name"] = self.file_name
        return body


def _sha_or_none(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).lower()
    if not _SHA256.fullmatch(text):
        raise ValueError(f"not a sha256: {value!r}")
    return text


def _text_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def is_sha256(value: str) -> bool:
    return bool(_SHA256.fullmatch(value))


def sniff_mimetype(head: bytes, file_name: str | None, declared: str | None = None) -> str:
    """The file's type: its first bytes win over what a caller declared (bytes do not
    lie), which wins over the name's extension."""
    declared = (declared or "").strip() or None
    for magic, offset, mimetype in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            same = declared and declared.split(";")[0].strip().lower() == mimetype
            return declared if same else mimetype  # type: ignore[return-value]
    # A type Jaga knows by its bytes, whose bytes are not there, is not that type (an ELF
    # program declared image/png, or named photo.png, is no photo).
    guessed = declared or mimetypes.guess_type(file_name or "", strict=False)[0]
    if not guessed or guessed.split(";")[0].strip().lower() in _KNOWN_BY_BYTES:
        return "application/octet-stream"
    return guessed


def kind_for(mimetype: str, wanted: str | None = None) -> str:
    """How a file of this type goes out: the type asked for, or the natural one.

    Raises MessageError when the file cannot go out as asked (a PDF as a photo, an MP3 as
    a voice note).
    """
    base = mimetype.split(";")[0].strip().lower()
    natural = (
        "image"
        if base in IMAGE_MIMETYPES
        else "video"
        if base in VIDEO_MIMETYPES
        else "audio"
        if base.startswith("audio/")
        else "document"
    )
    if wanted is None or wanted == natural or wanted == "document":
        return wanted or natural
    if wanted == "voice" and base in {m.split(";")[0] for m in VOICE_MIMETYPES}:
        return "voice"
    if wanted not in OUTBOUND_TYPES:
        raise MessageError(f"Jaga cannot send a “{wanted}”.")
    raise MessageError(
        {
            "image": "This file is not a photo (JPEG, PNG or WebP); send it as a document.",
            "video": "This file is not a video WhatsApp plays (MP4); send it as a document.",
            "audio": "This file is not a sound file; send it as a document.",
            "voice": "A voice note must be an Ogg/Opus sound file (.ogg or .opus).",
        }[wanted]
    )


def file_name_for(media: Media) -> str:
    """The file's own name, or one made from its kind and type ('photo-1a2b3c4d.jpg')."""
    # Never a path from outside, nor bidi or control characters (app.domain.file_names).
    own = PurePath(shown_name(media.file_name or "").replace("\\", "/")).name
    if own.strip(". "):
        return own
    base = media.mimetype.split(";")[0].strip()
    extension = {"audio/ogg": ".ogg", "image/jpeg": ".jpg"}.get(base)
    extension = extension or mimetypes.guess_extension(base, strict=False) or ""
    kind = {"image": "photo", "voice": "voice-note"}.get(media.type, media.type)
    return f"{kind}-{(media.sha256 or '')[:8]}{extension}"


def human_size(size: int | None) -> str:
    """1536 → '1.5 KB'; the size a chip shows (decimal units, as phones show them)."""
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" or value >= 100 else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"  # not reached


def media_of(message: Any) -> Media | None:
    """The media a stored message carries (a row or its view), or None for a text message."""
    if not message.media_type:
        return None
    return Media(
        type=message.media_type,
        mimetype=message.media_mimetype or "application/octet-stream",
        size=message.media_size,
        sha256=message.media_sha256,
        file_name=message.media_file_name,
        state=message.media_state or "stored",
        error=message.media_error,
        thumb_sha256=message.media_thumb_sha256,
    )


#: What a pasted picture is called (it has no name of its own).
PASTED_NAME = "image.png"
