"""Webhook attempts' outcomes written in bulk: one statement per kind for a whole batch.

Ten addresses answering one event are ten outcomes in one commit (app/gateway/
webhook_outcomes.py). Written row by row through the ORM (two lookups and two updates
each), they held the event loop about 1.5 ms per outcome on a 2-core machine; as
executemany UPDATEs by id they cost a fraction of that (docs/benchmarks.md, "Where a
webhook's time goes"). The columns written are the same as one `_record_in` would.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app.domain.webhook_retry import Next, Outcome
from app.storage.tables import WebhookDelivery, WebhookTarget

_delivery = WebhookDelivery.__table__
_target = WebhookTarget.__table__


class Outcomed(Protocol):
    """One attempt's outcome (app/gateway/webhook_outcomes.py: Recorded)."""

    delivery_id: int
    step: Next
    status_code: int | None
    error: str | None
    at: datetime


def failure_words(status_code: int | None, error: str | None) -> str:
    if status_code is not None:
        return f"HTTP {status_code}" + (f": {error}" if error else "")
    return error or "no answer"


_ATTEMPTED = {
    "attempts": _delivery.c.attempts + 1,
    "last_attempt_at": bindparam("at"),
    "last_status_code": bindparam("status_code"),
    "last_error": bindparam("error"),
}
_BY_ID = _delivery.c.id == bindparam("d_id")
_RETRY = update(_delivery).where(_BY_ID).values(**_ATTEMPTED, next_attempt_at=bindparam("next_at"))
_FINAL = (
    update(_delivery)
    .where(_BY_ID)
    .values(**_ATTEMPTED, state=bindparam("state"), finished_at=bindparam("at"))
)
# The address of a delivery; a delivery gone with its removed address updates nothing.
_ITS_TARGET = _target.c.id == select(_delivery.c.target_id).where(_BY_ID).scalar_subquery()
_SUCCEEDED = update(_target).where(_ITS_TARGET).values(last_success_at=bindparam("at"))
_FAILED = (
    update(_target)
    .where(_ITS_TARGET)
    .values(last_failure_at=bindparam("at"), last_failure=bindparam("words"))
)


def record_all(s: Session, outcomes: Iterable[Outcomed]) -> None:
    """Every outcome's delivery and address updated, in the given order (the last outcome
    of an address sets its health, as one update after another would)."""
    retry: list[dict[str, Any]] = []
    final: list[dict[str, Any]] = []
    succeeded: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for o in outcomes:
        row = {"d_id": o.delivery_id, "at": o.at, "status_code": o.status_code, "error": o.error}
        if o.step.outcome is Outcome.RETRY:
            assert o.step.at is not None
            retry.append({**row, "next_at": o.step.at})
        else:
            final.append({**row, "state": o.step.outcome.value})
        if o.step.outcome is Outcome.DELIVERED:
            succeeded.append({"d_id": o.delivery_id, "at": o.at})
        else:
            words = failure_words(o.status_code, o.error)
            failed.append({"d_id": o.delivery_id, "at": o.at, "words": words})
    connection = s.connection()
    for statement, rows in ((_RETRY, retry), (_FINAL, final)):
        if rows:
            connection.execute(statement, rows)
    for statement, rows in ((_SUCCEEDED, succeeded), (_FAILED, failed)):
        if rows:
            connection.execute(statement, rows)
