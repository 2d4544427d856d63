"""The bridge panel: is the helper process alive, since when, how often it restarted, its log."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.bridge_policy import State
from app.domain.exit_record import ExitRecord
from app.ports.window import LOG_LINES_KEPT, BridgeInfo, BridgeStatus
from app.ui.shared.event_text import exit_words, record_words
from app.ui.shared.formatting import bridge_words, duration, tr
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

PINO_LEVELS = {10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL"}


def log_text(line: str) -> str:
    """A pino JSON line → '14:05:09 WARN message key=value'; other lines stay as they are."""
    stripped = line.strip()
    if not stripped.startswith("{"):
        return line
    try:
        data = json.loads(stripped)
    except ValueError:
        return line
    if not isinstance(data, dict):
        return line
    parts = []
    moment = data.pop("time", None)
    if isinstance(moment, int | float):
        parts.append(datetime.fromtimestamp(moment / 1000).strftime("%H:%M:%S"))
    elif isinstance(moment, str):
        try:
            parsed = datetime.fromisoformat(moment.replace("Z", "+00:00"))
            parts.append(parsed.astimezone().strftime("%H:%M:%S"))
        except ValueError:
            parts.append(moment)
    level = data.pop("level", None)
    parts.append(PINO_LEVELS.get(level, str(level)) if level is not None else "")
    parts.append(str(data.pop("msg", "")))
    for key in ("pid", "hostname", "v"):
        data.pop(key, None)
    extras = " ".join(
        f"{key}={value if isinstance(value, str) else json.dumps(value)}"
        for key, value in data.items()
    )
    return " ".join(part for part in (*parts, extras) if part)


class BridgePanel(OpensOnScreen, Retranslating, QDialog):
    def __init__(
        self,
        bridge: BridgeStatus,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge  # a record of the process, its log, and Restart: nothing else
        self._clock = clock
        #: Opens a file or folder with the system's program; False when none could.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.resize(760, 560)
        self._init_form()
        self._init_exits()
        self._init_log()
        self._init_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.exits_caption)
        layout.addWidget(self.exits)
        layout.addWidget(self.log_caption)
        layout.addWidget(self.log_view, 1)
        layout.addWidget(self.buttons)
        bridge.log_line.connect(self.append_line)
        bridge.state_changed.connect(self._on_state)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.retranslate()

    def _init_form(self) -> None:
        self.state_label = QLabel()
        self.pid_label = QLabel()
        self.uptime_label = QLabel()
        self.restarts_label = QLabel()
        self.exit_label = QLabel()
        self.exit_label.setWordWrap(True)
        self.exit_label.setTextFormat(Qt.TextFormat.PlainText)  # the bridge's own words
        for label in (self.pid_label, self.exit_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._row_labels = [QLabel() for _ in range(5)]
        values = (
            self.state_label,
            self.pid_label,
            self.uptime_label,
            self.restarts_label,
            self.exit_label,
        )
        for caption, value in zip(self._row_labels, values, strict=True):
            caption.setBuddy(value)
            self.form.addRow(caption, value)

    def _init_exits(self) -> None:
        """Each end of the bridge this run: when, how (signal or code), asked for or not."""
        self.exits_caption = QLabel()
        self.exits = QListWidget()
        self.exits.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 8)
        self.exits.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 8)
        self.exits_caption.setBuddy(self.exits)

    def _init_log(self) -> None:
        self.log_caption = QLabel()
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(LOG_LINES_KEPT)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.log_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.log_view.setFont(mono)
        self.log_caption.setBuddy(self.log_view)
        lines = self.bridge.recent_log()
        self.log_view.setPlainText("\n".join(log_text(line) for line in lines))
        self._scroll_to_end()

    def _init_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.restart_button = QPushButton()
        self.restart_button.setAutoDefault(False)  # Enter must never restart the bridge
        self.restart_button.clicked.connect(self.restart)
        self.open_log_button = QPushButton()
        self.open_log_button.setAutoDefault(False)
        self.open_log_button.clicked.connect(self.open_log_file)
        self.buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_log_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Own buttons, not standard ones: those retranslate themselves with Qt's words only.
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Bridge"))
        captions = (tr("State:"), tr("Process id:"), tr("Running for:"), tr("Restarts:"))
        for caption, text in zip(self._row_labels, (*captions, tr("Last exit:")), strict=True):
            caption.setText(text)
        self.exits_caption.setText(tr("Exits of this run (newest first):"))
        self.exits.setAccessibleName(tr("Exits of the bridge"))
        self.log_caption.setText(tr("Recent log (newest at the bottom):"))
        self.log_view.setAccessibleName(tr("Bridge log"))
        self.restart_button.setText(tr("Restart bridge"))
        self.restart_button.setAccessibleName(tr("Restart the bridge"))
        self.open_log_button.setText(tr("Open log file"))
        self.close_button.setText(tr("Close"))
        self._shown_exits: tuple[ExitRecord, ...] = ()
        self.refresh()

    def refresh(self) -> None:
        info = self.bridge.info()
        words = bridge_words(info.state)
        if info.state is State.FATAL and info.fatal_reason:
            words += " — " + exit_words(info.fatal_reason)
        self.state_label.setText(words)
        self.pid_label.setText(str(info.pid) if info.pid else "—")
        started = info.started_at
        up = info.up and started is not None
        self.uptime_label.setText(duration(self._clock() - started) if up else "—")
        self.restarts_label.setText(str(info.restarts))
        self._show_exits(info)

    def _show_exits(self, info: BridgeInfo) -> None:
        """The last end in full (with its last log line after a crash), and the list."""
        exits = info.exits
        self.exits_caption.setVisible(bool(exits))  # an empty list says nothing
        self.exits.setVisible(bool(exits))
        if not exits:  # none this run: what the supervisor knows (a start that failed)
            self.exit_label.setText(exit_words(info.last_exit) or "—")
            return
        if exits != self._shown_exits:
            self._shown_exits = exits
            last = exits[0]
            said = tr("Its last log line: %1").replace("%1", last.last_words)
            tail = "\n" + said if last.crashed and last.last_words else ""
            self.exit_label.setText(record_words(last) + tail)
            self.exits.clear()
            for record in exits:
                self.exits.addItem(record_words(record))

    def _on_state(self, _state: str) -> None:
        self.refresh()

    def append_line(self, line: str) -> None:
        bar = self.log_view.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 2
        self.log_view.appendPlainText(log_text(line))
        if at_end:
            self._scroll_to_end()

    def _scroll_to_end(self) -> None:
        bar = self.log_view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def restart(self) -> None:
        self.bridge.restart()
        self.refresh()

    def open_log_file(self) -> QMessageBox | None:
        """The log in the system's viewer; else its folder; else where to find it, in words."""
        path = self.bridge.info().log_path
        for place in (path, path.parent):
            if place.exists() and self.open_url(QUrl.fromLocalFile(str(place))):
                return None
        box = QMessageBox(QMessageBox.Icon.Information, tr("Open log file"), "", parent=self)
        box.setText(tr("This computer has no program set to open the log file."))
        box.setInformativeText(tr("You find it here: %1").replace("%1", str(path)))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.open()
        return box
