"""Fixtures of the unit tests: pure logic, and the store on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.storage.store import Store


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    """A fresh app.sqlite3 in the test's own folder."""
    store = Store(tmp_path / "app.sqlite3")
    yield store
    store.close()
