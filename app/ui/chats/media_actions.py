"""What the owner does with a message's file: open it with the system's viewer, save a copy.

The store keeps files by sha256 without a name; a viewer needs a name with the right
extension, so an openable copy (a hard link where the disk allows) is made under
`media/.open/`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.file_names import real_extension
from app.domain.media import Media, file_name_for, media_of
from app.domain.window_views import ChatMessage
from app.ports.window import MediaDesk
from app.ui.shared.formatting import tr
from app.ui.shared.media_text import TOO_LARGE, UNAVAILABLE


class MediaActionError(Exception):
    """A file that cannot be opened or saved, with a sentence for the owner."""


def stored_file(media_desk: MediaDesk, message: ChatMessage) -> tuple[Media, Path]:
    media = media_of(message)
    if media is None:
        raise MediaActionError(tr("This message has no file."))
    if media.state == "too_large":
        raise MediaActionError(tr(TOO_LARGE))
    if media.state != "stored" or not media.sha256 or not media_desk.has(media.sha256):
        raise MediaActionError(tr(UNAVAILABLE))
    return media, media_desk.path_of(media.sha256)


def openable_copy(media_desk: MediaDesk, message: ChatMessage) -> Path:
    media, path = stored_file(media_desk, message)
    target = media_desk.files.root / ".open" / (media.sha256 or "")[:16] / file_name_for(media)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.link(path, target)  # no second copy of the bytes
    except OSError:
        with contextlib.suppress(FileExistsError):
            shutil.copyfile(path, target)
    return target


def open_media(media_desk: MediaDesk, message: ChatMessage) -> None:
    """With the system's viewer (photos, PDFs, and the player for audio and voice notes)."""
    try:
        target = openable_copy(media_desk, message)
    except OSError as error:
        raise MediaActionError(
            tr("The file could not be opened: %1").replace("%1", str(error.strerror))
        ) from error
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        raise MediaActionError(tr("No program on this computer opens this kind of file."))


def open_name(message: ChatMessage) -> str | None:
    """The name the file is opened under (bidi and control characters taken out)."""
    media = media_of(message)
    return file_name_for(media) if media is not None else None


def ask_before_running(parent: QWidget, name: str) -> QMessageBox:
    """A program or launcher: said with its real extension, Cancel first."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Open a program?"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the sender's name for the file
    box.setText(
        tr("“%1” is a program or a launcher (%2): opening it runs it on this computer.")
        .replace("%1", name)
        .replace("%2", real_extension(name))
    )
    box.setInformativeText(
        tr("Open it only if you trust who sent it and expected it. Save as… keeps it unopened.")
    )
    box.addButton(tr("Open anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
    return box


def ask_where(parent: QWidget, suggested: str) -> str:
    chosen, _filter = QFileDialog.getSaveFileName(parent, tr("Save as"), suggested)
    return chosen


def save_media_as(
    parent: QWidget,
    media_desk: MediaDesk,
    message: ChatMessage,
    choose: Callable[[QWidget, str], str] = ask_where,
) -> Path | None:
    """Asks where (the file's own name suggested), then copies the file there; None when
    the owner cancels."""
    media, path = stored_file(media_desk, message)
    chosen = choose(parent, file_name_for(media))
    if not chosen:
        return None
    try:
        shutil.copyfile(path, chosen)
    except OSError as error:
        raise MediaActionError(
            tr("The file could not be saved: %1").replace("%1", str(error.strerror))
        ) from error
    return Path(chosen)
