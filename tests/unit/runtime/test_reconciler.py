"""Desired against observed (app/runtime/reconciler.py) with a bridge client in memory."""

from __future__ import annotations

from app.bridge.client import BridgeError
from app.runtime.reconciler import Reconciler
from tests.liveapp import run


def reconciler_for(core) -> Reconciler:
    return Reconciler(core.recorder, client=core.client, session_options={"qr_first_ms": 1})


def test_the_plan_starts_what_should_run_stops_what_should_not_and_leaves_the_owner_s_cases(
    core, loop
):
    """Seen failing against: a reconcile that restarted a logged-out number (it would
    show a QR by itself, every 30 s, to nobody)."""
    missing = core.number("Missing", "connected")  # wanted running, the bridge knows nothing
    unwanted = core.number("Unwanted", "connected")  # the owner stopped it
    core.store.set_desired_state(unwanted, "stopped")
    logged_out = core.number("Logged out", "logged_out")
    running = core.number("Running", "connected")
    core.model.load(core.store.accounts())
    core.bridge.has("connected", unwanted)
    core.bridge.has("connected", running)
    core.bridge.has("connected", "acc-orphan")  # a session no number of ours has

    run(loop, reconciler_for(core).reconcile("periodic"))

    assert core.bridge.named("start_session") == [(missing, "sim")]
    assert sorted(core.bridge.named("stop_session")) == sorted([(unwanted,), ("acc-orphan",)])
    assert logged_out not in [call[0] for call in core.bridge.named("start_session")]
    assert core.store.account(missing).status == "qr"  # what the bridge answered
    assert core.store.account(running).status == "connected"
    kinds = [e.kind for e in core.store.audit_events()]
    assert kinds.count("reconcile_stop") == 2 and kinds.count("reconcile_start") == 1


def test_a_restore_is_marked_done_even_when_the_bridge_does_not_answer(core, loop):
    core.number("Toko", "connected")
    reconciler = reconciler_for(core)
    core.bridge.fail("sessions", BridgeError("timeout", "no answer"))
    run(loop, reconciler.reconcile("restore", restoring=True))
    assert reconciler.restored.is_set()
    assert core.bridge.named("start_session") == []
