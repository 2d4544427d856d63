"""Emoji that show as emoji, not empty boxes, on a computer without an emoji font.

Windows and macOS have a colour emoji font, most Linux desktops too (Noto Color Emoji);
a bare one has none and every 🙏 a customer sends is a box. Jaga brings Noto Emoji (SIL
Open Font License 1.1, from the `manimgx-fonts` package; the frozen app carries it in
fonts/) and makes it Qt's emoji font where the system has none of its own. The Linux
package recommends the colour one (fonts-noto-color-emoji) besides.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)

FONT_FILE = "NotoEmoji[wght].ttf"
#: Colour emoji fonts the systems bring: where one is there, it is left in charge.
SYSTEM_EMOJI = ("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", "Twemoji")


def bundled_font() -> Path | None:
    """The frozen app's copy, else the one the development install has."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        candidate = Path(frozen) / "fonts" / FONT_FILE
        return candidate if candidate.is_file() else None
    try:
        import manimgx_fonts
    except ImportError:
        return None
    candidate = Path(manimgx_fonts.__file__).parent / FONT_FILE
    return candidate if candidate.is_file() else None


def install_emoji_font() -> str | None:
    """Makes the bundled emoji font Qt's emoji font where the system has none; returns
    the family in charge of emoji now (None: none at all)."""
    installed = set(QFontDatabase.families())  # one copy of the list, not one per name
    present = [family for family in SYSTEM_EMOJI if family in installed]
    if present:
        return present[0]
    font = bundled_font()
    if font is None:
        log.warning("no emoji font on this computer and none bundled: emoji show as boxes")
        return None
    font_id = QFontDatabase.addApplicationFont(str(font))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the bundled emoji font could not be loaded: %s", font)
        return None
    QFontDatabase.addApplicationEmojiFontFamily(families[0])
    return families[0]
