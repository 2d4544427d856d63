""" "Start Jaga when I log in": the same Jaga as this one, never another's entry replaced or
removed without asking.

The entry starts this installation with this Jaga's data folder, settings file and mode
(app.system.autostart.start_command). An entry that starts another Jaga (another data folder,
settings file, or the demo) is shown for what it is; ticking the box asks before it is
replaced, and unticking leaves it alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QWidget

from app.domain.login_start import Autostart, Launch, launch_of
from app.ui.shared.formatting import tr

log = logging.getLogger(__name__)


def launch_words(launch: Launch) -> str:
    """'data folder /x, settings /y.ini, demo' — how another Jaga is named to the owner."""
    parts = [
        tr("data folder %1").replace("%1", launch.data_dir)
        if launch.data_dir
        else tr("the default data folder")
    ]
    if launch.settings:
        parts.append(tr("settings %1").replace("%1", launch.settings))
    if launch.demo:
        parts.append(tr("demo"))
    return ", ".join(parts)


class LoginStart(QObject):
    def __init__(
        self,
        autostart: Autostart | None,
        command: Sequence[str],
        parent: QWidget,
        *,
        fallback: bool = False,
    ) -> None:
        """`fallback`: what the settings file says, where no autostart can be read."""
        super().__init__(parent)
        self.autostart = autostart
        self.command = list(command)
        self.box = QCheckBox()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # paths are the owner's text
        self.question: QMessageBox | None = None
        present = autostart.command() if autostart is not None else None
        ours = launch_of(self.command)
        #: The Jaga the present entry starts when it is not this one.
        self.other: Launch | None = None
        if present is not None and launch_of(present) != ours:
            self.other = launch_of(present)
        ticked = present is not None and self.other is None
        self.box.setChecked(ticked if autostart is not None else fallback)
        self.box.setEnabled(autostart is not None)
        self.box.toggled.connect(self._toggled)
        self.note.setVisible(self.other is not None)

    def retranslate(self) -> None:
        self.box.setText(tr("Start Jaga when I log in to this computer"))
        if self.other is not None:
            self.note.setText(
                tr("Now another Jaga starts when you log in (%1).").replace(
                    "%1", launch_words(self.other)
                )
            )

    def _toggled(self, on: bool) -> None:
        if on and self.other is not None:
            self.ask()

    def ask(self) -> QMessageBox:
        """Replace the other Jaga's entry? Keeping it is the default."""
        other = self.other
        assert other is not None
        box = QMessageBox(self.parent())  # type: ignore[arg-type]
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Start at login"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("Another Jaga starts when you log in. Start this one instead?"))
        box.setInformativeText(
            tr("The other one uses %1. Only one Jaga starts at login.").replace(
                "%1", launch_words(other)
            )
        )
        replace = box.addButton(tr("Start this one instead"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(tr("Keep the other"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.finished.connect(lambda _result: self._answered(box.clickedButton() is replace))
        self.question = box
        box.open()
        return box

    def _answered(self, replace: bool) -> None:
        if not replace:
            self.box.blockSignals(True)
            self.box.setChecked(False)
            self.box.blockSignals(False)

    def apply(self) -> bool:
        """Writes the choice to the system; what is true afterwards (ticked or not)."""
        wanted = self.box.isChecked()
        if self.autostart is None:
            return wanted
        try:
            if wanted:
                self.autostart.enable(self.command)
                self.other = None
            elif self.other is None:
                self.autostart.disable()  # ours; another Jaga's entry is not ours to remove
        except OSError as error:
            log.warning("could not change start at login: %s", error)
            present = self.autostart.command()
            return present is not None and launch_of(present) == launch_of(self.command)
        return wanted
