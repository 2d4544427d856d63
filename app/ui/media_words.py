"""What the owner reads about a photo, document or voice note (shared by models and views)."""

from __future__ import annotations

from app.core.media import human_size
from app.core.message_store import media_of
from app.core.models import Message
from app.ui.formatting import tr

#: Shown instead of a file Jaga did not keep (over a limit).
TOO_LARGE = "Too large — open it on the phone"
#: Shown instead of a file that could not be downloaded for good.
UNAVAILABLE = "Could not be downloaded — open it on the phone"


def kind_words(kind: str | None) -> str:
    words = {
        "image": tr("Photo"),
        "video": tr("Video"),
        "audio": tr("Audio"),
        "voice": tr("Voice note"),
        "document": tr("Document"),
        "sticker": tr("Sticker"),
    }
    return words.get(kind or "", tr("File"))


def chip_title(message: Message) -> str:
    """The first line of a file chip: the document's name, else what it is."""
    media = media_of(message)
    if media is None:
        return ""
    if media.type == "document" and media.file_name:
        return media.file_name
    return kind_words(media.type)


def chip_detail(message: Message) -> str:
    """The second line: its size, or why there are no bytes."""
    media = media_of(message)
    if media is None:
        return ""
    if media.state == "too_large":
        return tr(TOO_LARGE) + (f" ({human_size(media.size)})" if media.size else "")
    if media.state == "unavailable":
        return tr(UNAVAILABLE)
    return human_size(media.size)


def media_preview(message: Message) -> str:
    """For the conversations list: 'Photo: bukti transfer', 'Document: nota.pdf'."""
    media = media_of(message)
    if media is None:
        return message.text
    title = kind_words(media.type)
    if media.type == "document" and media.file_name:
        title += f" {media.file_name}"
    caption = " ".join(message.text.split())
    return f"{title}: {caption}" if caption else title
