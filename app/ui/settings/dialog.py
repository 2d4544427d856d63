"""Settings the owner can change: the window, starting with the computer, language, data."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import phonenumbers
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.login_start import Autostart
from app.domain.media import MediaLimits
from app.ui.settings.login_start import LoginStart
from app.ui.settings.preferences import COMMON_REGIONS, MB, AppSettings, supported_regions
from app.ui.shared.dialog_buttons import accept_reject_buttons
from app.ui.shared.formatting import tr
from app.ui.shared.i18n import LANGUAGES
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen
from app.ui.shared.scroll_page import ScrollPage

log = logging.getLogger(__name__)


class SettingsDialog(OpensOnScreen, Retranslating, QDialog):
    def __init__(
        self,
        settings: AppSettings,
        *,
        autostart: Autostart | None,
        current_data_dir: Path,
        tray_available: bool,
        start_command: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.autostart = autostart
        self.login = LoginStart(
            autostart,
            start_command,
            self,
            fallback=settings.start_at_login,
        )
        self.current_data_dir = current_data_dir
        self.tray_available = tray_available
        self._init_window_box()
        self._init_choices()
        self._init_data_dir()
        self._init_media_limits()
        self.buttons, self.save_button, self.cancel_button = accept_reject_buttons(self)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.window_box)
        column.addLayout(self._form())
        column.addStretch(1)
        self.page = ScrollPage(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.buttons)
        self.retranslate()

    def _init_window_box(self) -> None:
        settings = self.settings
        # Without a tray the option cannot be kept: shown off, greyed, and why.
        self.close_to_tray = QCheckBox()
        self.close_to_tray.setChecked(settings.close_to_tray and self.tray_available)
        self.close_to_tray.setEnabled(self.tray_available)
        self.tray_note = QLabel()
        self.tray_note.setWordWrap(True)
        self.tray_note.setVisible(not self.tray_available)
        self.start_minimized = QCheckBox()
        self.start_minimized.setChecked(settings.start_minimized)
        self.start_at_login = self.login.box
        self.window_box = QGroupBox()
        window_layout = QVBoxLayout(self.window_box)
        for widget in (
            self.close_to_tray,
            self.tray_note,
            self.start_minimized,
            self.start_at_login,
            self.login.note,
        ):
            window_layout.addWidget(widget)

    def _init_choices(self) -> None:
        """The language, and the country of numbers typed without a country code."""
        self.language = QComboBox()
        self.language.addItem("", "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(self.settings.language)
        self.language.setCurrentIndex(max(0, index))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.region = QComboBox()
        others = sorted(supported_regions() - set(COMMON_REGIONS))
        for code in (*COMMON_REGIONS, *others):
            prefix = phonenumbers.country_code_for_region(code)
            self.region.addItem(f"{code} (+{prefix})", code)
        self.region.setCurrentIndex(max(0, self.region.findData(self.settings.default_region)))
        self.region_label = QLabel()
        self.region_label.setBuddy(self.region)

    def _init_data_dir(self) -> None:
        self.data_dir = QLineEdit(str(self.settings.data_dir or self.current_data_dir))
        self.data_dir.setReadOnly(True)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.choose_data_dir)
        self.default_button = QPushButton()
        self.default_button.clicked.connect(self.use_default_data_dir)
        self.data_label = QLabel()
        self.data_label.setBuddy(self.data_dir)
        self.data_note = QLabel()
        self.data_note.setWordWrap(True)
        self._chosen_data_dir: Path | None = self.settings.data_dir

    def _init_media_limits(self) -> None:
        limits = self.settings.media_limits
        self.max_file = _megabytes_box(limits.max_file_bytes // MB, 1, 2048)
        self.max_file_label = QLabel()
        self.max_file_label.setBuddy(self.max_file)
        self.max_total = _megabytes_box(limits.max_total_bytes // MB, 1, 1024 * 1024)
        self.max_total_label = QLabel()
        self.max_total_label.setBuddy(self.max_total)

    def _form(self) -> QFormLayout:
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_dir, 1)
        data_row.addWidget(self.browse_button)
        data_row.addWidget(self.default_button)
        form = QFormLayout()
        # Long labels (Bahasa) go above their field rather than squeeze it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.language_label, self.language)
        form.addRow(self.region_label, self.region)
        form.addRow(self.max_file_label, self.max_file)
        form.addRow(self.max_total_label, self.max_total)
        form.addRow(self.data_label, data_row)
        form.addRow("", self.data_note)
        return form

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Settings"))
        self.window_box.setTitle(tr("Window and start-up"))
        self.close_to_tray.setText(tr("Closing the window keeps Jaga watching in the tray"))
        self.tray_note.setText(
            tr(
                "This desktop has no tray: closing the window puts Jaga on the taskbar, "
                "where it keeps watching. Quit Jaga (in the Jaga menu) stops it."
            )
        )
        self.start_minimized.setText(tr("Start minimized"))
        self.login.retranslate()
        self.language_label.setText(tr("&Language:"))
        self.language.setItemText(0, tr("Same as the computer"))
        self.region_label.setText(tr("&Numbers without a country code are in:"))
        self.max_file_label.setText(tr("Largest photo or file:"))
        # The bridge counts the whole media folder (sent files too) before each download.
        self.max_total_label.setText(tr("All files together (received and sent), at most:"))
        self.max_total.setToolTip(
            tr(
                "When Jaga's files take this much, new photos and files that customers send "
                "are not downloaded: open them on the phone."
            )
        )
        for box in (self.max_file, self.max_total):
            box.setSuffix(" MB")
        self.data_label.setText(tr("&Data folder:"))
        self.browse_button.setText(tr("Change…"))
        self.default_button.setText(tr("Default"))
        self.data_note.setText(
            tr("Jaga is using %1 now. A new data folder is used from the next start.").replace(
                "%1", str(self.current_data_dir)
            )
        )
        self.save_button.setText(tr("Save"))
        self.cancel_button.setText(tr("Cancel"))

    def choose_data_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the data folder"))
        if folder:
            self._chosen_data_dir = Path(folder)
            self.data_dir.setText(folder)

    def use_default_data_dir(self) -> None:
        self._chosen_data_dir = None
        self.data_dir.setText(tr("(default)"))

    def apply(self) -> None:
        """Saves the choices; start-at-login is written to the system at once."""
        settings = self.settings
        if self.tray_available:  # greyed without a tray: the owner's choice is kept for it
            settings.close_to_tray = self.close_to_tray.isChecked()
        settings.start_minimized = self.start_minimized.isChecked()
        settings.language = str(self.language.currentData() or "")
        settings.default_region = str(self.region.currentData() or "ID")
        settings.data_dir = self._chosen_data_dir
        largest = self.max_file.value() * MB
        settings.media_limits = MediaLimits(largest, max(largest, self.max_total.value() * MB))
        settings.start_at_login = self.login.apply()

    def accept(self) -> None:
        self.apply()
        super().accept()


def _megabytes_box(value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(min(max(value, low), high))
    return box
