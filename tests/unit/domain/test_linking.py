"""A pairing code's time limit: the link attempt's QRs still to come."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.linking import QR_ROTATE_MS, pairing_deadline, qr_rotation_s

NOW = datetime(2026, 12, 1, 9, 0, 0)


def test_the_code_lasts_the_current_qr_and_each_one_still_to_come():
    ends = NOW + timedelta(seconds=15)
    assert pairing_deadline(ends, 2, 5, 20.0, NOW) == ends + timedelta(seconds=60)
    assert pairing_deadline(ends, 5, 5, 20.0, NOW) == ends


def test_an_expired_current_code_counts_from_now():
    assert pairing_deadline(NOW - timedelta(seconds=5), 5, 5, 20.0, NOW) == NOW


def test_without_the_bridges_numbers_there_is_no_deadline():
    assert pairing_deadline(None, 1, 5, 20.0, NOW) is None
    assert pairing_deadline(NOW, None, 5, 20.0, NOW) is None


def test_the_rotation_is_the_apps_option_or_the_bridges_default():
    assert qr_rotation_s({"qr_rotate_ms": 2000}) == 2.0
    assert qr_rotation_s({}) == QR_ROTATE_MS / 1000
    assert qr_rotation_s({"qr_rotate_ms": "x"}) == QR_ROTATE_MS / 1000
