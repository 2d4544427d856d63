"""A received file's name, as it may be shown and written, and whether opening it runs it.

A sender controls the name. Bidi controls reorder what is shown: `invoice\\u202efdp.exe`
displays as "invoiceexe.pdf", a program dressed as a PDF. Control characters (a NUL) break
file calls. Both are taken out before a name is shown, suggested or written; what is left
shows the real extension, and a program or launcher is opened only after asking.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

#: Embeddings and overrides (U+202A-202E) and isolates (U+2066-2069).
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))

#: Opening one of these runs it (or something it names) on this computer.
RUNS_CODE = frozenset(
    {
        ".exe",
        ".bat",
        ".cmd",
        ".com",
        ".scr",
        ".msi",
        ".js",
        ".vbs",
        ".jar",
        ".apk",
        ".desktop",
        ".sh",
        ".appimage",
    }
)


def shown_name(name: str) -> str:
    """Without bidi controls and control characters (C0, C1: a NUL, a newline)."""
    return "".join(c for c in name if c not in BIDI_CONTROLS and unicodedata.category(c) != "Cc")


def real_extension(name: str) -> str:
    """The extension the system goes by, as written ('.exe' of 'nota.pdf.exe')."""
    return PurePath(shown_name(name).replace("\\", "/")).suffix


def runs_code(name: str) -> bool:
    return real_extension(name).lower() in RUNS_CODE
