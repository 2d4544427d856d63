"""What the owner reads about a photo, document or voice note (shared by models and views)."""

from __future__ import annotations

from app.domain.file_names import shown_name
from app.domain.media import human_size, media_of
from app.domain.window_views import ChatMessage
from app.ui.shared.formatting import tr, tr_noop

#: Shown instead of a file Jaga did not keep (over a limit).
TOO_LARGE = tr_noop("Too large — open it on the phone")
#: Shown instead of a file that could not be downloaded for good.
UNAVAILABLE = tr_noop("Could not be downloaded — open it on the phone")

#: The media refusals of app.domain.media and app.system.media_files, as patterns for error_text.py:
#: `(...)` becomes %1, %2 ("The file%1 …": %1 is “ “name”” or nothing).
MEDIA_SENTENCES = [
    (r"The file( “.*”)? is no longer there\.", tr_noop("The file%1 is no longer there.")),
    (r"“(.*)” is a folder, not a file\.", tr_noop("“%1” is a folder, not a file.")),
    (r"The file( “.*”)? cannot be read: (.*)\.", tr_noop("The file%1 cannot be read: %2.")),
    (
        r"The file( “.*”)? is too large: Jaga sends files up to (.*) \(change it in Settings\)\.",
        tr_noop("The file%1 is too large: Jaga sends files up to %2 (change it in Settings)."),
    ),
    (r"The file( “.*”)? is empty\.", tr_noop("The file%1 is empty.")),
    (
        r"The disk is full: the file could not be copied into Jaga's data folder\. Free some "
        r"space and try again\.",
        tr_noop(
            "The disk is full: the file could not be copied into Jaga's data folder. Free some "
            "space and try again."
        ),
    ),
    (
        r"The file could not be copied into Jaga's data folder: (.*)\.",
        tr_noop("The file could not be copied into Jaga's data folder: %1."),
    ),
    (r"Jaga cannot send a “(.*)”\.", tr_noop("Jaga cannot send a “%1”.")),
    (
        r"This file is not a photo \(JPEG, PNG or WebP\); send it as a document\.",
        tr_noop("This file is not a photo (JPEG, PNG or WebP); send it as a document."),
    ),
    (
        r"This file is not a video WhatsApp plays \(MP4\); send it as a document\.",
        tr_noop("This file is not a video WhatsApp plays (MP4); send it as a document."),
    ),
    (
        r"This file is not a sound file; send it as a document\.",
        tr_noop("This file is not a sound file; send it as a document."),
    ),
    (
        r"A voice note or sound file cannot carry words; send them as a message of their own\.",
        tr_noop(
            "A voice note or sound file cannot carry words; send them as a message of their own."
        ),
    ),
    (
        r"A voice note must be an Ogg/Opus sound file \(\.ogg or \.opus\)\.",
        tr_noop("A voice note must be an Ogg/Opus sound file (.ogg or .opus)."),
    ),
]


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


def chip_title(message: ChatMessage) -> str:
    """The first line of a file chip: the document's name, else what it is."""
    media = media_of(message)
    if media is None:
        return ""
    if media.type == "document" and media.file_name:
        return shown_name(media.file_name)
    return kind_words(media.type)


def chip_detail(message: ChatMessage) -> str:
    """The second line: its size, or why there are no bytes."""
    media = media_of(message)
    if media is None:
        return ""
    if media.state == "too_large":
        return tr(TOO_LARGE) + (f" ({human_size(media.size)})" if media.size else "")
    if media.state == "unavailable":
        return tr(UNAVAILABLE)
    return human_size(media.size)


def media_preview(message: ChatMessage) -> str:
    """For the conversations list: 'Photo: bukti transfer', 'Document nota.pdf'."""
    return media_line(message.media_type, message.media_file_name, message.text)


def media_line(kind: str | None, file_name: str | None, text: str) -> str:
    """A message in one line: its words, or what its file is and then its caption."""
    if not kind:
        return text
    title = kind_words(kind)
    if kind == "document" and file_name:
        title += f" {shown_name(file_name)}"
    caption = " ".join(text.split())
    return f"{title}: {caption}" if caption else title
