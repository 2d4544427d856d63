from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.outbox import (
    MAX_TEXT_UTF16,
    MessageError,
    advance,
    new_client_id,
    retry_delay,
    should_give_up,
    validate_text,
)


def test_text_limits():
    assert validate_text("hi") == "hi"
    with pytest.raises(MessageError, match="empty"):
        validate_text("  \n")
    assert validate_text("x" * MAX_TEXT_UTF16)
    with pytest.raises(MessageError, match="too long"):
        validate_text("x" * (MAX_TEXT_UTF16 + 1))
    # Counted as the bridge counts (UTF-16 units), and the request must fit its body limit.
    with pytest.raises(MessageError, match="too long"):
        validate_text("😀" * 3, max_utf16=5)
    assert validate_text("😀" * 2, max_utf16=5)
    with pytest.raises(MessageError, match="too long"):
        validate_text("é" * 1000, max_body_bytes=2000)
    with pytest.raises(MessageError, match="cannot be sent"):
        validate_text("lone \ud800")


def test_retry_backs_off_and_gives_up():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert retry_delay(30) == timedelta(minutes=5)
    start = datetime(2026, 1, 1)
    assert not should_give_up(1, start, start + timedelta(hours=1))
    assert should_give_up(8, start, start)
    assert should_give_up(1, start, start + timedelta(hours=24))


def test_status_never_moves_backwards():
    assert advance("queued", "sent") == "sent"
    assert advance("read", "delivered") == "read"
    assert advance("delivered", "read") == "read"
    assert advance("failed", "sent") == "failed"


def test_client_ids_are_unique_and_valid_for_the_bridge():
    ids = {new_client_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(i.isalnum() and len(i) <= 128 for i in ids)
