"""Safe sending, the app's side (app.domain.pacing): settings to the bridge and the prediction."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.pacing import Pacing, expected_departure

NOW = datetime(2026, 11, 30, 12, 0, 0)
PACE = Pacing(min_gap_s=4, jitter_s=2, new_contacts_per_day=20)


def test_settings_go_to_the_bridge_and_come_back_as_it_published_them():
    assert PACE.env() == {
        "JAGA_PACING_MIN_GAP_MS": "4000",
        "JAGA_PACING_JITTER_MS": "2000",
        "JAGA_PACING_NEW_CONTACTS_PER_DAY": "20",
        "JAGA_PACING_PACE_SIM": "0",
    }
    assert Pacing.from_bridge(PACE.json()) == PACE
    assert Pacing.from_bridge(None) is None
    assert Pacing.from_bridge({"min_gap_ms": "x"}) is None
    assert Pacing().applies("baileys") and not Pacing().applies("sim"), "the sim: off by default"


def test_the_expected_departure_counts_the_queue_ahead_and_the_last_send():
    assert expected_departure(NOW, ahead=0, pacing=PACE, engine="baileys") == NOW
    step = timedelta(seconds=5)  # the gap plus the jitter's mean
    assert expected_departure(NOW, ahead=3, pacing=PACE, engine="baileys") == NOW + 3 * step
    just_left = NOW - timedelta(seconds=1)
    assert (
        expected_departure(NOW, ahead=0, pacing=PACE, engine="baileys", last_left_at=just_left)
        == just_left + step
    )
    long_ago = NOW - timedelta(hours=1)
    assert (
        expected_departure(NOW, ahead=0, pacing=PACE, engine="baileys", last_left_at=long_ago)
        == NOW
    )
    assert expected_departure(NOW, ahead=3, pacing=PACE, engine="sim") == NOW, "sim not paced"
    assert expected_departure(NOW, ahead=3, pacing=None, engine="baileys") == NOW
    midnight = datetime(2026, 12, 1)
    held = expected_departure(NOW, ahead=1, pacing=PACE, engine="baileys", held_until=midnight)
    assert held == midnight, "a message held by the daily cap leaves when it ends"
