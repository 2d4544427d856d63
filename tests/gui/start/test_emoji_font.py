"""Emoji show as emoji on a desktop without an emoji font: Jaga brings Noto Emoji and makes
it Qt's emoji font (the test machine has no emoji font of its own)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from app.start.emoji_font import SYSTEM_EMOJI, bundled_font, install_emoji_font

PRAYING_HANDS = 0x1F64F


def test_the_bundled_emoji_font_becomes_the_emoji_font(qapp):
    """Seen failing against: main at 583a38a (no emoji font: every emoji an empty box)."""
    assert bundled_font() is not None
    family = install_emoji_font()
    assert family is not None
    if family in SYSTEM_EMOJI:
        return  # this machine brings its own: left in charge
    assert family in QFontDatabase.applicationEmojiFontFamilies()
    assert QFontMetrics(QFont(family)).inFontUcs4(PRAYING_HANDS)
    assert install_emoji_font() == family  # a second call changes nothing
