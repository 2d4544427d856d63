"""Widgets that say their words again when the owner changes the language (Settings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent


class Retranslating:
    """A mixin, listed just before the Qt class: Qt's LanguageChange calls `retranslate`.

    Qt sends LanguageChange to every widget when a translator is installed (app.ui.shared.i18n).
    """

    retranslate: Callable[[], None]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt class after this one
