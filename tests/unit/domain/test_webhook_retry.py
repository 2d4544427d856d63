"""Webhook retries: what an answer means, exponential backoff with jitter, the 24 h mark."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from app.domain.webhook_retry import (
    GIVE_UP_AFTER,
    MAX_DELAY_S,
    Outcome,
    after_attempt,
    backoff_s,
    classify,
)

T0 = datetime(2026, 11, 30, 8, 0, 0)


@pytest.mark.parametrize(
    ("code", "outcome"),
    [
        (200, Outcome.DELIVERED),
        (204, Outcome.DELIVERED),
        (None, Outcome.RETRY),
        (500, Outcome.RETRY),
        (503, Outcome.RETRY),
        (408, Outcome.RETRY),
        (429, Outcome.RETRY),
        (301, Outcome.RETRY),
        (400, Outcome.REJECTED),
        (401, Outcome.REJECTED),
        (404, Outcome.REJECTED),
        (410, Outcome.REJECTED),
    ],
)
def test_what_an_answer_means(code, outcome):
    assert classify(code) is outcome


def test_backoff_doubles_with_jitter_inside_its_band_and_is_capped():
    rng = random.Random(7)
    for attempt in range(1, 20):
        ceiling = min(MAX_DELAY_S, 2.0 * 2 ** (attempt - 1))
        samples = [backoff_s(attempt, rng) for _ in range(50)]
        assert all(ceiling / 2 <= s <= ceiling for s in samples)
        assert len(set(samples)) > 1  # jittered, not one fixed value


def test_retry_after_is_honoured_up_to_the_cap():
    rng = random.Random(1)
    assert backoff_s(1, rng, retry_after_s=120) == 120
    assert backoff_s(1, rng, retry_after_s=10**9) == MAX_DELAY_S


def test_a_failure_is_retried_until_the_24_hour_mark_and_the_last_try_falls_on_it():
    rng = random.Random(3)
    now = T0 + GIVE_UP_AFTER - timedelta(seconds=5)
    step = after_attempt(500, attempt=30, created_at=T0, now=now, rng=rng)
    assert step.outcome is Outcome.RETRY and step.at == T0 + GIVE_UP_AFTER
    last = after_attempt(None, attempt=31, created_at=T0, now=T0 + GIVE_UP_AFTER, rng=rng)
    assert last.outcome is Outcome.EXPIRED and last.at is None


def test_a_refusal_is_final_and_a_success_is_done():
    rng = random.Random(3)
    assert after_attempt(404, attempt=1, created_at=T0, now=T0, rng=rng).outcome is Outcome.REJECTED
    assert (
        after_attempt(200, attempt=1, created_at=T0, now=T0, rng=rng).outcome is Outcome.DELIVERED
    )
