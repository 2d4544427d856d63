"""The content-addressed media store: `media/<sha[0:2]>/<sha>`, shared with the bridge.

A file is streamed into `media/.tmp/`, hashed on the way, fsynced, then renamed into
place, so a file at its final path is always complete and correct, and the same bytes
are stored once. Nothing half-written is ever left behind (MEDIA_CONTRACT, docs/media.md).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.domain.media import TEMP_PREFIX, human_size, is_sha256
from app.domain.outbox import MessageError

CHUNK = 256 * 1024


class MediaError(MessageError):
    """A file that cannot be taken, with a sentence for the owner."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    head: bytes  # the first bytes, to tell the file's type


class MediaFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str, size: int | None = None) -> bool:
        try:
            found = self.path_of(sha256).stat().st_size
        except (OSError, ValueError):
            return False
        return size is None or found == size

    def import_file(self, source: Path, max_bytes: int) -> StoredFile:
        """Copies the owner's file in (streamed, hashed). MediaError with a sentence for a
        file that is gone, empty, too large, unreadable, or a disk that is full."""
        with open_owner_file(source) as handle:
            return self._import(_chunks(handle), max_bytes, source.name)

    def import_bytes(self, data: bytes, max_bytes: int, name: str = "") -> StoredFile:
        return self._import(iter([data]), max_bytes, name)

    def _import(self, chunks: Iterable[bytes], max_bytes: int, name: str) -> StoredFile:
        tmp_dir = self.root / ".tmp"
        try:
            tmp_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise _disk_error(error) from error
        tmp = tmp_dir / (TEMP_PREFIX + secrets.token_hex(12))
        try:
            stored = self._write(tmp, chunks, max_bytes, name)
            final = self.path_of(stored.sha256)
            final.parent.mkdir(exist_ok=True, mode=0o700)
            os.replace(tmp, final)  # same bytes already there: replaced by identical bytes
            _fsync_dir(final.parent)
            return stored
        except OSError as error:
            raise _disk_error(error) from error
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def _write(self, tmp: Path, chunks: Iterable[bytes], max_bytes: int, name: str) -> StoredFile:
        digest = hashlib.sha256()
        size = 0
        head = b""
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                size += len(chunk)
                if size > max_bytes:
                    raise MediaError(
                        f"{called(name)} is too large: Jaga sends files up to "
                        f"{human_size(max_bytes)} (change it in Settings)."
                    )
                if len(head) < 64:
                    head += chunk[: 64 - len(head)]
                digest.update(chunk)
                out.write(chunk)
            if size == 0:
                raise MediaError(f"{called(name)} is empty.")
            out.flush()
            os.fsync(out.fileno())
        return StoredFile(digest.hexdigest(), size, head)

    def sweep_temp(self) -> int:
        """Removes what a copy cut short by a crash left behind; how many files."""
        removed = 0
        for leftover in (self.root / ".tmp").glob(TEMP_PREFIX + "*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed += 1
        return removed

    def total_bytes(self) -> int:
        total = 0
        for folder in self.root.glob("[0-9a-f][0-9a-f]"):
            for entry in folder.iterdir():
                with contextlib.suppress(OSError):
                    total += entry.stat().st_size
        return total


def open_owner_file(source: Path) -> BinaryIO:
    """The owner's file opened for reading, or MediaError with a sentence that names it."""
    try:
        return source.open("rb")
    except FileNotFoundError as error:
        raise MediaError(f"{called(source.name)} is no longer there.") from error
    except IsADirectoryError as error:
        raise MediaError(f"“{source.name}” is a folder, not a file.") from error
    except OSError as error:
        raise MediaError(f"{called(source.name)} cannot be read: {error.strerror}.") from error


def called(name: str | None) -> str:
    """How a sentence names a file: 'The file “nota.pdf”', or 'The file' without a name."""
    return f"The file “{name}”" if name else "The file"


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK):
        yield chunk


def _disk_error(error: OSError) -> MediaError:
    if error.errno == errno.ENOSPC:
        return MediaError(
            "The disk is full: the file could not be copied into Jaga's data folder. "
            "Free some space and try again."
        )
    return MediaError(f"The file could not be copied into Jaga's data folder: {error.strerror}.")


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # folders cannot be opened for fsync on Windows
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
