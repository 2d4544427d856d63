"""The three markers of a text a person reads (context "Jaga"): `tr()` translates it now,
`trn()` with a count, `tr_noop()` marks it where it is kept and it is translated where it
is shown. `app.ui.shared.i18n` collects all three into resources/translations/*.ts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Jaga"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def trn(text: str, n: int) -> str:
    """A text with a count: `%n` is replaced, and the translation picks the plural form."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


def tr_noop(text: str) -> str:
    """Marks a text for translation where it is defined; `tr()` it where it is shown."""
    return text
