"""Safe sending in Settings: each number's pace and its daily cap on new contacts."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from app.domain.pacing import GAP_RANGE_S, JITTER_RANGE_S, NEW_PER_DAY_RANGE, Pacing
from app.ui.shared.formatting import tr


def _spin(bounds: tuple[int, int], value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(*bounds)
    spin.setValue(value)
    return spin


class PacingBox(QGroupBox):
    def __init__(self, pacing: Pacing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.gap = _spin(GAP_RANGE_S, pacing.min_gap_s)
        self.jitter = _spin(JITTER_RANGE_S, pacing.jitter_s)
        self.new_per_day = _spin(NEW_PER_DAY_RANGE, pacing.new_contacts_per_day)
        self.gap_label, self.jitter_label, self.new_label = QLabel(), QLabel(), QLabel()
        self.gap_label.setBuddy(self.gap)
        self.jitter_label.setBuddy(self.jitter)
        self.new_label.setBuddy(self.new_per_day)
        self.cap_note = QLabel()
        self.cap_note.setWordWrap(True)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.explanation)
        form.addRow(self.gap_label, self.gap)
        form.addRow(self.jitter_label, self.jitter)
        form.addRow(self.new_label, self.new_per_day)
        form.addRow("", self.cap_note)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Safe sending"))
        self.explanation.setText(
            tr(
                "WhatsApp restricts numbers that send many messages quickly, or write to many "
                "people who never wrote to them. Jaga sends each number's messages one by one, "
                "a few seconds apart, like a person typing."
            )
        )
        self.gap_label.setText(tr("&Wait between messages:"))
        self.jitter_label.setText(tr("&Plus a random wait of up to:"))
        self.new_label.setText(tr("&New contacts per day:"))
        for spin in (self.gap, self.jitter):
            spin.setSuffix(" " + tr("seconds"))
        self.cap_note.setText(
            tr(
                "Messages to people this number never talked to stop at this many a day; the "
                "rest wait until midnight and go then. 0: no limit. Your customers' replies "
                "are never limited."
            )
        )

    def value(self) -> Pacing:
        return Pacing(
            min_gap_s=self.gap.value(),
            jitter_s=self.jitter.value(),
            new_contacts_per_day=self.new_per_day.value(),
        )
