"""The owner's name for a number: trimmed, one line, visible, and never markup.

Names are shown in tables, titles, banners, the tray menu and notifications. A NUL, a
newline or a name made only of invisible characters (zero-width spaces, joiners) used to
be accepted and made rows that look empty or break lines. Markup is not refused ("A&B"
and "<3" are fair names): every widget shows names as plain text.
"""

from __future__ import annotations

import unicodedata

MAX_LABEL = 100


class LabelError(ValueError):
    """A name that cannot be used, with a sentence for people (English; the UI translates)."""


def _visible(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Zs", "Zl", "Zp")


def clean_label(raw: str) -> str:
    label = raw.strip()
    if any(unicodedata.category(ch) == "Cc" for ch in label):
        raise LabelError("A name cannot contain line breaks, tabs or control characters.")
    if not any(_visible(ch) for ch in label):
        raise LabelError("Give the number a name, for example “Shop front”.")
    if len(label) > MAX_LABEL:
        raise LabelError("That name is too long (100 characters at most).")
    return label
