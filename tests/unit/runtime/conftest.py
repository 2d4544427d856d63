"""The runtime's parts and a bridge client in memory (fake_bridge.py): `memory` on in-memory
repositories (fakes.py), `core` on a real app.sqlite3 (for the parts still handed the store:
the recorder, the inbox, the reconciler). No bridge process, no sleeps; milliseconds each."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.runtime.read_model import ReadModel
from app.runtime.recorder import StatusRecorder
from app.runtime.signals import CoreSignals
from app.storage.store import Store
from tests.unit.runtime.fake_bridge import FakeBridge
from tests.unit.runtime.fakes import MemoryAccounts, MemoryOutbox


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


@dataclass
class MemoryCore:
    """The runtime's parts on in-memory repositories (fakes.py): no SQLite file at all."""

    accounts: MemoryAccounts
    outbox: MemoryOutbox
    model: ReadModel
    signals: CoreSignals
    bridge: FakeBridge | None

    def client(self) -> FakeBridge | None:
        return self.bridge

    def number(self, label: str, status: str = "connected", phone: str | None = None) -> str:
        """A number in the repository and the read model, with this observed status."""
        account = self.accounts.create(label, "sim")
        if phone is not None:
            self.accounts.link(account.id, phone, status)
        self.model.load(self.accounts.all())
        return account.id

    def observe(self, account_id: str, status: str) -> None:
        """The bridge tells the number's status: the read model follows (as the recorder)."""
        self.model.put(replace(self.model.account(account_id), status=status), "observed")


@pytest.fixture
def memory(qapp) -> MemoryCore:
    accounts = MemoryAccounts()
    return MemoryCore(accounts, MemoryOutbox(accounts), ReadModel(), CoreSignals(), FakeBridge())
