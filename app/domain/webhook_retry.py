"""When a webhook delivery is tried again, and when it is given up. Pure, injected clock.

Deliveries live in app.sqlite3 and survive restarts, so the 24-hour window counts from
the stored wall-clock creation time (a monotonic clock does not survive a restart);
the gap before the next try is short and counted on the same stored clock.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

GIVE_UP_AFTER = timedelta(hours=24)
FIRST_DELAY_S = 2.0
MAX_DELAY_S = 3600.0
#: Retried although 4xx: the receiver timed out the request, or asks us to slow down.
RETRYABLE_4XX = frozenset({408, 429})


class Outcome(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"
    REJECTED = "rejected"  # the receiver refused it for good (4xx): never retried by itself
    EXPIRED = "expired"  # 24 h of failures


def classify(status_code: int | None) -> Outcome:
    """What one attempt's answer means; None is no answer (refused, timed out, reset)."""
    if status_code is None:
        return Outcome.RETRY
    if 200 <= status_code < 300:
        return Outcome.DELIVERED
    if 400 <= status_code < 500 and status_code not in RETRYABLE_4XX:
        return Outcome.REJECTED
    return Outcome.RETRY


def backoff_s(attempt: int, rng: random.Random, retry_after_s: float | None = None) -> float:
    """Exponential with full jitter (2 s, 4 s, 8 s … up to an hour); Retry-After wins if longer.

    Jitter spreads the retries of many events so a receiver coming back is not hit by all
    of them in the same second.
    """
    ceiling = min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** max(0, attempt - 1))
    delay = rng.uniform(ceiling / 2, ceiling)
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, MAX_DELAY_S))
    return delay


@dataclass(frozen=True)
class Next:
    outcome: Outcome
    at: datetime | None = None  # when to try again, for RETRY


def after_attempt(
    status_code: int | None,
    *,
    attempt: int,
    created_at: datetime,
    now: datetime,
    rng: random.Random,
    retry_after_s: float | None = None,
) -> Next:
    """The last try falls on the 24-hour mark itself, never after it."""
    outcome = classify(status_code)
    if outcome is not Outcome.RETRY:
        return Next(outcome)
    deadline = created_at + GIVE_UP_AFTER
    if now >= deadline:
        return Next(Outcome.EXPIRED)
    at = now + timedelta(seconds=backoff_s(attempt, rng, retry_after_s))
    return Next(Outcome.RETRY, min(at, deadline))
