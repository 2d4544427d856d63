"""Labels of a number: make, rename, recolour, delete. On a WhatsApp Business number
these are WhatsApp's own labels (changes reach the phone); otherwise they are Jaga's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.inbox.errors import InboxError
from app.domain.inbox.labels import COLORS, Label
from app.domain.store_error import StoreError
from app.ports.inbox import InboxPort
from app.ui.inbox.dialog_parts import (
    Numbers,
    button_row,
    connected_buttons,
    error_label,
    number_combo,
    show_error,
)
from app.ui.shared.formatting import tr
from app.ui.shared.retranslating import Retranslating
from app.ui.shared.screen_fit import OpensOnScreen

LabelRole = Qt.ItemDataRole.UserRole + 1


def swatch(hex_color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(hex_color))
    return QIcon(pixmap)


class LabelsDialog(OpensOnScreen, Retranslating, QDialog):
    def __init__(
        self, port: InboxPort, numbers: Numbers, account_id: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.setMinimumSize(420, 360)
        self.number = number_combo(numbers, account_id)
        self.number.currentIndexChanged.connect(lambda _i: self.show_labels())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.labels = QListWidget()
        self.labels.currentItemChanged.connect(lambda item, _old: self._pick(item))
        self._init_form()
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.note)
        layout.addWidget(self.labels, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(self.buttons)
        port.labels_changed.connect(self._labels_changed)  # bound: gone with the dialog
        self.retranslate()
        self.show_labels()
        self.resize(520, 520)  # what it would like; OpensOnScreen fits it to the screen

    def _init_form(self) -> None:
        self.name = QLineEdit()
        self.name.setMaxLength(2000)  # longer than allowed: said in words, not cut
        self.color = QComboBox()
        for index, hex_color in enumerate(COLORS):
            self.color.addItem(swatch(hex_color), "", index)
        self.form = QFormLayout()
        self.name_label, self.color_label = QLabel(), QLabel()
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.color_label, self.color)
        self.error_label = error_label()
        self.new_button, self.save_button, self.delete_button, self.close_button = (
            connected_buttons(self.new_label, self.save, self.delete, self.close)
        )
        self.buttons = button_row(
            [self.new_button, self.save_button, self.delete_button], [self.close_button]
        )

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Labels"))
        self.name_label.setText(tr("&Name:"))
        self.name_label.setBuddy(self.name)
        self.color_label.setText(tr("&Colour:"))
        self.color_label.setBuddy(self.color)
        for index in range(self.color.count()):
            self.color.setItemText(index, tr("Colour %1").replace("%1", str(index + 1)))
        self.new_button.setText(tr("&New label"))
        self.save_button.setText(tr("&Save"))
        self.delete_button.setText(tr("&Delete"))
        self.close_button.setText(tr("Close"))
        self.name.setPlaceholderText(tr("For example “Sudah bayar”"))
        self._show_note()

    @property
    def account_id(self) -> str:
        return str(self.number.currentData() or "")

    def _show_note(self) -> None:
        business = bool(self.account_id) and self.port.settings(self.account_id).business
        if business:
            self.note.setText(
                tr(
                    "A WhatsApp Business number: these are WhatsApp's own labels; "
                    "a change here shows on the phone too."
                )
            )
        else:
            self.note.setText(tr("Labels of this number are kept in Jaga."))

    def show_labels(self) -> None:
        chosen = self.selected()
        self.labels.clear()
        for label in self.port.labels(self.account_id) if self.account_id else []:
            item = QListWidgetItem(swatch(label.color_hex), label.name)
            item.setData(LabelRole, label)
            self.labels.addItem(item)
            if chosen is not None and label.label_id == chosen.label_id:
                self.labels.setCurrentItem(item)
        self._show_note()
        self.delete_button.setEnabled(self.selected() is not None)

    def _labels_changed(self, _account_id: str) -> None:
        self.show_labels()

    def selected(self) -> Label | None:
        item = self.labels.currentItem()
        label = item.data(LabelRole) if item is not None else None
        return label if isinstance(label, Label) else None

    def _pick(self, item: QListWidgetItem | None) -> None:
        label = item.data(LabelRole) if item is not None else None
        if isinstance(label, Label):
            self.name.setText(label.name)
            self.color.setCurrentIndex(max(0, self.color.findData(label.color)))
        self.delete_button.setEnabled(isinstance(label, Label))

    def new_label(self) -> None:
        self.labels.setCurrentItem(None)
        self.name.clear()
        self.name.setFocus()

    def save(self) -> Label | None:
        chosen = self.selected()
        return self._try(
            lambda: self.port.save_label(
                self.account_id,
                chosen.label_id if chosen else None,
                self.name.text(),
                self.color.currentData(),
            )
        )

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._try(lambda: self.port.delete_label(self.account_id, chosen.label_id))
            self.new_label()

    def _try(self, action: Callable[[], Label]) -> Label | None:
        try:
            label = action()
        except (InboxError, StoreError) as error:
            show_error(self.error_label, error)
            return None
        self.error_label.hide()
        self.show_labels()
        return label
