"""Rows become frozen views in storage (app/storage/view_of.py): every field of the view
comes from the row's column of the same name, and a view field the row lacks fails at once
instead of turning up as a wrong answer in the API.

Seen failing against: message_view dropping one column (author=None planted).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from app.storage.message_views import message_view
from app.storage.tables import Message
from app.storage.view_of import view_of


def test_a_message_view_holds_each_of_its_rows_columns():
    row = Message(
        id=7,
        account_id="acc",
        direction="out",
        chat="628111",
        message_id="JAGA1",
        text="halo",
        status="queued",
        error="e",
        next_attempt_at=datetime(2026, 12, 1, 9),
        created_at=datetime(2026, 12, 1, 8),
        author="628222",
        reply_to="R1",
        media_type="image",
        media_mimetype="image/jpeg",
        media_size=12,
        media_sha256="a" * 64,
        media_file_name="p.jpg",
        media_state="stored",
        media_error=None,
    )
    view = message_view(row)
    assert {f.name: getattr(view, f.name) for f in dataclasses.fields(view)} == {
        f.name: getattr(row, f.name) for f in dataclasses.fields(view)
    }
    assert view.id == 7 and view.media_size == 12 and view.author == "628222"
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.status = "sent"  # type: ignore[misc]


def test_a_view_field_the_row_lacks_fails_loudly():
    @dataclasses.dataclass(frozen=True)
    class Wrong:
        id: int
        no_such_column: str

    with pytest.raises(AttributeError):
        view_of(Wrong, Message(id=1))
    assert view_of(Wrong, Message(id=1), no_such_column="given") == Wrong(1, "given")
