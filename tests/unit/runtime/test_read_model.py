"""The read model (app/runtime/read_model.py): the numbers in memory, each change told once
as an AccountChange, nothing told for what did not change. No store: it is handed views."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.domain.window_views import AccountChange, AccountView
from app.runtime.read_model import ReadModel


def view(account_id: str, created: int, status: str = "connected") -> AccountView:
    return AccountView(
        id=account_id,
        label=f"Toko {account_id}",
        phone=None,
        display_name=None,
        engine="sim",
        desired_state="running",
        status=status,
        reason=None,
        status_message=None,
        status_since=None,
        last_activity_at=None,
        created_at=datetime(2026, 12, 1, 8, created),
        limit_reason=None,
        limited_until=None,
    )


def test_each_change_is_told_once_and_old_news_not_at_all(qapp):
    model = ReadModel()
    told: list[AccountChange] = []
    model.changed.connect(told.append)
    first, second = view("acc-b", 1), view("acc-a", 2)
    model.load([second, first])
    assert [a.id for a in model.accounts()] == ["acc-b", "acc-a"]  # in creation order
    assert [(c.id, c.old, c.reason) for c in told] == [
        ("acc-a", None, "reloaded"),
        ("acc-b", None, "reloaded"),
    ]
    told.clear()
    assert not model.put(first, "observed")  # the same view: nothing to tell
    away = replace(first, status="reconnecting")
    assert model.put(away, "observed")
    assert [(c.old, c.new, c.reason) for c in told] == [(first, away, "observed")]
    told.clear()
    model.load([away])  # a reload without acc-a: it is removed, acc-b is unchanged
    assert [(c.id, c.old, c.new) for c in told] == [("acc-a", second, None)]
    assert "acc-a" not in model and model.account("acc-b") == away
    model.remove("acc-gone", "owner_removed")  # nothing there: nothing told
    assert len(told) == 1


def test_a_problem_is_kept_until_its_sentence_is_gone(qapp):
    model = ReadModel()
    model.note_problem("The disk is full, so Jaga could not save.")
    model.note_problem_gone("Another sentence")
    assert model.problem == "The disk is full, so Jaga could not save."
    model.note_problem_gone("The disk is full")
    assert model.problem is None
