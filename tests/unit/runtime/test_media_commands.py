"""The owner's file size limit, at the byte (app/runtime/media_commands.py,
app/system/media_files.py): a file exactly at the limit goes, one byte more is refused
with the sentence, and nothing of it is queued or kept.

Seen failing against: `if size >= max_bytes` in MediaFiles._write (a file of exactly the
limit refused); the older test sends a file 1,000 bytes over a 4,000-byte limit.
"""

from __future__ import annotations

import pytest

from app.domain.media import MediaLimits
from app.runtime.media_commands import MediaCommands
from app.system.media_files import CHUNK, MediaError, MediaFiles
from tests.unit.runtime.test_commands import commands_on

#: Over two read chunks, so the limit falls inside the last one.
LIMIT = 2 * CHUNK + 1000


@pytest.fixture
def media(core, tmp_path) -> MediaCommands:
    media = MediaCommands(
        commands_on(core),
        MediaFiles(tmp_path / "media"),
        client=core.client,
        spawn=lambda coroutine: coroutine.close(),
        set_env=lambda _values: None,
    )
    media.set_limits(MediaLimits(max_file_bytes=LIMIT, max_total_bytes=10 * LIMIT))
    return media


@pytest.mark.parametrize("as_path", [True, False], ids=["file", "bytes"])
def test_a_file_exactly_at_the_limit_goes_and_one_byte_more_is_refused(
    core, media, tmp_path, as_path
):
    account = core.number("Toko", "connected", phone="6281234567001")

    def source(size: int, name: str):
        if not as_path:
            return b"x" * size
        path = tmp_path / name
        path.write_bytes(b"x" * size)
        return path

    at_limit = media.send_file(account, "6285712345678", source(LIMIT, "pas.bin"))
    assert at_limit.media_size == LIMIT and at_limit.status == "queued"
    with pytest.raises(MediaError, match="is too large: Jaga sends files up to"):
        media.send_file(account, "6285712345678", source(LIMIT + 1, "lebih.bin"))
    assert [m.id for m in core.store.messages(account)] == [at_limit.id]
    assert media.files.total_bytes() == LIMIT
