"""Webhook targets and their durable deliveries in app.sqlite3.

A delivery row is written (with the exact bytes to send) before the first attempt, so an
event the shop's software should hear survives any crash or restart of Jaga until it is
delivered, refused for good, or 24 hours old.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.domain.views import DeliveryRecord, DeliveryView, WebhookTargetView
from app.domain.webhook_address import check_address
from app.domain.webhook_events import EVENTS
from app.domain.webhook_retry import Next
from app.storage.store import Store, StoreError
from app.storage.tables import WebhookDelivery, WebhookTarget, utcnow
from app.storage.view_of import view_of
from app.storage.webhooks_outcomes import Outcomed, record_all

PENDING = "pending"


def check_events(events: Iterable[str]) -> list[str]:
    chosen = sorted(set(events))
    unknown = [e for e in chosen if e not in EVENTS]
    if unknown or not chosen:
        raise StoreError(f"Choose the events to send from: {', '.join(EVENTS)}.")
    return chosen


@dataclass(frozen=True)
class _Attempted:
    delivery_id: int
    step: Next
    status_code: int | None
    error: str | None
    at: datetime


@dataclass(frozen=True)
class Health:
    """What the window shows for one URL."""

    pending: int
    last_success_at: datetime | None
    last_failure_at: datetime | None
    last_failure: str | None  # the endpoint's answer or the connection error


class WebhookStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- targets ------------------------------------------------------------------------

    def add_target(self, url: str, events: Iterable[str], secret: str | None) -> WebhookTargetView:
        """A new address; WebhookAddressError (a ValueError with `.code`) or StoreError in
        words for one that cannot be used, and nothing is stored."""
        target = WebhookTarget(
            url=check_address(url), events=",".join(check_events(events)), secret=secret or None
        )
        with self._store.session() as s:
            s.add(target)
        return target_view(target)

    def targets(self) -> list[WebhookTargetView]:
        with self._store.session() as s:
            rows = s.scalars(select(WebhookTarget).order_by(WebhookTarget.id))
            return [target_view(t) for t in rows]

    def target(self, target_id: int) -> WebhookTargetView | None:
        with self._store.session() as s:
            row = s.get(WebhookTarget, target_id)
            return target_view(row) if row is not None else None

    def remove_target(self, target_id: int) -> None:
        with self._store.session() as s:
            target = s.get(WebhookTarget, target_id)
            if target is not None:
                s.delete(target)

    # --- deliveries ---------------------------------------------------------------------

    def enqueue(self, *, event: str, event_id: str, order_key: str, body: bytes) -> list[int]:
        """One row per enabled URL that wants this event, all in one commit."""
        with self._store.session() as s:
            return enqueue_in(
                s,
                enabled_targets(s),
                event=event,
                event_id=event_id,
                order_key=order_key,
                body=body,
            )

    def _heads(self, among: Collection[int] | None = None):  # noqa: ANN202 (a subquery)
        """The oldest unfinished delivery of each (URL, chat): the only one that may go."""
        query = select(func.min(WebhookDelivery.id)).where(WebhookDelivery.state == PENDING)
        if among is not None:
            query = query.where(WebhookDelivery.target_id.in_(among))
        return query.group_by(WebhookDelivery.target_id, WebhookDelivery.order_key)

    def due(
        self, now: datetime, limit: int = 64, *, target_id: int | None = None
    ) -> list[DeliveryView]:
        """Due heads of every (URL, chat), or of one URL's chats only."""
        among = None if target_id is None else [target_id]
        with self._store.session() as s:
            query = (
                select(WebhookDelivery)
                .where(WebhookDelivery.id.in_(self._heads(among)))
                .where(WebhookDelivery.next_attempt_at <= now)
                .order_by(WebhookDelivery.id)
                .limit(limit)
            )
            return [delivery_view(d) for d in s.scalars(query)]

    def due_by_address(
        self, now: datetime, among: Collection[int], limit: int = 64
    ) -> dict[int, list[DeliveryView]]:
        """Due heads of these URLs' chats in one query, at most `limit` per URL (a backlog
        at one address never hides another's), by URL."""
        if not among:
            return {}
        rank = func.row_number().over(
            partition_by=WebhookDelivery.target_id, order_by=WebhookDelivery.id
        )
        ranked = (
            select(WebhookDelivery.id, rank.label("rank"))
            .where(WebhookDelivery.id.in_(self._heads(among)))
            .where(WebhookDelivery.next_attempt_at <= now)
            .subquery()
        )
        query = (
            select(WebhookDelivery)
            .join(ranked, ranked.c.id == WebhookDelivery.id)
            .where(ranked.c.rank <= limit)
            .order_by(WebhookDelivery.id)
        )
        by_address: dict[int, list[DeliveryView]] = {}
        with self._store.session() as s:
            for row in s.scalars(query):
                by_address.setdefault(row.target_id, []).append(delivery_view(row))
        return by_address

    def next_due_at(
        self, target_id: int | None = None, *, among: Collection[int] | None = None
    ) -> datetime | None:
        """When the next head of these URLs' chats (one, several, or all) is due."""
        if target_id is not None:
            among = [target_id]
        if among is not None and not among:
            return None
        with self._store.session() as s:
            query = select(func.min(WebhookDelivery.next_attempt_at)).where(
                WebhookDelivery.id.in_(self._heads(among))
            )
            return s.scalar(query)

    def record(
        self,
        delivery_id: int,
        step: Next,
        *,
        status_code: int | None,
        error: str | None,
        now: datetime,
    ) -> None:
        self.record_many([_Attempted(delivery_id, step, status_code, error, now)])

    def record_many(self, outcomes: Iterable[Outcomed]) -> None:
        """Several attempts' outcomes in one commit (one sync to disk, not one each)."""
        with self._store.session() as s:
            record_all(s, outcomes)

    def retry_now(self, target_id: int, now: datetime | None = None) -> int:
        """The owner's Retry now: waiting, refused and expired deliveries go again at once."""
        moment = now or utcnow()
        with self._store.session() as s:
            result = s.execute(
                update(WebhookDelivery)
                .where(WebhookDelivery.target_id == target_id)
                .where(WebhookDelivery.state.in_((PENDING, "rejected", "expired")))
                .values(state=PENDING, next_attempt_at=moment, finished_at=None)
            )
            return int(result.rowcount or 0)

    def replay_since(self, target_id: int, since: datetime) -> int:
        """Every event sent to this URL since then goes again, in order, as new deliveries.

        The event ids stay the same: a receiver that de-duplicates by id keeps what it has.
        """
        with self._store.session() as s:
            old = list(
                s.scalars(
                    select(WebhookDelivery)
                    .where(WebhookDelivery.target_id == target_id)
                    .where(WebhookDelivery.created_at >= since)
                    .order_by(WebhookDelivery.id)
                )
            )
            s.add_all(
                WebhookDelivery(
                    target_id=target_id,
                    event_id=row.event_id,
                    event=row.event,
                    order_key=row.order_key,
                    body=row.body,
                    state=PENDING,
                )
                for row in old
            )
            return len(old)

    def recent(self, target_id: int, limit: int = 100) -> list[DeliveryRecord]:
        with self._store.session() as s:
            query = (
                select(WebhookDelivery)
                .where(WebhookDelivery.target_id == target_id)
                .order_by(WebhookDelivery.id.desc())
                .limit(limit)
            )
            return [view_of(DeliveryRecord, row) for row in s.scalars(query)]

    def health(self, target_id: int) -> Health | None:
        with self._store.session() as s:
            target = s.get(WebhookTarget, target_id)
            if target is None:
                return None
            pending = s.scalar(
                select(func.count())
                .where(WebhookDelivery.target_id == target_id)
                .where(WebhookDelivery.state == PENDING)
            )
            return Health(
                pending=int(pending or 0),
                last_success_at=target.last_success_at,
                last_failure_at=target.last_failure_at,
                last_failure=target.last_failure,
            )


def enabled_targets(s: Session) -> list[WebhookTarget]:
    return list(s.scalars(select(WebhookTarget).where(WebhookTarget.enabled)))


def enqueue_in(
    s: Session,
    targets: Sequence[WebhookTarget | WebhookTargetView],
    *,
    event: str,
    event_id: str,
    order_key: str,
    body: bytes,
) -> list[int]:
    """The same inside a transaction that is already open: the one that stores the rows
    the event is about (app.storage.write_hooks), so both commit or neither does."""
    wanted = [t for t in targets if event in t.events.split(",")]
    if not wanted:
        return []
    rows = [
        {
            "target_id": t.id,
            "event_id": event_id,
            "event": event,
            "order_key": order_key,
            "body": body,
            "state": PENDING,
        }
        for t in wanted
    ]
    # One INSERT … RETURNING for every address (not an ORM flush of one object each).
    returning = insert(WebhookDelivery).returning(WebhookDelivery.id, sort_by_parameter_order=True)
    return list(s.scalars(returning, rows))


def target_view(row: WebhookTarget) -> WebhookTargetView:
    return view_of(WebhookTargetView, row)


def delivery_view(row: WebhookDelivery) -> DeliveryView:
    return view_of(DeliveryView, row)
