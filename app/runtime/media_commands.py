"""Sending photos, documents and voice notes, and the media limits (docs/media.md).

A file is copied into the media store (streamed, hashed) BEFORE its message is accepted
into the outbox: a send that waits for the number to come back still has its bytes, and
a file that cannot be taken is refused with a sentence and leaves nothing queued.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.bridge.client import BridgeClient, BridgeError
from app.domain.media import (
    Media,
    MediaLimits,
    file_name_for,
    kind_for,
    limits_env,
    media_of,
    sniff_mimetype,
)
from app.domain.outbox import SendOptions, new_client_id, validate_text
from app.domain.recipients import chat_of
from app.domain.store_error import ClientIdTaken
from app.domain.window_views import ChatMessage
from app.runtime.commands import OwnerCommands
from app.system.media_files import MediaError, MediaFiles, StoredFile, open_owner_file

log = logging.getLogger(__name__)

#: Kinds WhatsApp shows without a caption.
SOUNDS = frozenset({"audio", "voice"})
NO_CAPTION = "A voice note or sound file cannot carry words; send them as a message of their own."


@dataclass(frozen=True)
class _Plan:
    """A media send that passed every check, waiting for its bytes to be copied in."""

    account_id: str
    to: str
    chat: str
    source: Path | bytes
    kind: str
    mimetype: str
    name: str | None
    caption: str
    words_apart: str
    client_id: str
    max_bytes: int
    reply_to: str | None = None  # the WhatsApp id of a message of this chat it quotes
    not_before: datetime | None = None  # it leaves no earlier (naive UTC; the API's schedule)


class MediaCommands:
    def __init__(
        self,
        commands: OwnerCommands,
        files: MediaFiles,
        *,
        client: Callable[[], BridgeClient | None],
        spawn: Callable[[Coroutine[Any, Any, Any]], Any],
        set_env: Callable[[dict[str, str]], None],
    ) -> None:
        self.commands = commands
        self.outbox = commands.outbox
        self.accounts = commands.accounts
        self.files = files
        self._client = client
        self._spawn = spawn
        self._set_env = set_env
        self.limits = MediaLimits()
        self._pool: ThreadPoolExecutor | None = None
        swept = files.sweep_temp()  # one app per data folder: nothing of ours is under way
        if swept:
            log.info("removed %d partial media files of an earlier run", swept)

    def path_of(self, sha256: str) -> Path:
        return self.files.path_of(sha256)

    def has(self, sha256: str) -> bool:
        return self.files.has(sha256)

    def file_of(self, account_id: str, sha256: str) -> tuple[Path, str, str] | None:
        """(path, mimetype, file name) of a file one of the number's messages carries."""
        message = self.outbox.media_message(account_id, sha256)
        if message is None or not self.files.has(sha256):
            return None
        if message.media_sha256 != sha256:  # a video's thumbnail
            return self.files.path_of(sha256), "image/jpeg", f"thumbnail-{sha256[:8]}.jpg"
        media = media_of(message)
        assert media is not None
        return self.files.path_of(sha256), media.mimetype, file_name_for(media)

    def set_limits(self, limits: MediaLimits) -> None:
        """The owner's limits: checked here, given to the bridge now and at every start."""
        self.limits = limits
        self._set_env(limits_env(limits))
        client = self._client()
        if client is not None:
            self._spawn(self._tell_bridge(client, limits))

    async def _tell_bridge(self, client: BridgeClient, limits: MediaLimits) -> None:
        try:
            await client.set_media_limits(limits.max_file_bytes, limits.max_total_bytes)
        except BridgeError as error:  # its next start reads them from the environment
            log.warning("the bridge did not take the media limits: %s", error)

    def send_file(self, account_id: str, to: str, source: Path | bytes, **send: Any) -> ChatMessage:
        """Copies the file in, then queues it. MessageError (a sentence) for anything
        that cannot go: then nothing was queued. Options: see `prepare`."""
        plan = self.prepare(account_id, to, source, **send)
        return self._queue(plan, self._copy(plan))

    async def send_file_async(
        self, account_id: str, to: str, source: Path | bytes, **send: Any
    ) -> ChatMessage:
        """send_file with the copy on a worker thread: a big file does not freeze the
        window. Checked, copied, then queued, in that order, as send_file."""
        plan = self.prepare(account_id, to, source, **send)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="media-copy")
        stored = await asyncio.wrap_future(self._pool.submit(self._copy, plan))
        return self._queue(plan, stored)

    def prepare(
        self,
        account_id: str,
        to: str,
        source: Path | bytes,
        *,
        kind: str | None = None,
        caption: str = "",
        file_name: str | None = None,
        mimetype: str | None = None,
        client_id: str | None = None,
        caption_apart: bool = False,
        reply_to: str | None = None,
        not_before: datetime | None = None,
    ) -> _Plan:
        """Everything checked before a byte is copied: recipient, caption, type, number,
        the message it answers.

        `caption_apart`: words for a voice note or sound file (which shows none) go as a
        text message right after it, instead of being refused.
        """
        chat = chat_of(to).chat
        if caption:
            limits = self.commands.limits()
            caption = validate_text(
                caption, max_utf16=limits.text_max_utf16, max_body_bytes=limits.body_max_bytes
            )
        name = file_name or (source.name if isinstance(source, Path) else None)
        mimetype = sniff_mimetype(_head(source), name, mimetype)
        chosen = kind_for(mimetype, kind)
        words_apart = ""
        if caption and chosen in SOUNDS:  # WhatsApp would drop the caption without a word
            if not caption_apart:
                raise MediaError(NO_CAPTION)
            words_apart, caption = caption, ""
        if chosen == "voice":
            mimetype = "audio/ogg; codecs=opus"
        self._check_account(account_id)
        if reply_to is not None:
            self.commands.check_reply(account_id, chat, reply_to)
        return _Plan(
            account_id, to, chat, source, chosen, mimetype, name, caption, words_apart,
            client_id or new_client_id(), self.limits.max_file_bytes, reply_to, not_before,
        )  # fmt: skip

    def _copy(self, plan: _Plan) -> StoredFile:
        """Into the media store (any thread: files only, no database)."""
        if isinstance(plan.source, Path):
            return self.files.import_file(plan.source, plan.max_bytes)
        return self.files.import_bytes(plan.source, plan.max_bytes, plan.name or "")

    def _queue(self, plan: _Plan, stored: StoredFile) -> ChatMessage:
        media = Media(plan.kind, plan.mimetype, stored.size, stored.sha256, plan.name, "stored")
        message = self.outbox.queue(
            plan.account_id,
            plan.chat,
            plan.caption,
            plan.client_id,
            SendOptions(reply_to=plan.reply_to, not_before=plan.not_before),
            media=media,
        )
        self.commands.signals.message_added.emit(message.id)
        self.commands.dispatcher.wake()
        if plan.words_apart:  # checked above; queued after the file, so it leaves after it
            self.commands.send_message(plan.account_id, plan.to, plan.words_apart)
        return message

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)  # a copy under way ends whole (or not at all)
            self._pool = None

    async def send_file_once(
        self, account_id: str, key: str, **send: Any
    ) -> tuple[ChatMessage, bool]:
        """send_file_async for a caller that may retry (the local API): `key` is the
        client id; (the message, False) if it was queued before."""
        earlier = self.outbox.outgoing(account_id, key)
        if earlier is not None:
            return earlier, False
        try:
            return await self.send_file_async(account_id, client_id=key, **send), True
        except ClientIdTaken:  # the same id at the same moment from another caller
            again = self.outbox.outgoing(account_id, key)
            if again is None:
                raise
            return again, False

    def _check_account(self, account_id: str) -> None:
        """The number can take a message: checked before a file is copied for it."""
        account = self.accounts.get(account_id)
        if account is None:
            raise MediaError("That number no longer exists.")
        if account.phone is None:
            raise MediaError(f"“{account.label}” is not linked to a phone yet.")


def _head(source: Path | bytes) -> bytes:
    """The first bytes, to tell the type; a file that is gone is said by name."""
    if isinstance(source, bytes):
        return source[:64]
    with open_owner_file(source) as handle:
        return handle.read(64)
