"""The supervisor's clock is a test's to step (app/bridge/supervisor.py): injected, or read
when the supervisor is built.

Seen failing against: `clock: Callable[[], float] = time.monotonic` as a default argument
(bound at import: a test patching time.monotonic, or any clock, never reached it)."""

from __future__ import annotations

import time

from app.bridge.logs import BridgeLog
from app.bridge.supervisor import BridgeSupervisor
from app.domain.bridge_policy import State


def no_node(tmp_path, clock=None) -> BridgeSupervisor:
    """A supervisor whose Node is missing: FATAL at start, trying again in 5 minutes."""
    return BridgeSupervisor(
        program=None,
        args=[],
        env={},
        logs=BridgeLog(tmp_path / "logs"),
        pid_file=tmp_path / "bridge.pid",
        **({} if clock is None else {"clock": clock}),  # as create_supervisor did without one
    )


def test_an_injected_clock_is_the_one_the_supervisor_reads(qapp, tmp_path):
    now = [1000.0]
    supervisor = no_node(tmp_path, clock=lambda: now[0])
    supervisor.start()
    assert supervisor.state is State.FATAL and supervisor.retry_in() == 300.0
    now[0] += 100.0
    assert supervisor.retry_in() == 200.0


def test_without_one_it_reads_time_monotonic_as_it_is_when_built(qapp, tmp_path, monkeypatch):
    now = [50.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    supervisor = no_node(tmp_path)
    supervisor.start()
    now[0] += 60.0
    assert supervisor.retry_in() == 240.0
