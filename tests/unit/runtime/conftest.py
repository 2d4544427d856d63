"""The runtime's parts on a real app.sqlite3 and a bridge client in memory (fake_bridge.py):
no bridge process, no sleeps; each test runs in milliseconds."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.runtime.read_model import ReadModel
from app.runtime.recorder import StatusRecorder
from app.runtime.signals import CoreSignals
from app.storage.store import Store
from tests.unit.runtime.fake_bridge import FakeBridge


@dataclass
class Core:
    store: Store
    model: ReadModel
    signals: CoreSignals
    recorder: StatusRecorder
    bridge: FakeBridge
    woken: list[str]
    told: list[str]

    def client(self) -> FakeBridge | None:
        return self.bridge

    def number(self, label: str, status: str = "connected", phone: str | None = None) -> str:
        """A number in the store and the read model, with this observed status."""
        row = self.store.create_account(label, "sim")
        self.store.record_observed(row.id, status=status, reason=None, message=None, phone=phone)
        self.model.load(self.store.accounts())
        return row.id


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory) -> Path:
    """app.sqlite3 migrated once; each test opens a copy (no migrations to run)."""
    path = tmp_path_factory.mktemp("runtime-db") / "app.sqlite3"
    Store(path).close()
    return path


@pytest.fixture
def core(qapp, tmp_path, empty_database) -> Iterator[Core]:
    shutil.copy(empty_database, tmp_path / "app.sqlite3")
    store = Store(tmp_path / "app.sqlite3")
    signals = CoreSignals()
    model = ReadModel()
    woken: list[str] = []
    told: list[str] = []
    signals.error.connect(told.append)
    recorder = StatusRecorder(store, model, signals, on_connected=lambda: woken.append("wake"))
    yield Core(store, model, signals, recorder, FakeBridge(), woken, told)
    store.close()
