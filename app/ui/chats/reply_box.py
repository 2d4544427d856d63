"""The reply box under a chat: words, and a file to go with them (picked, dropped, pasted).

An attached file waits in a strip above the box until Send; the reply's words become its
caption. Sending is the window's (the service copies the file in before queueing it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.media import PASTED_NAME, human_size
from app.ui.chats.new_message import ERROR_STYLE, ReplyBox
from app.ui.shared.formatting import tr

#: Files that can go as a voice note (Opus in Ogg).
VOICE_SUFFIXES = frozenset({".ogg", ".opus", ".oga"})


@dataclass(frozen=True)
class Attachment:
    """A file waiting to be sent: on disk, or a pasted picture's bytes."""

    source: Path | bytes
    name: str

    @property
    def size(self) -> int | None:
        if isinstance(self.source, bytes):
            return len(self.source)
        try:
            return self.source.stat().st_size
        except OSError:
            return None  # gone: the send says so by name

    @property
    def voice_capable(self) -> bool:
        return Path(self.name).suffix.lower() in VOICE_SUFFIXES


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


class AttachingReplyBox(ReplyBox):
    """A ReplyBox that takes files (dropped or pasted) and pasted pictures as attachments."""

    attached = Signal(object)  # Attachment

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(_files(source)) or source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = _files(source)
        if files:
            self.attached.emit(Attachment(files[0], files[0].name))
        elif source.hasImage():
            self.attached.emit(Attachment(png_bytes(QImage(source.imageData())), PASTED_NAME))
        else:
            super().insertFromMimeData(source)


def _files(source: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]


class ReplyPane(QWidget):
    """Error line, attachment strip, then the box between Attach… and Send."""

    submitted = Signal()  # Enter or Send

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attachment: Attachment | None = None
        self.box = AttachingReplyBox()
        self.box.submitted.connect(self.submitted)
        self.box.attached.connect(self.attach)
        self.box.textChanged.connect(self._changed)
        self.attach_button = QToolButton()
        self.attach_button.clicked.connect(self.pick_file)
        self.send_button = QPushButton()
        self.send_button.setObjectName("primary")
        self.send_button.clicked.connect(self.submitted)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # a file's name
        self.as_voice = QCheckBox()
        self.as_voice.setChecked(True)
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.clicked.connect(self.clear_attachment)
        self.strip = QWidget()
        strip = QHBoxLayout(self.strip)
        strip.setContentsMargins(4, 0, 4, 0)
        strip.addWidget(self.file_label, 1)
        strip.addWidget(self.as_voice)
        strip.addWidget(self.remove_button)
        self.strip.hide()

        row = QHBoxLayout()
        row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.box, 1)
        row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.strip)
        layout.addLayout(row)
        self.setAcceptDrops(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.send_button.setText(tr("&Send"))
        self.box.setAccessibleName(tr("Reply"))
        self.attach_button.setText(tr("Attach…"))
        self.attach_button.setToolTip(tr("Attach a photo, document or voice note"))
        self.attach_button.setAccessibleName(tr("Attach a file"))
        self.as_voice.setText(tr("Send as a voice note"))
        self.remove_button.setToolTip(tr("Remove the file"))
        self._show_attachment()

    def set_open(self, open_: bool) -> None:
        """A chat is open: the box and Attach… work."""
        self.box.setEnabled(open_)
        self.attach_button.setEnabled(open_)
        self._changed()

    @property
    def voice(self) -> bool:
        """The attached file goes as a voice note (ptt)."""
        return bool(self.attachment and self.attachment.voice_capable and self.as_voice.isChecked())

    def pick_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, tr("Attach a file"))
        if name:
            self.attach(Attachment(Path(name), Path(name).name))

    def attach(self, attachment: Attachment) -> None:
        self.attachment = attachment
        self.error_label.hide()
        self._show_attachment()
        self.box.setFocus()

    def clear_attachment(self) -> None:
        self.attachment = None
        self._show_attachment()

    def _show_attachment(self) -> None:
        attachment = self.attachment
        self.strip.setVisible(attachment is not None)
        if attachment is not None:
            size = human_size(attachment.size)
            self.file_label.setText(attachment.name + (f" ({size})" if size else ""))
            self.as_voice.setVisible(attachment.voice_capable)
            self.box.setPlaceholderText(tr("Add a caption (optional) — Enter sends"))
        else:
            self.box.setPlaceholderText(
                tr("Type a message — Enter sends, Shift+Enter starts a new line")
            )
        self._changed()

    def _changed(self) -> None:
        ready = bool(self.box.toPlainText().strip()) or self.attachment is not None
        self.send_button.setEnabled(self.box.isEnabled() and ready and not self.busy)

    @property
    def busy(self) -> bool:
        """A file is being copied in for sending."""
        return self.box.isReadOnly()

    def set_busy(self, busy: bool) -> None:
        """While a file is copied in: the words stay as they are, nothing else is sent."""
        self.box.setReadOnly(busy)
        self.attach_button.setEnabled(not busy and self.box.isEnabled())
        self.remove_button.setEnabled(not busy)
        self.file_label.setEnabled(not busy)
        self._changed()

    def sent(self) -> None:
        self.error_label.hide()
        self.box.clear()
        self.clear_attachment()

    # --- a file dropped on the pane, or on the conversation above it ------------------------

    def take_drops_from(self, widget: QWidget) -> None:
        """Files dropped on `widget` (the messages) are attached here too."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and self._droppable(event):
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        if kind == QEvent.Type.Drop and self._droppable(event):
            self.dropEvent(event)
            return True
        return super().eventFilter(watched, event)

    def _droppable(self, event: QEvent) -> bool:
        data = getattr(event, "mimeData", lambda: None)()
        return (
            isinstance(data, QMimeData)
            and self.box.isEnabled()
            and not self.busy
            and bool(_files(data) or data.hasImage())
        )

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001 (Qt's event type)
        if _files(event.mimeData()) or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001
        self.box.insertFromMimeData(event.mimeData())
        event.acceptProposedAction()
