"""Shared fixtures. pytest runs strict: warnings are errors, Qt warnings fail tests, and
an ERROR log record fails the test that caused it unless the test said it expects it."""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Every test run gets a home of its own, set before any app module asks where home is:
#: nothing a test does (settings, data, autostart entries, logs) can reach the real
#: home, config or data folders. Child processes (bridge, app workers) inherit it.
ISOLATED_HOME = Path(tempfile.mkdtemp(prefix="jaga-test-home-"))
ISOLATED_DIRS = {
    "HOME": ISOLATED_HOME,
    "XDG_CONFIG_HOME": ISOLATED_HOME / ".config",
    "XDG_DATA_HOME": ISOLATED_HOME / ".local" / "share",
    "XDG_STATE_HOME": ISOLATED_HOME / ".local" / "state",
    "XDG_CACHE_HOME": ISOLATED_HOME / ".cache",
    "XDG_RUNTIME_DIR": ISOLATED_HOME / "run",
}
for _name, _folder in ISOLATED_DIRS.items():
    _folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ[_name] = str(_folder)

#: The offscreen screen is the shop's laptop (Qt's own default is 800x600): 1366x768.
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    _screen = ISOLATED_HOME / "screen.json"
    _screen.write_text(
        '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,'
        ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}',
        encoding="utf-8",
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After every test: the key material tests plant (tests/planted_keys.py) is in none of
    the logs the run wrote (bridge.log, jaga.log, under the tests' folders or home)."""
    from tests.planted_keys import logs_with_planted_keys

    factory = getattr(session.config, "_tmp_path_factory", None)
    roots = [ISOLATED_HOME] + ([factory.getbasetemp()] if factory is not None else [])
    logs = [p for root in roots for p in root.rglob("*.log*") if p.is_file()]
    found = logs_with_planted_keys(logs)
    if found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            lines = "\n".join(found)
            reporter.write_line(f"planted key material reached a log:\n{lines}", red=True)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(ISOLATED_HOME, ignore_errors=True)


class ErrorLog(logging.Handler):
    """Collects ERROR (and worse) records; the ones a test did not expect fail it."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self._expected: list[re.Pattern[str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def expect(self, pattern: str) -> None:
        """ERROR records whose message matches `pattern` (a regex) are part of the test."""
        self._expected.append(re.compile(pattern))

    def unexpected(self) -> list[logging.LogRecord]:
        return [
            record
            for record in self.records
            if not any(p.search(record.getMessage()) for p in self._expected)
        ]


@pytest.fixture(autouse=True)
def error_log() -> Iterator[ErrorLog]:
    handler = ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    unexpected = handler.unexpected()
    if unexpected:
        lines = "\n".join(f"{r.name}: {r.getMessage()}" for r in unexpected[:5])
        pytest.fail(f"{len(unexpected)} unexpected ERROR log record(s):\n{lines}")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def live_loop(qapp):
    """One qasync loop for the session, running while Qt's event loop turns."""
    from app.start.app_loop import running_loop

    return running_loop(qapp)


@pytest.fixture
def loop(live_loop):
    return live_loop


@pytest.fixture
def receiver(loop):
    """A real local HTTP server taking webhooks (tests/webhook_receiver.py)."""
    from tests.liveapp import run
    from tests.webhook_receiver import Receiver

    receiver = Receiver()
    run(loop, receiver.start())
    yield receiver
    receiver.hang.set()  # a test may have left it holding answers back
    run(loop, receiver.stop())


@pytest.fixture
def service(loop, data_dir):
    """The real app core with the real bridge (sim engine) in a fresh data folder."""
    from tests.liveapp import dispose, make_service, run, until_bridge_ready

    live = make_service(data_dir)
    live.start()
    run(loop, until_bridge_ready(live))
    yield live
    dispose(loop, live)


@pytest.fixture
def gateway(loop, service):
    """The local API and webhooks (tests/apilive.py) on the live service, on a free port."""
    from tests.apilive import make_gateway
    from tests.liveapp import run

    live = make_gateway(service)
    run(loop, live.start())
    yield live
    run(loop, live.aclose())
