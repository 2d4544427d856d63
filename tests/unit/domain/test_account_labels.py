"""Pure rules of the hardening work: names (a number's label)."""

from __future__ import annotations

import pytest

from app.domain.account_labels import LabelError, clean_label


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("  Shop front \t", "Shop front"), ("A&B <3", "A&B <3"), ("Toko 🙂", "Toko 🙂")],
)
def test_names_are_trimmed_and_markup_is_just_text(raw, clean):
    assert clean_label(raw) == clean


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("Shop\x00front", "control characters"),
        ("Shop\nfront", "line breaks"),
        ("\u200b\u200d\u2060", "Give the number a name"),
        ("   ", "Give the number a name"),
        ("x" * 101, "too long"),
    ],
)
def test_bad_names_are_refused_with_a_reason(raw, why):
    with pytest.raises(LabelError, match=why):
        clean_label(raw)
