"""What the inbox's dialogs share: the number chooser, the line that says what is wrong and
the row of buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton

from app.ui.inbox.words import inbox_words
from app.ui.shared.message_look import ERROR_STYLE

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


def connected_buttons(*slots: Callable[[], object]) -> list[QPushButton]:
    """One button per slot, clicking it calls the slot (words come in `retranslate`)."""
    made = []
    for slot in slots:
        button = QPushButton()
        button.clicked.connect(lambda _checked=False, run=slot: run())
        made.append(button)
    return made


def button_row(left: Sequence[QPushButton], right: Sequence[QPushButton]) -> QHBoxLayout:
    """The dialog's buttons: `left` at the start, `right` at the end."""
    row = QHBoxLayout()
    for button in left:
        row.addWidget(button)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    return row
