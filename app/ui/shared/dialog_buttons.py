"""The accept/reject button row of Jaga's dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def accept_reject_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A button box wired to the dialog's accept and reject, with two buttons of our own.

    Own buttons, not standard ones: those retranslate themselves with Qt's words only; the
    dialog sets these texts in its retranslate().
    """
    box = QDialogButtonBox()
    accept = box.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
    reject = box.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, accept, reject
