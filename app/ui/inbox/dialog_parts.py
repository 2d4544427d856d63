"""What the inbox's dialogs share: the number chooser and the line that says what is wrong."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel

from app.ui.inbox.words import inbox_words
from app.ui.new_message import ERROR_STYLE

Numbers = Callable[[], list[tuple[str, str]]]  # (account id, the owner's name for it)


def number_combo(numbers: Numbers, chosen: str) -> QComboBox:
    combo = QComboBox()
    for account_id, name in numbers():
        combo.addItem(name, account_id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_error(label: QLabel, error: Exception) -> None:
    """The refusal's sentence in the owner's language; nothing was changed."""
    label.setText(inbox_words(error))
    label.show()
