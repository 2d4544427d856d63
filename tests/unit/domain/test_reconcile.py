"""The reconcile diff: what to start and what to stop."""

from __future__ import annotations

from app.domain.reconcile import Plan, Wanted, plan
from app.domain.status import SessionStatus as S


def want(account_id: str, running: bool = True, last: S = S.STOPPED) -> Wanted:
    return Wanted(account_id, "sim", running, last)


def test_nothing_to_do_when_everything_runs_as_wanted():
    result = plan([want("a"), want("b", running=False)], {"a": S.CONNECTED})
    assert result == Plan()
    assert not result


def test_starts_what_should_run_and_does_not():
    result = plan([want("a"), want("b"), want("c")], {"b": S.STOPPED, "c": S.QR})
    assert result.start == ("a", "b")


def test_stops_what_runs_but_the_owner_stopped():
    result = plan([want("a", running=False)], {"a": S.RECONNECTING})
    assert result.stop == (("a", "stopped_by_owner"),)


def test_stops_orphans_the_app_does_not_know():
    result = plan([want("a")], {"a": S.CONNECTED, "ghost": S.CONNECTED, "old": S.STOPPED})
    assert result.stop == (("ghost", "orphan"),)


def test_never_restarts_a_number_that_needs_the_owner():
    wanted = [want("out"), want("conflict"), want("failed")]
    running = {"out": S.LOGGED_OUT, "conflict": S.CONFLICT, "failed": S.FAILED}
    assert plan(wanted, running) == Plan()


def test_after_a_bridge_restart_a_number_that_needed_the_owner_still_waits():
    assert plan([want("a", last=S.LOGGED_OUT)], {}) == Plan()
    assert plan([want("a", last=S.CONNECTED)], {}).start == ("a",)


def test_every_active_status_counts_as_running():
    for status in (S.STARTING, S.QR, S.PAIRING_CODE, S.CONNECTED, S.RECONNECTING):
        assert plan([want("a")], {"a": status}) == Plan()


def test_a_plan_leaves_alone_what_an_owners_command_is_acting_on():
    from app.domain.reconcile import Plan

    full = Plan(("a", "b"), (("c", "orphan"), ("d", "stopped_by_owner")))
    assert full.without({"a", "d"}) == Plan(("b",), (("c", "orphan"),))
    assert full.without([]) == full
